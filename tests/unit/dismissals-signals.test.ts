import { describe, expect, it } from 'vitest';
import {
  CAPACITY_SNOOZE_MS,
  capacitySnoozed,
  type Dismissals,
  dismissalsSchema,
  EMPTY_DISMISSALS,
  isDismissed,
  withDismissedIncidents,
} from '../../core/dismissals';
import type { Severity } from '../../core/severity';
import {
  DETECTION_DEDUPE_MS,
  detectionsSince,
  EMPTY_SIGNALS,
  lastDetectionAt,
  type Signals,
  signalsSchema,
  withDetection,
} from '../../core/signals';
import type { SiteId } from '../../core/sites';

const T0 = Date.UTC(2026, 10, 20, 14, 0, 0);
const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const iso = (ms: number) => new Date(ms).toISOString();

describe('isDismissed: until the incident gets worse', () => {
  const dismissed = withDismissedIncidents(EMPTY_DISMISSALS, { '8dkw448dcmil': 'partial_outage' });

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
    const worse = withDismissedIncidents(dismissed, { '8dkw448dcmil': 'major_outage' });
    expect(isDismissed(worse, '8dkw448dcmil', 'major_outage')).toBe(true);
  });

  it('component keys work like incident keys', () => {
    const d = withDismissedIncidents(EMPTY_DISMISSALS, { 'component:k8w3r06qmzrp': 'degraded' });
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
    const after = withDismissedIncidents(before, { b: 'major_outage' });
    expect(before.incidents).toEqual({ a: 'degraded' });
    expect(after).toEqual({ incidents: { a: 'degraded', b: 'major_outage' }, capacityDismissedAt: iso(T0) });
  });

  it('caps at 100, dropping the oldest', () => {
    let d = EMPTY_DISMISSALS;
    for (let i = 0; i < 150; i++) d = withDismissedIncidents(d, many(i, 1));
    const keys = Object.keys(d.incidents);
    expect(keys).toHaveLength(100);
    expect(keys[0]).toBe('inc0050');
    expect(keys.at(-1)).toBe('inc0149');
    expect(d.incidents.inc0049).toBeUndefined();
  });

  it('caps at 100 when many arrive at once', () => {
    const d = withDismissedIncidents(withDismissedIncidents(EMPTY_DISMISSALS, many(0, 60)), many(60, 60));
    expect(Object.keys(d.incidents)).toHaveLength(100);
    expect(Object.keys(d.incidents)[0]).toBe('inc0020');
  });

  it('dismissing an old key again makes it the newest, so the cap does not drop it next', () => {
    let d = withDismissedIncidents(EMPTY_DISMISSALS, many(0, 100));
    d = withDismissedIncidents(d, { inc0000: 'major_outage' });
    d = withDismissedIncidents(d, many(100, 1));
    expect(Object.keys(d.incidents)).toHaveLength(100);
    expect(d.incidents.inc0000).toBe('major_outage');
    expect(d.incidents.inc0001).toBeUndefined();
  });

  it('what it returns is valid stored data', () => {
    const d = withDismissedIncidents(EMPTY_DISMISSALS, many(0, 120));
    expect(dismissalsSchema.safeParse(d).success).toBe(true);
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

describe('withDetection', () => {
  const detect = (signals: Signals, site: SiteId, atMs: number) => withDetection(signals, site, atMs);

  it('records the time and the site, nothing else', () => {
    const s = detect(EMPTY_SIGNALS, 'claude-ai', T0);
    expect(s).toEqual({ capacity: [{ at: iso(T0), site: 'claude-ai' }] });
    expect(signalsSchema.safeParse(s).success).toBe(true);
    expect(EMPTY_SIGNALS.capacity).toEqual([]);
  });

  it.each<[string, number[], number, number]>([
    // [case, seconds after T0 of each sighting, detections kept, second of the last kept]
    ['one sighting', [0], 1, 0],
    ['re-rendered within the minute', [0, 10, 59], 1, 0],
    ['a minute apart', [0, 60], 2, 60],
    ['a sighting every 50 s: one stored a minute', [0, 50, 100, 150], 2, 100],
    ['gaps of over a minute', [0, 61, 122, 183], 4, 183],
    ['the text added every second for 10 minutes', Array.from({ length: 600 }, (_, i) => i), 10, 540],
  ])('one stored detection a minute: %s -> %i', (_label, seconds, count, lastKept) => {
    let s = EMPTY_SIGNALS;
    for (const second of seconds) s = detect(s, 'claude-ai', T0 + second * SEC);
    expect(s.capacity).toHaveLength(count);
    expect(lastDetectionAt(s, 'claude-ai')).toBe(T0 + lastKept * SEC);
  });

  it('within the minute it returns the same value, so that the background skips the storage write', () => {
    const s = detect(EMPTY_SIGNALS, 'claude-ai', T0);
    expect(detect(s, 'claude-ai', T0 + 30 * SEC)).toBe(s);
    expect(detect(s, 'claude-ai', T0 + MIN)).not.toBe(s);
  });

  it('a sighting on another site within the minute is its own detection', () => {
    const s = detect(detect(EMPTY_SIGNALS, 'claude-ai', T0), 'platform', T0 + 5 * SEC);
    expect(s.capacity.map((d) => d.site)).toEqual(['claude-ai', 'platform']);
  });

  it('keeps 24 hours: older detections are dropped when a new one is recorded', () => {
    let s = detect(EMPTY_SIGNALS, 'claude-ai', T0);
    s = detect(s, 'claude-ai', T0 + 2 * HOUR);
    s = detect(s, 'claude-ai', T0 + 24 * HOUR - 1);
    expect(s.capacity).toHaveLength(3);
    s = detect(s, 'claude-ai', T0 + 24 * HOUR + 10 * MIN);
    expect(s.capacity.map((d) => d.at)).toEqual([
      iso(T0 + 2 * HOUR),
      iso(T0 + 24 * HOUR - 1),
      iso(T0 + 24 * HOUR + 10 * MIN),
    ]);
    // A day after the last of them, all are gone.
    s = detect(s, 'platform', T0 + 48 * HOUR + 10 * MIN);
    expect(s.capacity).toEqual([{ at: iso(T0 + 48 * HOUR + 10 * MIN), site: 'platform' }]);
  });

  it('an unreadable stored time is dropped, not kept forever', () => {
    const s = detect({ capacity: [{ at: 'garbage', site: 'claude-ai' }] }, 'claude-ai', T0);
    expect(s.capacity).toEqual([{ at: iso(T0), site: 'claude-ai' }]);
  });

  it('a day of sightings every 61 seconds stays bounded', () => {
    let s = EMPTY_SIGNALS;
    for (let i = 0; i < 1500; i++) s = detect(s, 'claude-ai', T0 + i * (DETECTION_DEDUPE_MS + SEC));
    expect(s.capacity.length).toBeLessThanOrEqual(500);
    expect(lastDetectionAt(s, 'claude-ai')).toBe(T0 + 1499 * (DETECTION_DEDUPE_MS + SEC));
  });
});

describe('detectionsSince / lastDetectionAt', () => {
  let signals = EMPTY_SIGNALS;
  for (const [minutes, site] of [
    [0, 'claude-ai'],
    [5, 'platform'],
    [10, 'claude-ai'],
    [30, 'claude-ai'],
  ] as [number, SiteId][]) {
    signals = withDetection(signals, site, T0 + minutes * MIN);
  }

  it.each<[string, number, SiteId | undefined, number]>([
    ['all, since before the first', T0 - MIN, undefined, 4],
    ['all, since the first (inclusive)', T0, undefined, 4],
    ['all, since minute 6', T0 + 6 * MIN, undefined, 2],
    ['claude.ai, since the start', T0, 'claude-ai', 3],
    ['platform, since the start', T0, 'platform', 1],
    ['platform, since minute 6', T0 + 6 * MIN, 'platform', 0],
    ['all, since after the last', T0 + 31 * MIN, undefined, 0],
  ])('%s -> %i', (_label, since, site, count) => {
    expect(detectionsSince(signals, since, site)).toBe(count);
  });

  it('the last detection per site, null when none', () => {
    expect(lastDetectionAt(signals, 'claude-ai')).toBe(T0 + 30 * MIN);
    expect(lastDetectionAt(signals, 'platform')).toBe(T0 + 5 * MIN);
    expect(lastDetectionAt(EMPTY_SIGNALS, 'claude-ai')).toBeNull();
  });

  it('the last detection does not depend on storage order and skips unreadable times', () => {
    const unordered: Signals = {
      capacity: [
        { at: iso(T0 + 20 * MIN), site: 'claude-ai' },
        { at: 'garbage', site: 'claude-ai' },
        { at: iso(T0 + 5 * MIN), site: 'claude-ai' },
      ],
    };
    expect(lastDetectionAt(unordered, 'claude-ai')).toBe(T0 + 20 * MIN);
  });
});
