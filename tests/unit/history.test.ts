// @vitest-environment node
/**
 * core/status-page/history.ts over the recorded incidents.json, dates moved by the replay server's own
 * loadFixture (its newest incident ends one hour before "now").
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  dayStart,
  dayStrip,
  EMPTY_HISTORY,
  formatDuration,
  HISTORY_MIGRATIONS,
  HISTORY_MIN_GAP_MS,
  type History,
  historyDue,
  historyFailure,
  historyFromIncidents,
  historySchema,
  historySuccess,
  recentIncidents,
} from '../../core/status-page/history';
import { SERVICE_IDS } from '../../core/status-page/services';
import type { Severity } from '../../core/status-page/severity';
import { type IncidentsList, parseIncidentsList } from '../../core/status-page/statuspage';
import { DAY_MS as DAY, HOUR_MS as HOUR, MINUTE_MS as MIN } from '../../core/time/time';
import { loadFixture } from '../replay/server';
import { loadSnapshot } from './fixtures';

const { claudeAi, console: consoleId, api, code, cowork, government } = SERVICE_IDS;
/** The fixture's newest update is 2026-11-20T13:00:40.833Z; loadFixture puts it an hour before now. */
const ANCHOR = Date.parse('2026-11-20T13:00:40.833Z');
/** "Now" for the tables: whole days after the anchor keep every incident's time of day. */
const NOWS = [ANCHOR + HOUR, ANCHOR + HOUR + 3 * DAY, ANCHOR + HOUR + 400 * DAY];
const SERVICES = loadSnapshot('healthy').services;

// biome-ignore lint/suspicious/noExplicitAny: hand-edited Statuspage rows are loosely typed JSON.
type Json = any;

function incidentsAt(now: number, edit?: (json: Json) => void): IncidentsList {
  const json = JSON.parse(loadFixture('incidents', now));
  edit?.(json);
  const parsed = parseIncidentsList(json);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

function historyAt(now: number, edit?: (json: Json) => void): History {
  return historySuccess(historyFromIncidents(incidentsAt(now, edit), SERVICES, now), 'primary', now);
}

/** [id, services it touched, severity, duration in whole minutes] for the last 7 days, newest first. */
const RECENT: [string, string[], Severity, number][] = [
  ['kkiudd9295rx', [claudeAi], 'partial_outage', 72],
  ['nwnj78jf00ou', [cowork], 'degraded', 89],
  ['ypbkk3onyme4', [consoleId, api], 'partial_outage', 89],
  ['31wgicvalep2', [claudeAi, api, code, cowork], 'major_outage', 91],
  ['24o7x7itpncj', [code], 'degraded', 63],
  // No component, but the title names the Console; impact none still counts as an incident.
  ['joy31ab76oaj', [consoleId], 'degraded', 190],
  ['hrqjqmc0iwv6', [claudeAi, consoleId, api, code], 'partial_outage', 59],
];

describe.each(NOWS.map((now) => [new Date(now).toISOString(), now] as const))('history at %s', (_label, now) => {
  const history = historyAt(now);

  it('stores the incidents of the last 8 days only (the oldest kept for a late popup), newest first', () => {
    expect(history.incidents.map((i) => i.id)).toEqual([...RECENT.map(([id]) => id), 'i0maoulhp69w']);
    // The one from 15 days before is gone.
    expect(history.incidents.some((i) => i.id === 'pnoj10iznafa')).toBe(false);
  });

  it('lists the last 7 days with services, impact and duration', () => {
    const recent = recentIncidents(history, now);
    expect(
      recent.map((r) => [r.incident.id, r.incident.serviceIds, r.incident.severity, Math.floor(r.durationMs / MIN)]),
    ).toEqual(RECENT);
    expect(recent.every((r) => !r.ongoing)).toBe(true);
    expect(recent.every((r) => r.incident.url?.startsWith('https://stspg.io/'))).toBe(true);
  });

  it('round-trips through its stored schema', () => {
    expect(historySchema.parse(JSON.parse(JSON.stringify(history)))).toEqual(history);
  });

  it('paints a UTC strip: one cell a day, worst impact of that day', () => {
    const strip = dayStrip(
      recentIncidents(history, now).map((r) => r.incident),
      SERVICES,
      now,
      'utc',
    );
    expect(strip.days).toHaveLength(7);
    expect(strip.days.at(-1)).toBe(dayStart(now, 0, 'utc'));
    const cells = Object.fromEntries(strip.rows.map((r) => [r.service.id, r.cells.map((c) => c.worst ?? '-')]));
    // Days: now-6 .. today (the anchor's Nov 14 .. Nov 20 when now is the anchor).
    expect(cells).toEqual({
      [claudeAi]: ['partial_outage', '-', '-', 'major_outage', '-', '-', 'partial_outage'],
      [consoleId]: ['partial_outage', 'degraded', '-', '-', 'partial_outage', '-', '-'],
      [api]: ['partial_outage', '-', '-', 'major_outage', 'partial_outage', '-', '-'],
      [code]: ['partial_outage', '-', 'degraded', 'major_outage', '-', '-', '-'],
      [cowork]: ['-', '-', '-', 'major_outage', '-', 'degraded', '-'],
      [government]: ['-', '-', '-', '-', '-', '-', '-'],
    });
    expect(strip.rows.map((r) => r.shortName)).toEqual([
      'claude.ai',
      'Claude Console',
      'Claude API',
      'Claude Code',
      'Claude Cowork',
      'Claude for Government',
    ]);
    expect(strip.rows[0]?.cells[3]?.incidents.map((i) => i.id)).toEqual(['31wgicvalep2']);
  });
});

describe('local days', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.TZ;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('in Tokyo (UTC+9), incidents late in the UTC evening fall on the next local day', () => {
    process.env.TZ = 'Asia/Tokyo';
    const now = ANCHOR + HOUR; // 23:00 on Nov 20 in Tokyo
    const history = historyAt(now);
    const strip = dayStrip(history.incidents, SERVICES, now, 'local');
    expect(new Date(strip.days[0] as number).getHours()).toBe(0);
    const claude = strip.rows[0]?.cells.map((c) => c.worst ?? '-');
    // 21:58 UTC on Nov 14 is Nov 15 in Tokyo; 15:20 UTC on Nov 17 is 00:20 on Nov 18.
    expect(claude).toEqual(['-', 'partial_outage', '-', '-', 'major_outage', '-', 'partial_outage']);
  });

  it('a day is 23 or 25 hours across a DST change, and cells follow the calendar', () => {
    process.env.TZ = 'Europe/Berlin';
    const now = Date.parse('2026-10-27T12:00:00Z'); // DST ended on Oct 25
    const days = dayStrip([], SERVICES, now, 'local').days;
    const lengths = days.slice(1).map((d, i) => (d - (days[i] as number)) / HOUR);
    // Oct 21..27; Oct 25 has 25 hours.
    expect(lengths).toEqual([24, 24, 24, 24, 25, 24]);
    expect(days.map((d) => new Date(d).getHours())).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('historyFromIncidents edge cases', () => {
  const now = ANCHOR + HOUR;

  it('an unresolved incident is ongoing, its duration runs to now, and it paints today', () => {
    const history = historyAt(now, (json) => {
      const first = json.incidents[0];
      first.status = 'identified';
      first.resolved_at = null;
    });
    const [first] = recentIncidents(history, now);
    expect(first?.ongoing).toBe(true);
    expect(first?.incident.resolvedAt).toBeNull();
    expect(first?.durationMs).toBe(now - Date.parse(first?.incident.startedAt ?? ''));
  });

  it('a resolved incident without resolved_at ends at its last update', () => {
    const history = historyAt(now, (json) => {
      json.incidents[1].resolved_at = null;
    });
    expect(history.incidents[1]?.resolvedAt).toBe(new Date(Date.parse('2026-11-19T09:27:30.309Z')).toISOString());
  });

  it('drops duplicates, undated and future incidents; unsafe links become null; names are cleaned', () => {
    const history = historyAt(now, (json) => {
      json.incidents.push(structuredClone(json.incidents[0]));
      json.incidents[1].started_at = null;
      json.incidents[1].created_at = 'not-a-date';
      json.incidents[2].started_at = new Date(now + HOUR).toISOString();
      json.incidents[3].shortlink = 'javascript:alert(1)';
      json.incidents[4].name = '\u202eLatency\u0007 on Claude Code';
    });
    const ids = history.incidents.map((i) => i.id);
    expect(ids.filter((id) => id === 'kkiudd9295rx')).toHaveLength(1);
    expect(ids).not.toContain('nwnj78jf00ou');
    expect(ids).not.toContain('ypbkk3onyme4');
    expect(history.incidents.find((i) => i.id === '31wgicvalep2')?.url).toBeNull();
    expect(history.incidents.find((i) => i.id === '24o7x7itpncj')?.name).toBe('Latency on Claude Code');
  });

  it('without a snapshot, the incidents own components still name the services', () => {
    const list = incidentsAt(now);
    const rows = historyFromIncidents(list, [], now);
    expect(rows.find((i) => i.id === 'ypbkk3onyme4')?.serviceIds.sort()).toEqual([consoleId, api].sort());
    // Its title names the Console, which another incident's components made known.
    expect(rows.find((i) => i.id === 'joy31ab76oaj')?.serviceIds).toEqual([consoleId]);
  });

  it('an incident naming no service paints every row', () => {
    const lone = historyAt(now, (json) => {
      json.incidents = [{ ...json.incidents[0], name: 'Something odd', components: [], incident_updates: [] }];
    });
    const strip = dayStrip(lone.incidents, SERVICES, now, 'utc');
    expect(strip.rows.map((r) => r.cells.at(-1)?.worst)).toEqual(Array(6).fill('partial_outage'));
  });

  it('keeps at most 50', () => {
    const rows = historyFromIncidents(
      incidentsAt(now, (json) => {
        const base = json.incidents[0];
        json.incidents = Array.from({ length: 80 }, (_, i) => ({ ...base, id: `id${i}` }));
      }),
      SERVICES,
      now,
    );
    expect(rows).toHaveLength(50);
  });
});

describe('historyDue: at most every 10 minutes unless forced', () => {
  const now = ANCHOR;
  const at = (ms: number | null): History => ({
    ...EMPTY_HISTORY,
    lastAttemptAt: ms === null ? null : new Date(ms).toISOString(),
  });
  it.each<[string, number | null, boolean, boolean]>([
    ['never fetched', null, false, true],
    ['just fetched', now - MIN, false, false],
    ['9 min ago', now - 9 * MIN, false, false],
    ['10 min ago', now - HISTORY_MIN_GAP_MS, false, true],
    ['forced right after', now - 1000, true, true],
    ['clock set back', now + HOUR, false, true],
  ])('%s', (_name, last, force, due) => {
    expect(historyDue(at(last), now, force)).toBe(due);
  });

  it('a failure keeps the incidents and records the attempt', () => {
    const good = historyAt(now);
    const failed = historyFailure(good, 'timeout', now + HOUR);
    expect(failed.incidents).toEqual(good.incidents);
    expect(failed.fetchedAt).toBe(good.fetchedAt);
    expect(failed.lastErrorKind).toBe('timeout');
    expect(failed.lastAttemptAt).toBe(new Date(now + HOUR).toISOString());
  });
});

describe('formatDuration (en)', () => {
  it.each<[number, string]>([
    [10_000, '1 min'],
    [45 * MIN, '45 min'],
    [59.5 * MIN, '1 hr'],
    [72 * MIN + 18_000, '1 hr 12 min'],
    [190 * MIN, '3 hr 10 min'],
    [2 * DAY + 3 * HOUR + 5 * MIN, '2 days 3 hr'],
  ])('%d ms -> %s', (ms, text) => {
    expect(formatDuration(ms, 'en')).toBe(text);
  });
});

describe('history item version 2: the migration adds `retryAfterUntil`', () => {
  it('a version 1 value keeps what it had, with no wait; a version 2 passes through', () => {
    const migrate = HISTORY_MIGRATIONS[2];
    if (!migrate) throw new Error('no migration to version 2');
    const { retryAfterUntil: _, ...v1 } = { ...EMPTY_HISTORY, fetchedAt: '2026-11-20T14:00:00.000Z' };
    expect(historySchema.parse(migrate(v1))).toEqual({ ...v1, retryAfterUntil: null });
    const v2 = { ...EMPTY_HISTORY, retryAfterUntil: '2026-11-20T14:10:00.000Z' };
    expect(migrate(v2)).toBe(v2);
    expect(migrate('garbage')).toBe('garbage');
  });
});
