// @vitest-environment node
/**
 * Resolutions summary.json is late to show (issue #14, 6): the pure rule (core/status-page/resolutions.ts)
 * and the background's incidents.json check (entrypoints/background/polling/resolution-check.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import { assess } from '../../core/banner/banner-decision';
import { EMPTY_DISMISSALS } from '../../core/banner/dismissals';
import { siteById } from '../../core/sites/sites';
import {
  EMPTY_RESOLUTIONS,
  RESOLUTION_CHECK_GAP_MS,
  RESOLUTIONS_MIGRATIONS,
  type Resolutions,
  recordResolutions,
  resolutionCheckDue,
  resolutionsSchema,
  resolvedStatus,
  withResolutions,
} from '../../core/status-page/resolutions';
import { EMPTY_HEALTH, type FetchHealth, type Snapshot } from '../../core/status-page/status-model';
import { type IncidentsList, parseIncidentsList } from '../../core/status-page/statuspage';
import { createResolutionCheck } from '../../entrypoints/background/polling/resolution-check';
import { loadSnapshot } from './fixtures';

const NOW = Date.parse('2026-11-20T14:00:00Z');
/** claude-ai-partial's incident: opened 13:36, its last update 13:51. */
const ID = 'esfmlsy6f8gw';

/** incidents.json as the page serves it, with claude-ai-partial's incident in the given state. */
function listWith(status: string, resolvedAt: string | null = '2026-11-20T13:55:00.000Z'): IncidentsList {
  const parsed = parseIncidentsList({
    incidents: [
      {
        id: ID,
        name: 'Elevated errors on claude.ai',
        status,
        impact: 'major',
        created_at: '2026-11-20T13:36:52.318Z',
        updated_at: resolvedAt ?? '2026-11-20T13:51:07.604Z',
        resolved_at: resolvedAt,
        incident_updates: [],
        components: [],
      },
      {
        id: 'other',
        name: 'Elevated errors on Claude Code',
        status: 'resolved',
        impact: 'minor',
        incident_updates: [],
        components: [],
      },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

const partial = () => loadSnapshot('claude-ai-partial');
const resolvedOnce = (): Resolutions =>
  recordResolutions(EMPTY_RESOLUTIONS, listWith('resolved'), partial(), null, NOW);

describe('resolutionCheckDue', () => {
  it.each<[string, Snapshot | null, Resolutions, number, boolean]>([
    ['an incident, never checked', partial(), EMPTY_RESOLUTIONS, NOW, true],
    ['no snapshot', null, EMPTY_RESOLUTIONS, NOW, false],
    ['no incident', loadSnapshot('healthy'), EMPTY_RESOLUTIONS, NOW, false],
    [
      'checked 4 min ago',
      partial(),
      { ...EMPTY_RESOLUTIONS, checkedAt: new Date(NOW - 4 * 60_000).toISOString() },
      NOW,
      false,
    ],
    [
      'checked 5 min ago',
      partial(),
      { ...EMPTY_RESOLUTIONS, checkedAt: new Date(NOW - RESOLUTION_CHECK_GAP_MS).toISOString() },
      NOW,
      true,
    ],
    [
      'checked in the future (clock set back)',
      partial(),
      { ...EMPTY_RESOLUTIONS, checkedAt: new Date(NOW + 60_000).toISOString() },
      NOW,
      true,
    ],
    ['the only incident is already known resolved', partial(), { ...resolvedOnce(), checkedAt: null }, NOW, false],
  ])('%s: %s', (_, snapshot, resolutions, now, expected) => {
    expect(resolutionCheckDue(resolutions, snapshot, now)).toBe(expected);
  });
});

describe('recordResolutions', () => {
  it.each<[string, IncidentsList | null, Resolutions['resolved']]>([
    ['resolved in incidents.json', listWith('resolved'), [{ id: ID, resolvedAt: '2026-11-20T13:55:00.000Z' }]],
    ['postmortem counts as resolved', listWith('postmortem'), [{ id: ID, resolvedAt: '2026-11-20T13:55:00.000Z' }]],
    ['still monitoring', listWith('monitoring', null), []],
    ['a 304: nothing new', null, []],
  ])('%s', (_, list, expected) => {
    const next = recordResolutions(EMPTY_RESOLUTIONS, list, partial(), null, NOW);
    expect(next.resolved).toEqual(expected);
    expect(next.checkedAt).toBe(new Date(NOW).toISOString());
  });

  it('resolved incidents summary.json does not list are not kept', () => {
    expect(resolvedOnce().resolved.map((r) => r.id)).toEqual([ID]);
    expect(recordResolutions(resolvedOnce(), null, loadSnapshot('healthy'), null, NOW).resolved).toEqual([]);
  });

  it('a 304 keeps what was learned', () => {
    expect(recordResolutions(resolvedOnce(), null, partial(), null, NOW).resolved.map((r) => r.id)).toEqual([ID]);
  });

  it.each<[string, string, string]>([
    // Issue #27, item 4: a time no later update can follow would hide a reopened incident forever.
    ['year 275760: not a date, the last update stands in', '+275760-09-13T00:00:00.000Z', '2026-11-20T13:51:07.604Z'],
    ['year 2099, ahead of the clock: now', '2099-01-01T00:00:00.000Z', new Date(NOW).toISOString()],
  ])('a resolved_at in %s', (_, resolvedAt, expected) => {
    const list = listWith('resolved', null);
    const incident = list.incidents[0];
    if (!incident) throw new Error('no incident');
    incident.resolved_at = resolvedAt;
    const next = recordResolutions(EMPTY_RESOLUTIONS, list, partial(), null, NOW);
    expect(next.resolved[0]?.resolvedAt).toBe(expected);
  });

  it('a resolution stamped in year 275760 does not hide the incident summary.json reopens', () => {
    const list = listWith('resolved', null);
    const incident = list.incidents[0];
    if (!incident) throw new Error('no incident');
    incident.resolved_at = '+275760-09-13T00:00:00.000Z';
    incident.updated_at = '2026-11-20T13:45:00.000Z';
    const resolutions = recordResolutions(EMPTY_RESOLUTIONS, list, partial(), null, NOW);
    // summary.json still lists it, with an update (13:51) after what incidents.json last said.
    expect(withResolutions(partial(), resolutions).incidents.map((i) => i.id)).toEqual([ID]);
  });

  it('no resolved_at: the time it was seen', () => {
    const list = listWith('resolved', null);
    const next = recordResolutions(EMPTY_RESOLUTIONS, list, partial(), null, NOW);
    expect(next.resolved[0]?.resolvedAt).toBe('2026-11-20T13:51:07.604Z');
  });
});

describe('withResolutions', () => {
  it('drops the resolved incident, its component back to operational, and the banner goes', () => {
    const snapshot = withResolutions(partial(), resolvedOnce());
    expect(snapshot.incidents).toEqual([]);
    expect(snapshot.services.every((s) => s.state === 'operational')).toBe(true);
    expect(snapshot.severity).toBe('operational');
    const banner = assess({
      site: siteById('claude-ai'),
      snapshot,
      stale: false,
      capacitySeenAt: null,
      dismissals: EMPTY_DISMISSALS,
      now: NOW,
    });
    expect(banner).toBeNull();
  });

  it('nothing resolved: the same snapshot object', () => {
    const snapshot = partial();
    expect(withResolutions(snapshot, EMPTY_RESOLUTIONS)).toBe(snapshot);
  });

  it('an update newer than the resolution: summary.json wins (reopened)', () => {
    const early = { ...resolvedOnce(), resolved: [{ id: ID, resolvedAt: '2026-11-20T13:40:00.000Z' }] };
    expect(withResolutions(partial(), early).incidents.map((i) => i.id)).toEqual([ID]);
  });

  it('a component another active incident lists stays as the page shows it', () => {
    const snapshot = partial();
    const first = snapshot.incidents[0];
    if (!first) throw new Error('no incident');
    snapshot.incidents = [first, { ...first, id: 'still-open' }];
    const next = withResolutions(snapshot, resolvedOnce());
    expect(next.incidents.map((i) => i.id)).toEqual(['still-open']);
    expect(next.services[0]?.state).toBe('partial_outage');
  });

  it('resolvedStatus keeps the health and applies to the snapshot', () => {
    const status = { snapshot: partial(), health: EMPTY_HEALTH };
    const next = resolvedStatus(status, resolvedOnce());
    expect(next.health).toBe(status.health);
    expect(next.snapshot?.incidents).toEqual([]);
    expect(resolvedStatus({ snapshot: null, health: EMPTY_HEALTH }, resolvedOnce()).snapshot).toBeNull();
  });
});

describe('the background check', () => {
  function setup(
    answers: (url: string, headers: Record<string, string>) => Response,
    health: FetchHealth = EMPTY_HEALTH,
  ) {
    let now = NOW;
    let stored: Resolutions = EMPTY_RESOLUTIONS;
    const calls: { url: string; headers: Record<string, string> }[] = [];
    const fetch = vi.fn(async (url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      calls.push({ url, headers });
      return answers(url, headers);
    });
    const check = createResolutionCheck({
      fetch,
      now: () => now,
      read: async () => stored,
      write: async (r) => {
        stored = r;
      },
      status: async () => ({ snapshot: partial(), health }),
      timeoutMs: 50,
    });
    return { check, calls, stored: () => stored, advance: (ms: number) => (now += ms) };
  }
  const json = (list: unknown, etag = '"v1"') =>
    new Response(JSON.stringify(list), { status: 200, headers: { 'content-type': 'application/json', etag } });
  const resolvedBody = {
    incidents: [
      {
        id: ID,
        name: 'x',
        status: 'resolved',
        resolved_at: '2026-11-20T13:55:00Z',
        incident_updates: [],
        components: [],
      },
    ],
  };

  it('asks incidents.json, records the resolution, and waits 5 minutes before asking again', async () => {
    const t = setup(() => json(resolvedBody));
    await t.check.check();
    expect(t.calls.map((c) => c.url)).toEqual(['https://status.claude.com/api/v2/incidents.json']);
    expect(t.stored().resolved.map((r) => r.id)).toEqual([ID]);
    await t.check.check();
    expect(t.calls).toHaveLength(1);
  });

  it('sends its own validators and takes a 304 as nothing new', async () => {
    const t = setup((_, headers) =>
      headers['if-none-match'] === '"v1"' ? new Response(null, { status: 304 }) : json({ incidents: [] }),
    );
    await t.check.check();
    t.advance(RESOLUTION_CHECK_GAP_MS);
    await t.check.check();
    expect(t.calls.map((c) => c.headers['if-none-match'] ?? null)).toEqual([null, '"v1"']);
    expect(t.stored().validators?.etag).toBe('"v1"');
    expect(t.stored().checkedAt).toBe(new Date(NOW + RESOLUTION_CHECK_GAP_MS).toISOString());
  });

  it('the primary failing: the fallback; both failing: the attempt counts for the gap', async () => {
    const t = setup((url) =>
      url.startsWith('https://anthropic.statuspage.io') ? json(resolvedBody) : new Response('<html>', { status: 405 }),
    );
    await t.check.check();
    expect(t.calls.map((c) => new URL(c.url).host)).toEqual(['status.claude.com', 'anthropic.statuspage.io']);
    expect(t.stored().resolved.map((r) => r.id)).toEqual([ID]);

    const down = setup(() => new Response('nope', { status: 500 }));
    await down.check.check();
    expect(down.stored().checkedAt).toBe(new Date(NOW).toISOString());
    expect(down.stored().resolved).toEqual([]);
  });

  it('a 429: the mirror is not asked, and the Retry-After is waited past the usual gap (issue #28)', async () => {
    const t = setup(() => new Response('', { status: 429, headers: { 'retry-after': '900' } }));
    await t.check.check();
    expect(t.calls.map((c) => new URL(c.url).host)).toEqual(['status.claude.com']);
    expect(t.stored().retryAfterUntil).toBe(new Date(NOW + 900_000).toISOString());
    t.advance(RESOLUTION_CHECK_GAP_MS);
    await t.check.check();
    expect(t.calls).toHaveLength(1);
    t.advance(900_000 - RESOLUTION_CHECK_GAP_MS);
    await t.check.check();
    expect(t.calls).toHaveLength(2);
  });

  it("while summary.json's Retry-After runs, no check is made", async () => {
    const waiting = { ...EMPTY_HEALTH, retryAfterUntil: new Date(NOW + 60_000).toISOString() };
    const t = setup(() => json(resolvedBody), waiting);
    await t.check.check();
    expect(t.calls).toEqual([]);
  });

  it('single flight: two calls at once make one request', async () => {
    const t = setup(() => json(resolvedBody));
    await Promise.all([t.check.check(), t.check.check()]);
    expect(t.calls).toHaveLength(1);
  });
});

describe('resolutions item version 2: the migration adds `retryAfterUntil`', () => {
  it('a version 1 value keeps what it had, with no wait; a version 2 passes through', () => {
    const migrate = RESOLUTIONS_MIGRATIONS[2];
    if (!migrate) throw new Error('no migration to version 2');
    const v1 = { checkedAt: '2026-11-20T14:00:00.000Z', validators: null, resolved: [{ id: ID, resolvedAt: 'x' }] };
    expect(resolutionsSchema.parse(migrate(v1))).toEqual({ ...v1, retryAfterUntil: null });
    expect(migrate(EMPTY_RESOLUTIONS)).toBe(EMPTY_RESOLUTIONS);
  });
});
