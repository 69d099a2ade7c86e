/**
 * How fetch outcomes change the stored status: a success replaces the snapshot, a failure only
 * updates the health (the last good snapshot is never erased), with capped, jittered backoff.
 */

import type { SourceId } from '../status-page/sources';
import type { FetchErrorKind, FetchHealth, Snapshot, StatusState, Validators } from '../status-page/status-model';
import { HOUR_MS, MINUTE_MS } from '../time/time';

export const DEFAULT_INTERVAL_MS = MINUTE_MS;
export const BACKOFF_BASE_MS = 30_000;
/** "About 10 minutes": long enough to spare a struggling page, short enough to notice recovery. */
export const BACKOFF_CAP_MS = 10 * MINUTE_MS;
/** The longest any failure may hold scheduled polls back (a Retry-After is honoured up to this). */
export const MAX_RETRY_WAIT_MS = HOUR_MS;
/** Data older than this many poll intervals is stale. */
export const STALE_AFTER_INTERVALS = 3;

/**
 * Exponential backoff with "equal jitter" (half fixed, half random), so that many browsers
 * failing together do not retry in lockstep.
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoffDelayMs(consecutiveFailures: number, random: number): number {
  const exponent = Math.min(Math.max(consecutiveFailures - 1, 0), 20);
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random, 0), 1));
}

export interface SuccessOutcome {
  kind: 'success';
  source: SourceId;
  /** null when the server answered 304 Not Modified, or the same heavy answer again: keep the snapshot we have. */
  snapshot: Snapshot | null;
  validators: Validators | null;
  /**
   * The digest of a heavy answer (core/status-page/budget.ts: far larger than a real page, or over
   * a budget); null for a normal one. Heavy answers in a row back the origin off, like failures.
   */
  heavy?: string | null;
}

export interface FailureOutcome {
  kind: 'failure';
  errorKind: FetchErrorKind;
  message: string;
  /** Retry-After from a 429/503, in ms, honoured when longer than our own backoff. */
  retryAfterMs?: number | null;
}

export type FetchOutcome = SuccessOutcome | FailureOutcome;

/** The validators kept for `source`, if any. */
export function validatorsFor(health: FetchHealth, source: SourceId): Validators | null {
  return health.validators.find((v) => v.source === source) ?? null;
}

/** One entry per source: `next` replaces what `source` had (null drops it); the other source's stay. */
function withValidators(kept: readonly Validators[], source: SourceId, next: Validators | null): Validators[] {
  const others = kept.filter((v) => v.source !== source);
  return next && next.source === source ? [...others, next] : others;
}

export function applyOutcome(state: StatusState, outcome: FetchOutcome, nowMs: number, random: number): StatusState {
  const now = new Date(nowMs).toISOString();
  if (outcome.kind === 'success') {
    const snapshot = outcome.snapshot ?? state.snapshot;
    // Heavy answers in a row: the same backoff as failures, growing with each (the work is bounded; its repetition is not).
    const heavy = outcome.heavy ? { digest: outcome.heavy, strikes: (state.health.heavy?.strikes ?? 0) + 1 } : null;
    return {
      snapshot,
      health: {
        ...state.health,
        lastAttemptAt: now,
        lastSuccessAt: now,
        failingSince: null,
        lastErrorKind: null,
        lastError: null,
        source: outcome.source,
        consecutiveFailures: 0,
        retryAt: heavy ? new Date(nowMs + backoffDelayMs(heavy.strikes, random)).toISOString() : null,
        retryAfterUntil: null,
        validators: withValidators(state.health.validators, outcome.source, outcome.validators),
        heavy,
      },
    };
  }
  const failures = state.health.consecutiveFailures + 1;
  const asked = Math.min(outcome.retryAfterMs ?? 0, MAX_RETRY_WAIT_MS);
  const delay = Math.max(backoffDelayMs(failures, random), asked);
  const health: FetchHealth = {
    ...state.health,
    lastAttemptAt: now,
    failingSince: state.health.failingSince ?? now,
    lastErrorKind: outcome.errorKind,
    lastError: outcome.message.slice(0, 300),
    consecutiveFailures: failures,
    retryAt: new Date(nowMs + delay).toISOString(),
    retryAfterUntil: asked > 0 ? new Date(nowMs + asked).toISOString() : null,
  };
  return { snapshot: state.snapshot, health };
}

export function isStale(state: StatusState, nowMs: number, intervalMs: number): boolean {
  const last = state.health.lastSuccessAt ? Date.parse(state.health.lastSuccessAt) : Number.NaN;
  if (Number.isNaN(last) || !state.snapshot) return true;
  return nowMs - last > STALE_AFTER_INTERVALS * intervalMs;
}

/** True when a scheduled poll should wait (backoff or Retry-After still running). */
export function inBackoff(state: StatusState, nowMs: number): boolean {
  const retryAt = state.health.retryAt ? Date.parse(state.health.retryAt) : Number.NaN;
  // A retryAt further away than any wait we write (the clock moved back, a manual edit) is ignored,
  // or scheduled polls would stop until the clock caught up.
  return !Number.isNaN(retryAt) && nowMs < retryAt && retryAt - nowMs <= MAX_RETRY_WAIT_MS;
}

/** Older than one poll interval: surfaces ask for a refresh when they open. */
export function isOlderThanInterval(state: StatusState, nowMs: number, intervalMs: number): boolean {
  const last = state.health.lastSuccessAt ? Date.parse(state.health.lastSuccessAt) : Number.NaN;
  return Number.isNaN(last) || nowMs - last > intervalMs;
}

/**
 * The status page failing with connection errors (network, timeout): with claude.ai's requests
 * failing too, that means the user's network, not claude.ai (core/claude-page/fault.ts, otherSitesFailing).
 */
export function statusPageUnreachable(health: FetchHealth): boolean {
  return health.failingSince !== null && (health.lastErrorKind === 'network' || health.lastErrorKind === 'timeout');
}
