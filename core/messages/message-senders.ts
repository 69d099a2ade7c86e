/**
 * Who sent a message, from what the browser says about the sender (`runtime.MessageSender`),
 * which a page cannot forge: its URL and tab are set by the browser, not by the script.
 * The extension's own pages (popup, options) speak for the user; a claude.ai or
 * platform.claude.com page may only ask about its own site (core/messages/messages.ts, PAGE_MESSAGES).
 * Anything else (another frame, an unknown origin, no tab) is nobody and gets no answer.
 * https://developer.chrome.com/docs/extensions/reference/api/runtime#type-MessageSender
 */

import { type SiteId, siteIdForHost } from '../sites/site-hosts';
import { type Message, PAGE_MESSAGES } from './messages';

export interface SenderFacts {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type Sender = { kind: 'extension' } | { kind: 'page'; site: SiteId; tabId: number };

/** `extensionId` is runtime.id, `extensionOrigin` runtime.getURL('/') (chrome-extension://id/ or moz-extension://uuid/). */
export function senderOf(facts: SenderFacts, extensionId: string, extensionOrigin: string): Sender | null {
  if (facts.id !== extensionId || typeof facts.url !== 'string') return null;
  if (facts.url.startsWith(extensionOrigin)) return { kind: 'extension' };
  const tabId = facts.tab?.id;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return null;
  let url: URL;
  try {
    url = new URL(facts.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.port !== '') return null;
  const site = siteIdForHost(url.hostname);
  return site ? { kind: 'page', site, tabId } : null;
}

/** Whether `sender` may send `message`: the extension's pages anything, a page only its own site's few. */
export function allowed(sender: Sender, message: Message): boolean {
  if (sender.kind === 'extension') return true;
  return PAGE_MESSAGES.includes(message.type) && 'site' in message && message.site === sender.site;
}
