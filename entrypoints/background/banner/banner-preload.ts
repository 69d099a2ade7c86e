/**
 * While a banner is due on a site, the banner script is registered to load with that site's pages
 * at document_start, beside the always-on watcher: a stored incident's banner is then drawn as the
 * page loads, instead of after the injection that banner-injector.ts makes on demand (issue #29;
 * docs/benchmarks.md has both measured). When no banner is due it is unregistered again, so a
 * healthy page never loads it. Every status, signal, dismissal or settings change syncs it
 * (index.ts), and so does every start: registrations can outlive the worker.
 * https://developer.chrome.com/docs/extensions/reference/api/scripting#method-registerContentScripts
 */
import { browser } from 'wxt/browser';
import { SITE_IDS, type SiteId, siteIdForHost } from '../../../core/sites/site-hosts';
import { BANNER_SCRIPT } from './banner-injector';

const PRELOAD_ID = 'banner-preload';
/**
 * A page sends its first request at document_start, within milliseconds of starting to load; one
 * that asks this long after the registration started loading after it, and ran the script.
 */
const SETTLED_MS = 1_000;

/** The content script's match patterns in the manifest (wxt.config.ts) that are for `sites`. */
function matchesFor(sites: readonly SiteId[]): string[] {
  const patterns = browser.runtime.getManifest().content_scripts?.flatMap((script) => script.matches ?? []) ?? [];
  return patterns.filter((pattern) => {
    const site = siteIdForHost(pattern.split('/')[2] ?? '');
    return site !== null && sites.includes(site);
  });
}

export interface BannerPreloadDeps {
  /** Whether a banner is due on the site now (the decision, without its words). */
  due: (site: SiteId) => Promise<boolean>;
  now: () => number;
}

export function createBannerPreload({ due, now }: BannerPreloadDeps) {
  /** Since when this worker knows the script registered for each site. */
  let since: Partial<Record<SiteId, number>> = {};
  let queue: Promise<void> = Promise.resolve();

  async function sync(): Promise<void> {
    const wanted = (await Promise.all(SITE_IDS.map(async (site) => ((await due(site)) ? site : null)))).filter(
      (site): site is SiteId => site !== null,
    );
    const matches = matchesFor(wanted);
    const [current] = await browser.scripting.getRegisteredContentScripts({ ids: [PRELOAD_ID] });
    if ((current?.matches ?? []).join() === matches.join()) {
      // Registered before this worker started: from now on, as far as it can tell.
      for (const site of wanted) since[site] ??= now();
      return;
    }
    if (current) await browser.scripting.unregisterContentScripts({ ids: [PRELOAD_ID] });
    if (matches.length > 0) {
      await browser.scripting.registerContentScripts([
        { id: PRELOAD_ID, matches, js: [BANNER_SCRIPT.slice(1)], runAt: 'document_start' },
      ]);
    }
    const at = now();
    since = Object.fromEntries(wanted.map((site) => [site, at]));
  }

  return {
    /** Registers or unregisters the script for what is due now; calls run one after another. */
    sync(): Promise<void> {
      queue = queue.then(sync).catch((error) => console.warn('[status-overlay] banner preload:', error));
      return queue;
    },
    /** Whether a page of `site` that starts loading now runs the banner script without an injection. */
    preloaded(site: SiteId): boolean {
      const at = since[site];
      return at !== undefined && now() - at >= SETTLED_MS;
    },
  };
}
