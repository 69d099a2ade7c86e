/**
 * What a claude.ai or platform.claude.com page may ask that acts outside it (open a tab: a banner
 * link or the popup; switch "Tell me when it's back" on or off) follows a person's click in the
 * banner: at the click, the banner asks the background for a gesture token, and sends the request
 * with it. The background hands a token out only to that tab, only while its site shows a banner,
 * at most GESTURE_LIMIT's burst then one every 2 s; a token is good once, for that tab and site,
 * for GESTURE_TTL_MS. Code in the content scripts' world can still ask for a token, as the banner
 * does (no browser API lets the background see the click): what it gains is bounded to the links
 * its banner shows, at that rate (SECURITY.md). Before, it could open any catalogue, incident or
 * user link and switch the watch on, 4 a second. Pure: the caller keeps the state, the clock and
 * the tokens are passed in.
 */
import type { SiteId } from '../sites/site-hosts';
import type { Message } from './messages';
import { type Bucket, type RateLimit, take } from './rate-limit';

/** The messages a page sends only with a gesture token. */
export const GESTURE_MESSAGES = ['open-link', 'back-watch', 'open-popup'] as const;
type GestureMessage = Extract<Message, { type: (typeof GESTURE_MESSAGES)[number] }>;

/** How long a token is good: the round trip from the click, on a busy machine. */
export const GESTURE_TTL_MS = 10_000;
/** Three clicks at once (a link, then the watch), then one every 2 s: more than a person clicks. */
export const GESTURE_LIMIT: RateLimit = { burst: 3, refillMs: 2_000, maxKeys: 200 };

interface Issued {
  token: string;
  site: SiteId;
  at: number;
}

/** The background's record: the one live token of each tab, and each tab's rate. */
export interface Gestures {
  issued: Map<number, Issued>;
  buckets: Map<number, Bucket>;
}

export function emptyGestures(): Gestures {
  return { issued: new Map(), buckets: new Map() };
}

export function needsGesture(message: Message): message is GestureMessage {
  return (GESTURE_MESSAGES as readonly string[]).includes(message.type);
}

/** Hands `token` to the tab (replacing any it held), or null when the tab asks too often. */
export function issueGesture(
  gestures: Gestures,
  tabId: number,
  site: SiteId,
  token: string,
  nowMs: number,
): string | null {
  if (!take(gestures.buckets, tabId, nowMs, GESTURE_LIMIT)) return null;
  gestures.issued.delete(tabId);
  gestures.issued.set(tabId, { token, site, at: nowMs });
  for (const oldest of gestures.issued.keys()) {
    if (gestures.issued.size <= GESTURE_LIMIT.maxKeys) break;
    gestures.issued.delete(oldest);
  }
  return token;
}

/** Whether `token` is the tab's live token for `site`; it is used up either way. */
export function redeemGesture(
  gestures: Gestures,
  tabId: number,
  site: SiteId,
  token: string | undefined,
  nowMs: number,
): boolean {
  const issued = gestures.issued.get(tabId);
  if (!issued || token === undefined) return false;
  gestures.issued.delete(tabId);
  const age = nowMs - issued.at;
  return issued.token === token && issued.site === site && age >= 0 && age <= GESTURE_TTL_MS;
}
