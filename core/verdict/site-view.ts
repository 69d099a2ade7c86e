/**
 * What a site's content script needs from stored state: the banner decision, made once by the
 * background with assess() and sent over, so the page never parses storage itself.
 */
import { backBanner } from '../back-watch/back-note';
import { type BackWatch, backNoteUntil } from '../back-watch/back-watch';
import { assess, type Banner } from '../banner/banner-decision';
import type { Dismissals } from '../banner/dismissals';
import { lastDetection, lastDetectionAt, type Signals } from '../claude-page/detections';
import { assessFault, EMPTY_FAILURE_LOG, FAULT_THRESHOLDS, type FailureLog } from '../claude-page/fault';
import {
  CAPACITY_BANNER_MS,
  INCOMPLETE_BANNER_MS,
  MODEL_UNAVAILABLE_BANNER_MS,
  OUTAGE_SCREEN_BANNER_MS,
  RETRY_BANNER_MS,
} from '../claude-page/signal-timing';
import { parseModelLabel } from '../models/claude-models';
import { isStale, statusPageUnreachable } from '../polling/health';
import { bannerEnabled, type Language, type Settings, type Theme } from '../settings/settings';
import { type SiteId, siteById } from '../sites/sites';
import type { StatusState } from '../status-page/status-model';
import { presentDismissals, presentInputs, timerDelay } from '../time/clock';

export interface SiteView {
  banner: Banner | null;
  lastSuccessAt: string | null;
  /** When the banner may change without new data (a page-message banner expiring), ms; null if never. */
  recheckAt: number | null;
  /** What the page should do and look like, from the user's settings. */
  detectCapacity: boolean;
  /** The banner's advice names models (or would, with the model in use), so it depends on the one the page shows: send its label. */
  needsModel: boolean;
  language: Language;
  theme: Theme;
  /** "Tell me when it's back" is on (core/back-watch/back-watch.ts): the banner says so instead of offering it. */
  watching: boolean;
}

export interface SiteViewInput {
  siteId: SiteId;
  status: StatusState;
  signals: Signals;
  dismissals: Dismissals;
  failures: FailureLog;
  now: number;
  intervalMs: number;
  /** The text of the page's model menu button, if the page shows one. */
  modelLabel?: string | null;
  /** navigator.onLine where the background runs. */
  online: boolean;
  settings: Settings;
  /** "Tell me when it's back" (claude.ai only): the watch, and when claude.ai was last announced back. */
  backWatch?: BackWatch | null;
}

export function siteView(raw: SiteViewInput): SiteView {
  // Stored times read against the clock (core/time/clock.ts): nothing stored ahead of now keeps a banner up.
  // The same present inputs as the badge's verdict (core/verdict/overall.ts), plus the dismissals.
  const input: SiteViewInput = {
    ...presentInputs(raw, raw.now),
    dismissals: presentDismissals(raw.dismissals, raw.now),
  };
  const { siteId, status, now, settings } = input;
  const site = siteById(siteId);
  const backWatch = site.detectsCapacity ? (input.backWatch ?? null) : null;
  // Once claude.ai was announced back, what it showed before no longer speaks for it.
  const backAt = backWatch?.backAt ? Date.parse(backWatch.backAt) : Number.NEGATIVE_INFINITY;
  const after = (at: number | null) => (at !== null && at > backAt ? at : null);
  const capacitySeenAt = settings.capacityDetection ? after(lastDetectionAt(input.signals, siteId)) : null;
  const screen = settings.capacityDetection ? lastDetection(input.signals, siteId, 'outage-screen') : null;
  const outageScreen =
    screen && after(Date.parse(screen.at)) !== null ? { at: Date.parse(screen.at), code: screen.code ?? null } : null;
  const seenAt = (kind: 'retry' | 'incomplete' | 'model-unavailable') =>
    settings.capacityDetection ? after(lastDetectionAt(input.signals, siteId, kind)) : null;
  const retrySeenAt = seenAt('retry');
  const incompleteSeenAt = seenAt('incomplete');
  const modelUnavailableSeenAt = seenAt('model-unavailable');
  const failures = settings.requestSignal ? input.failures : EMPTY_FAILURE_LOG;
  const fault = assessFault(
    failures,
    { online: input.online, otherSitesFailing: statusPageUnreachable(status.health) },
    capacitySeenAt,
    now,
  );
  const backUntil = backWatch ? backNoteUntil(backWatch, now) : null;
  const back = backUntil !== null && backWatch?.backAt ? backBanner(backWatch.backAt, input.dismissals) : null;
  const banner = !bannerEnabled(settings, siteId)
    ? null
    : (back ??
      assess({
        site,
        snapshot: status.snapshot,
        stale: isStale(status, now, input.intervalMs),
        capacitySeenAt,
        dismissals: input.dismissals,
        now,
        currentModel: input.modelLabel ? parseModelLabel(input.modelLabel) : null,
        fault,
        outageScreen,
        retrySeenAt,
        incompleteSeenAt,
        modelUnavailableSeenAt,
        mutedServices: settings.mutedServices,
      }));
  const expiries = [
    capacitySeenAt === null ? null : capacitySeenAt + CAPACITY_BANNER_MS,
    outageScreen === null ? null : outageScreen.at + OUTAGE_SCREEN_BANNER_MS,
    retrySeenAt === null ? null : retrySeenAt + RETRY_BANNER_MS,
    incompleteSeenAt === null ? null : incompleteSeenAt + INCOMPLETE_BANNER_MS,
    modelUnavailableSeenAt === null ? null : modelUnavailableSeenAt + MODEL_UNAVAILABLE_BANNER_MS,
    failures.lastFailureAt === null ? null : failures.lastFailureAt + FAULT_THRESHOLDS.quietMs,
    backUntil,
  ].filter((t): t is number => t !== null && t > now);
  return {
    banner,
    lastSuccessAt: status.health.lastSuccessAt,
    recheckAt: expiries.length > 0 ? now + timerDelay(Math.min(...expiries) - now) : null,
    detectCapacity: site.detectsCapacity && settings.capacityDetection,
    // A model unavailable: the advice names another model once the page says which one it is on.
    needsModel: banner?.models != null || banner?.kind === 'model-unavailable',
    language: settings.language,
    theme: settings.theme,
    watching: backWatch?.watch != null,
  };
}
