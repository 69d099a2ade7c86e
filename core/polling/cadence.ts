/**
 * How often to poll. The fixed intervals poll at their pace; "automatic" polls every
 * minute while someone needs fresh data (a claude.ai or platform.claude.com tab is open, an
 * incident or maintenance is active, a page signal is live, notifications are on) and every
 * 5 minutes otherwise. The daily budgets this gives: docs/benchmarks.md.
 */

import type { Signals } from '../claude-page/detections';
import type { FailureLog } from '../claude-page/fault';
import { SIGNAL_LIVE_MS } from '../claude-page/signal-timing';
import type { Settings } from '../settings/settings';
import type { Snapshot, StatusState } from '../status-page/status-model';
import { MINUTE_MS, SECOND_MS } from '../time/time';

export const ACTIVE_INTERVAL_MS = MINUTE_MS;
export const QUIET_INTERVAL_MS = 5 * MINUTE_MS;
/**
 * A site tab says it is open each time it asks for its view, which it does after every poll's
 * write and every 30 s while a banner is up: three minutes without a word means it is gone.
 */
export const SITE_OPEN_WINDOW_MS = 3 * MINUTE_MS;

/** What the cadence depends on. */
export interface CadenceInputs {
  settings: Settings;
  status: StatusState;
  signals: Signals;
  failures: FailureLog;
  /** When a site tab last asked for its view (ms), null when none did since the browser started. */
  siteSeenAt: number | null;
}

const within = (atMs: number | null, nowMs: number, windowMs: number) =>
  atMs !== null && !Number.isNaN(atMs) && atMs <= nowMs && nowMs - atMs < windowMs;

/** An incident, or maintenance in progress, on the status page. */
function eventActive(snapshot: Snapshot | null): boolean {
  return snapshot !== null && (snapshot.incidents.length > 0 || snapshot.maintenances.some((m) => m.inProgress));
}

/**
 * The interval every surface measures "old" and "stale" by (the badge, the popup, the banner):
 * under "automatic", a minute during an incident or maintenance, when data matters most and polls
 * come every minute, and 5 minutes otherwise. It needs only the stored snapshot, so the popup
 * computes the same as the background.
 */
export function staleIntervalMs(settings: Settings, snapshot: Snapshot | null): number {
  if (settings.pollIntervalSec !== 'auto') return settings.pollIntervalSec * SECOND_MS;
  return eventActive(snapshot) ? ACTIVE_INTERVAL_MS : QUIET_INTERVAL_MS;
}

/** Why "automatic" polls every minute now, or null when nothing asks for more than every 5 minutes. */
export function activeReason(
  need: CadenceInputs,
  nowMs: number,
): 'site-open' | 'incident' | 'signal' | 'notifications' | null {
  if (within(need.siteSeenAt, nowMs, SITE_OPEN_WINDOW_MS)) return 'site-open';
  if (eventActive(need.status.snapshot)) return 'incident';
  // Any of claude.ai's own failure messages (capacity, outage screen, retry), on any site.
  const lastSeen = need.signals.detections.at(-1);
  if (within(lastSeen ? Date.parse(lastSeen.at) : null, nowMs, SIGNAL_LIVE_MS)) return 'signal';
  if (within(need.failures.lastFailureAt, nowMs, SIGNAL_LIVE_MS)) return 'signal';
  if (need.settings.notifications !== 'off') return 'notifications';
  return null;
}

/** The interval the gate holds scheduled polls to now. */
export function cadenceMs(need: CadenceInputs, nowMs: number): number {
  if (need.settings.pollIntervalSec !== 'auto') return need.settings.pollIntervalSec * SECOND_MS;
  return activeReason(need, nowMs) ? ACTIVE_INTERVAL_MS : QUIET_INTERVAL_MS;
}

/** The alarm ticks at the shortest interval the setting may need; the gate skips ticks not due. */
export function alarmPeriodMinutes(settings: Settings): number {
  const ms = settings.pollIntervalSec === 'auto' ? ACTIVE_INTERVAL_MS : settings.pollIntervalSec * SECOND_MS;
  return ms / MINUTE_MS;
}

/**
 * The alarm's first tick comes after a random part of one period, so that browsers started
 * together (a fleet, a time zone's morning) do not poll in step for the rest of the day.
 */
export function alarmDelayMinutes(settings: Settings, random: number): number {
  const period = alarmPeriodMinutes(settings);
  return period / 2 + (period / 2) * Math.min(Math.max(random, 0), 1);
}
