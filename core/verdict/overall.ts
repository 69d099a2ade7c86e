/**
 * The one verdict the badge, its tooltip and the popup's header show. What the user's own claude.ai
 * screen says (its outage screen, its capacity error, a model it says is unavailable, a reply it cut
 * off, its requests failing, or the connection) counts as much as the status page; the status page counts only for the services the user cares
 * about. The banner decides from the same signals and windows (core/banner/banner-decision.ts), so a banner that
 * warns never sits beside a green badge.
 */

import type { WorkSurface } from '../advice/alternatives';
import { EMPTY_SIGNALS, lastDetectionAt, type Signals } from '../claude-page/detections';
import { assessFault, EMPTY_FAILURE_LOG, type FailureLog } from '../claude-page/fault';
import type { PageSignalKind } from '../claude-page/page-facts';
import {
  CAPACITY_BANNER_MS,
  INCOMPLETE_BANNER_MS,
  MODEL_UNAVAILABLE_BANNER_MS,
  OUTAGE_SCREEN_BANNER_MS,
} from '../claude-page/signal-timing';
import type { ModelName } from '../models/claude-models';
import { isStale, statusPageUnreachable } from '../polling/health';
import type { Settings } from '../settings/settings';
import { siteById } from '../sites/sites';
import { SERVICE_IDS } from '../status-page/services';
import { type Severity, severityRank } from '../status-page/severity';
import type { Service, Snapshot, StatusState } from '../status-page/status-model';
import { presentInputs } from '../time/clock';
import { caredSnapshot } from './cared';
import { surfaceTrouble } from './surface-trouble';

/** What claude.ai itself showed this user, in the order the banner ranks them (assess()). */
export type LocalKind = 'outage-screen' | 'capacity' | 'model-unavailable' | 'incomplete' | 'failing' | 'connection';
export type OverallKind = Severity | 'stale' | LocalKind;

/**
 * Where each signal sits on the status page's scale (core/status-page/severity.ts: degraded 2, partial 3,
 * major 4), as the banner weighs them: claude.ai's own messages but its outage screen are
 * degraded-level alerts there, outranked by a worse incident. A tie goes to the user's own
 * screen: it is about them, the page is about everyone.
 */
const LOCAL_RANK: Record<LocalKind, number> = {
  'outage-screen': 3,
  failing: 3,
  capacity: 2,
  'model-unavailable': 2,
  incomplete: 2,
  connection: 1,
};

/**
 * claude.ai's own messages that lead the verdict while their banner would show, strongest first
 * (assess() ranks its page messages so), each with the time a sighting keeps its banner up.
 */
const PAGE_SIGNALS: readonly [LocalKind & PageSignalKind, number][] = [
  ['outage-screen', OUTAGE_SCREEN_BANNER_MS],
  ['capacity', CAPACITY_BANNER_MS],
  ['model-unavailable', MODEL_UNAVAILABLE_BANNER_MS],
  ['incomplete', INCOMPLETE_BANNER_MS],
];

/**
 * The user's own signals after which somewhere else to work does not help, as their banners offer
 * none: the connection (nothing else would work either) and a model claude.ai says is unavailable
 * (the advice is another model).
 */
const NO_ALTERNATIVES: readonly LocalKind[] = ['connection', 'model-unavailable'];

export interface Overall {
  kind: OverallKind;
  /** The user's own screen, whether or not it outranks the status page. */
  local: LocalKind | null;
  /** Cared-about services the status page shows in trouble (not operational, or in an incident), page order. */
  affected: string[];
  /**
   * The chat and Claude Code surfaces (and the API) the page shows working, when something else
   * is not; never while the status is unknown (stale data cannot say what works now).
   */
  working: string[];
  /**
   * Where somewhere else to work helps (core/advice/alternatives.ts alternativeGroups): claude.ai when
   * it fails for the user or its banner would alert, platform.claude.com when its banner would,
   * Claude Code when it is in trouble. A surface whose banner is only informational (an incident
   * naming models, not the one in use) is not among them.
   */
  surfaces: WorkSurface[];
  /** Alternatives help: some surface is in `surfaces`. */
  alternatives: boolean;
  /** The status page could not be checked lately: the severity it showed last, for the services cared about. */
  lastKnown: Severity | null;
  /** Services the user does not care about that the page shows in trouble, page order: said, never counted. */
  mutedTrouble: string[];
  lastSuccessAt: string | null;
}

/** What besides the status page the verdict weighs: the user's screen and choices. */
export interface OverallContext {
  signals: Signals;
  failures: FailureLog;
  settings: Pick<Settings, 'mutedServices' | 'capacityDetection' | 'requestSignal'>;
  /** navigator.onLine where this is computed. */
  online: boolean;
  /** The model claude.ai's latest tab showed (core/models/model-in-use.ts), when known. */
  currentModel?: ModelName | null;
}

/** The status page alone, every service cared about. */
export const PAGE_ONLY: OverallContext = {
  signals: EMPTY_SIGNALS,
  failures: EMPTY_FAILURE_LOG,
  settings: { mutedServices: [], capacityDetection: false, requestSignal: false },
  online: true,
};

/** claude.ai's own signals for this user now, strongest first, as the banner reads them. */
function localSignal(status: StatusState, now: number, context: OverallContext): LocalKind | null {
  const { signals, settings } = context;
  const detects = settings.capacityDetection;
  for (const [kind, keepsMs] of PAGE_SIGNALS) {
    const at = detects ? lastDetectionAt(signals, 'claude-ai', kind) : null;
    if (at !== null && now - at <= keepsMs) return kind;
  }
  const capacityAt = detects ? lastDetectionAt(signals, 'claude-ai') : null;
  const fault = assessFault(
    settings.requestSignal ? context.failures : EMPTY_FAILURE_LOG,
    { online: context.online, otherSitesFailing: statusPageUnreachable(status.health) },
    capacityAt,
    now,
  );
  if (fault.kind === 'claude' && fault.failures > 0) return 'failing';
  if (fault.kind === 'connection') return 'connection';
  return null;
}

/** Each surface somewhere else to work helps with, and the services it stands on. */
const WORK_SURFACES: readonly [WorkSurface, readonly string[]][] = [
  ['claude-ai', siteById('claude-ai').serviceIds],
  ['platform', siteById('platform').serviceIds],
  ['code', [SERVICE_IDS.code]],
];
/** Named as working beside a trouble elsewhere, page order. */
const WORKING_NAMED: readonly string[] = [SERVICE_IDS.claudeAi, SERVICE_IDS.code, SERVICE_IDS.api];

/** Services not operational, or named by an active incident, page order. */
function troubledServices(snapshot: Snapshot | null): Service[] {
  const touched = new Set((snapshot?.incidents ?? []).flatMap((i) => i.serviceIds));
  return (snapshot?.services ?? []).filter((s) => s.state !== 'operational' || touched.has(s.id));
}

export function overallFor(
  raw: StatusState,
  now: number,
  intervalMs: number,
  rawContext: OverallContext = PAGE_ONLY,
): Overall {
  // Read against the clock as the banner reads them (core/time/clock.ts presentInputs).
  const { status, signals, failures } = presentInputs(
    { status: raw, signals: rawContext.signals, failures: rawContext.failures },
    now,
  );
  const context: OverallContext = { ...rawContext, signals, failures };
  const { mutedServices } = context.settings;
  const snapshot = status.snapshot ? caredSnapshot(status.snapshot, mutedServices) : null;
  const local = localSignal(status, now, context);
  const stale = !snapshot || isStale(status, now, intervalMs);
  const services = snapshot?.services ?? [];
  const troubled = troubledServices(snapshot);
  const severity = snapshot?.severity ?? 'operational';
  const pageKind: OverallKind = stale ? 'stale' : severity;
  const pageRank = stale ? 0 : severityRank(severity);
  const kind = local && LOCAL_RANK[local] >= pageRank ? local : pageKind;
  const surfaces: WorkSurface[] = [];
  for (const [surface, ids] of WORK_SURFACES) {
    const trouble =
      snapshot && surfaceTrouble(ids, snapshot, surface === 'claude-ai' ? (context.currentModel ?? null) : null);
    // claude.ai failing on the user's own screen counts whatever the status page says.
    const own = surface === 'claude-ai' && local !== null && !NO_ALTERNATIVES.includes(local);
    if (own || (trouble && !trouble.quiet)) surfaces.push(surface);
  }
  return {
    kind,
    local,
    affected: troubled.map((s) => s.name),
    working:
      troubled.length > 0 && !stale
        ? services.filter((s) => WORKING_NAMED.includes(s.id) && !troubled.includes(s)).map((s) => s.name)
        : [],
    surfaces,
    alternatives: surfaces.length > 0,
    lastKnown: stale && snapshot ? severity : null,
    mutedTrouble: troubledServices(status.snapshot)
      .filter((s) => mutedServices.includes(s.id))
      .map((s) => s.name),
    lastSuccessAt: status.health.lastSuccessAt,
  };
}
