/**
 * The gesture tokens of the banner's clicks (core/messages/gesture.ts), kept in memory: a token
 * lives seconds, and a worker that stopped meanwhile only makes the click ask again.
 */
import { emptyGestures, issueGesture, redeemGesture } from '../../../core/messages/gesture';
import type { Sender } from '../../../core/messages/message-senders';

type PageSender = Extract<Sender, { kind: 'page' }>;

export function createGestures(now: () => number = Date.now) {
  const gestures = emptyGestures();
  return {
    issueGesture: (page: PageSender): string | null =>
      issueGesture(gestures, page.tabId, page.site, crypto.randomUUID(), now()),
    redeemGesture: (page: PageSender, token: string | undefined): boolean =>
      redeemGesture(gestures, page.tabId, page.site, token, now()),
  };
}
