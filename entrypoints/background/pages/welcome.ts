/**
 * Opens the welcome page (entrypoints/welcome/) once, when the extension is installed: not on
 * an update, nor when the browser updates (issue #15, item 6). `tabs.create` needs no permission.
 */
import { type Browser, browser } from 'wxt/browser';

export function openWelcomeOnInstall(details: Browser.runtime.InstalledDetails): void {
  if (details.reason !== 'install') return;
  // The path is built at run time; WXT types getURL with the pages it knows at build time.
  const url = (browser.runtime.getURL as (path: string) => string)('/welcome.html');
  browser.tabs.create({ url }).catch((error: unknown) => console.warn('[status-overlay] welcome page:', error));
}
