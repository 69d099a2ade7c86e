/**
 * The background's one message listener: who sent it (core/messages/message-senders.ts), whether that
 * sender may send it, at most so many from one tab (core/messages/rate-limit.ts), parsed with its schema
 * (core/messages/messages.ts), a gesture token where a page asks to act outside it
 * (core/messages/gesture.ts), then its handler (./handlers.ts). Anything refused gets no answer (undefined).
 */
import type { Browser } from 'wxt/browser';
import { needsGesture } from '../../../core/messages/gesture';
import { allowed, senderOf } from '../../../core/messages/message-senders';
import { parseMessage } from '../../../core/messages/messages';
import { type Bucket, take } from '../../../core/messages/rate-limit';
import type { BackgroundContext } from '../context';
import type { Handler, Handlers } from './handlers';

export interface RouterOptions {
  extensionId: string;
  extensionOrigin: string;
  handlers: Handlers;
  background: BackgroundContext;
  now: () => number;
}

export function createMessageRouter(options: RouterOptions) {
  const buckets = new Map<number, Bucket>();
  return (raw: unknown, facts: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
    const sender = senderOf(facts, options.extensionId, options.extensionOrigin);
    if (!sender) return undefined;
    // Counted before parsing: a flood of garbage costs the page its budget too.
    if (sender.kind === 'page' && !take(buckets, sender.tabId, options.now())) return undefined;
    const message = parseMessage(raw);
    if (!message || !allowed(sender, message)) return undefined;
    // From a page, what acts outside it follows a click in its banner (core/messages/gesture.ts).
    if (sender.kind === 'page' && needsGesture(message) && !options.background.redeemGesture(sender, message.token)) {
      return undefined;
    }
    const handler = options.handlers[message.type] as Handler<typeof message.type>;
    return handler(message, { sender, facts }, options.background);
  };
}
