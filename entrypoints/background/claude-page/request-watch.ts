/**
 * Observes the outcome of claude.ai's own requests (status code or connection error) with
 * webRequest, without blocking or modifying them and without reading bodies. Only the kind of
 * request (completion or other) and the outcome leave this file; never the URL.
 * Chrome fires these events only for hosts the extension has permission for (claude.ai here).
 * https://developer.chrome.com/docs/extensions/reference/api/webRequest
 */
import { browser } from 'wxt/browser';
import { blockedLocally, type OutcomeEvent, outcomeOf, requestKindOf } from '../../../core/claude-page/fault';
import {
  claudeNavigation,
  claudePageOrItsRequest,
  madeByClaudePage,
  type RequestFacts,
} from '../../../core/claude-page/request-origin';
import { CLAUDE_AI_HOST } from '../../../core/sites/site-hosts';

/**
 * claude.ai's API: outcomes of its requests. Only fetch/XHR can be a claude.ai page's own request
 * (core/claude-page/request-origin.ts), so the browser is asked for no other type: images, scripts and fonts
 * never wake the background.
 */
const API = { urls: [`https://${CLAUDE_AI_HOST}/api/*`], types: ['xmlhttprequest' as const] };
/**
 * claude.ai's page loads and its own requests, for the answers that turn the user's network or
 * region away (a Cloudflare challenge usually answers the page itself, not the API).
 */
const ALL = { urls: [`https://${CLAUDE_AI_HOST}/*`], types: ['main_frame' as const, 'xmlhttprequest' as const] };

/** Requests the page or the browser cancelled: not a failure of claude.ai nor of the network. */
const CANCELLED = ['net::ERR_ABORTED', 'net::ERR_BLOCKED_BY_CLIENT', 'NS_BINDING_ABORTED', 'NS_ERROR_ABORT'];

interface Header {
  name: string;
  value?: string;
}

/** The value of the one header we look at; the others are not read. */
function cfMitigated(headers: Header[] | undefined): string | null {
  return headers?.find((h) => h.name.toLowerCase() === 'cf-mitigated')?.value ?? null;
}

export function watchClaudeRequests(onOutcome: (event: OutcomeEvent) => void): () => void {
  // Only a claude.ai page's own requests count, both ways (core/claude-page/request-origin.ts): another
  // site framing a claude.ai address can neither raise the banner nor clear it.
  type Completed = RequestFacts & { url: string; statusCode: number; responseHeaders?: Header[] };
  const completed = (details: Completed) => {
    // Worked out once: most of these are the page's own fetches.
    const own = madeByClaudePage(details);
    if (!own && !claudeNavigation(details)) return;
    const kind = requestKindOf(details.url);
    if (blockedLocally({ statusCode: details.statusCode, cfMitigated: cfMitigated(details.responseHeaders) })) {
      onOutcome({ at: Date.now(), kind: kind ?? 'other', outcome: 'local' });
    } else if (kind && own) {
      onOutcome({ at: Date.now(), kind, outcome: outcomeOf(details.statusCode, false) });
    }
  };
  const redirected = (details: RequestFacts & { url: string; redirectUrl: string }) => {
    if (claudePageOrItsRequest(details) && blockedLocally({ redirectUrl: details.redirectUrl })) {
      onOutcome({ at: Date.now(), kind: requestKindOf(details.url) ?? 'other', outcome: 'local' });
    }
  };
  const failed = (details: RequestFacts & { url: string; error: string }) => {
    const kind = requestKindOf(details.url);
    if (kind && madeByClaudePage(details) && !CANCELLED.includes(details.error)) {
      onOutcome({ at: Date.now(), kind, outcome: outcomeOf(null, true) });
    }
  };
  // 'responseHeaders' is needed for the headers to be in the details, in Chrome and Firefox alike.
  // https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/webRequest/onCompleted
  browser.webRequest.onCompleted.addListener(completed, ALL, ['responseHeaders']);
  browser.webRequest.onBeforeRedirect.addListener(redirected, ALL);
  browser.webRequest.onErrorOccurred.addListener(failed, API);
  return () => {
    browser.webRequest.onCompleted.removeListener(completed);
    browser.webRequest.onBeforeRedirect.removeListener(redirected);
    browser.webRequest.onErrorOccurred.removeListener(failed);
  };
}
