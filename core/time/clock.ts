/**
 * The clock is not to be trusted either: it may be set forward and back, so times stored earlier
 * can lie ahead of "now". Read against the clock, an event stored ahead of it (a detection, a
 * failure, a dismissal) cannot be placed in time and counts for nothing: it must not keep a
 * banner up, nor hide one. A time that says when something last happened ("last checked",
 * "failing since") is at most now. Every timer delay is at least 0 and at most a day:
 * setTimeout fires at once for delays past 2^31-1 ms (about 24.8 days), which would turn a
 * far-future time into a tight loop.
 * https://developer.mozilla.org/en-US/docs/Web/API/Window/setTimeout#maximum_delay_value
 */

import type { Dismissals } from '../banner/dismissals';
import type { Signals } from '../claude-page/detections';
import type { FailureLog } from '../claude-page/fault';
import type { StatusState } from '../status-page/status-model';
import { DAY_MS, MINUTE_MS } from './time';

export const MAX_TIMER_MS = DAY_MS;

/** A delay a timer may be given: never negative, at most a day (NaN waits the day). */
export function timerDelay(ms: number): number {
  return Number.isNaN(ms) ? MAX_TIMER_MS : Math.min(MAX_TIMER_MS, Math.max(0, ms));
}

/** An epoch time, or null when it lies ahead of `nowMs`. */
export function pastOrNull(ms: number | null, nowMs: number): number | null {
  return ms !== null && ms <= nowMs ? ms : null;
}

/** An ISO time at most `nowMs` ("last checked", "since"); unreadable stays as it is. */
export function notAfterNow(iso: string | null, nowMs: number): string | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return ms > nowMs ? new Date(nowMs).toISOString() : iso;
}

/**
 * A stored "since when" stamp aged against the clock: null once it is `maxAgeMs` old (forget the
 * entry), else the stamp to keep. A missing or unreadable stamp, or one ahead of the clock (set
 * back since), cannot be placed in time: it starts counting now, so it still ages out.
 */
export function agedStamp(stamp: string | undefined, nowMs: number, maxAgeMs: number): string | null {
  const at = stamp === undefined ? Number.NaN : Date.parse(stamp);
  if (Number.isNaN(at) || at > nowMs) return new Date(nowMs).toISOString();
  return nowMs - at >= maxAgeMs ? null : (stamp as string);
}

export function presentSignals(signals: Signals, nowMs: number): Signals {
  const detections = signals.detections.filter((d) => !(Date.parse(d.at) > nowMs));
  return detections.length === signals.detections.length ? signals : { ...signals, detections };
}

export function presentFailures(log: FailureLog, nowMs: number): FailureLog {
  const nowMinute = Math.floor(nowMs / MINUTE_MS);
  return {
    minutes: log.minutes.filter((b) => b.minute <= nowMinute),
    lastCompletionSuccessAt: pastOrNull(log.lastCompletionSuccessAt, nowMs),
    firstFailureAt: pastOrNull(log.firstFailureAt, nowMs),
    lastFailureAt: pastOrNull(log.lastFailureAt, nowMs),
    lastBlockedAt: pastOrNull(log.lastBlockedAt, nowMs),
  };
}

export function presentDismissals(dismissals: Dismissals, nowMs: number): Dismissals {
  const at = dismissals.capacityDismissedAt;
  return at !== null && Date.parse(at) > nowMs ? { ...dismissals, capacityDismissedAt: null } : dismissals;
}

/** The fetch times the poll gate reads are left alone: it already treats future ones as never (core/polling/poll-gate.ts). */
export function presentStatus(state: StatusState, nowMs: number): StatusState {
  const { lastSuccessAt, failingSince } = state.health;
  const health = {
    ...state.health,
    lastSuccessAt: notAfterNow(lastSuccessAt, nowMs),
    failingSince: notAfterNow(failingSince, nowMs),
  };
  return health.lastSuccessAt === lastSuccessAt && health.failingSince === failingSince ? state : { ...state, health };
}

/** What the one verdict is decided from: the status, and what claude.ai showed this user. */
export interface VerdictInputs {
  status: StatusState;
  signals: Signals;
  failures: FailureLog;
}

/**
 * The verdict's inputs read against the clock, alike for the badge, its tooltip, the popup's
 * header, the welcome page (core/verdict/overall.ts) and the banner (core/verdict/site-view.ts):
 * a detection stamped ahead of the clock raises `CAP` on none of them (issue #27, item 4).
 */
export function presentInputs<T extends VerdictInputs>(inputs: T, nowMs: number): T {
  return {
    ...inputs,
    status: presentStatus(inputs.status, nowMs),
    signals: presentSignals(inputs.signals, nowMs),
    failures: presentFailures(inputs.failures, nowMs),
  };
}
