/**
 * The always-on part in claude.ai and platform.claude.com pages: it asks the background whether
 * there is anything to show (one message), watches for claude.ai's own error signals, notices when
 * the page's markers vanish, and reads the model label only when the advice needs it. Plain DOM and
 * the browser's own extension API, nothing else: the page reader is injected by the background
 * only when the page shows a candidate (entrypoints/claude-read.ts), the banner's view only when a
 * banner is due (entrypoints/background/banner/banner-injector.ts, entrypoints/claude-banner.ts).
 */
import {
  MARKERS,
  type MarkerName,
  type PageSignalKind,
  SELECTORS,
  STREAMING_REPLY,
} from '../../core/claude-page/page-facts';
import type { SiteId } from '../../core/sites/site-hosts';
import { TEST_BUILD, TEST_TIMINGS } from '../../core/time/test-build';
import { MINUTE_MS } from '../../core/time/time';
import { HISTORY_KEY, NOTIFIED_KEY } from '../../shell/stored-keys';
import { bannerController, type PageView, pageApi, pageReader } from './page-api';
import { watchPageSignals } from './page-signal-watch';

/**
 * The stored items whose change never changes the banner; any other change asks again, so an
 * item added later cannot be forgotten here.
 */
const UNWATCHED_KEYS = [HISTORY_KEY, NOTIFIED_KEY];

/** One message stays on screen while the page re-renders it: each kind is reported once a minute at most. */
export const REPORT_EVERY_MS = TEST_BUILD ? TEST_TIMINGS.paceMs : MINUTE_MS;
/** The markers are checked once the page has been quiet this long (claude.ai renders a conversation after load). */
const MARKERS_QUIET_MS = 3_000;
/** Candidates kept while the page reader loads; the newest count most (a failed reply comes last). */
const MAX_PENDING = 16;

/**
 * The model shown in the model menu button, e.g. "Opus 4.6": its aria-label when that names the
 * model ("Model: Sonnet 5 Medium" beside the text "Sonnet 5"), else its text; null when the page shows none.
 */
function modelLabel(): string | null {
  const button = document.querySelector(SELECTORS.modelButton);
  const label = button?.getAttribute('aria-label') ?? '';
  const text = (/^model\b/i.test(label) ? label : button?.textContent)?.trim();
  return text ? text.slice(0, 80) : null;
}

/** The markers this conversation page lacks; null when this is not a conversation page. */
function missingMarkers(): MarkerName[] | null {
  if (!location.pathname.startsWith('/chat/')) return null;
  return MARKERS.filter(([, selector]) => !document.querySelector(selector)).map(([name]) => name);
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

  // The markers, checked once the page is quiet after changes; sent when the answer changes.
  let markersSent: string | null = null;
  let markersTimer: ReturnType<typeof setTimeout> | null = null;
  /** A message of claude.ai's own was found: the page is not the conversation it usually is (the outage screen). */
  let signalled = false;
  const checkMarkers = () => {
    markersTimer = null;
    // A page where a reply streams is not quiet (and the watcher leaves it alone meanwhile: issue
    // #29); the batch that follows the reply's end sets this timer again.
    if (document.querySelector(STREAMING_REPLY)) return;
    const missing = missingMarkers();
    if (!missing || signalled || missing.join() === markersSent) return;
    markersSent = missing.join();
    pageApi.runtime.sendMessage({ type: 'page-markers', site, missing }).catch(() => undefined);
  };

  const onBatch = () => {
    if (markersTimer !== null) clearTimeout(markersTimer);
    markersTimer = setTimeout(checkMarkers, MARKERS_QUIET_MS);
    if (!needsModel) return;
    // Switching model may change the advice ("you are on Sonnet 4.6, which is not named").
    const next = modelLabel();
    if (next !== model) {
      model = next;
      void update();
    }
  };

  const reported = new Map<PageSignalKind, number>();
  // Candidates wait here while the page reader loads, then are queued again.
  const pending = new Set<Text>();
  let loading = false;
  const onCandidate = (text: Text) => {
    if (!detectCapacity) return;
    const reader = pageReader();
    if (!reader) {
      pending.add(text);
      for (const old of pending) if (pending.size > MAX_PENDING) pending.delete(old);
      if (loading) return;
      loading = true;
      void pageApi.runtime
        .sendMessage({ type: 'page-reader', site })
        .catch(() => undefined)
        .then(() => {
          loading = false;
          if (pageReader()) for (const t of pending) watching?.rescan(t);
          pending.clear();
        });
      return;
    }
    const signal = reader.read(text);
    if (!signal) return;
    signalled = true;
    const now = Date.now();
    // Never reported counts as reported at the epoch: long ago.
    if (now - (reported.get(signal.kind) ?? 0) < REPORT_EVERY_MS) return;
    reported.set(signal.kind, now);
    pageApi.runtime.sendMessage({ type: 'page-signal', site, ...signal }).catch(() => undefined);
  };

  let watching: ReturnType<typeof watchPageSignals> | null = null;
  const watchWanted = () => watch(detectCapacity || needsModel);
  // On while the user's setting asks for claude.ai's own messages, or while the advice needs the model.
  function watch(on: boolean): void {
    if (on && !watching) {
      // The script starts with the document (document_start, for the banner's sake): the page is
      // watched from DOMContentLoaded on, as it was when the script started at document_idle.
      // One listener however often this is asked: the same function is added once.
      // (Not as soon as a body exists: the parser's own insertions would each be a change to read.)
      if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', watchWanted, { once: true });
        return;
      }
      watching = watchPageSignals(document.body ?? document.documentElement, onCandidate, onBatch);
    } else if (!on && watching) {
      watching.stop();
      watching = null;
      if (markersTimer !== null) clearTimeout(markersTimer);
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
