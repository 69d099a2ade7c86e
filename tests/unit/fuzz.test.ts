// @vitest-environment node
/**
 * Property-based tests (fast-check, issue #7): arbitrary JSON, arbitrary text and mutations of the
 * recorded fixtures go through the parser, the status model, the banner decision and the
 * alternatives. Nothing may throw past the boundary, every result is a valid model or a typed
 * error, and the invariants every surface relies on hold.
 *
 * Reproduce a failure with the seed and path fast-check prints (`{ seed: N, path: "P" }`):
 *   FC_SEED=N FC_PATH=P npx vitest run --project unit tests/unit/fuzz.test.ts -t 'name of the test'
 * More runs: FC_RUNS_SCALE=10 (the default keeps the file around a second or two).
 */

import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { ALTERNATIVES, type Alternative, chooseAlternatives, failingServiceIds } from '../../core/advice/alternatives';
import { type Dismissals, EMPTY_DISMISSALS, withDismissedIncidents } from '../../core/banner/dismissals';
import type { FaultVerdict } from '../../core/claude-page/fault';
import {
  applyOutcome,
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  backoffDelayMs,
  type FetchOutcome,
  inBackoff,
} from '../../core/polling/health';
import { incidentReach } from '../../core/status-page/incident-scope';
import { PLATFORM_IDS } from '../../core/status-page/services';
import { parseRetryAfter } from '../../entrypoints/background/polling/fetch-summary';

const MAX_RETRY_WAIT_MS = 60 * 60_000;

import { SHOWN_ALTERNATIVES } from '../../core/advice/alternatives';
import { assess } from '../../core/banner/banner-decision';
import { SITES } from '../../core/sites/sites';
import { SERVICE_IDS } from '../../core/status-page/services';
import { SEVERITIES, type Severity, severityRank } from '../../core/status-page/severity';
import { buildSnapshot, MAX_UPDATES } from '../../core/status-page/snapshot';
import { STATUS_ORIGINS, safeStatusLink } from '../../core/status-page/sources';
import {
  EMPTY_STATUS,
  FETCH_ERROR_KINDS,
  type Incident,
  type Maintenance,
  type Service,
  type Snapshot,
  type StatusState,
  snapshotSchema,
  statusStateSchema,
} from '../../core/status-page/status-model';
import {
  COMPONENT_STATUSES,
  IMPACTS,
  INCIDENT_STATUSES,
  INDICATORS,
  type ParseResult,
  parseSummary,
  parseSummaryText,
  type Summary,
} from '../../core/status-page/statuspage';
import { cleanText, MAX_BODY, MAX_NAME, plainBody } from '../../core/status-page/text';
import { fixtureJson, fixtureText, SUMMARY_FIXTURES } from './fixtures';

// ---------------------------------------------------------------------------------------------
// Running properties: one place for the run counts, the seed and the total.

const SCALE = Number(process.env.FC_RUNS_SCALE ?? 1) || 1;
const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const PATH = process.env.FC_PATH;
let totalRuns = 0;
// More runs take longer: the default 5 s per test only fits the default counts.
vi.setConfig({ testTimeout: 5_000 * Math.max(1, SCALE) });

/**
 * fc.assert with the run count scaled and the seed (and path) from FC_SEED (FC_PATH) when given.
 * A failure throws with `{ seed, path }` and the shrunk counterexample in its message, which vitest
 * prints. (`verbose` would add every failing value met while shrinking: pages of 10,000-character
 * strings here, so it is left off.)
 */
function check<Ts extends [unknown, ...unknown[]]>(property: fc.IPropertyWithHooks<Ts>, numRuns: number): void {
  const runs = Math.max(1, Math.round(numRuns * SCALE));
  totalRuns += runs;
  fc.assert(property, {
    numRuns: runs,
    ...(SEED === undefined ? {} : { seed: SEED }),
    ...(SEED !== undefined && PATH ? { path: PATH } : {}),
  });
}

afterAll(() => {
  console.info(`[fuzz] ${totalRuns} generated cases in total${SEED === undefined ? '' : ` (seed ${SEED})`}`);
});

// ---------------------------------------------------------------------------------------------
// Arbitraries.

const KNOWN_IDS = Object.values(SERVICE_IDS);
const SERVICE_POOL = [...KNOWN_IDS, 'extra00001', 'extra00002'];

/** Text a hostile or broken status page might send, next to plain arbitrary text. */
const HOSTILE_TEXTS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '\u202eia.edualc',
  '\u2066isolate\u2069',
  // Invisible characters a page may use to hide or join words (issue #28).
  'zero\u200bwidth\u200cnon\u200djoiner\u2060word\ufeffbom',
  'arabic\u061cmark\u00adsoft\u180evowel\u3164filler',
  'tag\u{e0041}\u{e007f}chars\u2028line\u2029para',
  'a\u0000b\u0007c\u009fd',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#x202e;&#0;&#xd800;&#1114112;',
  '<p>line</p><br/>next',
  '💥'.repeat(400),
  'x'.repeat(10_000),
  '__proto__',
  'constructor',
  'claude.ai',
  'Claude API',
  'Claude Console (platform.claude.com)',
  '(((((((((((((((((((((((((((((((',
  '.*+?^$\\{}()|[]\\',
];
const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) },
);

/** Dates as Statuspage sends them, and as it should not. */
const isoLike = fc.oneof(
  fc
    .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom('not-a-date', '2099-12-31T23:59:59.000Z', '', '0', '+275760-09-13T00:00:00.000Z', '2026-13-45'),
  fc.constant(null),
  fc.integer(),
);

/** Any JSON value, small. */
const anyJson = fc.jsonValue({ maxDepth: 3 });

/** A value that is usually of the documented kind and sometimes anything at all. */
const sometimes = <T>(usual: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: usual }, { weight: 1, arbitrary: anyJson as fc.Arbitrary<unknown> });

const enumLike = (values: readonly string[]) =>
  sometimes(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.string() }));

const idLike = sometimes(
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SERVICE_POOL) }, { weight: 1, arbitrary: fc.string() }),
);

const linkLike = fc.oneof(
  fc.constantFrom(
    'https://stspg.io/abc123',
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'http://stspg.io/abc',
    'https://user:pw@stspg.io/x',
    'https://stspg.io.evil.example/x',
    '//stspg.io/x',
  ),
  fc.webUrl(),
  fc.string(),
);

const componentLike = fc.record(
  {
    id: idLike,
    name: sometimes(hostileText),
    status: enumLike(COMPONENT_STATUSES),
    position: sometimes(fc.oneof(fc.integer(), fc.constant(1e308), fc.constant(-0))),
    description: sometimes(fc.option(hostileText)),
    group_id: sometimes(fc.option(idLike)),
    group: sometimes(fc.boolean()),
    components: sometimes(fc.array(idLike, { maxLength: 4 })),
  },
  { requiredKeys: [] },
);

const updateLike = fc.record(
  {
    id: sometimes(fc.constantFrom('u1', 'u2', 'u3')),
    status: enumLike(INCIDENT_STATUSES),
    body: sometimes(hostileText),
    created_at: isoLike,
    display_at: isoLike,
    affected_components: sometimes(
      fc.option(
        fc.array(fc.record({ code: idLike, name: sometimes(hostileText), new_status: enumLike(COMPONENT_STATUSES) }), {
          maxLength: 3,
        }),
      ),
    ),
  },
  { requiredKeys: [] },
);

const incidentLike = fc.record(
  {
    id: sometimes(fc.constantFrom('i1', 'i2', 'i3', 'i4')),
    name: sometimes(hostileText),
    status: enumLike(INCIDENT_STATUSES),
    impact: enumLike(IMPACTS),
    created_at: isoLike,
    updated_at: isoLike,
    started_at: isoLike,
    scheduled_for: isoLike,
    scheduled_until: isoLike,
    shortlink: sometimes(linkLike),
    incident_updates: sometimes(fc.array(updateLike, { maxLength: 4 })),
    components: sometimes(fc.array(componentLike, { maxLength: 3 })),
  },
  { requiredKeys: [] },
);

/** summary.json-shaped values, every field possibly missing, of another type, or hostile. */
const summaryLike = fc.record(
  {
    page: sometimes(fc.record({ id: fc.string(), name: hostileText, updated_at: isoLike }, { requiredKeys: [] })),
    status: sometimes(fc.record({ indicator: enumLike(INDICATORS), description: hostileText }, { requiredKeys: [] })),
    components: sometimes(fc.array(componentLike, { maxLength: 8 })),
    incidents: sometimes(fc.array(incidentLike, { maxLength: 4 })),
    scheduled_maintenances: sometimes(fc.array(incidentLike, { maxLength: 3 })),
  },
  { requiredKeys: [] },
);

// Fixture mutations: pick a node of a recorded fixture and break it.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) pathsOf(v, [...prefix, i], out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  }
  return out;
}

function nodeAt(root: Json, path: Path): Json {
  let node: Json = root;
  for (const key of path) node = (node as Record<string | number, Json>)[key] as Json;
  return node;
}

type Mutation = { at: number; op: 'replace' | 'delete' | 'duplicate' | 'stringify' | 'wrap'; value: Json };

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('replace', 'delete', 'duplicate', 'stringify', 'wrap'),
  value: fc.oneof(
    anyJson as fc.Arbitrary<Json>,
    fc.constantFrom<Json>(...HOSTILE_TEXTS, 'major_outage', 'critical', 'in_progress', 'resolved', null, [], {}),
  ),
});

/** The fixture with the mutations applied in order (the root is never replaced). */
function mutate(fixture: Json, mutations: Mutation[]): Json {
  const root = structuredClone(fixture);
  for (const m of mutations) {
    const paths = pathsOf(root).filter((p) => p.length > 0);
    const path = paths[m.at % paths.length];
    if (!path) break;
    const parent = nodeAt(root, path.slice(0, -1)) as Record<string | number, Json> | Json[];
    const key = path[path.length - 1] as string | number;
    const node = nodeAt(root, path);
    switch (m.op) {
      case 'replace':
        (parent as Record<string | number, Json>)[key] = structuredClone(m.value);
        break;
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
        break;
      case 'duplicate':
        // Duplicate ids: the same component, incident or update twice.
        if (Array.isArray(parent)) parent.push(structuredClone(node));
        else if (Array.isArray(node)) node.push(...structuredClone(node));
        break;
      case 'stringify':
        (parent as Record<string | number, Json>)[key] = JSON.stringify(node);
        break;
      case 'wrap':
        (parent as Record<string | number, Json>)[key] = [node];
        break;
    }
  }
  return root;
}

const FIXTURES = SUMMARY_FIXTURES.map((name) => ({
  name,
  json: fixtureJson(name) as Json,
  text: fixtureText(`${name}.json`),
}));
const fixtureArb = fc.constantFrom(...FIXTURES);
const mutatedFixture = fc
  .tuple(fixtureArb, fc.array(mutationArb, { minLength: 1, maxLength: 6 }))
  .map(([fixture, mutations]) => mutate(fixture.json, mutations));

// Snapshots built directly (valid by the stored schema) for the decisions downstream of the parser.

const severityArb = fc.constantFrom(...SEVERITIES);
const isoArb = fc.option(
  fc
    .date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  { nil: null },
);

const servicesArb: fc.Arbitrary<Service[]> = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom(...SERVICE_POOL),
    name: fc.string({ maxLength: 20 }),
    state: fc.oneof(
      { weight: 3, arbitrary: fc.constant<Severity>('operational') },
      { weight: 2, arbitrary: severityArb },
    ),
    position: fc.integer({ min: 0, max: 20 }),
    groupId: fc.constant(null),
  }),
  { selector: (s) => s.id, maxLength: SERVICE_POOL.length },
);

const incidentArb: fc.Arbitrary<Incident> = fc.record({
  id: fc.constantFrom('i1', 'i2', 'i3', 'i4'),
  name: fc.string({ maxLength: 20 }),
  status: fc.constantFrom(...INCIDENT_STATUSES, 'unknown'),
  severity: severityArb,
  impact: fc.constantFrom(...IMPACTS, 'unknown'),
  startedAt: isoArb,
  updatedAt: isoArb,
  url: fc.option(fc.constant('https://stspg.io/abc'), { nil: null }),
  serviceIds: fc.subarray(SERVICE_POOL),
  updates: fc.constant([]),
});

const maintenanceArb: fc.Arbitrary<Maintenance> = fc.record({
  id: fc.constantFrom('m1', 'm2'),
  name: fc.string({ maxLength: 20 }),
  status: fc.constantFrom('scheduled', 'in_progress', 'verifying', 'unknown'),
  scheduledFor: isoArb,
  scheduledUntil: isoArb,
  serviceIds: fc.subarray(SERVICE_POOL),
  url: fc.constant(null),
  inProgress: fc.boolean(),
});

const syntheticSnapshot: fc.Arbitrary<Snapshot> = fc.record({
  pageName: fc.constant('Claude'),
  pageUpdatedAt: isoArb,
  indicator: fc.constantFrom(...INDICATORS, 'unknown'),
  description: fc.string({ maxLength: 10 }),
  severity: severityArb,
  services: servicesArb,
  groups: fc.constant([]),
  incidents: fc.uniqueArray(incidentArb, { selector: (i) => i.id, maxLength: 3 }),
  maintenances: fc.uniqueArray(maintenanceArb, { selector: (m) => m.id, maxLength: 2 }),
});

/** Snapshots as the parser makes them from broken fixtures, and made up ones. */
const snapshotArb: fc.Arbitrary<Snapshot> = fc.oneof(
  syntheticSnapshot,
  mutatedFixture.map((json) => {
    const parsed = parseSummary(json);
    return parsed.ok ? buildSnapshot(parsed.value) : buildSnapshot(mustParse(FIXTURES[0]?.json));
  }),
);

function mustParse(json: unknown): Summary {
  const parsed = parseSummary(json);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

// ---------------------------------------------------------------------------------------------
// Invariants.

const ERROR_KINDS = ['not-json', 'invalid', 'too-large'];
/** What SECURITY.md says shown text never holds: controls, format characters (bidi, zero width, tags), blank fillers, U+2028/9. */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: what cleanText removes must never reach a surface.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\p{Cf}\u115f\u1160\u17b4\u17b5\u3164\uffa0\u2028\u2029]|\u034f/u;

function expectTypedError(result: ParseResult<unknown>): void {
  if (!result.ok) {
    expect(ERROR_KINDS).toContain(result.kind);
    expect(typeof result.message).toBe('string');
    expect(result.message.length).toBeGreaterThan(0);
  }
}

function expectPlainData(value: unknown): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    expect(Number.isFinite(value)).toBe(true);
    return;
  }
  expect(typeof value).toBe('object');
  expect([Object.prototype, Array.prototype]).toContain(Object.getPrototypeOf(value));
  for (const inner of Object.values(value as object)) expectPlainData(inner);
}

function expectVisibleText(text: string, max: number): void {
  expect(text.length).toBeLessThanOrEqual(max);
  expect(text).not.toMatch(INVISIBLE);
  expect(text.isWellFormed()).toBe(true);
}

/** Everything a surface relies on in a snapshot the parser built. */
function expectValidSnapshot(snapshot: Snapshot): void {
  const checked = z.safeParse(snapshotSchema, snapshot);
  if (!checked.success) throw new Error(`invalid snapshot: ${JSON.stringify(checked.error.issues[0])}`);
  // Stored as JSON: plain data only, nothing JSON would drop or change (undefined, NaN, Infinity).
  expectPlainData(snapshot);

  const rank = severityRank(snapshot.severity);
  for (const s of snapshot.services) expect(rank).toBeGreaterThanOrEqual(severityRank(s.state));
  for (const i of snapshot.incidents) expect(rank).toBeGreaterThanOrEqual(severityRank(i.severity));
  if (snapshot.maintenances.some((m) => m.inProgress)) {
    expect(rank).toBeGreaterThanOrEqual(severityRank('maintenance'));
  }

  const serviceIds = snapshot.services.map((s) => s.id);
  const groupIds = snapshot.groups.map((g) => g.id);
  expect(new Set(serviceIds).size).toBe(serviceIds.length);
  expect(new Set(groupIds).size).toBe(groupIds.length);
  for (const id of groupIds) expect(serviceIds).not.toContain(id);
  for (const s of snapshot.services) if (s.groupId !== null) expect(groupIds).toContain(s.groupId);
  const positions = snapshot.services.map((s) => s.position);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));

  const incidentIds = snapshot.incidents.map((i) => i.id);
  expect(new Set(incidentIds).size).toBe(incidentIds.length);
  for (const incident of [...snapshot.incidents, ...snapshot.maintenances]) {
    for (const id of incident.serviceIds) expect(serviceIds).toContain(id);
    expect(['resolved', 'postmortem', 'completed']).not.toContain(incident.status);
    if (incident.url !== null) {
      expect(incident.url.startsWith('https://')).toBe(true);
      expect(safeStatusLink(incident.url)).toBe(incident.url);
    }
    expectVisibleText(incident.name, MAX_NAME);
  }
  for (const incident of snapshot.incidents) {
    expect(incident.updates.length).toBeLessThanOrEqual(MAX_UPDATES);
    for (const update of incident.updates) expectVisibleText(update.body, MAX_BODY);
    // Newest first; undated updates after the dated ones.
    const times = incident.updates.map((u) => (u.at === null ? Number.NEGATIVE_INFINITY : Date.parse(u.at)));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  }
  for (const s of snapshot.services) expectVisibleText(s.name, MAX_NAME);
  for (const g of snapshot.groups) expectVisibleText(g.name, MAX_NAME);
  expectVisibleText(snapshot.pageName, MAX_NAME);
  expectVisibleText(snapshot.description, MAX_NAME);
  const dates = [
    snapshot.pageUpdatedAt,
    ...snapshot.incidents.flatMap((i) => [i.startedAt, i.updatedAt, ...i.updates.map((u) => u.at)]),
    ...snapshot.maintenances.flatMap((m) => [m.scheduledFor, m.scheduledUntil]),
  ];
  for (const date of dates) if (date !== null) expect(Number.isNaN(Date.parse(date))).toBe(false);
}

/** parse -> build must end in a valid snapshot or a typed error, never a throw. */
function throughPipeline(result: ParseResult<Summary>): void {
  expectTypedError(result);
  if (result.ok) expectValidSnapshot(buildSnapshot(result.value));
}

// ---------------------------------------------------------------------------------------------

describe('fuzz: parser and status model', () => {
  it('any JSON value: parseSummary gives a typed error or a summary that builds a valid snapshot', () => {
    check(
      fc.property(fc.jsonValue(), (json) => throughPipeline(parseSummary(json))),
      300,
    );
  });

  it('summary-shaped values with every field missing, mistyped or hostile', () => {
    check(
      fc.property(summaryLike, (json) => {
        throughPipeline(parseSummary(json));
        // The same value through the text path, as the background gets it.
        throughPipeline(parseSummaryText(JSON.stringify(json)));
      }),
      400,
    );
  });

  it('mutations of the recorded fixtures (replaced, deleted, duplicated, retyped nodes)', () => {
    check(
      fc.property(mutatedFixture, (json) => throughPipeline(parseSummary(json))),
      400,
    );
  });

  it('any text: parseSummaryText never throws', () => {
    check(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json()), (text) =>
        throughPipeline(parseSummaryText(text)),
      ),
      300,
    );
  });

  it('fixture text cut, spliced or bit-flipped: a typed error or a valid snapshot', () => {
    const edit = fc.record({
      start: fc.nat(),
      length: fc.nat({ max: 40 }),
      insert: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('{', '[', ']', '}', '"', '\\', ',', '[[[[[[', '')),
      cut: fc.boolean(),
    });
    check(
      fc.property(fixtureArb, fc.array(edit, { minLength: 1, maxLength: 4 }), (fixture, edits) => {
        let text = fixture.text;
        for (const e of edits) {
          const at = e.start % (text.length + 1);
          text = e.cut ? text.slice(0, at) : text.slice(0, at) + e.insert + text.slice(at + e.length);
        }
        throughPipeline(parseSummaryText(text));
      }),
      200,
    );
  });

  it('deep nesting anywhere in the text is refused or parsed, never a stack overflow', () => {
    check(
      fc.property(
        fc.integer({ min: 1, max: 5_000 }),
        fc.constantFrom('[', '{"a":'),
        fc.boolean(),
        (depth, open, close) => {
          const closer = open === '[' ? ']' : '}';
          const text = `{"components":[],"page":{},"x":${open.repeat(depth)}1${close ? closer.repeat(depth) : ''}}`;
          throughPipeline(parseSummaryText(text));
        },
      ),
      100,
    );
  });
});

describe('fuzz: visible text and links', () => {
  it('cleanText and plainBody: bounded, no bidi or control characters, well-formed UTF-16', () => {
    check(
      fc.property(
        fc.oneof(hostileText, fc.string({ unit: 'grapheme', maxLength: 600 })),
        fc.integer({ min: 1, max: 400 }),
        (raw, max) => {
          expectVisibleText(cleanText(raw, max), max);
          expectVisibleText(plainBody(raw, max), max);
          // Cleaning is stable: what we show does not change if shown again.
          expect(cleanText(cleanText(raw, max), max)).toBe(cleanText(raw, max));
        },
      ),
      300,
    );
  });

  it('safeStatusLink: only https links to the status origins or stspg.io, and stable', () => {
    const hosts = [...STATUS_ORIGINS.map((o) => new URL(o).host), 'stspg.io'];
    check(
      fc.property(
        fc.oneof(linkLike, fc.webUrl({ validSchemes: ['https', 'http', 'javascript', 'data', 'file'] })),
        (raw) => {
          const link = safeStatusLink(raw);
          if (link === null) return;
          const url = new URL(link);
          expect(url.protocol).toBe('https:');
          expect(hosts).toContain(url.host);
          expect(url.username + url.password).toBe('');
          expect(safeStatusLink(link)).toBe(link);
        },
      ),
      300,
    );
  });
});

describe('fuzz: the banner decision and the alternatives', () => {
  const NOW = Date.UTC(2026, 10, 20, 14, 0, 0);
  /** What claude.ai's own request outcomes may say: nothing, Claude failing, the connection failing. */
  const since = fc.integer({ min: -30 * 60_000, max: 0 }).map((offset) => NOW + offset);
  const faultArb: fc.Arbitrary<FaultVerdict> = fc.oneof(
    fc.constant<FaultVerdict>({ kind: 'none' }),
    fc.record({
      kind: fc.constant('claude' as const),
      since,
      confidence: fc.constantFrom('likely' as const, 'confirmed' as const),
      failures: fc.nat({ max: 5 }),
    }),
    fc.record({ kind: fc.constant('connection' as const), since }),
    fc.record({ kind: fc.constant('unknown' as const), failures: fc.nat({ max: 5 }) }),
  );
  /** No local signal: no capacity error seen, and claude.ai's requests not failing. */
  const noDetection = (input: { capacitySeenAt: number | null; fault?: FaultVerdict }) =>
    input.capacitySeenAt === null &&
    (input.fault === undefined ||
      input.fault.kind === 'none' ||
      input.fault.kind === 'unknown' ||
      (input.fault.kind === 'claude' && input.fault.failures === 0));

  const dismissalsArb: fc.Arbitrary<Dismissals> = fc.record({
    incidents: fc.dictionary(
      fc.constantFrom('i1', 'i2', 'i3', ...SERVICE_POOL.map((id) => `component:${id}`), 'm1'),
      severityArb,
      { maxKeys: 4 },
    ),
    capacityDismissedAt: fc.option(
      fc.integer({ min: -3_600_000, max: 0 }).map((offset) => new Date(NOW + offset).toISOString()),
      { nil: null },
    ),
  });
  const inputArb = fc.record({
    site: fc.constantFrom(...SITES),
    snapshot: fc.option(snapshotArb, { nil: null }),
    stale: fc.boolean(),
    capacitySeenAt: fc.option(
      fc.integer({ min: -40 * 60_000, max: 0 }).map((offset) => NOW + offset),
      { nil: null },
    ),
    dismissals: fc.oneof(fc.constant(EMPTY_DISMISSALS), dismissalsArb),
    now: fc.constant(NOW),
    currentModel: fc.option(
      fc
        .constantFrom('Opus', 'Sonnet', 'Haiku')
        .chain((family) =>
          fc.constantFrom('4', '4.5', '4.6').map((version) => ({ family, version, label: `${family} ${version}` })),
        ),
      { nil: null },
    ),
    fault: fc.option(faultArb, { nil: undefined }),
  });

  const healthy = (snapshot: Snapshot | null) =>
    snapshot === null ||
    (snapshot.incidents.length === 0 &&
      snapshot.services.every((s) => s.state === 'operational') &&
      snapshot.maintenances.every((m) => !m.inProgress));

  it('assess: never throws; no banner on a healthy snapshot without a detection', () => {
    check(
      fc.property(inputArb, (input) => {
        const banner = assess(input);
        if (healthy(input.snapshot) && noDetection(input)) expect(banner).toBeNull();
        if (banner?.kind === 'capacity') {
          expect(input.site.detectsCapacity).toBe(true);
          expect(input.capacitySeenAt).not.toBeNull();
        }
        if (banner?.incident) expect(input.snapshot?.incidents.map((i) => i.id)).toContain(banner.incident.id);
      }),
      600,
    );
  });

  it('assess: a banner never recommends an alternative that depends on a failing service', () => {
    const byId = new Map(ALTERNATIVES.map((a) => [a.id, a]));
    check(
      fc.property(inputArb, (input) => {
        const banner = assess(input);
        if (!banner) return;
        const failing = failingServiceIds(input.snapshot);
        expect(banner.alternatives.length).toBeLessThanOrEqual(SHOWN_ALTERNATIVES);
        for (const alternative of banner.alternatives) {
          // Only catalogue entries, unchanged, and only https.
          expect(byId.get(alternative.id)).toEqual(alternative);
          expect(alternative.url.startsWith('https://')).toBe(true);
          for (const id of alternative.dependsOn) expect(failing.has(id)).toBe(false);
        }
      }),
      600,
    );
  });

  it('assess: once dismissed, the same banner does not come back on the same data', () => {
    check(
      fc.property(inputArb, (input) => {
        const banner = assess(input);
        if (!banner) return;
        const dismissals =
          banner.dismiss.kind === 'capacity'
            ? { ...input.dismissals, capacityDismissedAt: new Date(input.now).toISOString() }
            : withDismissedIncidents(input.dismissals, banner.dismiss.entries, input.now);
        const again = assess({ ...input, dismissals });
        expect(again?.dismiss).not.toEqual(banner.dismiss);
      }),
      400,
    );
  });

  const catalogueArb: fc.Arbitrary<Alternative[]> = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 6 }),
      name: fc.string({ maxLength: 10 }),
      url: fc.oneof(
        fc.webUrl({ validSchemes: ['https'] }),
        fc.constantFrom('http://example.com', 'javascript:alert(1)', 'data:text/html,x', 'HTTPS://EXAMPLE.COM'),
      ),
      operator: fc.constantFrom('anthropic', 'aws', 'google', 'third-party'),
      needs: fc.constant([]),
      dependsOn: fc.subarray(SERVICE_POOL, { maxLength: 3 }),
      forClaudeCode: fc.boolean(),
    }),
    { selector: (a) => a.id, maxLength: 8 },
  );

  it('chooseAlternatives: recommended never depends on a failing service, and the split is a partition', () => {
    check(
      fc.property(
        fc.option(snapshotArb, { nil: null }),
        fc.oneof(fc.constant([...ALTERNATIVES]), catalogueArb),
        fc.subarray(ALTERNATIVES.map((a) => a.id)),
        (snapshot, catalogue, exclude) => {
          const failing = failingServiceIds(snapshot);
          const { recommended, affected } = chooseAlternatives(catalogue, failing, { exclude });
          for (const a of recommended) {
            expect(a.url.startsWith('https://')).toBe(true);
            for (const id of a.dependsOn) expect(failing.has(id)).toBe(false);
          }
          for (const a of affected) expect(a.dependsOn.some((id) => failing.has(id))).toBe(true);
          // Together, each in catalogue order: every https entry that is not excluded, once.
          const kept = catalogue.filter((a) => !exclude.includes(a.id) && a.url.startsWith('https://'));
          expect(recommended).toEqual(kept.filter((a) => recommended.includes(a)));
          expect(affected).toEqual(kept.filter((a) => affected.includes(a)));
          expect(recommended.length + affected.length).toBe(kept.length);
        },
      ),
      400,
    );
  });

  it('failingServiceIds: every service not operational, every service an incident reaches (all when it names none), and its platforms', () => {
    check(
      fc.property(snapshotArb, (snapshot) => {
        const failing = failingServiceIds(snapshot);
        for (const s of snapshot.services) if (s.state !== 'operational') expect(failing.has(s.id)).toBe(true);
        for (const incident of snapshot.incidents) {
          const reach = incidentReach(incident);
          const all = snapshot.services.map((s) => s.id);
          const named = reach.surfaces === 'named' ? incident.serviceIds : reach.surfaces === 'all' ? all : [];
          for (const id of named) expect(failing.has(id)).toBe(true);
          for (const platform of reach.platforms) expect(failing.has(PLATFORM_IDS[platform])).toBe(true);
        }
      }),
      300,
    );
  });
});

describe('fuzz: fetch health', () => {
  const outcomeArb: fc.Arbitrary<FetchOutcome> = fc.oneof(
    fc.record({
      kind: fc.constant('success' as const),
      source: fc.constantFrom('primary' as const, 'fallback' as const),
      snapshot: fc.option(syntheticSnapshot, { nil: null }),
      validators: fc.constant(null),
    }),
    fc.record({
      kind: fc.constant('failure' as const),
      errorKind: fc.constantFrom(...FETCH_ERROR_KINDS),
      message: fc.string({ maxLength: 400 }),
      retryAfterMs: fc.option(fc.oneof(fc.nat(), fc.constant(1e20)), { nil: null }),
    }),
  );

  it('applyOutcome over any sequence: valid state, the last good snapshot kept, retry bounded', () => {
    check(
      fc.property(
        fc.array(
          fc.tuple(outcomeArb, fc.integer({ min: 0, max: 20 * 60_000 }), fc.double({ min: 0, max: 1, noNaN: true })),
          {
            maxLength: 12,
          },
        ),
        (steps) => {
          let state: StatusState = EMPTY_STATUS;
          let now = Date.UTC(2026, 10, 20, 12, 0, 0);
          let failures = 0;
          for (const [outcome, gap, random] of steps) {
            now += gap;
            const before = state;
            state = applyOutcome(state, outcome, now, random);
            expect(z.safeParse(statusStateSchema, state).success).toBe(true);
            if (outcome.kind === 'failure') {
              failures++;
              expect(state.snapshot).toBe(before.snapshot);
              const retryAt = Date.parse(state.health.retryAt ?? '');
              expect(retryAt).toBeGreaterThan(now);
              expect(retryAt - now).toBeLessThanOrEqual(MAX_RETRY_WAIT_MS);
              expect(inBackoff(state, now)).toBe(true);
              expect(state.health.failingSince).not.toBeNull();
            } else {
              failures = 0;
              expect(state.snapshot).toBe(outcome.snapshot ?? before.snapshot);
              expect(state.health.retryAt).toBeNull();
              expect(state.health.failingSince).toBeNull();
            }
            expect(state.health.consecutiveFailures).toBe(failures);
            // A snapshot once held is never dropped.
            if (before.snapshot) expect(state.snapshot).not.toBeNull();
          }
        },
      ),
      300,
    );
  });

  it('inBackoff: whatever retryAt storage holds (clock moved back, manual edit), polls resume within the longest wait', () => {
    check(
      fc.property(
        fc.oneof(
          fc.integer({ min: -8.64e15, max: 8.64e15 }).map((ms) => new Date(ms).toISOString()),
          fc.string(),
        ),
        fc.integer({ min: 0, max: 2 ** 42 }),
        (retryAt, now) => {
          const state: StatusState = { ...EMPTY_STATUS, health: { ...EMPTY_STATUS.health, retryAt } };
          if (inBackoff(state, now)) expect(Date.parse(retryAt) - now).toBeLessThanOrEqual(MAX_RETRY_WAIT_MS);
        },
      ),
      300,
    );
  });

  it('backoffDelayMs: within [base/2, cap] and growing with failures', () => {
    check(
      fc.property(
        fc.integer({ min: -5, max: 1_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (failures, random) => {
          const delay = backoffDelayMs(failures, random);
          expect(delay).toBeGreaterThanOrEqual(BACKOFF_BASE_MS / 2);
          expect(delay).toBeLessThanOrEqual(BACKOFF_CAP_MS);
          expect(backoffDelayMs(failures + 1, 1)).toBeGreaterThanOrEqual(backoffDelayMs(failures, 1));
        },
      ),
      300,
    );
  });

  it('parseRetryAfter: null or a non-negative wait (never NaN) for any header value', () => {
    check(
      fc.property(
        fc.option(
          fc.oneof(
            fc.string(),
            fc.nat().map(String),
            fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
            fc.constantFrom('1e3', '-5', ' 120 ', '9'.repeat(400), 'Infinity', 'NaN', 'Fri, 31 Dec 9999 23:59:59 GMT'),
          ),
          { nil: null },
        ),
        (value) => {
          const ms = parseRetryAfter(value, Date.UTC(2026, 10, 20));
          // A huge value may be Infinity: applyOutcome caps every wait (MAX_RETRY_WAIT_MS).
          if (ms !== null) expect(ms).toBeGreaterThanOrEqual(0);
        },
      ),
      300,
    );
  });
});
