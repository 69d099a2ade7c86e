/**
 * The one gate every status poll goes through: whatever asked for it (the alarm, the
 * browser starting, the popup, a page's hint), it decides whether a request may go out now.
 * Pure: the background feeds it the stored health and the clock. The numbers and why they are
 * what they are: docs/benchmarks.md ("Polite at internet scale").
 */

import type { FetchHealth } from '../status-page/status-model';
import { TEST_BUILD, TEST_TIMINGS } from '../time/test-build';
import { MINUTE_MS, SECOND_MS } from '../time/time';
import { MAX_RETRY_WAIT_MS } from './health';

/**
 * `alarm`: the scheduled tick; `start`: browser start or install; `user`: the popup's refresh
 * button; `page`: a hint (a capacity error, failing requests, claude.ai opened with old data).
 */
export type PollReason = 'alarm' | 'start' | 'user' | 'page';

/** Hints coalesce: at most one hinted poll in this window, however many tabs and signals. */
export const HINT_GAP_MS = TEST_BUILD ? TEST_TIMINGS.paceMs : MINUTE_MS;
/** A hint or a start right after any poll learns nothing new. */
export const MIN_POLL_GAP_MS = 30 * SECOND_MS;
/**
 * An alarm fires one period after the last one, and the poll it caused started a little after
 * that: a poll is due when this fraction of the interval has passed, or it would slip a whole tick.
 */
export const DUE_FRACTION = 0.9;

export type GateVerdict =
  | { run: true }
  | { run: false; why: 'retry-after' | 'backoff' | 'not-due' | 'hint-coalesced' | 'too-soon' };

const at = (iso: string | null): number => (iso ? Date.parse(iso) : Number.NaN);

/** A wait written by us and still running; one further away than we ever write is ignored (clock moved back). */
export function waiting(until: string | null, nowMs: number): boolean {
  const ms = at(until);
  return !Number.isNaN(ms) && nowMs < ms && ms - nowMs <= MAX_RETRY_WAIT_MS;
}

/** Until when the status page asked us to wait (Retry-After), or null when it did not or that has passed. */
export function retryAfterUntil(health: FetchHealth, nowMs: number): string | null {
  return waiting(health.retryAfterUntil, nowMs) ? health.retryAfterUntil : null;
}

export function gate(reason: PollReason, health: FetchHealth, nowMs: number, intervalMs: number): GateVerdict {
  // Nobody skips a Retry-After: not the refresh button, not a page, not the alarm.
  if (waiting(health.retryAfterUntil, nowMs)) return { run: false, why: 'retry-after' };
  // The refresh button skips our own backoff and the interval: a person asked.
  if (reason === 'user') return { run: true };
  if (waiting(health.retryAt, nowMs)) return { run: false, why: 'backoff' };
  const sinceLast = nowMs - at(health.lastAttemptAt);
  const never = Number.isNaN(sinceLast) || sinceLast < 0;
  if (reason === 'alarm') {
    return never || sinceLast >= intervalMs * DUE_FRACTION ? { run: true } : { run: false, why: 'not-due' };
  }
  if (!never && sinceLast < MIN_POLL_GAP_MS) return { run: false, why: 'too-soon' };
  if (reason === 'page') {
    const sinceHint = nowMs - at(health.hintedAt);
    if (!Number.isNaN(sinceHint) && sinceHint >= 0 && sinceHint < HINT_GAP_MS)
      return { run: false, why: 'hint-coalesced' };
  }
  return { run: true };
}
