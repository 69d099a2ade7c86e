// @vitest-environment node
/**
 * "How long will it last" (issue #27): the rule (core/status-page/typical-duration.ts) on real
 * incident histories, and the background's hourly fetch (entrypoints/background/polling/past-durations.ts).
 *
 * The histories are the recorded incidents.json (tests/fixtures/statuspage/incidents.json: nine
 * incidents of 5-20 November 2026 with their real durations, from 59 min 30 s to 3 h 10 min), as
 * the page served it, and that same fortnight as it recurs: copies of it 15, 30, ... days earlier,
 * each incident with its own id, so that the real titles, components, impacts and durations make up
 * the 90 days the rule reads. Nothing else about an incident is made up.
 */
import { describe, expect, it, vi } from 'vitest';
import { MAX_RETRY_WAIT_MS } from '../../core/polling/health';
import { EMPTY_HEALTH, type Snapshot } from '../../core/status-page/status-model';
import { type IncidentsList, parseIncidentsList } from '../../core/status-page/statuspage';
import {
  EMPTY_PAST_DURATIONS,
  PAST_DURATIONS_GAP_MS,
  type PastDurations,
  pastDurationsDue,
  pastIncidentsFrom,
  TYPICAL_MIN_COUNT,
  TYPICAL_WINDOW_MS,
  typicalDuration,
} from '../../core/status-page/typical-duration';
import { DAY_MS, MINUTE_MS as MIN } from '../../core/time/time';
import { createPastDurations } from '../../entrypoints/background/polling/past-durations';
import { typicalText } from '../../shell/words/duration-text';
import { fixtureJson, loadSnapshot } from './fixtures';
import { useEnglish } from './support/translator';

/** An hour after the last recorded incident was resolved (2026-11-20 13:00:40.833 UTC). */
const NOW = Date.parse('2026-11-20T14:00:40.833Z');
const SERVICES = loadSnapshot('healthy').services;
/** The active incident of claude-ai-partial: "Elevated errors on claude.ai", impact major, claude.ai. */
const ACTIVE = loadSnapshot('claude-ai-partial').incidents[0];
if (!ACTIVE) throw new Error('claude-ai-partial has an incident');

/** The recorded durations of the two major claude.ai incidents, to the millisecond. */
const KKIUDD = Date.parse('2026-11-20T13:00:40.833Z') - Date.parse('2026-11-20T11:48:22.615Z');
const HRQJQM = Date.parse('2026-11-14T22:58:13.974Z') - Date.parse('2026-11-14T21:58:44.310Z');

type RawIncident = { id: string; [field: string]: unknown };

function shift(iso: unknown, ms: number): unknown {
  return typeof iso === 'string' ? new Date(Date.parse(iso) - ms).toISOString() : iso;
}

/** The recorded fortnight, and `copies - 1` copies of it, each 15 days before the last. */
function history(copies: number): IncidentsList {
  const recorded = fixtureJson('incidents') as { page: unknown; incidents: RawIncident[] };
  const incidents = Array.from({ length: copies }, (_, copy) =>
    recorded.incidents.map((incident) => {
      const back = copy * 15 * DAY_MS;
      return {
        ...incident,
        id: copy === 0 ? incident.id : `${incident.id}-${copy}`,
        created_at: shift(incident.created_at, back),
        started_at: shift(incident.started_at, back),
        updated_at: shift(incident.updated_at, back),
        resolved_at: shift(incident.resolved_at, back),
      };
    }),
  ).flat();
  const parsed = parseIncidentsList({ ...recorded, incidents });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

function pastOf(list: IncidentsList, now = NOW): PastDurations {
  return { ...EMPTY_PAST_DURATIONS, incidents: pastIncidentsFrom(list, SERVICES, now) };
}

const {
  claudeAi,
  api,
  code,
  cowork,
  console: consoleId,
} = {
  claudeAi: 'rwppv331jlwc',
  console: '0qbwn08sd68x',
  api: 'k8w3r06qmzrp',
  code: 'yyzkbfz2thpt',
  cowork: 'bpp5gb3hpjcl',
};

describe('pastIncidentsFrom: the recorded incidents.json', () => {
  it('keeps every resolved incident with its services and duration, newest first', () => {
    const past = pastIncidentsFrom(history(1), SERVICES, NOW);
    expect(past.map((p) => [p.id, p.impact, p.serviceIds, Math.round(p.durationMs / MIN)])).toEqual([
      ['kkiudd9295rx', 'major', [claudeAi], 72],
      ['nwnj78jf00ou', 'minor', [cowork], 89],
      ['ypbkk3onyme4', 'major', [consoleId, api], 89],
      ['31wgicvalep2', 'critical', [claudeAi, api, code, cowork], 92],
      ['24o7x7itpncj', 'minor', [code], 63],
      // No components listed: "Console" in its title is the only word on what it touched.
      ['joy31ab76oaj', 'none', [consoleId], 190],
      ['hrqjqmc0iwv6', 'major', [claudeAi, consoleId, api, code], 59],
      ['i0maoulhp69w', 'minor', [claudeAi], 65],
      ['pnoj10iznafa', 'minor', [claudeAi, api], 67],
    ]);
  });

  it('leaves out what has no duration to learn from: unresolved, resolved ahead of the clock, beyond 90 days, dates out of range', () => {
    const list = history(1);
    const [first, second, third, fourth] = list.incidents;
    if (!first || !second || !third || !fourth) throw new Error('the recording has nine incidents');
    first.status = 'monitoring';
    second.resolved_at = new Date(NOW + MIN).toISOString();
    third.resolved_at = new Date(NOW - TYPICAL_WINDOW_MS - MIN).toISOString();
    third.started_at = new Date(NOW - TYPICAL_WINDOW_MS - 60 * MIN).toISOString();
    fourth.resolved_at = '+275760-09-13T00:00:00.000Z';
    fourth.updated_at = '+275760-09-13T00:00:00.000Z';
    const ids = pastIncidentsFrom(list, SERVICES, NOW).map((p) => p.id);
    expect(ids).not.toContain(first.id);
    expect(ids).not.toContain(second.id);
    expect(ids).not.toContain(third.id);
    expect(ids).not.toContain(fourth.id);
    expect(ids).toHaveLength(5);
  });
});

describe('typicalDuration on real histories', () => {
  it('the recorded fortnight: two major claude.ai incidents, too few for a figure', () => {
    expect(typicalDuration(ACTIVE, pastOf(history(1)), NOW)).toBeNull();
  });

  it('three fortnights: six major claude.ai incidents give the range and the median', () => {
    expect(typicalDuration(ACTIVE, pastOf(history(3)), NOW)).toEqual({
      count: 6,
      minMs: HRQJQM,
      medianMs: (HRQJQM + KKIUDD) / 2,
      maxMs: KKIUDD,
    });
  });

  // [what, the incident now, fortnights of history, comparable count (null: no figure)]
  it.each<[string, { impact: string; serviceIds: string[] }, number, number | null]>([
    ['major on claude.ai, 3 fortnights', { impact: 'major', serviceIds: [claudeAi] }, 3, 6],
    ['major on claude.ai, 2 fortnights: 4, one short', { impact: 'major', serviceIds: [claudeAi] }, 2, null],
    ['minor on claude.ai: its own impact only', { impact: 'minor', serviceIds: [claudeAi] }, 3, 6],
    // 54 of the 72 ended within 90 days; the 50 newest are kept, as incidents.json lists no more: 2 of the 12 fall out.
    ['minor on claude.ai, eight fortnights: the 50 newest only', { impact: 'minor', serviceIds: [claudeAi] }, 8, 10],
    ['critical on claude.ai: one a fortnight', { impact: 'critical', serviceIds: [claudeAi] }, 4, null],
    ['critical on claude.ai: one a fortnight, six fortnights', { impact: 'critical', serviceIds: [claudeAi] }, 6, 6],
    ['major on the API: by a service in common', { impact: 'major', serviceIds: [api] }, 3, 6],
    ['major on Claude Code: one a fortnight', { impact: 'major', serviceIds: [code] }, 3, null],
    ['minor on Cowork', { impact: 'minor', serviceIds: [cowork] }, 5, 5],
    [
      'major, no service named: only incidents naming none compare (none here)',
      { impact: 'major', serviceIds: [] },
      6,
      null,
    ],
    ['impact none on the Console', { impact: 'none', serviceIds: [consoleId] }, 5, 5],
  ])('%s', (_what, incident, fortnights, count) => {
    const typical = typicalDuration({ id: 'now', ...incident }, pastOf(history(fortnights)), NOW);
    expect(typical?.count ?? null).toBe(count);
    if (typical) {
      expect(typical.count).toBeGreaterThanOrEqual(TYPICAL_MIN_COUNT);
      expect(typical.minMs).toBeLessThanOrEqual(typical.medianMs);
      expect(typical.medianMs).toBeLessThanOrEqual(typical.maxMs);
    }
  });

  it('the incident itself never counts (a reopened one listed as resolved)', () => {
    const past = pastOf(history(3));
    const comparable = { impact: 'major', serviceIds: [claudeAi] };
    expect(typicalDuration({ id: 'now', ...comparable }, past, NOW)?.count).toBe(6);
    expect(typicalDuration({ id: 'kkiudd9295rx', ...comparable }, past, NOW)?.count).toBe(5);
  });

  it('read later, the window slides: what was counted ages out', () => {
    const past = pastOf(history(3));
    const comparable = { id: 'now', impact: 'major', serviceIds: [claudeAi] };
    // 70 days on, the oldest fortnight (resolved 30 days before NOW and earlier) is past 90 days:
    // four comparable incidents are left, one short of a figure.
    expect(typicalDuration(comparable, past, NOW + 70 * DAY_MS)).toBeNull();
    expect(typicalDuration(comparable, past, NOW + 50 * DAY_MS)?.count).toBe(6);
  });

  it('says it in words, of the past, with how many it is from', () => {
    useEnglish();
    const typical = typicalDuration(ACTIVE, pastOf(history(3)), NOW);
    if (!typical) throw new Error('six incidents compare');
    expect(typicalText(typical)).toBe(
      'Past incidents like this one (6 in the last 90 days, same impact and services) lasted 59 min to 1 hr 12 min (median 1 hr 6 min).',
    );
  });
});

describe('pastDurationsDue: at most once an hour, only during an incident', () => {
  const incident = loadSnapshot('claude-ai-partial');
  const healthy = loadSnapshot('healthy');
  const at = (ms: number): PastDurations => ({ ...EMPTY_PAST_DURATIONS, checkedAt: new Date(ms).toISOString() });
  it.each<[string, PastDurations, Snapshot | null, boolean]>([
    ['an incident, never fetched', EMPTY_PAST_DURATIONS, incident, true],
    ['no incident', EMPTY_PAST_DURATIONS, healthy, false],
    ['nothing known yet', EMPTY_PAST_DURATIONS, null, false],
    ['fetched 59 min ago', at(NOW - 59 * MIN), incident, false],
    ['fetched an hour ago', at(NOW - PAST_DURATIONS_GAP_MS), incident, true],
    ['fetched "in the future" (clock set back)', at(NOW + MIN), incident, true],
  ])('%s', (_what, past, snapshot, due) => {
    expect(pastDurationsDue(past, snapshot, NOW)).toBe(due);
  });
});

describe('the background fetch', () => {
  function setup(answer: (url: string, headers: Record<string, string>) => Response | 'network-error') {
    let now = NOW;
    let stored: PastDurations = EMPTY_PAST_DURATIONS;
    let health = EMPTY_HEALTH;
    const calls: { url: string; headers: Record<string, string> }[] = [];
    const fetch = vi.fn(async (url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      calls.push({ url, headers });
      const a = answer(url, headers);
      if (a === 'network-error') throw new TypeError('Failed to fetch');
      return a;
    });
    const past = createPastDurations({
      fetch,
      now: () => now,
      read: async () => stored,
      write: async (next) => {
        stored = next;
      },
      status: async () => ({ snapshot: loadSnapshot('claude-ai-partial'), health }),
      timeoutMs: 50,
    });
    return {
      past,
      calls,
      stored: () => stored,
      advance: (ms: number) => {
        now += ms;
      },
      waitUntil: (until: string) => {
        health = { ...health, retryAfterUntil: until };
      },
    };
  }
  const recorded = (etag = '"v1"') =>
    new Response(JSON.stringify(fixtureJson('incidents')), {
      status: 200,
      headers: { 'content-type': 'application/json', etag },
    });

  it('fetches incidents.json once, then not again within the hour; a 304 after it keeps what it learned', async () => {
    const s = setup((_url, headers) =>
      headers['if-none-match'] === '"v1"' ? new Response(null, { status: 304 }) : recorded(),
    );
    await s.past.refresh();
    expect(s.calls.map((c) => c.url)).toEqual(['https://status.claude.com/api/v2/incidents.json']);
    expect(s.stored().incidents).toHaveLength(9);
    s.advance(59 * MIN);
    await s.past.refresh();
    expect(s.calls).toHaveLength(1);
    s.advance(MIN);
    await s.past.refresh();
    expect(s.calls).toHaveLength(2);
    expect(s.calls[1]?.headers['if-none-match']).toBe('"v1"');
    expect(s.stored().incidents).toHaveLength(9);
    expect(s.stored().checkedAt).toBe(new Date(NOW + 60 * MIN).toISOString());
  });

  it('single flight: calls during a fetch join it', async () => {
    const s = setup(() => recorded());
    await Promise.all([s.past.refresh(), s.past.refresh(), s.past.refresh()]);
    expect(s.calls).toHaveLength(1);
  });

  it('the primary fails: the fallback; both fail: what it had is kept, and it waits the hour', async () => {
    let down = false;
    const s = setup((url) => (down || url.startsWith('https://status.claude.com') ? 'network-error' : recorded()));
    await s.past.refresh();
    expect(s.calls.map((c) => new URL(c.url).host)).toEqual(['status.claude.com', 'anthropic.statuspage.io']);
    expect(s.stored().incidents).toHaveLength(9);
    down = true;
    s.advance(PAST_DURATIONS_GAP_MS);
    await s.past.refresh();
    expect(s.calls).toHaveLength(4);
    expect(s.stored().incidents).toHaveLength(9);
    await s.past.refresh();
    expect(s.calls).toHaveLength(4);
  });

  it('a 429 from the primary: its mirror is not asked, and the next try is an hour later, past any Retry-After honoured (issue #28)', async () => {
    expect(PAST_DURATIONS_GAP_MS).toBeGreaterThanOrEqual(MAX_RETRY_WAIT_MS);
    const s = setup(() => new Response('', { status: 429, headers: { 'retry-after': '1800' } }));
    await s.past.refresh();
    expect(s.calls.map((c) => c.url)).toEqual(['https://status.claude.com/api/v2/incidents.json']);
    s.advance(PAST_DURATIONS_GAP_MS - MIN);
    await s.past.refresh();
    expect(s.calls).toHaveLength(1);
    s.advance(MIN);
    await s.past.refresh();
    expect(s.calls).toHaveLength(2);
  });

  it('a 503 from the primary tries the mirror, as any other failure does', async () => {
    const s = setup((url) =>
      url.startsWith('https://status.claude.com')
        ? new Response('', { status: 503, headers: { 'retry-after': '300' } })
        : recorded(),
    );
    await s.past.refresh();
    expect(s.calls.map((c) => new URL(c.url).host)).toEqual(['status.claude.com', 'anthropic.statuspage.io']);
    expect(s.stored().incidents).toHaveLength(9);
  });

  it('never while the status page asked us to wait (Retry-After)', async () => {
    const s = setup(() => recorded());
    s.waitUntil(new Date(NOW + 10 * MIN).toISOString());
    await s.past.refresh();
    expect(s.calls).toEqual([]);
    s.advance(10 * MIN);
    await s.past.refresh();
    expect(s.calls).toHaveLength(1);
  });
});
