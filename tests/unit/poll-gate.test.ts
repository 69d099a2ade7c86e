/** The one gate (issue #16): every trigger against Retry-After, backoff, the interval and hint coalescing. */
import { describe, expect, it } from 'vitest';
import {
  DUE_FRACTION,
  gate,
  HINT_GAP_MS,
  MIN_POLL_GAP_MS,
  type PollReason,
  retryAfterUntil,
} from '../../core/polling/poll-gate';
import { EMPTY_HEALTH, type FetchHealth } from '../../core/status-page/status-model';
import { MINUTE_MS as MIN, SECOND_MS as SEC } from '../../core/time/time';

const T0 = Date.UTC(2026, 10, 20, 13, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

const health = (patch: Partial<FetchHealth>): FetchHealth => ({ ...EMPTY_HEALTH, ...patch });
const lastAt = (ms: number) => health({ lastAttemptAt: iso(ms), lastSuccessAt: iso(ms) });

describe('gate', () => {
  it.each<[string, PollReason, FetchHealth, number, ReturnType<typeof gate>]>([
    // [case, reason, health, now, verdict] with a one-minute interval
    ['never polled: the alarm runs', 'alarm', EMPTY_HEALTH, T0, { run: true }],
    ['never polled: a start runs', 'start', EMPTY_HEALTH, T0, { run: true }],
    ['never polled: a hint runs', 'page', EMPTY_HEALTH, T0, { run: true }],
    ['alarm one interval after the last poll', 'alarm', lastAt(T0), T0 + MIN, { run: true }],
    ['alarm a little early (the poll started late)', 'alarm', lastAt(T0), T0 + DUE_FRACTION * MIN, { run: true }],
    ['alarm half an interval after', 'alarm', lastAt(T0), T0 + 30 * SEC, { run: false, why: 'not-due' }],
    ['refresh right after a poll: skips the interval', 'user', lastAt(T0), T0 + SEC, { run: true }],
    ['hint right after a poll', 'page', lastAt(T0), T0 + 10 * SEC, { run: false, why: 'too-soon' }],
    ['start right after a poll', 'start', lastAt(T0), T0 + 10 * SEC, { run: false, why: 'too-soon' }],
    ['hint long after a poll', 'page', lastAt(T0), T0 + MIN, { run: true }],
    [
      'a second hint within the minute of the last hinted poll',
      'page',
      health({ lastAttemptAt: iso(T0), hintedAt: iso(T0) }),
      T0 + HINT_GAP_MS - 1,
      { run: false, why: 'hint-coalesced' },
    ],
    [
      'a hint a minute after the last hinted poll',
      'page',
      health({ lastAttemptAt: iso(T0), hintedAt: iso(T0) }),
      T0 + HINT_GAP_MS,
      { run: true },
    ],
    [
      'alarm during backoff',
      'alarm',
      health({ lastAttemptAt: iso(T0), retryAt: iso(T0 + 5 * MIN) }),
      T0 + 2 * MIN,
      { run: false, why: 'backoff' },
    ],
    [
      'hint during backoff',
      'page',
      health({ lastAttemptAt: iso(T0), retryAt: iso(T0 + 5 * MIN) }),
      T0 + 2 * MIN,
      { run: false, why: 'backoff' },
    ],
    [
      'refresh during our own backoff: a person asked',
      'user',
      health({ lastAttemptAt: iso(T0), retryAt: iso(T0 + 5 * MIN) }),
      T0 + 2 * MIN,
      { run: true },
    ],
    [
      'refresh during a Retry-After: never',
      'user',
      health({ lastAttemptAt: iso(T0), retryAt: iso(T0 + 2 * MIN), retryAfterUntil: iso(T0 + 2 * MIN) }),
      T0 + 2 * MIN - 1,
      { run: false, why: 'retry-after' },
    ],
    [
      'alarm during a Retry-After',
      'alarm',
      health({ lastAttemptAt: iso(T0), retryAfterUntil: iso(T0 + 2 * MIN) }),
      T0 + MIN,
      { run: false, why: 'retry-after' },
    ],
    [
      'hint during a Retry-After',
      'page',
      health({ lastAttemptAt: iso(T0), retryAfterUntil: iso(T0 + 2 * MIN) }),
      T0 + MIN,
      { run: false, why: 'retry-after' },
    ],
    [
      'refresh once the Retry-After is over',
      'user',
      health({ lastAttemptAt: iso(T0), retryAfterUntil: iso(T0 + 2 * MIN) }),
      T0 + 2 * MIN,
      { run: true },
    ],
    [
      'a Retry-After further away than we ever write (clock moved back) is ignored',
      'user',
      health({ retryAfterUntil: iso(T0 + 3 * 60 * MIN) }),
      T0,
      { run: true },
    ],
    [
      'a last poll in the future (clock moved back) does not block the alarm',
      'alarm',
      lastAt(T0 + 10 * MIN),
      T0,
      { run: true },
    ],
  ])('%s', (_label, reason, h, now, verdict) => {
    expect(gate(reason, h, now, MIN)).toEqual(verdict);
  });

  it('the interval given decides when the alarm is due: 5 minutes', () => {
    expect(gate('alarm', lastAt(T0), T0 + 4 * MIN, 5 * MIN)).toEqual({ run: false, why: 'not-due' });
    expect(gate('alarm', lastAt(T0), T0 + 5 * MIN, 5 * MIN)).toEqual({ run: true });
  });

  it('a hint loop (one hint every 50 ms for 10 s) lets one poll through', () => {
    let h = EMPTY_HEALTH;
    let polls = 0;
    for (let at = T0; at < T0 + 10 * SEC; at += 50) {
      if (gate('page', h, at, MIN).run) {
        polls++;
        h = health({ lastAttemptAt: iso(at), hintedAt: iso(at) });
      }
    }
    expect(polls).toBe(1);
    expect(MIN_POLL_GAP_MS).toBeLessThanOrEqual(HINT_GAP_MS);
  });
});

describe('retryAfterUntil', () => {
  it('is the time the status page asked for while it runs, null before or after', () => {
    const h = health({ retryAfterUntil: iso(T0 + 2 * MIN) });
    expect(retryAfterUntil(h, T0)).toBe(iso(T0 + 2 * MIN));
    expect(retryAfterUntil(h, T0 + 2 * MIN)).toBeNull();
    expect(retryAfterUntil(EMPTY_HEALTH, T0)).toBeNull();
  });
});
