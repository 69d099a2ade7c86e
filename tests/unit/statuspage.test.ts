import { describe, expect, it } from 'vitest';
import {
  MAX_BODY_BYTES,
  type ParseErrorKind,
  type ParseResult,
  parseIncidentsList,
  parseJsonText,
  parseSummary,
  parseSummaryText,
  type Summary,
} from '../../core/status-page/statuspage';
import { fixtureJson, fixtureText, SUMMARY_FIXTURES, type SummaryFixture } from './fixtures';

/** The value of a result that must be ok; fails the test with the parser's reason otherwise. */
function okValue<T>(result: ParseResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.kind}: ${result.message}`);
  return result.value;
}

function errorKindOf(result: ParseResult<unknown>): ParseErrorKind | 'ok' {
  return result.ok ? 'ok' : result.kind;
}

/** A deep copy of a fixture's JSON as a mutable record, for hand-made variants. */
function editable(name: SummaryFixture): Record<string, unknown> & { components: Record<string, unknown>[] } {
  return structuredClone(fixtureJson(name)) as Record<string, unknown> & { components: Record<string, unknown>[] };
}

// Counts as recorded: [fixture, components, unresolved incidents, scheduled maintenances].
const FIXTURE_COUNTS: [SummaryFixture, number, number, number][] = [
  ['healthy', 6, 0, 0],
  ['added-component', 7, 0, 0],
  ['api-outage', 6, 1, 0],
  ['claude-ai-partial', 6, 1, 0],
  ['cowork-only', 6, 1, 0],
  ['hostile', 7, 3, 0],
  ['maintenance', 6, 0, 2],
  ['major-outage', 6, 1, 0],
  ['many-models', 6, 1, 0],
  ['unknown-enums', 6, 1, 0],
];

describe('parseSummaryText: every recorded summary parses', () => {
  it('the table covers every summary fixture', () => {
    expect(FIXTURE_COUNTS.map(([name]) => name).sort()).toEqual([...SUMMARY_FIXTURES].sort());
  });

  it.each(FIXTURE_COUNTS)('%s: %i components, %i incidents, %i maintenances', (name, components, incidents, maint) => {
    const summary = okValue(parseSummaryText(fixtureText(`${name}.json`)));
    expect(summary.page.id).toBe('tymt9n04zgry');
    expect(summary.page.name).toBe('Claude');
    expect(summary.components).toHaveLength(components);
    expect(summary.incidents).toHaveLength(incidents);
    expect(summary.scheduled_maintenances).toHaveLength(maint);
    // The first component of Claude's page is claude.ai, in every recording.
    expect(summary.components[0]).toMatchObject({ id: 'rwppv331jlwc', name: 'claude.ai', position: 1 });
  });

  it('keeps the fields the snapshot needs (api-outage)', () => {
    const summary = okValue(parseSummaryText(fixtureText('api-outage.json')));
    expect(summary.status).toEqual({ indicator: 'major', description: 'Partial System Outage' });
    expect(summary.components.map((c) => c.status)).toEqual([
      'operational',
      'partial_outage',
      'major_outage',
      'operational',
      'operational',
      'operational',
    ]);
    const incident = summary.incidents[0];
    expect(incident).toMatchObject({
      id: 'j7zexb58b09g',
      name: 'Elevated errors on the Claude API',
      status: 'identified',
      impact: 'major',
      shortlink: 'https://stspg.io/h665vl1s12gc',
    });
    expect(incident?.components.map((c) => c.id)).toEqual(['0qbwn08sd68x', 'k8w3r06qmzrp']);
    expect(incident?.incident_updates.map((u) => u.status)).toEqual(['identified', 'investigating']);
    expect(incident?.incident_updates[1]?.affected_components).toEqual([
      {
        code: 'k8w3r06qmzrp',
        name: 'Claude API (api.anthropic.com)',
        old_status: 'operational',
        new_status: 'major_outage',
      },
      {
        code: '0qbwn08sd68x',
        name: 'Claude Console (platform.claude.com)',
        old_status: 'operational',
        new_status: 'partial_outage',
      },
    ]);
    expect(incident?.incident_updates[0]?.affected_components).toBeNull();
  });

  it('keeps the maintenance windows (maintenance)', () => {
    const summary = okValue(parseSummaryText(fixtureText('maintenance.json')));
    expect(summary.status.indicator).toBe('maintenance');
    expect(
      summary.scheduled_maintenances.map((m) => [m.id, m.status, m.impact, m.scheduled_for, m.scheduled_until]),
    ).toEqual([
      ['ujcouapmkigy', 'in_progress', 'maintenance', '2026-11-20T13:30:00.000Z', '2026-11-20T15:30:00.000Z'],
      ['r9ynlfnkwsr2', 'scheduled', 'maintenance', '2026-11-22T14:00:00.000Z', '2026-11-22T16:00:00.000Z'],
    ]);
  });
});

describe('parseIncidentsList: the recorded incidents.json', () => {
  it('parses all nine incidents, resolved ones included, with their updates', () => {
    const list = okValue(parseIncidentsList(fixtureJson('incidents')));
    expect(list.page?.id).toBe('tymt9n04zgry');
    expect(list.incidents.map((i) => i.id)).toEqual([
      'kkiudd9295rx',
      'nwnj78jf00ou',
      'ypbkk3onyme4',
      '31wgicvalep2',
      '24o7x7itpncj',
      'joy31ab76oaj',
      'hrqjqmc0iwv6',
      'i0maoulhp69w',
      'pnoj10iznafa',
    ]);
    expect(new Set(list.incidents.map((i) => i.status))).toEqual(new Set(['resolved']));
    expect(list.incidents.map((i) => i.incident_updates.length)).toEqual([4, 3, 4, 4, 3, 4, 4, 4, 4]);
    expect(list.incidents[3]).toMatchObject({ impact: 'critical' });
    expect(list.incidents[5]?.components).toEqual([]);
  });

  it('an incidents list is not a summary: it has no components', () => {
    expect(errorKindOf(parseSummary(fixtureJson('incidents')))).toBe('invalid');
  });
});

describe('parseJsonText / parseSummaryText: bodies that are not JSON', () => {
  it('the CDN challenge page is HTML, not data', () => {
    const result = parseSummaryText(fixtureText('challenge.html'));
    expect(errorKindOf(result)).toBe('not-json');
    expect(result.ok ? '' : result.message).toMatch(/HTML/);
  });

  it('the first half of healthy.json is malformed JSON', () => {
    const text = fixtureText('healthy.json');
    const truncated = text.slice(0, Math.floor(text.length / 2));
    expect(errorKindOf(parseJsonText(truncated))).toBe('not-json');
    expect(errorKindOf(parseSummaryText(truncated))).toBe('not-json');
  });

  it.each<[string, ParseErrorKind, string]>([
    ['empty body', 'not-json', ''],
    ['whitespace only', 'not-json', '  \n\t '],
    ['a bare number', 'not-json', '42'],
    ['a bare null', 'not-json', 'null'],
    ['a bare string', 'not-json', '"summary"'],
    ['plain text error', 'not-json', 'Service Unavailable'],
    ['HTML after a newline', 'not-json', '\n<html><body>502 Bad Gateway</body></html>'],
    ['an object with a trailing comma', 'not-json', '{"page": {},}'],
    ['two objects', 'not-json', '{}{}'],
    ['an array', 'invalid', '[]'],
    ['components as a string', 'invalid', '{"page": {}, "components": "x"}'],
    ['no components', 'invalid', '{"page": {"id": "tymt9n04zgry"}}'],
    ['no page', 'invalid', '{"components": []}'],
  ])('%s -> %s', (_label, kind, text) => {
    expect(() => parseSummaryText(text)).not.toThrow();
    expect(errorKindOf(parseSummaryText(text))).toBe(kind);
  });

  it('a body over MAX_BODY_BYTES is refused before parsing', () => {
    const padding = ' '.repeat(MAX_BODY_BYTES);
    const text = `{"page": {}, "components": []}${padding}`;
    expect(text.length).toBeGreaterThan(MAX_BODY_BYTES);
    expect(errorKindOf(parseJsonText(text))).toBe('too-large');
    expect(errorKindOf(parseSummaryText(text))).toBe('too-large');
  });

  it('a body of exactly MAX_BODY_BYTES is still read', () => {
    const head = '{"page": {}, "components": []}';
    const text = head + ' '.repeat(MAX_BODY_BYTES - head.length);
    expect(text.length).toBe(MAX_BODY_BYTES);
    expect(errorKindOf(parseSummaryText(text))).toBe('ok');
  });

  it.each<[string, ParseErrorKind | 'ok', number]>([
    ['arrays 64 deep', 'ok', 64],
    ['arrays 65 deep', 'invalid', 65],
    ['arrays 100 000 deep', 'invalid', 100_000],
  ])('nesting: %s -> %s', (_label, kind, depth) => {
    const text = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(errorKindOf(parseJsonText(text))).toBe(kind);
  });

  it('nesting: objects deeper than 64 inside a summary -> invalid', () => {
    const deep = `${'{"a":'.repeat(70)}1${'}'.repeat(70)}`;
    const text = `{"page": {}, "components": [], "extra": ${deep}}`;
    expect(errorKindOf(parseSummaryText(text))).toBe('invalid');
  });

  it('nesting: brackets inside strings (and escaped quotes) do not count', () => {
    const text = JSON.stringify({ page: { name: `\\"${'['.repeat(200)}` }, components: [] });
    const summary = okValue(parseSummaryText(text));
    expect(summary.page.name).toBe(`\\"${'['.repeat(200)}`);
  });
});

describe('parseSummary / parseIncidentsList: wrong-typed values are typed errors', () => {
  it.each<[string, unknown]>([
    ['{components: "x"}', { components: 'x' }],
    ['[]', []],
    ['42', 42],
    ['null', null],
    ['""', ''],
    ['undefined', undefined],
    ['true', true],
    ['components as an object', { page: {}, components: { id: 'x' } }],
    ['page as a string', { page: 'Claude', components: [] }],
  ])('parseSummary(%s) -> invalid, never throws', (_label, value) => {
    expect(() => parseSummary(value)).not.toThrow();
    const result = parseSummary(value);
    expect(errorKindOf(result)).toBe('invalid');
    expect(result.ok ? '' : result.message).not.toBe('');
  });

  it.each<[string, unknown]>([
    ['{components: "x"}', { components: 'x' }],
    ['{incidents: "x"}', { incidents: 'x' }],
    ['{}', {}],
    ['[]', []],
    ['42', 42],
    ['null', null],
    ['""', ''],
  ])('parseIncidentsList(%s) -> invalid, never throws', (_label, value) => {
    expect(() => parseIncidentsList(value)).not.toThrow();
    expect(errorKindOf(parseIncidentsList(value))).toBe('invalid');
  });

  it('parseIncidentsList drops a malformed incident and keeps the others', () => {
    const list = okValue(
      parseIncidentsList({ incidents: [{ id: 'a1', name: 'One' }, 42, { name: 'no id' }, null, { id: 'b2' }] }),
    );
    expect(list.incidents.map((i) => i.id)).toEqual(['a1', 'b2']);
    expect(list.incidents[1]).toMatchObject({ name: '', status: 'unknown', impact: 'unknown', incident_updates: [] });
  });
});

describe('parseSummary: tolerance', () => {
  it('values outside the documented enums become unknown (unknown-enums)', () => {
    const summary = okValue(parseSummary(fixtureJson('unknown-enums')));
    expect(summary.status.indicator).toBe('unknown');
    expect(summary.status.description).toBe('Partial System Outage');
    const code = summary.components.find((c) => c.id === 'yyzkbfz2thpt');
    expect(code?.status).toBe('unknown');
    expect(summary.components.find((c) => c.id === 'rwppv331jlwc')?.status).toBe('partial_outage');
    const incident = summary.incidents[0];
    expect(incident?.status).toBe('unknown');
    expect(incident?.impact).toBe('unknown');
    expect(incident?.incident_updates.map((u) => u.status)).toEqual(['unknown', 'investigating']);
    expect(incident?.incident_updates[0]?.affected_components?.[0]).toMatchObject({
      code: 'yyzkbfz2thpt',
      old_status: 'operational',
      new_status: 'unknown',
    });
    expect(incident?.components.find((c) => c.id === 'yyzkbfz2thpt')?.status).toBe('unknown');
  });

  it.each<[string, unknown]>([
    ['a number', 42],
    ['null', null],
    ['a row without id', { name: 'Ghost', status: 'major_outage' }],
    ['a numeric id', { id: 7, name: 'Seven', status: 'operational' }],
    ['an array', ['k8w3r06qmzrp']],
  ])('a malformed component row (%s) is dropped, the others kept', (_label, row) => {
    const json = editable('healthy');
    json.components.splice(2, 0, row as Record<string, unknown>);
    const summary = okValue(parseSummary(json));
    expect(summary.components.map((c) => c.id)).toEqual([
      'rwppv331jlwc',
      '0qbwn08sd68x',
      'k8w3r06qmzrp',
      'yyzkbfz2thpt',
      'bpp5gb3hpjcl',
      '0scnb50nvy53',
    ]);
  });

  it('a component row with wrong-typed fields is kept with those fields defaulted', () => {
    const json = editable('healthy');
    json.components[3] = { id: 'yyzkbfz2thpt', name: 12, status: ['down'], position: 'four', group_id: 5 };
    const summary = okValue(parseSummary(json));
    expect(summary.components[3]).toMatchObject({ id: 'yyzkbfz2thpt', name: '', status: 'unknown' });
    expect(summary.components[3]?.position).toBeUndefined();
    expect(summary.components[3]?.group_id).toBeUndefined();
  });

  it('a malformed incident, update or affected component is dropped, not the summary', () => {
    const json = editable('major-outage') as Record<string, unknown>;
    const incidents = json.incidents as unknown[];
    const first = incidents[0] as Record<string, unknown>;
    const updates = first.incident_updates as Record<string, unknown>[];
    ((updates[2] as Record<string, unknown>).affected_components as unknown[]).splice(1, 0, null, 42, 'claude.ai');
    (updates as unknown[]).push('not an update');
    (first.components as unknown[]).push({ name: 'no id' });
    incidents.push({ name: 'no id either' }, 'text');
    const summary = okValue(parseSummary(json));
    expect(summary.incidents.map((i) => i.id)).toEqual(['8dkw448dcmil']);
    // A string is not an object: dropped. The three recorded updates stay.
    expect(summary.incidents[0]?.incident_updates).toHaveLength(3);
    expect(summary.incidents[0]?.incident_updates[2]?.affected_components?.map((a) => a.code)).toEqual([
      'rwppv331jlwc',
      'k8w3r06qmzrp',
      'yyzkbfz2thpt',
      'bpp5gb3hpjcl',
    ]);
    expect(summary.incidents[0]?.components.map((c) => c.id)).toEqual([
      'rwppv331jlwc',
      'k8w3r06qmzrp',
      'yyzkbfz2thpt',
      'bpp5gb3hpjcl',
    ]);
  });

  it('extra unknown fields are tolerated and not carried along', () => {
    const json = editable('claude-ai-partial');
    json.brand_new_field = { nested: [1, 2, 3] };
    (json.page as Record<string, unknown>).theme = 'dark';
    (json.status as Record<string, unknown>).score = 7;
    for (const c of json.components) c.sla = '99.9';
    const incident = (json.incidents as Record<string, unknown>[])[0] as Record<string, unknown>;
    incident.severity_v3 = 'high';
    for (const u of incident.incident_updates as Record<string, unknown>[]) u.reactions = ['+1'];
    const summary = okValue(parseSummary(json));
    expect(summary.components).toHaveLength(6);
    expect(summary.incidents[0]?.incident_updates).toHaveLength(2);
    expect(summary).not.toHaveProperty('brand_new_field');
    expect(summary.page).not.toHaveProperty('theme');
    expect(summary.components[0]).not.toHaveProperty('sla');
    expect(summary.incidents[0]).not.toHaveProperty('severity_v3');
    expect(summary.incidents[0]?.incident_updates[0]).not.toHaveProperty('reactions');
  });

  it('missing optional fields are tolerated: a bare page with id-only components', () => {
    const summary: Summary = okValue(parseSummary({ page: {}, components: [{ id: 'a' }, { id: 'b', name: 'B' }] }));
    expect(summary.page).toEqual({ id: '', name: '' });
    expect(summary.status).toEqual({ indicator: 'unknown', description: '' });
    expect(summary.components).toEqual([
      { id: 'a', name: '', status: 'unknown' },
      { id: 'b', name: 'B', status: 'unknown' },
    ]);
    expect(summary.incidents).toEqual([]);
    expect(summary.scheduled_maintenances).toEqual([]);
  });

  it('missing optional fields are tolerated: an incident with only an id and a bare update', () => {
    const summary = okValue(
      parseSummary({
        page: { id: 'p' },
        status: { indicator: 'minor' },
        components: [],
        incidents: [{ id: 'i1', incident_updates: [{}], components: [] }],
      }),
    );
    expect(summary.status).toEqual({ indicator: 'minor', description: '' });
    expect(summary.incidents[0]).toMatchObject({ id: 'i1', name: '', status: 'unknown', impact: 'unknown' });
    expect(summary.incidents[0]?.incident_updates).toEqual([{ id: '', status: 'unknown', body: '' }]);
  });

  it('null where a string is optional is kept as null, not an error', () => {
    const json = editable('healthy');
    json.components[0] = { ...json.components[0], description: null, group_id: null, updated_at: null };
    const summary = okValue(parseSummary(json));
    expect(summary.components[0]).toMatchObject({ id: 'rwppv331jlwc', description: null, group_id: null });
  });
});
