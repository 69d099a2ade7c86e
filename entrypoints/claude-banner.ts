/**
 * The banner's view, injected by the background (entrypoints/background/banner/banner-injector.ts) into
 * a claude.ai or platform.claude.com tab only when a banner is due, into the same isolated world
 * as the watcher (entrypoints/claude-watch.ts), which then drives it through BANNER_GLOBAL.
 * Injected twice (two answers racing), it keeps the first controller: one banner, never two.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createBannerHost } from './claude.content/banner-host';
import { BANNER_GLOBAL } from './claude.content/page-api';

export default defineUnlistedScript(() => {
  const scope = globalThis as Record<string, unknown>;
  scope[BANNER_GLOBAL] ??= createBannerHost();
});
