/**
 * Observes the outcome of claude.ai's own API requests (status code or connection error) with
 * webRequest, without blocking or modifying them and without reading bodies. Only the kind of
 * request (completion or other) and the outcome leave this file; never the URL.
 * Chrome fires these events only for hosts the extension has permission for (claude.ai here).
 * https://developer.chrome.com/docs/extensions/reference/api/webRequest
 */
import { browser } from 'wxt/browser';
import { type OutcomeEvent, outcomeOf, requestKindOf } from '../../core/fault';

const FILTER = { urls: ['https://claude.ai/api/*'] };

/** Requests the page or the browser cancelled: not a failure of claude.ai nor of the network. */
const CANCELLED = ['net::ERR_ABORTED', 'net::ERR_BLOCKED_BY_CLIENT', 'NS_BINDING_ABORTED', 'NS_ERROR_ABORT'];

export function watchClaudeRequests(onOutcome: (event: OutcomeEvent) => void): () => void {
  const completed = (details: { url: string; statusCode: number }) => {
    const kind = requestKindOf(details.url);
    if (kind) onOutcome({ at: Date.now(), kind, outcome: outcomeOf(details.statusCode, false) });
  };
  const failed = (details: { url: string; error: string }) => {
    const kind = requestKindOf(details.url);
    if (kind && !CANCELLED.includes(details.error)) onOutcome({ at: Date.now(), kind, outcome: outcomeOf(null, true) });
  };
  browser.webRequest.onCompleted.addListener(completed, FILTER);
  browser.webRequest.onErrorOccurred.addListener(failed, FILTER);
  return () => {
    browser.webRequest.onCompleted.removeListener(completed);
    browser.webRequest.onErrorOccurred.removeListener(failed);
  };
}
