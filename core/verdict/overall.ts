/**
 * The one verdict the badge, its tooltip and the popup's header show. What the user's own claude.ai
 * screen says (its outage screen, its capacity error, its requests failing, or the connection)
 * counts as much as the status page; the status page counts only for the services the user cares
 * about. The banner decides from the same signals and windows (core/banner/banner-decision.ts), so a banner that
 * warns never sits beside a green badge.
 */

import { EMPTY_SIGNALS, lastDetectionAt, type Signals } from '../claude-page/detections';
import { assessFault, EMPTY_FAILURE_LOG, type FailureLog } from '../claude-page/fault';
import { CAPACITY_BANNER_MS, OUTAGE_SCREEN_BANNER_MS } from '../claude-page/signal-timing';
import { isStale, statusPageUnreachable } from '../polling/health';
import type { Settings } from '../settings/settings';
import { storedReach } from '../status-page/reach';
import { SERVICE_IDS } from '../status-page/services';
import { type Severity, severityRank } from '../status-page/severity';
import type { StatusState } from '../status-page/status-model';
import { caredSnapshot } from './cared';

/** What claude.ai itself showed this user, in the order the banner ranks them (assess()). */
export type LocalKind = 'outage-screen' | 'capacity' | 'failing' | 'connection';
export type OverallKind = Severity | 'stale' | LocalKind;

/**
 * Where each signal sits on the status page's scale (core/status-page/severity.ts: degraded 2, partial 3,
 * major 4). A tie goes to the user's own screen: it is about them, the page is about everyone.
 */
const LOCAL_RANK: Record<LocalKind, number> = { 'outage-screen': 3, failing: 3, capacity: 2, connection: 1 };

export interface Overall {
  kind: OverallKind;
  /** The user's own screen, whether or not it outranks the status page. */
  local: LocalKind | null;
  /** Cared-about services the status page shows in trouble (not operational, or in an incident), page order. */
  affected: string[];
  /** The chat and Claude Code surfaces (and the API) the page shows working, when something else is not. */
  working: string[];
  /** Alternatives help: a surface the user works in fails, or claude.ai fails for them. */
  alternatives: boolean;
  lastSuccessAt: string | null;
}

/** What besides the status page the verdict weighs: the user's screen and choices. */
export interface OverallContext {
  signals: Signals;
  failures: FailureLog;
  settings: Pick<Settings, 'mutedServices' | 'capacityDetection' | 'requestSignal'>;
  /** navigator.onLine where this is computed. */
  online: boolean;
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
  const screenAt = detects ? lastDetectionAt(signals, 'claude-ai', 'outage-screen') : null;
  if (screenAt !== null && now - screenAt <= OUTAGE_SCREEN_BANNER_MS) return 'outage-screen';
  const capacityAt = detects ? lastDetectionAt(signals, 'claude-ai') : null;
  if (capacityAt !== null && now - capacityAt <= CAPACITY_BANNER_MS) return 'capacity';
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

/** The surfaces people work in: when one fails, somewhere else to work helps. */
const WORK_SURFACES: readonly string[] = [SERVICE_IDS.claudeAi, SERVICE_IDS.code];
/** Named as working beside a trouble elsewhere, page order. */
const WORKING_NAMED: readonly string[] = [SERVICE_IDS.claudeAi, SERVICE_IDS.code, SERVICE_IDS.api];

export function overallFor(
  status: StatusState,
  now: number,
  intervalMs: number,
  context: OverallContext = PAGE_ONLY,
): Overall {
  const snapshot = status.snapshot ? caredSnapshot(status.snapshot, context.settings.mutedServices) : null;
  const local = localSignal(status, now, context);
  const stale = !snapshot || isStale(status, now, intervalMs);
  const touched = new Set((snapshot?.incidents ?? []).flatMap((i) => i.serviceIds));
  const services = snapshot?.services ?? [];
  const troubled = services.filter((s) => s.state !== 'operational' || touched.has(s.id));
  const severity = snapshot?.severity ?? 'operational';
  const pageKind: OverallKind = stale ? 'stale' : severity;
  const pageRank = stale ? 0 : severityRank(severity);
  const kind = local && LOCAL_RANK[local] >= pageRank ? local : pageKind;
  const surfaceDown =
    troubled.some((s) => WORK_SURFACES.includes(s.id) && s.state !== 'maintenance') ||
    // An incident naming no service may touch any, the banner's rule too.
    (snapshot?.incidents ?? []).some((i) => storedReach(i).surfaces === 'all');
  return {
    kind,
    local,
    affected: troubled.map((s) => s.name),
    working:
      troubled.length > 0
        ? services.filter((s) => WORKING_NAMED.includes(s.id) && !troubled.includes(s)).map((s) => s.name)
        : [],
    alternatives: (local !== null && local !== 'connection') || surfaceDown,
    lastSuccessAt: status.health.lastSuccessAt,
  };
}
