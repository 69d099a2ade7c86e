/** The sticky source (issue #16): which origin a poll asks, and validators kept per origin. */
import { describe, expect, it } from 'vitest';
import { applyOutcome, validatorsFor } from '../../core/polling/health';
import {
  STICKY_CAP_MS,
  STICKY_MS,
  sourcesToTry,
  stickyWindowMs,
  withPrimaryResult,
} from '../../core/polling/sticky-source';
import {
  EMPTY_HEALTH,
  EMPTY_STATUS,
  type FetchHealth,
  migrateStatusV1toV2,
  statusStateSchema,
} from '../../core/status-page/status-model';
import { MINUTE_MS as MIN } from '../../core/time/time';
import { loadSnapshot } from './fixtures';

const T0 = Date.UTC(2026, 10, 20, 13, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

describe('sourcesToTry / withPrimaryResult', () => {
  it('asks the primary first while nothing is wrong with it', () => {
    expect(sourcesToTry(EMPTY_HEALTH, T0)).toEqual(['primary', 'fallback']);
  });

  it('after a challenge: the fallback alone for 30 minutes, then one probe of the primary', () => {
    const h = withPrimaryResult(EMPTY_HEALTH, 'avoid', T0);
    expect(h.primaryAvoidUntil).toBe(iso(T0 + STICKY_MS));
    expect(sourcesToTry(h, T0 + MIN)).toEqual(['fallback']);
    expect(sourcesToTry(h, T0 + STICKY_MS - 1)).toEqual(['fallback']);
    expect(sourcesToTry(h, T0 + STICKY_MS)).toEqual(['primary', 'fallback']);
  });

  it('a probe that fails again doubles the window, up to the cap; a probe that works ends it', () => {
    let h: FetchHealth = EMPTY_HEALTH;
    const windows: number[] = [];
    let now = T0;
    for (let i = 0; i < 7; i++) {
      h = withPrimaryResult(h, 'avoid', now);
      const until = Date.parse(h.primaryAvoidUntil ?? '');
      windows.push((until - now) / MIN);
      now = until;
    }
    expect(windows).toEqual([30, 60, 120, 240, 240, 240, 240]);
    expect(stickyWindowMs(100)).toBe(STICKY_CAP_MS);
    h = withPrimaryResult(h, 'ok', now);
    expect(h).toMatchObject({ primaryAvoidUntil: null, primaryStrikes: 0 });
    expect(sourcesToTry(h, now)).toEqual(['primary', 'fallback']);
  });

  it('a network error or timeout (probably offline) and a skipped primary change nothing', () => {
    const h = withPrimaryResult(EMPTY_HEALTH, 'avoid', T0);
    expect(withPrimaryResult(h, 'transient', T0 + MIN)).toBe(h);
    expect(withPrimaryResult(h, 'skipped', T0 + MIN)).toBe(h);
  });

  it('a window further away than the cap (clock moved back) is ignored', () => {
    const h: FetchHealth = { ...EMPTY_HEALTH, primaryAvoidUntil: iso(T0 + 2 * STICKY_CAP_MS) };
    expect(sourcesToTry(h, T0)).toEqual(['primary', 'fallback']);
  });
});

describe('validators per source', () => {
  const snapshot = loadSnapshot('healthy');
  const ok = (source: 'primary' | 'fallback', etag: string | null) =>
    ({
      kind: 'success',
      source,
      snapshot,
      validators: etag ? { source, etag, lastModified: null } : null,
    }) as const;

  it('each origin keeps its own; a 304 on one leaves the other', () => {
    let state = applyOutcome(EMPTY_STATUS, ok('primary', '"p1"'), T0, 0.5);
    state = applyOutcome(state, ok('fallback', '"f1"'), T0 + MIN, 0.5);
    expect(validatorsFor(state.health, 'primary')?.etag).toBe('"p1"');
    expect(validatorsFor(state.health, 'fallback')?.etag).toBe('"f1"');
    state = applyOutcome(state, ok('fallback', '"f2"'), T0 + 2 * MIN, 0.5);
    expect(state.health.validators).toHaveLength(2);
    expect(validatorsFor(state.health, 'fallback')?.etag).toBe('"f2"');
    expect(validatorsFor(state.health, 'primary')?.etag).toBe('"p1"');
  });

  it('a success without validators drops that origin’s old ones only', () => {
    let state = applyOutcome(EMPTY_STATUS, ok('primary', '"p1"'), T0, 0.5);
    state = applyOutcome(state, ok('fallback', '"f1"'), T0 + MIN, 0.5);
    state = applyOutcome(state, ok('fallback', null), T0 + 2 * MIN, 0.5);
    expect(state.health.validators).toEqual([{ source: 'primary', etag: '"p1"', lastModified: null }]);
  });
});

describe('status item v1 -> v2', () => {
  it('keeps the snapshot, drops the v1 validators (the next poll rebuilds the snapshot in full), adds the new fields', () => {
    const snapshot = loadSnapshot('healthy');
    const v1 = {
      snapshot,
      health: {
        lastAttemptAt: iso(T0),
        lastSuccessAt: iso(T0),
        failingSince: null,
        lastErrorKind: null,
        lastError: null,
        source: 'fallback',
        consecutiveFailures: 0,
        retryAt: null,
        validators: { source: 'fallback', etag: '"x"', lastModified: null },
      },
    };
    const migrated = migrateStatusV1toV2(v1);
    const parsed = statusStateSchema.safeParse(migrated);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.snapshot).toEqual(snapshot);
    expect(parsed.data?.health).toMatchObject({
      source: 'fallback',
      lastSuccessAt: iso(T0),
      retryAfterUntil: null,
      hintedAt: null,
      primaryAvoidUntil: null,
      primaryStrikes: 0,
      validators: [],
    });
  });

  it('v1 without validators, garbage, and a value already v2', () => {
    const v1 = { snapshot: null, health: { ...EMPTY_HEALTH, validators: null } };
    expect(statusStateSchema.safeParse(migrateStatusV1toV2(v1)).data?.health.validators).toEqual([]);
    expect(statusStateSchema.safeParse(migrateStatusV1toV2('garbage')).data).toEqual(EMPTY_STATUS);
    const v2 = { snapshot: null, health: { ...EMPTY_HEALTH, primaryStrikes: 2 } };
    expect(migrateStatusV1toV2(v2)).toBe(v2);
  });
});
