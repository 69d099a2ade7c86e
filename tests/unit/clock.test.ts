/**
 * A clock set forward, then back (core/time/clock.ts): stored times ahead of now keep nothing alive,
 * "since" is never in the future, and no timer is given more than a day or less than nothing.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_DISMISSALS } from '../../core/banner/dismissals';
import { EMPTY_SIGNALS, type Signals, withDetection } from '../../core/claude-page/detections';
import { EMPTY_FAILURE_LOG, type FailureLog } from '../../core/claude-page/fault';
import { DEFAULT_SETTINGS } from '../../core/settings/settings';
import { siteById } from '../../core/sites/sites';
import { EMPTY_HEALTH } from '../../core/status-page/status-model';
import {
  agedStamp,
  MAX_TIMER_MS,
  presentFailures,
  presentSignals,
  presentStatus,
  timerDelay,
} from '../../core/time/clock';
import { agoTime } from '../../core/time/format';
import { HOUR_MS as HOUR } from '../../core/time/time';
import { type SiteViewInput, siteView } from '../../core/verdict/site-view';
import { bannerText } from '../../entrypoints/background/banner/banner-text';
import { loadSnapshot } from './fixtures';
import { useEnglish } from './support/translator';

const NOW = Date.parse('2026-11-20T14:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

function input(extra: Partial<SiteViewInput>): SiteViewInput {
  return {
    siteId: 'claude-ai',
    status: { snapshot: loadSnapshot('healthy'), health: { ...EMPTY_HEALTH, lastSuccessAt: iso(NOW) } },
    signals: EMPTY_SIGNALS,
    dismissals: EMPTY_DISMISSALS,
    failures: EMPTY_FAILURE_LOG,
    now: NOW,
    intervalMs: 60_000,
    online: true,
    settings: DEFAULT_SETTINGS,
    ...extra,
  };
}

const capacityAt = (ms: number): Signals => ({ detections: [{ at: iso(ms), site: 'claude-ai', kind: 'capacity' }] });

describe('stored times ahead of the clock', () => {
  it('a capacity detection stored an hour ahead raises no banner and sets no far timer', () => {
    const view = siteView(input({ signals: capacityAt(NOW + HOUR) }));
    expect(view.banner).toBeNull();
    expect(view.recheckAt).toBeNull();
  });

  it('a capacity detection seen now still shows, and its recheck is within the banner time', () => {
    const view = siteView(input({ signals: capacityAt(NOW - 1000) }));
    expect(view.banner?.kind).toBe('capacity');
    expect(view.recheckAt).toBeGreaterThan(NOW);
    expect(view.recheckAt).toBeLessThanOrEqual(NOW + MAX_TIMER_MS);
  });

  it('failures stored ahead raise no "failing for you" banner; outages screens and retry notices neither', () => {
    const failures: FailureLog = {
      minutes: [
        {
          minute: Math.floor((NOW + HOUR) / 60_000),
          completionFailures: 5,
          otherFailures: 0,
          networkErrors: 0,
          successes: 0,
        },
      ],
      lastCompletionSuccessAt: null,
      firstFailureAt: NOW + HOUR,
      lastFailureAt: NOW + HOUR,
      lastBlockedAt: NOW + 30 * 24 * HOUR,
    };
    const signals: Signals = {
      detections: [
        { at: iso(NOW + 40 * 24 * HOUR), site: 'claude-ai', kind: 'outage-screen' },
        { at: iso(NOW + HOUR), site: 'claude-ai', kind: 'retry' },
      ],
    };
    const view = siteView(input({ failures, signals }));
    expect(view.banner).toBeNull();
    expect(view.recheckAt).toBeNull();
    expect(presentFailures(failures, NOW)).toEqual({ ...EMPTY_FAILURE_LOG, minutes: [] });
  });

  it('a dismissal stored ahead does not hide a capacity banner', () => {
    const view = siteView(
      input({
        signals: capacityAt(NOW - 1000),
        dismissals: { ...EMPTY_DISMISSALS, capacityDismissedAt: iso(NOW + HOUR) },
      }),
    );
    expect(view.banner?.kind).toBe('capacity');
  });

  it('a detection stored ahead is dropped when the next one is written', () => {
    const next = withDetection(capacityAt(NOW + HOUR), { site: 'claude-ai', kind: 'capacity' }, NOW);
    expect(next.detections.map((d) => d.at)).toEqual([iso(NOW)]);
    expect(presentSignals(capacityAt(NOW + 1), NOW)).toEqual(EMPTY_SIGNALS);
    // The markers check is kept as it is.
    const markers = { at: iso(NOW), missing: ['reply' as const] };
    expect(presentSignals({ ...capacityAt(NOW + 1), markers }, NOW)).toEqual({ detections: [], markers });
  });

  it('"last checked" and "failing since" are never ahead of now', () => {
    const state = presentStatus(
      { snapshot: null, health: { ...EMPTY_HEALTH, lastSuccessAt: iso(NOW + HOUR), failingSince: iso(NOW + 1) } },
      NOW,
    );
    expect(state.health.lastSuccessAt).toBe(iso(NOW));
    expect(state.health.failingSince).toBe(iso(NOW));
  });
});

describe('"since" in words', () => {
  it('is never in the future', () => {
    expect(agoTime(iso(NOW + HOUR), NOW, 'en')).toBe('now');
    expect(agoTime(iso(NOW - 5 * 60_000), NOW, 'en')).toBe('5 min. ago');
  });

  it('an incident the status page says starts in an hour does not read "Started in 60 min"', () => {
    useEnglish();
    const view = siteView(
      input({
        status: { snapshot: loadSnapshot('claude-ai-partial'), health: { ...EMPTY_HEALTH, lastSuccessAt: iso(NOW) } },
      }),
    );
    expect(view.banner).not.toBeNull();
    if (!view.banner) return;
    const text = bannerText({ ...view.banner, startedAt: iso(NOW + HOUR) }, siteById('claude-ai'), iso(NOW), NOW);
    expect(text.meta.join(' ')).not.toMatch(/\bin\b/);
    expect(text.meta[0]).toMatch(/now/);
  });
});

describe('timerDelay', () => {
  it.each([
    [-5, 0],
    [0, 0],
    [1_000, 1_000],
    [MAX_TIMER_MS + 1, MAX_TIMER_MS],
    [2 ** 31, MAX_TIMER_MS],
    [Number.POSITIVE_INFINITY, MAX_TIMER_MS],
    [Number.NEGATIVE_INFINITY, 0],
    [Number.NaN, MAX_TIMER_MS],
  ])('%d -> %d', (ms, expected) => {
    expect(timerDelay(ms)).toBe(expected);
  });
});

describe('agedStamp: a stored "since when", aged against the clock', () => {
  const NOW = Date.parse('2026-11-20T14:00:00Z');
  const iso = (ms: number) => new Date(ms).toISOString();
  it.each<[string, string | undefined, string | null]>([
    ['an hour old: kept as it is', iso(NOW - HOUR), iso(NOW - HOUR)],
    ['just under the limit: kept', iso(NOW - 10 * HOUR + 1), iso(NOW - 10 * HOUR + 1)],
    ['at the limit: forgotten', iso(NOW - 10 * HOUR), null],
    ['none stored: counts from now', undefined, iso(NOW)],
    ['unreadable: counts from now', 'yesterday', iso(NOW)],
    ['ahead of the clock: counts from now', iso(NOW + HOUR), iso(NOW)],
  ])('%s', (_name, stamp, expected) => {
    expect(agedStamp(stamp, NOW, 10 * HOUR)).toBe(expected);
  });
});
