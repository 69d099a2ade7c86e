/**
 * The content script on claude.ai and platform.claude.com (declared in wxt.config.ts), built as
 * an unlisted script rather than with defineContentScript: WXT's content-script wrapper always
 * builds a ContentScriptContext, which pulls in webextension-polyfill and posts a
 * `wxt:content-script-started` message to the page on every load (the page learns the extension
 * is there, and a forged one stops the script). This wrapper only runs main(). docs/benchmarks.md
 * has the bytes.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { siteIdForHost } from '../core/sites/site-hosts';
import { startWatcher } from './claude.content/watcher';

export default defineUnlistedScript(() => {
  const site = siteIdForHost(location.host);
  if (site) startWatcher(site);
});
