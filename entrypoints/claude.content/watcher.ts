/**
 * The always-on part in claude.ai and platform.claude.com pages: it asks the background whether
 * there is anything to show (one message), watches for claude.ai's own error signals, and reads
 * the model label only when the advice needs it. Plain DOM and the browser's own extension API,
 * nothing else: the banner's view is injected by the background only when a banner is due
 * (entrypoints/background/banner/banner-injector.ts), and drawn by entrypoints/claude-banner.ts.
 */
import { SELECTORS } from '../../core/claude-page/page-facts';
import type { SiteId } from '../../core/sites/site-hosts';
import { HISTORY_KEY, NOTIFIED_KEY } from '../../shell/stored-keys';
import { watchCapacityErrors } from './capacity-watch';
import { bannerController, type PageView, pageApi } from './page-api';

/**
 * The stored items whose change never changes the banner; any other change asks again, so an
 * item added later cannot be forgotten here.
 */
const UNWATCHED_KEYS = [HISTORY_KEY, NOTIFIED_KEY];

/** The model shown in the model menu button, e.g. "Opus 4.6"; null when the page shows none. */
function modelLabel(): string | null {
  const text = document.querySelector(SELECTORS.modelButton)?.textContent?.trim();
  return text ? text.slice(0, 80) : null;
}

async function fetchView(site: SiteId, model: string | null): Promise<PageView | undefined> {
  try {
    return await pageApi.runtime.sendMessage({
      type: 'site-view',
      site,
      model,
      bannerLoaded: bannerController() !== undefined,
    });
  } catch {
    // The background is restarting; the next change asks again. (After an update or removal the
    // extension's API is gone from this page: the watcher stops, see `stop` below.)
    return undefined;
  }
}

export function startWatcher(site: SiteId): void {
  let recheck: ReturnType<typeof setTimeout> | null = null;
  /** The model label sent with the last request; read only once an answer said it matters. */
  let model: string | null = null;
  let needsModel = false;
  let detectCapacity = false;

  // Replies to overlapping requests can arrive out of order: only the latest request's reply counts.
  let latest = 0;
  const update = async (): Promise<void> => {
    const request = ++latest;
    const view = await fetchView(site, model);
    // This page's extension context ends when the extension is updated or removed (Chrome drops
    // runtime.id): an orphaned watcher cleans up after itself.
    if (!pageApi.runtime.id) return stop();
    if (!view || request !== latest) return;
    if (view.needsModel && !needsModel) {
      // The incident names models: the advice depends on the one this page is on. Ask again with it.
      needsModel = true;
      const label = modelLabel();
      if (label !== model) {
        model = label;
        return update();
      }
    }
    needsModel = view.needsModel;
    detectCapacity = view.detectCapacity;
    watch(detectCapacity || needsModel);
    if (recheck !== null) clearTimeout(recheck);
    recheck = view.recheckAt === null ? null : setTimeout(() => void update(), view.recheckAt - Date.now() + 50);
    // The background injected the banner script before answering, when a banner is due.
    if (view.banner && view.text) bannerController()?.show(view, () => void update());
    else bannerController()?.hide();
  };

  const onBatch = () => {
    if (!needsModel) return;
    // Switching model may change the advice ("you are on Sonnet 4.6, which is not named").
    const next = modelLabel();
    if (next !== model) {
      model = next;
      void update();
    }
  };

  let stopWatching: (() => void) | null = null;
  // On while the user's setting asks for capacity detection, or while the advice needs the model.
  function watch(on: boolean): void {
    if (on && !stopWatching) {
      stopWatching = watchCapacityErrors(
        document.body,
        (signal) => {
          if (!detectCapacity) return;
          pageApi.runtime.sendMessage({ type: 'page-signal', site, ...signal }).catch(() => undefined);
        },
        onBatch,
      );
    } else if (!on && stopWatching) {
      stopWatching();
      stopWatching = null;
    }
  }

  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some((key) => !UNWATCHED_KEYS.includes(key))) void update();
  };
  pageApi.storage.onChanged.addListener(onStorage);

  function stop(): void {
    watch(false);
    if (recheck !== null) clearTimeout(recheck);
    recheck = null;
    bannerController()?.hide();
    try {
      pageApi.storage.onChanged.removeListener(onStorage);
    } catch {
      // The API may be gone already.
    }
  }

  void update();
}
