/**
 * Which origin a poll asks. After the primary answers with a challenge, an HTML page
 * or a 4xx/5xx, polls go straight to the fallback for 30 minutes, and the first poll after that
 * probes the primary once (falling back in the same poll when it still fails). Each failed probe
 * doubles the window up to STICKY_CAP_MS, so that a primary challenged all day costs a handful of
 * extra requests, not one per half hour (the budget in docs/benchmarks.md: at most 5% extra).
 */

import type { SourceId } from '../status-page/sources';
import type { FetchHealth } from '../status-page/status-model';
import { HOUR_MS, MINUTE_MS } from '../time/time';

export const STICKY_MS = 30 * MINUTE_MS;
export const STICKY_CAP_MS = 4 * HOUR_MS;

/** What the primary did in one poll: not asked, answered, or failed in a way that makes us avoid it. */
export type PrimaryResult = 'skipped' | 'ok' | 'avoid' | 'transient';

/** The origins to ask, in order: the fallback alone while the primary is avoided. */
export function sourcesToTry(health: FetchHealth, nowMs: number): SourceId[] {
  const until = health.primaryAvoidUntil ? Date.parse(health.primaryAvoidUntil) : Number.NaN;
  // A window further away than we ever write (the clock moved back) is ignored.
  const avoiding = !Number.isNaN(until) && nowMs < until && until - nowMs <= STICKY_CAP_MS;
  return avoiding ? ['fallback'] : ['primary', 'fallback'];
}

/** The avoid window after `strikes` failed tries of the primary in a row. */
export function stickyWindowMs(strikes: number): number {
  return Math.min(STICKY_CAP_MS, STICKY_MS * 2 ** Math.min(Math.max(strikes - 1, 0), 10));
}

/**
 * The health after a poll in which the primary did `result`. A network error or timeout is
 * `transient`: the user is probably offline, and the fallback would fail too; it changes nothing.
 */
export function withPrimaryResult(health: FetchHealth, result: PrimaryResult, nowMs: number): FetchHealth {
  if (result === 'ok') return { ...health, primaryAvoidUntil: null, primaryStrikes: 0 };
  if (result !== 'avoid') return health;
  const strikes = health.primaryStrikes + 1;
  return {
    ...health,
    primaryStrikes: strikes,
    primaryAvoidUntil: new Date(nowMs + stickyWindowMs(strikes)).toISOString(),
  };
}
