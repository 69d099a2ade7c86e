/** Cadence by need (issue #16) and the failure log's write pace. */
import { describe, expect, it } from 'vitest';
import { EMPTY_SIGNALS, withDetection } from '../../core/claude-page/detections';
import { EMPTY_FAILURE_LOG, type FailureLog, recordOutcome } from '../../core/claude-page/fault';
import {
  ACTIVE_INTERVAL_MS,
  activeReason,
  alarmDelayMinutes,
  alarmPeriodMinutes,
  type CadenceInputs,
  cadenceMs,
  QUIET_INTERVAL_MS,
  SITE_OPEN_WINDOW_MS,
  staleIntervalMs,
} from '../../core/polling/cadence';
import { changesVerdict, WRITE_EVERY_MS, writeAt } from '../../core/polling/write-pace';
import { DEFAULT_SETTINGS } from '../../core/settings/settings';
import { EMPTY_STATUS } from '../../core/status-page/status-model';
import { MINUTE_MS as MIN } from '../../core/time/time';
import { loadSnapshot } from './fixtures';

const T0 = Date.UTC(2026, 10, 20, 13, 0, 0);
const quiet: CadenceInputs = {
  settings: DEFAULT_SETTINGS,
  status: { ...EMPTY_STATUS, snapshot: loadSnapshot('healthy') },
  signals: EMPTY_SIGNALS,
  failures: EMPTY_FAILURE_LOG,
  siteSeenAt: null,
};

describe('cadence', () => {
  it.each<[string, Partial<CadenceInputs>, number, ReturnType<typeof activeReason>]>([
    ['a quiet day, no tab', {}, T0, null],
    ['a site tab asked a minute ago', { siteSeenAt: T0 - MIN }, T0, 'site-open'],
    ['the tab last asked longer ago than the window', { siteSeenAt: T0 - SITE_OPEN_WINDOW_MS }, T0, null],
    [
      'an incident is active',
      { status: { ...EMPTY_STATUS, snapshot: loadSnapshot('claude-ai-partial') } },
      T0,
      'incident',
    ],
    ['maintenance in progress', { status: { ...EMPTY_STATUS, snapshot: loadSnapshot('maintenance') } }, T0, 'incident'],
    [
      'a capacity error 5 minutes ago',
      { signals: withDetection(EMPTY_SIGNALS, { site: 'claude-ai', kind: 'capacity' }, T0 - 5 * MIN) },
      T0,
      'signal',
    ],
    [
      'a capacity error an hour ago',
      { signals: withDetection(EMPTY_SIGNALS, { site: 'claude-ai', kind: 'capacity' }, T0 - 60 * MIN) },
      T0,
      null,
    ],
    [
      'a failed request 2 minutes ago',
      { failures: recordOutcome(EMPTY_FAILURE_LOG, { at: T0 - 2 * MIN, kind: 'completion', outcome: 'server-error' }) },
      T0,
      'signal',
    ],
    ['notifications on', { settings: { ...DEFAULT_SETTINGS, notifications: 'my-services' } }, T0, 'notifications'],
  ])('%s -> %s', (_label, patch, now, reason) => {
    const need = { ...quiet, ...patch };
    expect(activeReason(need, now)).toBe(reason);
    expect(cadenceMs(need, now)).toBe(reason ? ACTIVE_INTERVAL_MS : QUIET_INTERVAL_MS);
  });

  it('"old" and "stale" under automatic: a minute during an incident or maintenance, 5 minutes otherwise', () => {
    expect(staleIntervalMs(DEFAULT_SETTINGS, loadSnapshot('healthy'))).toBe(QUIET_INTERVAL_MS);
    expect(staleIntervalMs(DEFAULT_SETTINGS, null)).toBe(QUIET_INTERVAL_MS);
    expect(staleIntervalMs(DEFAULT_SETTINGS, loadSnapshot('claude-ai-partial'))).toBe(ACTIVE_INTERVAL_MS);
    expect(staleIntervalMs(DEFAULT_SETTINGS, loadSnapshot('maintenance'))).toBe(ACTIVE_INTERVAL_MS);
    expect(staleIntervalMs({ ...DEFAULT_SETTINGS, pollIntervalSec: 120 }, loadSnapshot('claude-ai-partial'))).toBe(
      120_000,
    );
  });

  it('a fixed interval is kept whatever the need', () => {
    const fixed = { ...quiet, settings: { ...DEFAULT_SETTINGS, pollIntervalSec: 600 as const } };
    expect(cadenceMs(fixed, T0)).toBe(600_000);
    expect(cadenceMs({ ...fixed, siteSeenAt: T0 }, T0)).toBe(600_000);
    expect(alarmPeriodMinutes(fixed.settings)).toBe(10);
  });

  it('automatic ticks every minute; the first tick comes after half to one period, by chance', () => {
    expect(alarmPeriodMinutes(DEFAULT_SETTINGS)).toBe(1);
    expect(alarmDelayMinutes(DEFAULT_SETTINGS, 0)).toBe(0.5);
    expect(alarmDelayMinutes(DEFAULT_SETTINGS, 1)).toBe(1);
    expect(alarmDelayMinutes(DEFAULT_SETTINGS, 0.5)).toBe(0.75);
  });
});

describe('failure log write pace', () => {
  const fail = (log: FailureLog, at: number) => recordOutcome(log, { at, kind: 'completion', outcome: 'server-error' });

  it('the first failure of an episode and the one that reaches the banner threshold are written at once', () => {
    const one = fail(EMPTY_FAILURE_LOG, T0);
    expect(changesVerdict(EMPTY_FAILURE_LOG, one)).toBe(true);
    const two = fail(one, T0 + 3000);
    expect(changesVerdict(one, two)).toBe(true);
    const three = fail(two, T0 + 6000);
    expect(changesVerdict(two, three)).toBe(false);
    expect(writeAt(two, three, T0, T0 + 6000)).toBe(T0 + WRITE_EVERY_MS);
    expect(writeAt(two, three, null, T0 + 6000)).toBe(T0 + 6000);
  });

  it('a completion success that ends the episode is written at once; nothing new, never', () => {
    const two = fail(fail(EMPTY_FAILURE_LOG, T0), T0 + 3000);
    const ok = recordOutcome(two, { at: T0 + 9000, kind: 'completion', outcome: 'ok' });
    expect(writeAt(two, ok, T0 + 8000, T0 + 9000)).toBe(T0 + 9000);
    expect(writeAt(two, two, T0, T0 + 9000)).toBe(Number.POSITIVE_INFINITY);
  });

  it('after a past failure, successes that end nothing wait their minute (issue #28: 47 writes in 30 s before)', () => {
    const ended = recordOutcome(fail(EMPTY_FAILURE_LOG, T0), { at: T0 + 1000, kind: 'completion', outcome: 'ok' });
    let stored = ended;
    let unsaved = stored;
    let lastWrite: number | null = T0 + 1000;
    let writes = 0;
    // A completion every 0.6 s, from 10 s after the episode ended, for 5 minutes.
    for (let at = T0 + 10_000; at < T0 + 5 * MIN; at += 600) {
      unsaved = recordOutcome(unsaved, { at, kind: 'completion', outcome: 'ok' });
      expect(changesVerdict(stored, unsaved)).toBe(false);
      if (writeAt(stored, unsaved, lastWrite, at) <= at) {
        stored = unsaved;
        lastWrite = at;
        writes++;
      }
    }
    expect(writes).toBeLessThanOrEqual(5);
    expect(writes).toBeGreaterThanOrEqual(4);
  });

  it('failures every 3 s in 5 tabs for 10 minutes: at most one write a minute after the first two', () => {
    let stored = EMPTY_FAILURE_LOG;
    let unsaved = stored;
    let lastWrite: number | null = null;
    let writes = 0;
    for (let at = T0; at < T0 + 10 * MIN; at += 3000) {
      for (let tab = 0; tab < 5; tab++) unsaved = fail(unsaved, at + tab);
      if (writeAt(stored, unsaved, lastWrite, at + 5) <= at + 5) {
        stored = unsaved;
        lastWrite = at + 5;
        writes++;
      }
    }
    expect(writes).toBeLessThanOrEqual(11);
  });
});
