/**
 * The banner on demand: the page's always-on watcher (entrypoints/claude-watch.ts) carries no
 * view code; when a banner is due and that page has not loaded the banner script yet, the
 * background injects it into the frame that asked, before answering, so the watcher can show it
 * at once. Needs the `scripting` permission (README, "Permissions"); the host permissions for
 * the two sites are already there for the content script.
 * https://developer.chrome.com/docs/extensions/reference/api/scripting#method-executeScript
 */
import { type Browser, browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

/** The banner script as built (entrypoints/claude-banner.ts, an unlisted script). */
export const BANNER_SCRIPT: ScriptPublicPath = '/claude-banner.js';

export function injectBanner(sender: Browser.runtime.MessageSender): Promise<void> {
  return injectScript(sender, BANNER_SCRIPT);
}

/** Injects one of the extension's unlisted scripts into the frame `sender` is, in the content scripts' isolated world. */
export async function injectScript(sender: Browser.runtime.MessageSender, file: ScriptPublicPath): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return;
  try {
    // Without injectImmediately the script waits for document_idle; the watcher asks from
    // document_start, so that a banner that is due is drawn with the page (issue #29).
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      files: [file],
      injectImmediately: true,
    });
  } catch (error) {
    // The tab navigated away or closed meanwhile; its next page asks again.
    console.warn('[status-overlay] script injection:', file, (error as Error).message);
  }
}
