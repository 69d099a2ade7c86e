import { describe, expect, it } from 'vitest';
import { SERVICE_IDS } from '../../core/status-page/services';
import type { Severity } from '../../core/status-page/severity';
import {
  affectedServiceIds,
  buildSnapshot,
  MAX_STORED_UPDATE_CHARS,
  MAX_UPDATES,
  servicesNamedIn,
  shortServiceName,
} from '../../core/status-page/snapshot';
import { safeStatusLink } from '../../core/status-page/sources';
import type { Service, Snapshot } from '../../core/status-page/status-model';
import {
  type ComponentStatus,
  parseSummary,
  type StatuspageIncident,
  type Summary,
} from '../../core/status-page/statuspage';
import { MAX_BODY, MAX_NAME } from '../../core/status-page/text';
import {
  fixtureJson,
  loadIncidents,
  loadSnapshot,
  loadSummary,
  SUMMARY_FIXTURES,
  type SummaryFixture,
} from './fixtures';

const { claudeAi, console: consoleId, api, code, cowork, government } = SERVICE_IDS;
const PAGE_ORDER = [claudeAi, consoleId, api, code, cowork, government];

// biome-ignore lint/suspicious/noExplicitAny: hand-made Statuspage rows are loosely typed JSON.
type Json = any;

/** A fixture's JSON changed by `edit`, then parsed and built like a fetched body. */
function snapshotOf(name: SummaryFixture, edit: (json: Json) => void): Snapshot {
  const json = structuredClone(fixtureJson(name)) as Json;
  edit(json);
  const parsed = parseSummary(json);
  if (!parsed.ok) throw new Error(`edited ${name} does not parse: ${parsed.message}`);
  return buildSnapshot(parsed.value);
}

/** An unresolved incident row as Statuspage writes it, with what the test cares about. */
function incidentRow(fields: Record<string, unknown>): Json {
  return {
    id: 'tst000000001',
    name: 'Elevated errors',
    status: 'investigating',
    impact: 'minor',
    created_at: '2026-11-20T13:00:00.000Z',
    updated_at: '2026-11-20T13:00:00.000Z',
    started_at: '2026-11-20T13:00:00.000Z',
    shortlink: 'https://stspg.io/tst0001',
    incident_updates: [],
    components: [],
    ...fields,
  };
}

function updateRow(fields: Record<string, unknown>): Json {
  return {
    id: 'upd000000001',
    status: 'investigating',
    body: 'We are currently investigating this issue.',
    created_at: '2026-11-20T13:00:00.000Z',
    display_at: '2026-11-20T13:00:00.000Z',
    affected_components: null,
    ...fields,
  };
}

/** The healthy page with these incidents added. */
function healthyWith(...incidents: Json[]): Snapshot {
  return snapshotOf('healthy', (json) => {
    json.incidents = incidents;
  });
}

describe('buildSnapshot: every fixture', () => {
  // [fixture, indicator as recorded, overall severity, service states in page order]
  const TABLE: [SummaryFixture, string, Severity, Severity[]][] = [
    [
      'healthy',
      'none',
      'operational',
      ['operational', 'operational', 'operational', 'operational', 'operational', 'operational'],
    ],
    [
      'added-component',
      'none',
      'operational',
      ['operational', 'operational', 'operational', 'operational', 'operational', 'operational', 'operational'],
    ],
    [
      'api-outage',
      'major',
      'major_outage',
      ['operational', 'partial_outage', 'major_outage', 'operational', 'operational', 'operational'],
    ],
    // The indicator says minor (degraded), but claude.ai is in partial outage and the impact is major.
    [
      'claude-ai-partial',
      'minor',
      'partial_outage',
      ['partial_outage', 'operational', 'operational', 'operational', 'operational', 'operational'],
    ],
    [
      'cowork-only',
      'minor',
      'degraded',
      ['operational', 'operational', 'operational', 'operational', 'degraded', 'operational'],
    ],
    [
      'hostile',
      'major',
      'partial_outage',
      ['partial_outage', 'operational', 'operational', 'operational', 'operational', 'operational', 'partial_outage'],
    ],
    [
      'maintenance',
      'maintenance',
      'maintenance',
      ['operational', 'maintenance', 'operational', 'operational', 'operational', 'operational'],
    ],
    [
      'major-outage',
      'major',
      'major_outage',
      ['major_outage', 'operational', 'partial_outage', 'major_outage', 'partial_outage', 'operational'],
    ],
    // Indicator minor again, four components in partial outage: the indicator understates.
    [
      'many-models',
      'minor',
      'partial_outage',
      ['partial_outage', 'partial_outage', 'partial_outage', 'partial_outage', 'operational', 'operational'],
    ],
    // 'elevated_errors' is no documented state: unknown, shown as degraded.
    [
      'unknown-enums',
      'unknown',
      'partial_outage',
      ['partial_outage', 'operational', 'operational', 'degraded', 'operational', 'operational'],
    ],
  ];

  it('the table covers every summary fixture', () => {
    expect(TABLE.map(([name]) => name).sort()).toEqual([...SUMMARY_FIXTURES].sort());
  });

  it.each(TABLE)('%s: indicator %s -> severity %s', (name, indicator, severity, serviceStates) => {
    const snapshot = loadSnapshot(name);
    expect(snapshot.indicator).toBe(indicator);
    expect(snapshot.severity).toBe(severity);
    expect(snapshot.services.map((s) => s.state)).toEqual(serviceStates);
    expect(snapshot.services.slice(0, 6).map((s) => s.id)).toEqual(PAGE_ORDER);
    expect(snapshot.services.map((s) => s.position)).toEqual(serviceStates.map((_, i) => i + 1));
    expect(snapshot.pageName).toBe('Claude');
    expect(snapshot.groups).toEqual([]);
  });

  it('a snapshot is plain data: it survives a JSON round trip unchanged (it is stored)', () => {
    for (const name of SUMMARY_FIXTURES) {
      const snapshot = loadSnapshot(name);
      expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    }
  });

  it('service names come from the page, the API one with its host', () => {
    expect(loadSnapshot('healthy').services.map((s) => s.name)).toEqual([
      'claude.ai',
      'Claude Console (platform.claude.com)',
      'Claude API (api.anthropic.com)',
      'Claude Code',
      'Claude Cowork',
      'Claude for Government',
    ]);
  });

  it('added-component: the seventh component shows up without a code change', () => {
    const snapshot = loadSnapshot('added-component');
    expect(snapshot.services).toHaveLength(7);
    expect(snapshot.services[6]).toEqual({
      id: 'c7h2rm4xq9kd',
      name: 'Claude in Chrome',
      state: 'operational',
      position: 7,
      groupId: null,
    });
  });
});

describe('buildSnapshot: component states and order', () => {
  it.each<[ComponentStatus | string, Severity]>([
    ['operational', 'operational'],
    ['degraded_performance', 'degraded'],
    ['partial_outage', 'partial_outage'],
    ['major_outage', 'major_outage'],
    ['under_maintenance', 'maintenance'],
    ['elevated_errors', 'degraded'],
    ['', 'degraded'],
  ])('component status %j -> %s, and the page at least as bad', (status, severity) => {
    const snapshot = snapshotOf('healthy', (json) => {
      json.components[2].status = status;
    });
    expect(snapshot.services[2]?.state).toBe(severity);
    expect(snapshot.severity).toBe(severity);
  });

  it('a component without a status is unknown, shown as degraded', () => {
    const snapshot = snapshotOf('healthy', (json) => {
      delete json.components[4].status;
    });
    expect(snapshot.services[4]?.state).toBe('degraded');
  });

  it('services follow the page positions, not the order of the rows', () => {
    const snapshot = snapshotOf('added-component', (json) => {
      json.components.reverse();
    });
    expect(snapshot.services.map((s) => s.id)).toEqual([...PAGE_ORDER, 'c7h2rm4xq9kd']);
  });

  it('rows without position keep their row order', () => {
    const snapshot = snapshotOf('healthy', (json) => {
      for (const c of json.components) delete c.position;
      json.components.reverse();
    });
    expect(snapshot.services.map((s) => s.id)).toEqual([...PAGE_ORDER].reverse());
  });

  it('group rows become groups, their members keep the group', () => {
    const snapshot = snapshotOf('healthy', (json) => {
      json.components.push({
        id: 'grp00000apps',
        name: 'Apps',
        status: 'operational',
        position: 7,
        group: true,
        components: [claudeAi, cowork],
      });
      json.components[0].group_id = 'grp00000apps';
      json.components[4].group_id = 'grp00000apps';
    });
    expect(snapshot.groups).toEqual([{ id: 'grp00000apps', name: 'Apps', position: 7 }]);
    expect(snapshot.services.map((s) => s.id)).toEqual(PAGE_ORDER);
    expect(snapshot.services.map((s) => s.groupId)).toEqual(['grp00000apps', null, null, null, 'grp00000apps', null]);
  });
});

describe('buildSnapshot: incidents', () => {
  it.each<[SummaryFixture, string, string[]]>([
    ['api-outage', 'j7zexb58b09g', [consoleId, api]],
    ['claude-ai-partial', 'esfmlsy6f8gw', [claudeAi]],
    ['cowork-only', '5nt86v68qive', [cowork]],
    ['major-outage', '8dkw448dcmil', [claudeAi, api, code, cowork]],
    ['many-models', '8rb03qmbcd2d', [claudeAi, consoleId, api, code]],
    ['unknown-enums', '8cq4mit4aeh0', [claudeAi, code]],
  ])('%s: incident %s touches %j (page order)', (name, id, serviceIds) => {
    const snapshot = loadSnapshot(name);
    expect(snapshot.incidents.map((i) => i.id)).toEqual([id]);
    expect(snapshot.incidents[0]?.serviceIds).toEqual(serviceIds);
  });

  it.each<[SummaryFixture, Severity, string, string | null]>([
    ['api-outage', 'partial_outage', 'major', 'https://stspg.io/h665vl1s12gc'],
    ['cowork-only', 'degraded', 'minor', 'https://stspg.io/l1j0nm6qxdep'],
    ['many-models', 'partial_outage', 'major', 'https://stspg.io/08b30ncjphq6'],
    ['unknown-enums', 'degraded', 'unknown', 'https://stspg.io/sa6tvaiokyzj'],
  ])('%s: severity %s from impact %s, link %s', (name, severity, impact, url) => {
    const incident = loadSnapshot(name).incidents[0];
    expect(incident?.severity).toBe(severity);
    expect(incident?.impact).toBe(impact);
    expect(incident?.url).toBe(url);
  });

  it('affected services from the incident components alone', () => {
    const snapshot = healthyWith(
      incidentRow({ components: [{ id: cowork, name: 'Claude Cowork', status: 'partial_outage' }] }),
    );
    expect(snapshot.incidents[0]?.serviceIds).toEqual([cowork]);
  });

  it('affected services from incident_updates[].affected_components, by code', () => {
    const snapshot = healthyWith(
      incidentRow({
        incident_updates: [
          updateRow({
            affected_components: [
              { code: code, name: 'renamed', old_status: 'operational', new_status: 'major_outage' },
            ],
          }),
          updateRow({
            id: 'upd2',
            affected_components: [{ code: government, name: 'x', new_status: 'degraded_performance' }],
          }),
        ],
      }),
    );
    expect(snapshot.incidents[0]?.serviceIds).toEqual([code, government]);
  });

  it('affected services from affected_components by name when the code is unknown', () => {
    const snapshot = healthyWith(
      incidentRow({
        incident_updates: [
          updateRow({ affected_components: [{ code: 'zzzzzzzzzzzz', name: 'Claude API (api.anthropic.com)' }] }),
        ],
      }),
    );
    expect(snapshot.incidents[0]?.serviceIds).toEqual([api]);
  });

  it('affected services from the title alone: four services named in one title', () => {
    const snapshot = healthyWith(
      incidentRow({ name: 'Elevated errors on claude.ai, Claude Code, Claude Cowork and the Claude API' }),
    );
    expect(snapshot.incidents[0]?.serviceIds).toEqual([claudeAi, api, code, cowork]);
  });

  it('an incident that names no service touches none by name (the surfaces then assume any)', () => {
    const snapshot = healthyWith(incidentRow({ name: 'Elevated errors across many models' }));
    expect(snapshot.incidents[0]?.serviceIds).toEqual([]);
    // An unresolved incident is never operational, even on an otherwise healthy page.
    expect(snapshot.severity).toBe('degraded');
  });

  it('components the page does not list are not invented', () => {
    const snapshot = healthyWith(incidentRow({ components: [{ id: 'notonthepage', name: 'Claude Labs' }] }));
    expect(snapshot.incidents[0]?.serviceIds).toEqual([]);
  });

  it('updates: latest first, whatever order they come in', () => {
    const expected = ['zaewfhq4y9t7', 'n36tk1l3x6ww', 'vr4gxtuu7r0l', 'gj0zxxqrpowl'];
    expect(loadSnapshot('many-models').incidents[0]?.updates.map((u) => u.id)).toEqual(expected);
    const shuffled = snapshotOf('many-models', (json) => {
      const updates = json.incidents[0].incident_updates;
      json.incidents[0].incident_updates = [updates[2], updates[0], updates[3], updates[1]];
    });
    expect(shuffled.incidents[0]?.updates.map((u) => u.id)).toEqual(expected);
    expect(shuffled.incidents[0]?.updates[0]).toEqual({
      id: 'zaewfhq4y9t7',
      status: 'monitoring',
      body: 'As of 14:43 PT / 22:43 UTC we have seen full recovery across all models.',
      at: '2026-11-20T13:58:37.402Z',
    });
  });

  it('updates: display_at wins over created_at; undated updates go last', () => {
    const snapshot = healthyWith(
      incidentRow({
        incident_updates: [
          updateRow({ id: 'undated', display_at: null, created_at: null }),
          updateRow({ id: 'early', display_at: '2026-11-20T13:00:00Z', created_at: '2026-11-20T15:00:00Z' }),
          updateRow({ id: 'late', display_at: '2026-11-20T14:00:00Z', created_at: '2026-11-20T12:00:00Z' }),
        ],
      }),
    );
    expect(snapshot.incidents[0]?.updates.map((u) => [u.id, u.at])).toEqual([
      ['late', '2026-11-20T14:00:00.000Z'],
      ['early', '2026-11-20T13:00:00.000Z'],
      ['undated', null],
    ]);
  });

  it(`updates: at most ${MAX_UPDATES}, the newest`, () => {
    const snapshot = healthyWith(
      incidentRow({
        incident_updates: Array.from({ length: 50 }, (_, i) =>
          updateRow({ id: `u${i}`, display_at: new Date(Date.UTC(2026, 10, 20, 0, i)).toISOString() }),
        ),
      }),
    );
    const updates = snapshot.incidents[0]?.updates ?? [];
    expect(updates).toHaveLength(MAX_UPDATES);
    expect(updates[0]?.id).toBe('u49');
    expect(updates.at(-1)?.id).toBe(`u${50 - MAX_UPDATES}`);
    expect(snapshot.trimmed).toBe(true);
  });

  it('a healthy page is not trimmed', () => {
    expect(healthyWith().trimmed).toBe(false);
    expect(healthyWith(incidentRow({ incident_updates: [updateRow({})] })).trimmed).toBe(false);
  });

  it('a huge valid page (50 incidents of 2,000 updates of 3,000 characters): latest updates kept, bounded, said so', () => {
    const body = 'The team continues to work on a fix for the elevated errors. '.repeat(50).slice(0, 3000);
    const incidents = Array.from({ length: 60 }, (_, n) =>
      incidentRow({
        id: `inc${String(n).padStart(9, '0')}`,
        incident_updates: Array.from({ length: n < 2 ? 2000 : 3 }, (_, i) =>
          updateRow({
            id: `u${n}-${i}`,
            body,
            display_at: new Date(Date.UTC(2026, 10, 20, 0, 0, i)).toISOString(),
          }),
        ),
      }),
    );
    const snapshot = healthyWith(...incidents);
    expect(snapshot.trimmed).toBe(true);
    expect(snapshot.incidents).toHaveLength(50);
    // Every incident keeps its latest update, whatever the budget.
    for (const incident of snapshot.incidents) expect(incident.updates[0]?.id).toMatch(/^u\d+-(1999|2)$/);
    const chars = snapshot.incidents.reduce((sum, i) => sum + i.updates.reduce((n, u) => n + u.body.length, 0), 0);
    expect(chars).toBeLessThanOrEqual(Math.max(MAX_STORED_UPDATE_CHARS, 50 * 3000));
    expect(JSON.stringify(snapshot).length).toBeLessThan(250_000);
  });

  it.each<[string, string, string]>([
    ['tags stripped', '<p>We are <strong>investigating</strong> this issue.</p>', 'We are investigating this issue.'],
    [
      'entities decoded',
      'Errors &amp; timeouts on &quot;Opus&quot; &lt;4.5&gt; &#39;now&#39;',
      'Errors & timeouts on "Opus" <4.5> \'now\'',
    ],
    ['decoded once only', 'Literally &amp;lt;b&amp;gt;', 'Literally &lt;b&gt;'],
    ['a no-break space', 'Claude&nbsp;Code', 'Claude Code'],
    ['numeric entities', 'Claude&#8217;s API &#x2014; fixed &#X2713;', 'Claude’s API — fixed ✓'],
    ['impossible numeric entities stay as written', 'A &#xD800; B &#1114112; C', 'A &#xD800; B &#1114112; C'],
    ['a numeric entity cannot smuggle a bidi override', 'Claude&#x202e;.ai', 'Claude.ai'],
    ['line breaks kept', 'First line.\nSecond line.', 'First line.\nSecond line.'],
    ['<br> and </p> become line breaks', '<p>One.</p><p>Two.<br>Three.<br/>Four.</p>', 'One.\nTwo.\nThree.\nFour.'],
    ['CRLF normalised', 'One.\r\nTwo.', 'One.\nTwo.'],
    ['blank runs collapse to one empty line', 'One.\n\n\n\n\nTwo.', 'One.\n\nTwo.'],
    ['a link keeps its words, not its href', 'See <a href="javascript:alert(1)">details</a>.', 'See details.'],
  ])('update bodies are plain text: %s', (_label, body, expected) => {
    const snapshot = healthyWith(incidentRow({ incident_updates: [updateRow({ body })] }));
    expect(snapshot.incidents[0]?.updates[0]?.body).toBe(expected);
  });

  it(`update bodies are capped at ${MAX_BODY} characters`, () => {
    const snapshot = healthyWith(incidentRow({ incident_updates: [updateRow({ body: 'x'.repeat(MAX_BODY * 3) })] }));
    const body = snapshot.incidents[0]?.updates[0]?.body ?? '';
    expect(body.length).toBeLessThanOrEqual(MAX_BODY);
    expect(body.endsWith('…')).toBe(true);
  });

  it('resolved, postmortem and completed incidents are excluded; the rest sorted newest first', () => {
    const recorded = loadIncidents().incidents;
    const summary: Summary = {
      ...loadSummary('healthy'),
      incidents: [
        ...recorded,
        { ...(recorded[0] as StatuspageIncident), id: 'postmortem01', status: 'postmortem' },
        { ...(recorded[0] as StatuspageIncident), id: 'completed001', status: 'completed' },
        {
          ...(recorded[0] as StatuspageIncident),
          id: 'older0000001',
          status: 'monitoring',
          started_at: '2026-11-19T10:00:00Z',
        },
        {
          ...(recorded[0] as StatuspageIncident),
          id: 'newer0000001',
          status: 'identified',
          started_at: '2026-11-20T10:00:00Z',
        },
      ],
    };
    const snapshot = buildSnapshot(summary);
    expect(snapshot.incidents.map((i) => i.id)).toEqual(['newer0000001', 'older0000001']);
    expect(buildSnapshot({ ...summary, incidents: recorded }).incidents).toEqual([]);
    expect(buildSnapshot({ ...summary, incidents: recorded }).severity).toBe('operational');
  });
});

describe('buildSnapshot: maintenance', () => {
  it('maintenance.json: one in progress, one upcoming, in time order', () => {
    const snapshot = loadSnapshot('maintenance');
    expect(snapshot.incidents).toEqual([]);
    expect(snapshot.maintenances).toEqual([
      {
        id: 'ujcouapmkigy',
        name: 'Scheduled maintenance on Claude Console',
        status: 'in_progress',
        scheduledFor: '2026-11-20T13:30:00.000Z',
        scheduledUntil: '2026-11-20T15:30:00.000Z',
        serviceIds: [consoleId],
        url: 'https://stspg.io/s3hpwd455ml5',
        inProgress: true,
      },
      {
        id: 'r9ynlfnkwsr2',
        name: 'Scheduled maintenance on the Claude API',
        status: 'scheduled',
        scheduledFor: '2026-11-22T14:00:00.000Z',
        scheduledUntil: '2026-11-22T16:00:00.000Z',
        serviceIds: [api],
        url: 'https://stspg.io/4l0o0kr1cdak',
        inProgress: false,
      },
    ]);
  });

  it.each<[string, boolean | 'excluded', Severity]>([
    ['scheduled', false, 'operational'],
    ['in_progress', true, 'maintenance'],
    ['verifying', true, 'maintenance'],
    ['completed', 'excluded', 'operational'],
  ])('a maintenance %s on a healthy page: in progress %s, page %s', (status, inProgress, severity) => {
    const snapshot = snapshotOf('healthy', (json) => {
      json.scheduled_maintenances = [
        incidentRow({
          id: 'mnt000000001',
          name: 'Scheduled maintenance on the Claude API',
          status,
          impact: 'maintenance',
          scheduled_for: '2026-11-22T14:00:00.000Z',
          scheduled_until: '2026-11-22T16:00:00.000Z',
        }),
      ];
    });
    if (inProgress === 'excluded') expect(snapshot.maintenances).toEqual([]);
    else expect(snapshot.maintenances.map((m) => [m.id, m.inProgress])).toEqual([['mnt000000001', inProgress]]);
    expect(snapshot.severity).toBe(severity);
  });

  it('invalid maintenance dates become null', () => {
    const snapshot = snapshotOf('healthy', (json) => {
      json.scheduled_maintenances = [incidentRow({ status: 'scheduled', scheduled_for: 'soon', scheduled_until: '' })];
    });
    expect(snapshot.maintenances[0]).toMatchObject({ scheduledFor: null, scheduledUntil: null });
  });
});

describe('buildSnapshot: hostile.json', () => {
  const snapshot = loadSnapshot('hostile');
  const byId = (id: string) => snapshot.incidents.find((i) => i.id === id);

  it('duplicate incident ids are shown once (the first)', () => {
    expect(snapshot.incidents.map((i) => i.id)).toEqual(['a5j9pn95khkp', '5m9pvswys9lh']);
    expect(byId('a5j9pn95khkp')?.impact).toBe('major');
  });

  it('markup in names is kept as inert text, never dropped silently', () => {
    expect(byId('a5j9pn95khkp')?.name).toBe('<script>window.__pwned=1</script>Elevated errors on claude.ai');
    expect(snapshot.services[6]?.name).toBe('<img src=x onerror="window.__pwned=1">Claude Labs');
  });

  it('a component pointing at a missing group is shown ungrouped', () => {
    expect(snapshot.services[6]).toMatchObject({ id: 'h0st1l3c0mp0', groupId: null, state: 'partial_outage' });
    expect(snapshot.groups).toEqual([]);
  });

  it('a javascript: shortlink gives no link; an https stspg.io one is kept', () => {
    expect(byId('a5j9pn95khkp')?.url).toBeNull();
    expect(byId('5m9pvswys9lh')?.url).toBe('https://stspg.io/whes8ek5v98a');
  });

  it(`a 10 000-character title is capped at MAX_NAME (${MAX_NAME})`, () => {
    const name = byId('5m9pvswys9lh')?.name ?? '';
    expect(name.length).toBeLessThanOrEqual(MAX_NAME);
    expect(name.length).toBeGreaterThan(MAX_NAME - 10);
    expect(name.startsWith('Elevated errors on claude.ai')).toBe(true);
    expect(name.endsWith('…')).toBe(true);
  });

  it('invalid dates become null; the valid fallback is used', () => {
    const incident = byId('5m9pvswys9lh');
    expect(incident?.startedAt).toBeNull();
    expect(incident?.updatedAt).toBe('2099-12-31T23:59:59.000Z');
    // display_at is not a date: created_at stands in.
    expect(incident?.updates[0]?.at).toBe('2099-01-01T00:00:00.000Z');
    // Undated incidents sort after dated ones.
    expect(snapshot.incidents.at(-1)?.id).toBe('5m9pvswys9lh');
  });

  it('bidi overrides are removed from update bodies; tags stripped', () => {
    const bodies = byId('a5j9pn95khkp')?.updates.map((u) => u.body) ?? [];
    expect(bodies[0]).toBe('We are continuing to investigate this issue. ia.edualc no srorre');
    expect(bodies[1]).toContain('We are currently investigating this issue.');
    for (const body of bodies) {
      expect(body).not.toMatch(/[<>\u202a-\u202e\u2066-\u2069]/);
    }
  });

  it('affected services: its components and the title, in page order', () => {
    expect(byId('a5j9pn95khkp')?.serviceIds).toEqual([claudeAi, 'h0st1l3c0mp0']);
    expect(byId('5m9pvswys9lh')?.serviceIds).toEqual([claudeAi]);
  });

  it('bidi and control characters are removed from every name, and names are capped', () => {
    const bidi = '\u202eia.edualc\u202c';
    const s = snapshotOf('hostile', (json) => {
      json.components[1].name = `Claude\u2066 Console\u2069${bidi}\u0000\u0007`;
      json.components[2].name = 'A'.repeat(5000);
      json.incidents = [json.incidents[1]];
      json.page.name = `Claude\u202e`;
      json.status.description = `\u202dPartial System Outage`;
    });
    expect(s.services[1]?.name).toBe('Claude Consoleia.edualc');
    expect(s.services[2]?.name.length).toBeLessThanOrEqual(MAX_NAME);
    expect(s.incidents[0]?.name).toBe('Elevated errors on ia.edualc<img src=x onerror="window.__pwned=1">');
    expect(s.pageName).toBe('Claude');
    expect(s.description).toBe('Partial System Outage');
    const every = [
      ...s.services.map((x) => x.name),
      ...s.incidents.flatMap((i) => [i.name, ...i.updates.map((u) => u.body)]),
    ];
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting control characters are gone.
    const unwanted = /[\u0000-\u0008\u202a-\u202e\u2066-\u2069]/;
    for (const text of every) expect(text).not.toMatch(unwanted);
  });

  it('a data: shortlink gives no link', () => {
    const s = snapshotOf('hostile', (json) => {
      json.incidents = [json.incidents[1]];
    });
    expect(s.incidents[0]?.url).toBeNull();
  });

  it('duplicate component ids: the service is listed once', () => {
    const s = snapshotOf('healthy', (json) => {
      json.components.push({ ...json.components[0], status: 'major_outage', position: 9 });
    });
    expect(s.services.map((x) => x.id)).toEqual(PAGE_ORDER);
    expect(s.services[0]?.state).toBe('operational');
  });

  it('an empty name falls back to the id', () => {
    const s = snapshotOf('healthy', (json) => {
      json.components[3].name = '\u202e\u202c  ';
      json.incidents = [incidentRow({ name: '' })];
    });
    expect(s.services[3]?.name).toBe(code);
    expect(s.incidents[0]?.name).toBe('tst000000001');
  });
});

describe('safeStatusLink', () => {
  it.each<[unknown, string | null]>([
    ['https://stspg.io/h665vl1s12gc', 'https://stspg.io/h665vl1s12gc'],
    ['https://status.claude.com/incidents/j7zexb58b09g', 'https://status.claude.com/incidents/j7zexb58b09g'],
    ['https://anthropic.statuspage.io/incidents/x', 'https://anthropic.statuspage.io/incidents/x'],
    ['javascript:alert(1)', null],
    ['JavaScript:alert(1)', null],
    ['data:text/html,<b>x</b>', null],
    ['http://stspg.io/h665vl1s12gc', null],
    ['https://stspg.io.evil.example/x', null],
    ['https://user:pw@stspg.io/x', null],
    ['https://evil.example/stspg.io', null],
    ['//stspg.io/x', null],
    ['', null],
    [null, null],
    [42, null],
    [`https://stspg.io/${'a'.repeat(3000)}`, null],
  ])('%j -> %j', (raw, expected) => {
    expect(safeStatusLink(raw)).toBe(expected);
  });
});

describe('servicesNamedIn / shortServiceName', () => {
  const services: Service[] = loadSnapshot('healthy').services;

  it.each<[string, string]>([
    ['Claude API (api.anthropic.com)', 'Claude API'],
    ['Claude Console (platform.claude.com)', 'Claude Console'],
    ['claude.ai', 'claude.ai'],
    ['Claude for Government', 'Claude for Government'],
  ])('shortServiceName(%j) -> %j', (name, short) => {
    expect(shortServiceName(name)).toBe(short);
  });

  it.each<[string, string[]]>([
    ['Elevated errors on claude.ai, Claude Code, Claude Cowork and the Claude API', [claudeAi, api, code, cowork]],
    ['Elevated errors on claude.ai', [claudeAi]],
    ['Errors on claude.ai.', [claudeAi]],
    ['(claude.ai) login issues', [claudeAi]],
    ['CLAUDE CODE is slow', [code]],
    ["Claude Code's sessions fail", [code]],
    ['Delayed usage reporting in Claude Console', [consoleId]],
    ['Claude Console (platform.claude.com) maintenance', [consoleId]],
    ['Errors on Claude API (api.anthropic.com)', [api]],
    ['Degraded functionality for Claude Cowork on Windows', [cowork]],
    ['Claude for Government is down', [government]],
    ['Phishing on claude.ai.example', []],
    ['Visit www.claude.ai.evil.example', []],
    ['Errors on api.claude.ai', []],
    ['Claude Codex is a different product', []],
    ['Claude Coworkers', []],
    ['Claude APIs', []],
    ['Elevated errors across many models', []],
    ['', []],
  ])('%j -> %j', (text, ids) => {
    expect(servicesNamedIn(text, services)).toEqual(ids);
  });

  it('regular-expression characters in a service name are taken literally', () => {
    const odd: Service[] = [{ id: 'odd', name: 'C++ (beta)', state: 'operational', position: 1, groupId: null }];
    expect(servicesNamedIn('Errors on C++ today', odd)).toEqual(['odd']);
    expect(servicesNamedIn('Errors on C++ (beta) today', odd)).toEqual(['odd']);
    expect(servicesNamedIn('Errors on Cxx today', odd)).toEqual([]);
  });

  it('affectedServiceIds ignores a name inside a longer word in updates too', () => {
    const row = parseSummary({
      page: {},
      components: [],
      incidents: [
        incidentRow({
          name: 'Claude Codex outage',
          incident_updates: [updateRow({ affected_components: [{ code: 'nope', name: 'claude.ai.example' }] })],
        }),
      ],
    });
    if (!row.ok) throw new Error(row.message);
    const first = row.value.incidents[0] as StatuspageIncident;
    expect(affectedServiceIds(first, services)).toEqual([]);
  });
});
