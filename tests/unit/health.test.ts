import { describe, expect, it } from 'vitest';
import {
  applyOutcome,
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  backoffDelayMs,
  DEFAULT_INTERVAL_MS,
  type FetchOutcome,
  inBackoff,
  isOlderThanInterval,
  isStale,
  STALE_AFTER_INTERVALS,
  type SuccessOutcome,
  statusPageUnreachable,
} from '../../core/polling/health';
import {
  EMPTY_STATUS,
  type Snapshot,
  STATUS_MIGRATIONS,
  type StatusState,
  statusStateSchema,
} from '../../core/status-page/status-model';
import { MINUTE_MS as MIN } from '../../core/time/time';
import { loadSnapshot } from './fixtures';

const T0 = Date.UTC(2026, 10, 20, 13, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

const healthy = loadSnapshot('healthy');
const outage = loadSnapshot('major-outage');

const success = (snapshot: Snapshot | null): FetchOutcome => ({
  kind: 'success',
  source: 'primary',
  snapshot,
  validators: { source: 'primary', etag: '"abc"', lastModified: null },
});
const failure = (retryAfterMs?: number | null): FetchOutcome => ({
  kind: 'failure',
  errorKind: 'http',
  message: 'HTTP 503',
  retryAfterMs,
});

/** A state holding `healthy`, fetched successfully at `atMs`. */
function fetchedAt(atMs: number): StatusState {
  return applyOutcome(EMPTY_STATUS, success(healthy), atMs, 0.5);
}

describe('backoffDelayMs', () => {
  it.each<[number, number, number]>([
    // [consecutive failures, random, delay]
    [0, 1, BACKOFF_BASE_MS],
    [1, 1, BACKOFF_BASE_MS],
    [2, 1, 2 * BACKOFF_BASE_MS],
    [3, 1, 4 * BACKOFF_BASE_MS],
    [4, 1, 8 * BACKOFF_BASE_MS],
    [5, 1, 16 * BACKOFF_BASE_MS],
    [6, 1, BACKOFF_CAP_MS],
    [50, 1, BACKOFF_CAP_MS],
    [10_000, 1, BACKOFF_CAP_MS],
    [1, 0, BACKOFF_BASE_MS / 2],
    [3, 0, 2 * BACKOFF_BASE_MS],
    [50, 0, BACKOFF_CAP_MS / 2],
    [1, 0.5, 0.75 * BACKOFF_BASE_MS],
    [50, 0.5, 0.75 * BACKOFF_CAP_MS],
    // Out-of-range random values are clamped to [0, 1].
    [2, -3, BACKOFF_BASE_MS],
    [2, 7, 2 * BACKOFF_BASE_MS],
  ])('%i failures, random %d -> %i ms', (failures, random, delay) => {
    expect(backoffDelayMs(failures, random)).toBe(delay);
  });

  it('grows exponentially until the cap and never exceeds it', () => {
    const delays = Array.from({ length: 12 }, (_, i) => backoffDelayMs(i + 1, 1));
    for (let i = 1; i < delays.length; i++) {
      const previous = delays[i - 1] as number;
      expect(delays[i]).toBe(Math.min(previous * 2, BACKOFF_CAP_MS));
    }
    expect(Math.max(...delays)).toBe(BACKOFF_CAP_MS);
  });

  it('the cap is about ten minutes', () => {
    expect(BACKOFF_CAP_MS).toBe(10 * MIN);
  });

  it('jitter stays between half and the full delay', () => {
    for (let failures = 1; failures <= 10; failures++) {
      const full = backoffDelayMs(failures, 1);
      for (const random of [0, 0.1, 0.37, 0.5, 0.99, 1]) {
        const delay = backoffDelayMs(failures, random);
        expect(delay).toBeGreaterThanOrEqual(full / 2);
        expect(delay).toBeLessThanOrEqual(full);
      }
      expect(backoffDelayMs(failures, 0)).toBe(full / 2);
    }
  });
});

describe('applyOutcome: success', () => {
  it('a first success stores the snapshot, source and validators', () => {
    const state = applyOutcome(EMPTY_STATUS, success(healthy), T0, 0.5);
    expect(state.snapshot).toBe(healthy);
    expect(state.health).toEqual({
      lastAttemptAt: iso(T0),
      lastSuccessAt: iso(T0),
      failingSince: null,
      lastErrorKind: null,
      lastError: null,
      source: 'primary',
      consecutiveFailures: 0,
      retryAt: null,
      retryAfterUntil: null,
      hintedAt: null,
      primaryAvoidUntil: null,
      primaryStrikes: 0,
      validators: [{ source: 'primary', etag: '"abc"', lastModified: null }],
      heavy: null,
    });
  });

  it('a success replaces the snapshot and resets every failure field', () => {
    let state = fetchedAt(T0);
    state = applyOutcome(state, failure(), T0 + MIN, 0.5);
    state = applyOutcome(state, failure(), T0 + 2 * MIN, 0.5);
    expect(state.health.consecutiveFailures).toBe(2);
    const fallback: FetchOutcome = { kind: 'success', source: 'fallback', snapshot: outage, validators: null };
    state = applyOutcome(state, fallback, T0 + 3 * MIN, 0.5);
    expect(state.snapshot).toBe(outage);
    expect(state.health).toMatchObject({
      lastSuccessAt: iso(T0 + 3 * MIN),
      failingSince: null,
      lastErrorKind: null,
      lastError: null,
      consecutiveFailures: 0,
      retryAt: null,
      source: 'fallback',
      // Validators are kept per source: the fallback gave none, the primary's stay for the primary.
      validators: [{ source: 'primary', etag: '"abc"', lastModified: null }],
    });
  });

  it('304 Not Modified (snapshot null) keeps the old snapshot and counts as success', () => {
    const before = fetchedAt(T0);
    const after = applyOutcome(before, success(null), T0 + 5 * MIN, 0.5);
    expect(after.snapshot).toBe(healthy);
    expect(after.health.lastSuccessAt).toBe(iso(T0 + 5 * MIN));
    expect(isStale(after, T0 + 5 * MIN + 3 * DEFAULT_INTERVAL_MS, DEFAULT_INTERVAL_MS)).toBe(false);
  });

  it('304 with nothing stored leaves the snapshot empty', () => {
    expect(applyOutcome(EMPTY_STATUS, success(null), T0, 0.5).snapshot).toBeNull();
  });
});

describe('applyOutcome: heavy answers back the origin off (issue #28)', () => {
  const heavy = (digest: string): SuccessOutcome => ({ ...(success(healthy) as SuccessOutcome), heavy: digest });

  it('a heavy answer is a success that waits a backoff before the next scheduled poll', () => {
    const state = applyOutcome(EMPTY_STATUS, heavy('d1'), T0, 0.5);
    expect(state.snapshot).toBe(healthy);
    expect(state.health).toMatchObject({ lastSuccessAt: iso(T0), failingSince: null, consecutiveFailures: 0 });
    expect(state.health.heavy).toEqual({ digest: 'd1', strikes: 1 });
    expect(state.health.retryAt).toBe(iso(T0 + backoffDelayMs(1, 0.5)));
    expect(inBackoff(state, T0 + 1_000)).toBe(true);
  });

  it('heavy answers in a row wait longer each time, up to the cap; a normal answer ends it', () => {
    let state = EMPTY_STATUS;
    for (let i = 1; i <= 8; i++) {
      state = applyOutcome(state, heavy(i % 2 === 0 ? 'same' : 'other'), T0, 1);
      expect(state.health.heavy?.strikes).toBe(i);
      expect(Date.parse(state.health.retryAt ?? '') - T0).toBe(
        Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (i - 1)),
      );
    }
    state = applyOutcome(state, success(outage), T0, 1);
    expect(state.health.heavy).toBeNull();
    expect(state.health.retryAt).toBeNull();
  });

  it('the same heavy answer again (no new snapshot) keeps the snapshot and counts a strike', () => {
    const first = applyOutcome(fetchedAt(T0), heavy('d1'), T0, 0.5);
    const again = applyOutcome(first, { ...heavy('d1'), snapshot: null }, T0 + MIN, 0.5);
    expect(again.snapshot).toBe(healthy);
    expect(again.health.heavy).toEqual({ digest: 'd1', strikes: 2 });
  });
});

describe('status item version 3: the migration adds `heavy`', () => {
  const toV3 = STATUS_MIGRATIONS[3];

  it('a version 2 value keeps its snapshot and health, with no heavy answer known', () => {
    if (!toV3) throw new Error('no migration to version 3');
    const v3 = fetchedAt(T0);
    const { heavy: _, ...v2health } = v3.health;
    const migrated = statusStateSchema.parse(toV3({ snapshot: v3.snapshot, health: v2health }));
    expect(migrated).toEqual({ snapshot: healthy, health: { ...v2health, heavy: null } });
    // A value already of version 3 passes through; garbage is left for the schema to refuse.
    const withHeavy = { ...v3, health: { ...v3.health, heavy: { digest: 'd', strikes: 2 } } };
    expect(toV3(withHeavy)).toBe(withHeavy);
    expect(statusStateSchema.safeParse(toV3('garbage')).success).toBe(false);
  });
});

describe('applyOutcome: failure', () => {
  it('keeps the last good snapshot, counts failures, sets failingSince once', () => {
    let state = fetchedAt(T0);
    state = applyOutcome(state, failure(), T0 + MIN, 0);
    expect(state.snapshot).toBe(healthy);
    expect(state.health).toMatchObject({
      lastAttemptAt: iso(T0 + MIN),
      lastSuccessAt: iso(T0),
      failingSince: iso(T0 + MIN),
      lastErrorKind: 'http',
      lastError: 'HTTP 503',
      consecutiveFailures: 1,
      retryAt: iso(T0 + MIN + backoffDelayMs(1, 0)),
      source: 'primary',
    });
    state = applyOutcome(state, { kind: 'failure', errorKind: 'timeout', message: 'timed out' }, T0 + 3 * MIN, 1);
    expect(state.snapshot).toBe(healthy);
    expect(state.health).toMatchObject({
      lastAttemptAt: iso(T0 + 3 * MIN),
      lastSuccessAt: iso(T0),
      failingSince: iso(T0 + MIN),
      lastErrorKind: 'timeout',
      lastError: 'timed out',
      consecutiveFailures: 2,
      retryAt: iso(T0 + 3 * MIN + backoffDelayMs(2, 1)),
    });
  });

  it('a failure with nothing stored keeps no snapshot', () => {
    const state = applyOutcome(EMPTY_STATUS, failure(), T0, 0.5);
    expect(state.snapshot).toBeNull();
    expect(state.health.consecutiveFailures).toBe(1);
    expect(state.health.lastSuccessAt).toBeNull();
  });

  it('a long error message is cut to 300 characters', () => {
    const state = applyOutcome(
      EMPTY_STATUS,
      { kind: 'failure', errorKind: 'invalid', message: 'x'.repeat(5000) },
      T0,
      0,
    );
    expect(state.health.lastError).toHaveLength(300);
  });

  it.each<[string, number | null | undefined, number]>([
    // [case, Retry-After in ms, expected delay]; first failure, random 1 -> backoff 30 s.
    ['no Retry-After', undefined, BACKOFF_BASE_MS],
    ['Retry-After null', null, BACKOFF_BASE_MS],
    ['Retry-After shorter than the backoff', 5_000, BACKOFF_BASE_MS],
    ['Retry-After longer than the backoff', 20 * MIN, 20 * MIN],
    ['Retry-After longer than the backoff cap', 45 * MIN, 45 * MIN],
    ['Retry-After of a day is held to an hour', 24 * 60 * MIN, 60 * MIN],
  ])('%s -> retry after %i ms', (_label, retryAfterMs, delay) => {
    const state = applyOutcome(EMPTY_STATUS, failure(retryAfterMs), T0, 1);
    expect(state.health.retryAt).toBe(iso(T0 + delay));
    expect(inBackoff(state, T0 + delay - 1)).toBe(true);
    expect(inBackoff(state, T0 + delay)).toBe(false);
  });
});

describe('isStale / inBackoff / isOlderThanInterval', () => {
  const I = DEFAULT_INTERVAL_MS;

  it(`stale after ${STALE_AFTER_INTERVALS} intervals without success`, () => {
    const state = fetchedAt(T0);
    expect(isStale(state, T0, I)).toBe(false);
    expect(isStale(state, T0 + 3 * I, I)).toBe(false);
    expect(isStale(state, T0 + 3 * I + 1, I)).toBe(true);
    // The interval is the user's setting, not a constant.
    expect(isStale(state, T0 + 3 * I + 1, 5 * I)).toBe(false);
  });

  it('failures do not refresh the age of the data', () => {
    let state = fetchedAt(T0);
    state = applyOutcome(state, failure(), T0 + 2 * I, 0.5);
    state = applyOutcome(state, failure(), T0 + 4 * I, 0.5);
    expect(isStale(state, T0 + 4 * I, I)).toBe(true);
  });

  it('stale without a snapshot or without a success time', () => {
    expect(isStale(EMPTY_STATUS, T0, I)).toBe(true);
    const noSnapshot = applyOutcome(EMPTY_STATUS, success(null), T0, 0.5);
    expect(isStale(noSnapshot, T0, I)).toBe(true);
    const badTime: StatusState = { ...fetchedAt(T0), health: { ...fetchedAt(T0).health, lastSuccessAt: 'garbage' } };
    expect(isStale(badTime, T0, I)).toBe(true);
  });

  it('inBackoff: false without retryAt, true before it, false from it on', () => {
    expect(inBackoff(EMPTY_STATUS, T0)).toBe(false);
    const state = applyOutcome(fetchedAt(T0), failure(), T0, 1);
    expect(inBackoff(state, T0)).toBe(true);
    expect(inBackoff(state, T0 + BACKOFF_BASE_MS - 1)).toBe(true);
    expect(inBackoff(state, T0 + BACKOFF_BASE_MS)).toBe(false);
    expect(inBackoff(applyOutcome(state, success(null), T0 + 1, 0.5), T0 + 2)).toBe(false);
  });

  it('isOlderThanInterval: only after a whole interval; always without a success', () => {
    const state = fetchedAt(T0);
    expect(isOlderThanInterval(state, T0 + I, I)).toBe(false);
    expect(isOlderThanInterval(state, T0 + I + 1, I)).toBe(true);
    expect(isOlderThanInterval(EMPTY_STATUS, T0, I)).toBe(true);
  });
});

describe('statusPageUnreachable: failing with connection errors, not with answers', () => {
  const since = '2026-11-20T14:00:00Z';
  it.each<[string, string | null, string | null, boolean]>([
    ['not failing', null, null, false],
    ['failing with network errors', since, 'network', true],
    ['failing with timeouts', since, 'timeout', true],
    ['failing with server errors', since, 'http', false],
    ['a network error once, but not failing now', null, 'network', false],
  ])('%s: %s', (_name, failingSince, lastErrorKind, expected) => {
    const health = { ...EMPTY_STATUS.health, failingSince, lastErrorKind } as StatusState['health'];
    expect(statusPageUnreachable(health)).toBe(expected);
  });
});
