/** core/banner/dismissals.ts: what a dismissal hides, until when, and when it is forgotten. */
import { describe, expect, it } from 'vitest';
import {
  capacitySnoozed,
  DISMISSALS_MIGRATIONS,
  type Dismissals,
  dismissalsSchema,
  EMPTY_DISMISSALS,
  isDismissed,
  prunedDismissals,
  withDismissedIncidents,
} from '../../core/banner/dismissals';
import { CAPACITY_SNOOZE_MS } from '../../core/claude-page/signal-timing';
import type { Severity } from '../../core/status-page/severity';
import { HOUR_MS as HOUR, MINUTE_MS as MIN } from '../../core/time/time';

const T0 = Date.UTC(2026, 10, 20, 14, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

describe('isDismissed: until the incident gets worse', () => {
  const dismissed = withDismissedIncidents(EMPTY_DISMISSALS, { '8dkw448dcmil': 'partial_outage' }, T0);

  it.each<[Severity, boolean]>([
    ['operational', true],
    ['maintenance', true],
    ['degraded', true],
    ['partial_outage', true],
    ['major_outage', false],
  ])('dismissed at partial_outage, now %s -> dismissed %s', (severity, expected) => {
    expect(isDismissed(dismissed, '8dkw448dcmil', severity)).toBe(expected);
  });

  it('another incident is not dismissed', () => {
    expect(isDismissed(dismissed, 'j7zexb58b09g', 'degraded')).toBe(false);
    expect(isDismissed(EMPTY_DISMISSALS, '8dkw448dcmil', 'operational')).toBe(false);
  });

  it('keys inherited from Object.prototype are not dismissals', () => {
    expect(isDismissed(EMPTY_DISMISSALS, 'toString', 'degraded')).toBe(false);
    expect(isDismissed(EMPTY_DISMISSALS, '__proto__', 'degraded')).toBe(false);
  });

  it('dismissing again at a worse severity hides it again', () => {
    const worse = withDismissedIncidents(dismissed, { '8dkw448dcmil': 'major_outage' }, T0);
    expect(isDismissed(worse, '8dkw448dcmil', 'major_outage')).toBe(true);
  });

  it('component keys work like incident keys', () => {
    const d = withDismissedIncidents(EMPTY_DISMISSALS, { 'component:k8w3r06qmzrp': 'degraded' }, T0);
    expect(isDismissed(d, 'component:k8w3r06qmzrp', 'degraded')).toBe(true);
    expect(isDismissed(d, 'component:k8w3r06qmzrp', 'partial_outage')).toBe(false);
  });
});

describe('withDismissedIncidents', () => {
  const many = (from: number, count: number): Record<string, Severity> =>
    Object.fromEntries(
      Array.from({ length: count }, (_, i) => [`inc${String(from + i).padStart(4, '0')}`, 'degraded']),
    );

  it('does not change its input and keeps the capacity dismissal', () => {
    const before: Dismissals = { incidents: { a: 'degraded' }, capacityDismissedAt: iso(T0) };
    const after = withDismissedIncidents(before, { b: 'major_outage' }, T0);
    expect(before.incidents).toEqual({ a: 'degraded' });
    expect(after).toEqual({
      incidents: { a: 'degraded', b: 'major_outage' },
      capacityDismissedAt: iso(T0),
      // `a` was stored without a time (version 1): it starts counting now.
      dismissedAt: { a: iso(T0), b: iso(T0) },
    });
  });

  it('caps at 100, dropping the oldest', () => {
    let d = EMPTY_DISMISSALS;
    for (let i = 0; i < 150; i++) d = withDismissedIncidents(d, many(i, 1), T0);
    const keys = Object.keys(d.incidents);
    expect(keys).toHaveLength(100);
    expect(keys[0]).toBe('inc0050');
    expect(keys.at(-1)).toBe('inc0149');
    expect(d.incidents.inc0049).toBeUndefined();
  });

  it('caps at 100 when many arrive at once', () => {
    const d = withDismissedIncidents(withDismissedIncidents(EMPTY_DISMISSALS, many(0, 60), T0), many(60, 60), T0);
    expect(Object.keys(d.incidents)).toHaveLength(100);
    expect(Object.keys(d.incidents)[0]).toBe('inc0020');
  });

  it('dismissing an old key again makes it the newest, so the cap does not drop it next', () => {
    let d = withDismissedIncidents(EMPTY_DISMISSALS, many(0, 100), T0);
    d = withDismissedIncidents(d, { inc0000: 'major_outage' }, T0);
    d = withDismissedIncidents(d, many(100, 1), T0);
    expect(Object.keys(d.incidents)).toHaveLength(100);
    expect(d.incidents.inc0000).toBe('major_outage');
    expect(d.incidents.inc0001).toBeUndefined();
  });

  it('what it returns is valid stored data', () => {
    const d = withDismissedIncidents(EMPTY_DISMISSALS, many(0, 120), T0);
    expect(dismissalsSchema.safeParse(d).success).toBe(true);
  });
});

describe('prunedDismissals: gone when resolved, and after 30 days', () => {
  const DAY = 24 * HOUR;
  const live = (ids: string[], components: string[] = []) => ({ ids: new Set(ids), components: new Set(components) });
  const at = (key: string, ms: number): Dismissals => ({
    incidents: { [key]: 'major_outage' },
    capacityDismissedAt: null,
    dismissedAt: { [key]: iso(ms) },
  });

  it.each<[string, Dismissals, ReturnType<typeof live>, number, boolean]>([
    ['an incident still listed, dismissed an hour ago', at('inc1', T0), live(['inc1']), T0 + HOUR, true],
    ['an incident no longer listed (resolved)', at('inc1', T0), live([]), T0 + HOUR, false],
    ['an incident listed but dismissed 30 days ago', at('inc1', T0), live(['inc1']), T0 + 30 * DAY, false],
    ['an incident listed, dismissed 29 days ago', at('inc1', T0), live(['inc1']), T0 + 29 * DAY, true],
    ['a maintenance still listed', at('mnt1', T0), live(['mnt1']), T0 + HOUR, true],
    ['a component still down', at('component:c1', T0), live([], ['c1']), T0 + HOUR, true],
    ['a component operational again', at('component:c1', T0), live(['c1']), T0 + HOUR, false],
    [
      "claude.ai's own outage screen: by age only",
      at('outage-screen:2026-11-20T14:00:00.000Z', T0),
      live([]),
      T0 + DAY,
      true,
    ],
    ['a failure episode after 30 days', at('failing:2026-11-20T14:00:00.000Z', T0), live([]), T0 + 30 * DAY, false],
  ])('%s -> kept %s', (_label, dismissals, liveNow, now, kept) => {
    const key = Object.keys(dismissals.incidents)[0] as string;
    expect(Object.hasOwn(prunedDismissals(dismissals, liveNow, now).incidents, key)).toBe(kept);
  });

  it('returns the same object when nothing changes, so nothing is written', () => {
    const d = at('inc1', T0);
    expect(prunedDismissals(d, live(['inc1']), T0 + HOUR)).toBe(d);
  });

  it('a version 1 value (no times) gets a time now and is kept while live', () => {
    const v1: Dismissals = { incidents: { inc1: 'degraded', inc2: 'degraded' }, capacityDismissedAt: iso(T0) };
    const next = prunedDismissals(v1, live(['inc1']), T0);
    expect(next).toEqual({
      incidents: { inc1: 'degraded' },
      capacityDismissedAt: iso(T0),
      dismissedAt: { inc1: iso(T0) },
    });
    expect(dismissalsSchema.safeParse(v1).success).toBe(true);
    expect(DISMISSALS_MIGRATIONS[2]?.(v1)).toBe(v1);
  });

  it('a time in the future (a clock set back) starts counting now, never keeps it forever', () => {
    const d = at('inc1', T0 + 365 * DAY);
    const next = prunedDismissals(d, live(['inc1']), T0);
    expect(next.dismissedAt).toEqual({ inc1: iso(T0) });
    expect(prunedDismissals(next, live(['inc1']), T0 + 30 * DAY).incidents).toEqual({});
  });
});

describe('capacitySnoozed: for 30 minutes, then not', () => {
  const dismissed: Dismissals = { ...EMPTY_DISMISSALS, capacityDismissedAt: iso(T0) };

  it('the snooze is 30 minutes', () => {
    expect(CAPACITY_SNOOZE_MS).toBe(30 * MIN);
  });

  it.each<[string, number, boolean]>([
    ['seen before the dismissal', T0 - 5 * MIN, true],
    ['seen at the dismissal', T0, true],
    ['seen 29 minutes later', T0 + 29 * MIN, true],
    ['seen exactly 30 minutes later', T0 + 30 * MIN, true],
    ['seen 30 minutes and 1 ms later', T0 + 30 * MIN + 1, false],
    ['seen 2 hours later', T0 + 2 * HOUR, false],
  ])('%s -> snoozed %s', (_label, seenAt, expected) => {
    expect(capacitySnoozed(dismissed, seenAt)).toBe(expected);
  });

  it('never dismissed, or an unreadable time -> not snoozed', () => {
    expect(capacitySnoozed(EMPTY_DISMISSALS, T0)).toBe(false);
    expect(capacitySnoozed({ ...EMPTY_DISMISSALS, capacityDismissedAt: 'yesterday' }, T0)).toBe(false);
  });
});
