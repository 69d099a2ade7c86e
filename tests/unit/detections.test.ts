/** core/claude-page/detections.ts: claude.ai's own error messages as stored detections, counted and migrated. */
import { describe, expect, it } from 'vitest';
import {
  detectionsSince,
  EMPTY_SIGNALS,
  lastDetection,
  lastDetectionAt,
  latestDetection,
  migrateSignalsV1toV2,
  migrateSignalsV2toV3,
  SIGNALS_MIGRATIONS,
  SIGNALS_VERSION,
  type Signals,
  signalsSchema,
  withDetection,
  withMarkers,
} from '../../core/claude-page/detections';
import type { PageShape, PageSignalKind } from '../../core/claude-page/page-facts';
import { DETECTION_DEDUPE_MS } from '../../core/claude-page/signal-timing';
import type { SiteId } from '../../core/sites/sites';
import { HOUR_MS as HOUR, MINUTE_MS as MIN, SECOND_MS as SEC } from '../../core/time/time';

const T0 = Date.UTC(2026, 10, 20, 14, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

describe('withDetection', () => {
  const detect = (signals: Signals, site: SiteId, atMs: number, kind: PageSignalKind = 'capacity') =>
    withDetection(signals, { site, kind }, atMs);
  const capacity = (s: Signals) => s.detections.filter((d) => d.kind === 'capacity');

  it('records the kind, the time and the site, nothing else', () => {
    const s = detect(EMPTY_SIGNALS, 'claude-ai', T0);
    expect(s).toEqual({ detections: [{ at: iso(T0), site: 'claude-ai', kind: 'capacity' }] });
    expect(signalsSchema.safeParse(s).success).toBe(true);
    expect(EMPTY_SIGNALS.detections).toEqual([]);
  });

  it('keeps the outage screen error code, and only a code of the strict form', () => {
    const s = withDetection(EMPTY_SIGNALS, { site: 'claude-ai', kind: 'outage-screen', code: '1034YMZ' }, T0);
    expect(lastDetection(s, 'claude-ai', 'outage-screen')?.code).toBe('1034YMZ');
    const bad = withDetection(EMPTY_SIGNALS, { site: 'claude-ai', kind: 'outage-screen', code: 'my secret text' }, T0);
    expect(lastDetection(bad, 'claude-ai', 'outage-screen')).toEqual({
      at: iso(T0),
      site: 'claude-ai',
      kind: 'outage-screen',
    });
  });

  it.each<[string, number[], number, number]>([
    // [case, seconds after T0 of each sighting, detections kept, the last one kept at (s)]
    ['one sighting', [0], 1, 0],
    ['re-rendered within the minute', [0, 10, 59], 1, 0],
    ['a minute apart', [0, 60], 2, 60],
    ['a flood every 10 s for 150 s: one a minute', [0, 10, 20, 30, 40, 50, 70, 100, 130, 150], 3, 130],
    ['gaps of over a minute', [0, 61, 122, 183], 4, 183],
    ['the text added every second for 10 minutes', Array.from({ length: 600 }, (_, i) => i), 10, 540],
  ])('one detection a minute per kind: %s -> %i', (_label, seconds, count, lastSecond) => {
    let s = EMPTY_SIGNALS;
    let writes = 0;
    for (const second of seconds) {
      const next = detect(s, 'claude-ai', T0 + second * SEC);
      // The same object back means nothing to write.
      if (next !== s) writes++;
      s = next;
    }
    expect(capacity(s)).toHaveLength(count);
    expect(writes).toBe(count);
    expect(lastDetectionAt(s, 'claude-ai')).toBe(T0 + lastSecond * SEC);
  });

  it('within the minute it returns the same value, so that the background skips the storage write', () => {
    const s = detect(EMPTY_SIGNALS, 'claude-ai', T0);
    expect(detect(s, 'claude-ai', T0 + 30 * SEC)).toBe(s);
    expect(detect(s, 'claude-ai', T0 + MIN)).not.toBe(s);
  });

  it('another kind, or another site, within the minute is its own detection', () => {
    let s = detect(EMPTY_SIGNALS, 'claude-ai', T0);
    s = detect(s, 'platform', T0 + 5 * SEC);
    s = detect(s, 'claude-ai', T0 + 6 * SEC, 'outage-screen');
    s = detect(s, 'claude-ai', T0 + 7 * SEC, 'retry');
    expect(s.detections.map((d) => `${d.site} ${d.kind}`)).toEqual([
      'claude-ai capacity',
      'platform capacity',
      'claude-ai outage-screen',
      'claude-ai retry',
    ]);
    expect(lastDetectionAt(s, 'claude-ai', 'retry')).toBe(T0 + 7 * SEC);
    expect(lastDetectionAt(s, 'claude-ai', 'outage-screen')).toBe(T0 + 6 * SEC);
  });

  it('keeps 24 hours: older detections are dropped when a new one is recorded', () => {
    let s = detect(EMPTY_SIGNALS, 'claude-ai', T0);
    s = detect(s, 'claude-ai', T0 + 2 * HOUR);
    s = detect(s, 'claude-ai', T0 + 24 * HOUR - 1);
    expect(s.detections).toHaveLength(3);
    s = detect(s, 'claude-ai', T0 + 24 * HOUR + 10 * MIN);
    expect(s.detections.map((d) => d.at)).toEqual([
      iso(T0 + 2 * HOUR),
      iso(T0 + 24 * HOUR - 1),
      iso(T0 + 24 * HOUR + 10 * MIN),
    ]);
    // A day after the last of them, all are gone.
    s = detect(s, 'platform', T0 + 48 * HOUR + 10 * MIN);
    expect(s.detections).toEqual([{ at: iso(T0 + 48 * HOUR + 10 * MIN), site: 'platform', kind: 'capacity' }]);
  });

  it('an unreadable stored time is dropped, not kept forever', () => {
    const s = detect({ detections: [{ at: 'garbage', site: 'claude-ai', kind: 'capacity' }] }, 'claude-ai', T0);
    expect(s.detections).toEqual([{ at: iso(T0), site: 'claude-ai', kind: 'capacity' }]);
  });

  it('a clock set back does not silence detections; the one now ahead of the clock is dropped (core/time/clock.ts)', () => {
    const s = detect(detect(EMPTY_SIGNALS, 'claude-ai', T0), 'claude-ai', T0 - 30 * SEC);
    expect(s.detections.map((d) => Date.parse(d.at))).toEqual([T0 - 30 * SEC]);
  });

  it('a day of sightings every 61 seconds stays bounded', () => {
    let s = EMPTY_SIGNALS;
    for (let i = 0; i < 1500; i++) s = detect(s, 'claude-ai', T0 + i * (DETECTION_DEDUPE_MS + SEC));
    expect(s.detections.length).toBeLessThanOrEqual(500);
    expect(lastDetectionAt(s, 'claude-ai')).toBe(T0 + 1499 * (DETECTION_DEDUPE_MS + SEC));
  });
});

describe('detectionsSince / lastDetectionAt', () => {
  let signals = EMPTY_SIGNALS;
  for (const [minutes, site, kind] of [
    [0, 'claude-ai', 'capacity'],
    [5, 'platform', 'capacity'],
    [10, 'claude-ai', 'capacity'],
    [12, 'claude-ai', 'retry'],
    [30, 'claude-ai', 'capacity'],
  ] as [number, SiteId, PageSignalKind][]) {
    signals = withDetection(signals, { site, kind }, T0 + minutes * MIN);
  }

  it.each<[string, number, SiteId | undefined, number]>([
    ['all, since before the first', T0 - MIN, undefined, 4],
    ['all, since the first (inclusive)', T0, undefined, 4],
    ['all, since minute 6', T0 + 6 * MIN, undefined, 2],
    ['claude.ai, since the start', T0, 'claude-ai', 3],
    ['platform, since the start', T0, 'platform', 1],
    ['platform, since minute 6', T0 + 6 * MIN, 'platform', 0],
    ['all, since after the last', T0 + 31 * MIN, undefined, 0],
  ])('capacity, %s -> %i', (_label, since, site, count) => {
    expect(detectionsSince(signals, since, site)).toBe(count);
  });

  it('other kinds are counted apart', () => {
    expect(detectionsSince(signals, T0, 'claude-ai', 'retry')).toBe(1);
    expect(detectionsSince(signals, T0, 'claude-ai', 'outage-screen')).toBe(0);
  });

  it('the last detection per site, null when none', () => {
    expect(lastDetectionAt(signals, 'claude-ai')).toBe(T0 + 30 * MIN);
    expect(lastDetectionAt(signals, 'platform')).toBe(T0 + 5 * MIN);
    expect(lastDetectionAt(EMPTY_SIGNALS, 'claude-ai')).toBeNull();
  });

  it('the last detection does not depend on storage order and skips unreadable times', () => {
    const unordered: Signals = {
      detections: [
        { at: iso(T0 + 20 * MIN), site: 'claude-ai', kind: 'capacity' },
        { at: 'garbage', site: 'claude-ai', kind: 'capacity' },
        { at: iso(T0 + 5 * MIN), site: 'claude-ai', kind: 'capacity' },
      ],
    };
    expect(lastDetectionAt(unordered, 'claude-ai')).toBe(T0 + 20 * MIN);
  });
});

describe('stored signals: version 1 -> 2', () => {
  it('has one migration per version after the first', () => {
    expect(SIGNALS_VERSION).toBe(3);
    expect(Object.keys(SIGNALS_MIGRATIONS).map(Number)).toEqual([2, 3]);
  });

  it.each<[string, unknown, Signals]>([
    [
      'capacity detections become detections of kind capacity',
      {
        capacity: [
          { at: iso(T0), site: 'claude-ai' },
          { at: iso(T0 + MIN), site: 'platform' },
        ],
      },
      {
        detections: [
          { at: iso(T0), site: 'claude-ai', kind: 'capacity' },
          { at: iso(T0 + MIN), site: 'platform', kind: 'capacity' },
        ],
      },
    ],
    ['empty', { capacity: [] }, EMPTY_SIGNALS],
    ['garbage', 'garbage', EMPTY_SIGNALS],
    ['null', null, EMPTY_SIGNALS],
    [
      'an unreadable entry is dropped, the rest kept',
      { capacity: [{ at: iso(T0), site: 'elsewhere' }, { at: iso(T0), site: 'claude-ai' }, 7] },
      { detections: [{ at: iso(T0), site: 'claude-ai', kind: 'capacity' }] },
    ],
    [
      'a version 2 value stored without its mark passes through untouched',
      { detections: [{ at: iso(T0), site: 'claude-ai', kind: 'retry' }] },
      { detections: [{ at: iso(T0), site: 'claude-ai', kind: 'retry' }] },
    ],
  ])('%s', (_label, v1, expected) => {
    const migrated = migrateSignalsV1toV2(v1);
    expect(migrated).toEqual(expected);
    expect(signalsSchema.safeParse(migrated).success).toBe(true);
  });

  it('a version 1 of 50,000 detections keeps the 500 latest, as every write does (issue #28)', () => {
    // Stored out of order, newest first: the order in storage says nothing.
    const capacity = Array.from({ length: 50_000 }, (_, i) => ({ at: iso(T0 - i * SEC), site: 'claude-ai' }));
    const migrated = migrateSignalsV1toV2({ capacity }) as Signals;
    expect(migrated.detections).toHaveLength(500);
    expect(migrated.detections.at(-1)?.at).toBe(iso(T0));
    expect(migrated.detections[0]?.at).toBe(iso(T0 - 499 * SEC));
    expect(signalsSchema.safeParse(migrated).success).toBe(true);
  });
});

const SHAPE: PageShape = {
  surface: 'reply',
  depth: 17,
  path: [
    { tag: 'p', classes: ['font-claude-response-body'] },
    { tag: 'div', classes: ['standard-markdown'] },
    { tag: 'div', testid: 'chat-column', role: 'feed' },
  ],
};

describe('the structure of a detection (for the "Wrong banner?" report)', () => {
  it('is kept on the newest detection of its kind only', () => {
    let s = withDetection(EMPTY_SIGNALS, { site: 'claude-ai', kind: 'capacity', shape: SHAPE }, T0);
    s = withDetection(s, { site: 'claude-ai', kind: 'retry', shape: SHAPE }, T0 + SEC);
    s = withDetection(s, { site: 'claude-ai', kind: 'capacity', shape: SHAPE }, T0 + 2 * MIN);
    expect(s.detections.map((d) => `${d.kind} ${d.shape ? 'shape' : '-'}`)).toEqual([
      'capacity -',
      'retry shape',
      'capacity shape',
    ]);
    expect(signalsSchema.safeParse(s).success).toBe(true);
  });

  it.each<[string, unknown]>([
    ['page text as a class name', { ...SHAPE, path: [{ tag: 'p', classes: ['Due to unexpected capacity'] }] }],
    ['a file name as a test id', { ...SHAPE, path: [{ tag: 'div', testid: 'report.pdf' }] }],
    ['too many steps', { ...SHAPE, path: Array.from({ length: 9 }, () => ({ tag: 'div' })) }],
    ['an unknown surface', { ...SHAPE, surface: 'sidebar' }],
  ])('a structure that could carry more than structure is not kept: %s', (_label, shape) => {
    const s = withDetection(EMPTY_SIGNALS, { site: 'claude-ai', kind: 'capacity', shape: shape as PageShape }, T0);
    expect(s.detections).toEqual([{ at: iso(T0), site: 'claude-ai', kind: 'capacity' }]);
  });

  it('the latest detection of any kind', () => {
    let s = withDetection(EMPTY_SIGNALS, { site: 'claude-ai', kind: 'capacity' }, T0);
    s = withDetection(s, { site: 'claude-ai', kind: 'incomplete' }, T0 + MIN);
    s = withDetection(s, { site: 'platform', kind: 'retry' }, T0 + 2 * MIN);
    expect(latestDetection(s, 'claude-ai')?.kind).toBe('incomplete');
    expect(latestDetection(EMPTY_SIGNALS, 'claude-ai')).toBeNull();
  });
});

describe('the markers a conversation page lacks', () => {
  it('are stored in their own order and without repeats, and the same answer writes nothing', () => {
    const s = withMarkers(EMPTY_SIGNALS, ['reply', 'user-message', 'reply'], T0);
    expect(s.markers).toEqual({ at: iso(T0), missing: ['user-message', 'reply'] });
    expect(withMarkers(s, ['user-message', 'reply'], T0 + MIN)).toBe(s);
    const fixed = withMarkers(s, [], T0 + 2 * MIN);
    expect(fixed.markers).toEqual({ at: iso(T0 + 2 * MIN), missing: [] });
    expect(withMarkers(fixed, [], T0 + 3 * MIN)).toBe(fixed);
    expect(signalsSchema.safeParse(fixed).success).toBe(true);
  });

  it('the first check is stored even when nothing is missing', () => {
    expect(withMarkers(EMPTY_SIGNALS, [], T0).markers).toEqual({ at: iso(T0), missing: [] });
  });
});

describe('stored signals: version 2 -> 3', () => {
  it.each<[string, unknown, Signals]>([
    [
      'version 2 detections are kept as they are',
      {
        detections: [
          { at: iso(T0), site: 'claude-ai', kind: 'outage-screen', code: '1034YMZ' },
          { at: iso(T0 + MIN), site: 'platform', kind: 'retry' },
        ],
      },
      {
        detections: [
          { at: iso(T0), site: 'claude-ai', kind: 'outage-screen', code: '1034YMZ' },
          { at: iso(T0 + MIN), site: 'platform', kind: 'retry' },
        ],
      },
    ],
    ['empty', { detections: [] }, EMPTY_SIGNALS],
    ['garbage', 'garbage', EMPTY_SIGNALS],
    ['null', null, EMPTY_SIGNALS],
    [
      'a version 3 value stored without its version mark keeps its markers',
      { detections: [], markers: { at: iso(T0), missing: ['reply'] } },
      { detections: [], markers: { at: iso(T0), missing: ['reply'] } },
    ],
    [
      'unreadable markers are dropped',
      { detections: [], markers: { at: iso(T0), missing: ['sidebar'] } },
      EMPTY_SIGNALS,
    ],
    [
      'an unreadable entry is dropped, the rest kept',
      {
        detections: [
          { at: iso(T0), site: 'claude-ai', kind: 'outage' },
          { at: iso(T0), site: 'claude-ai', kind: 'capacity' },
        ],
      },
      { detections: [{ at: iso(T0), site: 'claude-ai', kind: 'capacity' }] },
    ],
  ])('%s', (_label, v2, expected) => {
    const migrated = migrateSignalsV2toV3(v2);
    expect(migrated).toEqual(expected);
    expect(signalsSchema.safeParse(migrated).success).toBe(true);
  });

  it('a version 1 value goes through both', () => {
    const migrated = migrateSignalsV2toV3(migrateSignalsV1toV2({ capacity: [{ at: iso(T0), site: 'claude-ai' }] }));
    expect(migrated).toEqual({ detections: [{ at: iso(T0), site: 'claude-ai', kind: 'capacity' }] });
  });
});
