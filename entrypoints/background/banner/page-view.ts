/**
 * A site's view as its page gets it: the decision (core/verdict/site-view.ts) and the banner's words in
 * the user's language. Handlers that only need to know which banner is shown (dismiss, the
 * incident link) ask for the decision alone, without the words or the notification check.
 */

import type { BackWatch } from '../../../core/back-watch/back-watch';
import type { Dismissals } from '../../../core/banner/dismissals';
import { lastDetection, type Signals } from '../../../core/claude-page/detections';
import type { FailureLog } from '../../../core/claude-page/fault';
import { PAGE_SIGNAL_KINDS, type PageSignalKind } from '../../../core/claude-page/page-facts';
import { wrongBannerReport } from '../../../core/claude-page/page-report';
import type { PageView } from '../../../core/messages/messages';
import { parseModelLabel } from '../../../core/models/claude-models';
import { isOlderThanInterval } from '../../../core/polling/health';
import type { Settings } from '../../../core/settings/settings';
import type { SiteId } from '../../../core/sites/site-hosts';
import { siteById } from '../../../core/sites/sites';
import { type PastDurations, typicalDuration } from '../../../core/status-page/typical-duration';
import { type Overall, overallFor } from '../../../core/verdict/overall';
import { type SiteView, siteView } from '../../../core/verdict/site-view';
import type { StatusNow } from '../../../shell/status-now';
import { bannerText } from './banner-text';

export interface PageViewDeps {
  /** The status every surface shows, and what "stale" means for it (shell/status-now.ts). */
  statusNow: () => Promise<StatusNow>;
  signals: () => Promise<Signals>;
  dismissals: () => Promise<Dismissals>;
  failures: () => Promise<FailureLog>;
  /** "Tell me when it's back" (core/back-watch/back-watch.ts). */
  backWatch: () => Promise<BackWatch>;
  /** How long past incidents lasted (core/status-page/typical-duration.ts). */
  pastDurations: () => Promise<PastDurations>;
  /** Whether a notification can be shown (the banner then need not offer to open the popup). */
  canNotify: () => Promise<boolean>;
  /** Read from storage, not memory: the change that made the page ask may not have reached us yet. */
  settings: () => Promise<Settings>;
  useLanguage: (language: Settings['language']) => Promise<void>;
  online: () => boolean;
  now: () => number;
  /** The extension's version and the browser's user agent, for the "Wrong banner?" report. */
  about: () => { version: string; userAgent: string };
}

export function createPageView(deps: PageViewDeps) {
  async function decide(
    site: SiteId,
    modelLabel: string | null,
  ): Promise<{ view: SiteView; verdict: Overall; settings: Settings; signals: Signals; now: number; old: boolean }> {
    const [{ status, staleMs: intervalMs }, signals, dismissals, failures, settings, backWatch] = await Promise.all([
      deps.statusNow(),
      deps.signals(),
      deps.dismissals(),
      deps.failures(),
      deps.settings(),
      deps.backWatch(),
    ]);
    const now = deps.now();
    const online = deps.online();
    const view = siteView({
      siteId: site,
      status,
      signals,
      dismissals,
      failures,
      now,
      intervalMs,
      modelLabel,
      online,
      settings,
      backWatch,
    });
    // The verdict the badge and the popup show, from the same inputs: the banner says it too when it must.
    const currentModel = modelLabel ? parseModelLabel(modelLabel) : null;
    const verdict = overallFor(status, now, intervalMs, { signals, failures, settings, online, currentModel });
    return { view, verdict, settings, signals, now, old: isOlderThanInterval(status, now, intervalMs) };
  }

  return {
    /** What the site's page shows now, without the banner's words. */
    async decision(site: SiteId): Promise<SiteView> {
      return (await decide(site, null)).view;
    },
    /** The view the page gets, and whether the status it was decided from is older than one interval. */
    async pageView(site: SiteId, modelLabel: string | null): Promise<{ view: PageView; old: boolean }> {
      const { view, verdict, settings, signals, now, old } = await decide(site, modelLabel);
      await deps.useLanguage(settings.language);
      const incident = view.banner?.incident ?? null;
      const kind = view.banner?.kind;
      // A banner raised by what the page showed offers the "Wrong banner?" report of that signal.
      const report =
        kind && (PAGE_SIGNAL_KINDS as readonly string[]).includes(kind)
          ? wrongBannerReport({
              ...deps.about(),
              kind: kind as PageSignalKind,
              detection: lastDetection(signals, site, kind as PageSignalKind),
              markers: signals.markers,
            })
          : null;
      // The words too, in the user's language: the page only builds DOM from them.
      const text = view.banner
        ? bannerText(
            view.banner,
            siteById(site),
            view.lastSuccessAt,
            now,
            settings.alternatives,
            {
              watching: view.watching,
              // Asked of the browser only when the words depend on it: while the watch is on.
              canNotify: view.watching && (await deps.canNotify()),
            },
            { verdict, typical: incident ? typicalDuration(incident, await deps.pastDurations(), now) : null },
            report,
          )
        : null;
      return { view: { ...view, text }, old };
    },
  };
}
