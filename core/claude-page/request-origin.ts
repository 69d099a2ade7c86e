/**
 * Which of the requests webRequest reports to claude.ai were made by a claude.ai page itself.
 * Any site can make the browser request a claude.ai address (an iframe, an image, a fetch): its
 * answer (a 4xx to a request without the user's session, say) says nothing about whether claude.ai
 * works for the user, so it must neither raise nor clear the "failing for you" banner.
 *
 * A claude.ai page's own requests are fetch/XHR (type `xmlhttprequest` in both browsers) from a
 * claude.ai document, in a real tab (tabId -1 is the browser's own or a worker's), in the tab's
 * top frame: a claude.ai document that another site frames is that site's doing, not the user's
 * claude.ai (frameId 0 is the top frame in both browsers; Firefox also lists the frame's
 * ancestors). Chrome names the requesting origin `initiator`; Firefox names the requesting
 * document `documentUrl` (and what triggered it `originUrl`). A top-level claude.ai navigation
 * (`main_frame`) is the page itself, which is where a Cloudflare challenge or the region redirect
 * usually lands.
 * https://developer.chrome.com/docs/extensions/reference/api/webRequest#type-ResourceType
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/webRequest/onCompleted#details
 */
import { CLAUDE_AI_HOST } from '../sites/site-hosts';

export interface RequestFacts {
  type?: string;
  tabId?: number;
  /** 0: the tab's top frame. */
  frameId?: number;
  /** -1 for the top frame. */
  parentFrameId?: number;
  /** Firefox: the frames above this one, empty for the top frame. */
  frameAncestors?: unknown[];
  /** Chrome: the origin that made the request. */
  initiator?: string;
  /** Firefox: the document the request was made from. */
  documentUrl?: string;
  /** Firefox: what triggered the request. */
  originUrl?: string;
}

/** Whether `url` (an origin or a full URL) is claude.ai over https on the default port: exact host, no look-alikes. */
function onClaude(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname === CLAUDE_AI_HOST && parsed.port === '';
  } catch {
    return false;
  }
}

/** The request came from the tab's top frame, not from a frame another page put a document in. */
function inTopFrame(facts: RequestFacts): boolean {
  if (facts.frameId !== 0) return false;
  if (facts.parentFrameId !== undefined && facts.parentFrameId !== -1) return false;
  return !Array.isArray(facts.frameAncestors) || facts.frameAncestors.length === 0;
}

/** A claude.ai page's own fetch or XHR: what counts as a request outcome. */
export function madeByClaudePage(facts: RequestFacts): boolean {
  if (typeof facts.tabId !== 'number' || !Number.isInteger(facts.tabId) || facts.tabId < 0) return false;
  if (facts.type !== 'xmlhttprequest' || !inTopFrame(facts)) return false;
  return onClaude(facts.initiator ?? facts.documentUrl ?? facts.originUrl);
}

/** claude.ai's page itself loading in a tab (the webRequest filter has already said it is claude.ai). */
export function claudeNavigation(facts: RequestFacts): boolean {
  return facts.type === 'main_frame' && typeof facts.tabId === 'number' && facts.tabId >= 0;
}

/** That, or a claude.ai page's own request: what may show the user's network or region turned away. */
export function claudePageOrItsRequest(facts: RequestFacts): boolean {
  return claudeNavigation(facts) || madeByClaudePage(facts);
}
