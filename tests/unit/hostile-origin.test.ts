// @vitest-environment node
/**
 * A hostile or compromised status origin (issue #28): the summaries of tests/replay/hostile-origin.ts
 * (a 1.9 MB body of `<`, 2,000 components with 800-character ids named in 100 titles, 50
 * incidents, 1.9 MB of updates, texts of invisible characters) through the parser and the
 * snapshot, the same heavy answer twice through the fetch, and a hostile incidents.json through
 * the history. What is stored stays under its budget; the figures are printed at the end.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { applyOutcome } from '../../core/polling/health';
import { gate } from '../../core/polling/poll-gate';
import {
  HEAVY_ANSWER_CHARS,
  jsonBytes,
  MAX_HISTORY_BYTES,
  MAX_PAST_DURATIONS_BYTES,
  MAX_SNAPSHOT_BYTES,
  workBudget,
} from '../../core/status-page/budget';
import { historyFromIncidents } from '../../core/status-page/history';
import { buildSnapshotWithin, MAX_SERVICE_NAME } from '../../core/status-page/snapshot';
import {
  EMPTY_HEALTH,
  EMPTY_STATUS,
  type Service,
  type Snapshot,
  snapshotSchema,
} from '../../core/status-page/status-model';
import {
  MAX_ID,
  MAX_ROWS,
  parseIncidentsList,
  parseSummary,
  parseSummaryText,
} from '../../core/status-page/statuspage';
import { MAX_BODY, MAX_NAME } from '../../core/status-page/text';
import { EMPTY_PAST_DURATIONS, pastIncidentsFrom } from '../../core/status-page/typical-duration';
import { type FetchFn, fetchSummary } from '../../entrypoints/background/polling/fetch-summary';
import { HOSTILE_SUMMARIES, type HostileSummaryName, manyComponents } from '../replay/hostile-origin';

const NOW = Date.UTC(2026, 10, 20, 14, 0, 0);
/** The bound on the stored status of any of these pages. */
const STORED_BOUND = 200_000;

const figures: string[] = [];
afterAll(() => console.info(`[hostile-origin] stored status item, bytes:\n${figures.join('\n')}`));

function built(page: unknown): { snapshot: Snapshot; overBudget: boolean; text: string } {
  const text = JSON.stringify(page);
  expect(text.length).toBeLessThanOrEqual(2 * 1024 * 1024);
  const parsed = parseSummaryText(text);
  if (!parsed.ok) throw new Error(`${parsed.kind}: ${parsed.message}`);
  const result = buildSnapshotWithin(
    parsed.value,
    workBudget(() => performance.now()),
  );
  expect(z.safeParse(snapshotSchema, result.snapshot).success).toBe(true);
  return { ...result, text };
}

/** What the status item takes in storage with this snapshot. */
const storedBytes = (snapshot: Snapshot) => jsonBytes({ snapshot, health: EMPTY_HEALTH });

describe('hostile summaries: what is stored stays under 200 KB', () => {
  const names = Object.keys(HOSTILE_SUMMARIES) as HostileSummaryName[];
  it.each(names)('%s', (name) => {
    const { snapshot, text } = built(HOSTILE_SUMMARIES[name](NOW));
    const bytes = storedBytes(snapshot);
    figures.push(
      `  ${name}: ${text.length.toLocaleString('en')} characters sent, ${bytes.toLocaleString('en')} stored`,
    );
    expect(bytes).toBeLessThan(STORED_BOUND);
    for (const incident of snapshot.incidents) {
      expect(incident.name.length).toBeLessThanOrEqual(MAX_NAME);
      for (const update of incident.updates) expect(update.body.length).toBeLessThanOrEqual(MAX_BODY);
    }
  });

  it('the 1.9 MB body of "<" becomes one bounded update, shown as text', () => {
    const { snapshot } = built(HOSTILE_SUMMARIES['less-than-body'](NOW));
    const body = snapshot.incidents[0]?.updates[0]?.body ?? '';
    expect(body.length).toBeLessThanOrEqual(MAX_BODY);
    expect(body.startsWith('<<<')).toBe(true);
  });

  it('2,000 components with 800-character ids: ids longer than any real one are refused with their rows', () => {
    const { snapshot } = built(manyComponents(NOW, 800));
    expect(snapshot.services).toEqual([]);
    expect(snapshot.incidents).toHaveLength(50);
    for (const incident of snapshot.incidents) expect(incident.serviceIds).toEqual([]);
  });

  it('2,000 components with ids at the cap, each named in 100 titles: reduced to fit, said so, marked heavy', () => {
    const { snapshot, overBudget } = built(manyComponents(NOW, MAX_ID));
    figures.push(`  many-components, ${MAX_ID}-character ids: ${storedBytes(snapshot).toLocaleString('en')} stored`);
    expect(snapshot.services).toHaveLength(MAX_ROWS.components);
    expect(jsonBytes(snapshot)).toBeLessThanOrEqual(MAX_SNAPSHOT_BYTES);
    expect(snapshot.trimmed).toBe(true);
    expect(overBudget).toBe(true);
    // What is kept still names what it names: the newest incidents, every service in each.
    expect(snapshot.incidents.length).toBeGreaterThan(0);
    expect(snapshot.incidents[0]?.serviceIds).toHaveLength(MAX_ROWS.components);
  });

  it('50 incidents are kept, each with its update: a page of that size is not heavy', () => {
    const { snapshot, overBudget } = built(HOSTILE_SUMMARIES['many-incidents'](NOW));
    expect(snapshot.incidents).toHaveLength(50);
    expect(overBudget).toBe(false);
  });

  it.each([
    ['3-byte characters', '語'],
    ['"<", 6 bytes each as Chromium stores it', '<'],
  ])('the worst at every cap (%s everywhere) still fits', (label, ch) => {
    const wide = (n: number) => ch.repeat(n);
    const ids = Array.from(
      { length: MAX_ROWS.components },
      (_, i) => `${String(i).padStart(4, '0')}${'x'.repeat(MAX_ID - 4)}`,
    );
    const incident = (id: string, extra: object = {}) => ({
      id,
      name: `Claude API ${wide(MAX_NAME)}`,
      status: 'investigating',
      impact: 'critical',
      incident_updates: Array.from({ length: 20 }, (_, u) => ({
        id: `${id}-${u}`,
        body: wide(MAX_BODY),
        created_at: new Date(NOW - u * 60_000).toISOString(),
      })),
      components: ids.map((cid) => ({ id: cid, name: 'Claude API' })),
      ...extra,
    });
    const page = {
      page: { name: wide(MAX_NAME) },
      status: { indicator: 'critical', description: wide(MAX_NAME) },
      components: ids.map((id, i) => ({
        id,
        name: `Claude API ${wide(MAX_SERVICE_NAME)}`,
        status: 'major_outage',
        position: i,
      })),
      incidents: Array.from({ length: 50 }, (_, i) => incident(`inc${i}`)),
      scheduled_maintenances: Array.from({ length: 50 }, (_, i) => incident(`mnt${i}`, { status: 'in_progress' })),
    };
    // Over the 2 MB the fetch reads: parsed as a value, to reach every cap at once.
    const parsed = parseSummary(page);
    if (!parsed.ok) throw new Error(parsed.message);
    const { snapshot } = buildSnapshotWithin(
      parsed.value,
      workBudget(() => performance.now()),
    );
    figures.push(`  every cap, ${label}: ${storedBytes(snapshot).toLocaleString('en')} stored`);
    expect(jsonBytes(snapshot)).toBeLessThanOrEqual(MAX_SNAPSHOT_BYTES);
    expect(snapshot.services.length).toBeGreaterThan(0);
    expect(snapshot.severity).toBe('major_outage');
  });

  it('a build past its time budget stops adding incidents, says so, and is marked heavy', () => {
    const parsed = parseSummaryText(JSON.stringify(HOSTILE_SUMMARIES['many-incidents'](NOW)));
    if (!parsed.ok) throw new Error(parsed.message);
    let ticks = 0;
    // A clock that moves 100 ms each time it is read: the 250 ms budget is spent after two incidents.
    const { snapshot, overBudget } = buildSnapshotWithin(
      parsed.value,
      workBudget(() => ticks++ * 100),
    );
    expect(snapshot.incidents.length).toBeLessThan(5);
    expect(snapshot.incidents.length).toBeGreaterThan(0);
    expect(snapshot.trimmed).toBe(true);
    expect(overBudget).toBe(true);
  });
});

describe('the same heavy answer again: not parsed again, and the origin is backed off', () => {
  const heavyText = JSON.stringify(HOSTILE_SUMMARIES['many-updates'](NOW));
  const serve: FetchFn = async () => new Response(heavyText, { status: 200 });

  it('the first time it is built and marked heavy; the second time only its digest is compared', async () => {
    expect(heavyText.length).toBeGreaterThan(HEAVY_ANSWER_CHARS);
    const first = await fetchSummary('primary', null, serve, NOW);
    if (first.kind !== 'success') throw new Error(first.message);
    expect(first.snapshot).not.toBeNull();
    expect(first.heavy).toMatch(/^[0-9a-f]{32}$/);
    const again = await fetchSummary('primary', null, serve, NOW, { heavyDigest: first.heavy ?? null });
    expect(again).toMatchObject({ kind: 'success', snapshot: null, heavy: first.heavy });
  });

  it('heavy answers in a row hold scheduled polls back for longer each time', async () => {
    let state = EMPTY_STATUS;
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const outcome = await fetchSummary('primary', null, serve, NOW, {
        heavyDigest: state.health.heavy?.digest ?? null,
      });
      state = applyOutcome(state, outcome, NOW, 1);
      waits.push(Date.parse(state.health.retryAt ?? '') - NOW);
      expect(gate('alarm', state.health, NOW + 1_000, 60_000)).toEqual({ run: false, why: 'backoff' });
    }
    expect(state.health.heavy?.strikes).toBe(3);
    expect(waits[1]).toBeGreaterThan(waits[0] ?? 0);
    expect(waits[2]).toBeGreaterThan(waits[1] ?? 0);
    expect(state.snapshot?.incidents.length).toBeGreaterThan(0);
  });

  it('a validator longer than any real one is not kept, so never sent back', async () => {
    const long: FetchFn = async () =>
      new Response('{"page":{},"components":[]}', { status: 200, headers: { etag: `"${'e'.repeat(300)}"` } });
    const outcome = await fetchSummary('primary', null, long, NOW);
    expect(outcome).toMatchObject({ kind: 'success', validators: { etag: null } });
  });
});

describe('a hostile incidents.json: the history stays under its budget', () => {
  it('100 incidents each listing 200 components with ids at the cap', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `${String(i).padStart(4, '0')}${'h'.repeat(MAX_ID - 4)}`);
    const incidents = Array.from({ length: 100 }, (_, i) => ({
      id: `hist${i}`,
      name: `Elevated errors on Claude API (${i})`,
      status: 'resolved',
      impact: 'major',
      started_at: new Date(NOW - (i + 1) * 60 * 60_000).toISOString(),
      resolved_at: new Date(NOW - i * 60 * 60_000).toISOString(),
      components: ids.map((id) => ({ id, name: 'Claude API' })),
    }));
    const list = parseIncidentsList({ incidents });
    if (!list.ok) throw new Error(list.message);
    const rows = historyFromIncidents(list.value, [], NOW);
    const bytes = jsonBytes({ ...EMPTY_STATUS, incidents: rows });
    figures.push(`  history of 100 incidents naming 200 services: ${bytes.toLocaleString('en')} stored`);
    expect(bytes).toBeLessThanOrEqual(MAX_HISTORY_BYTES);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]?.id).toBe('hist0');
  });
});

describe('a hostile incidents.json: the past durations stay under their budget', () => {
  it('100 resolved incidents each listing the 200 services of the snapshot, ids at the cap', () => {
    const ids = Array.from(
      { length: MAX_ROWS.components },
      (_, i) => `${String(i).padStart(4, '0')}${'p'.repeat(MAX_ID - 4)}`,
    );
    const services: Service[] = ids.map((id, i) => ({
      id,
      name: `Service ${i}`,
      state: 'operational',
      position: i + 1,
      groupId: null,
    }));
    const incidents = Array.from({ length: 100 }, (_, i) => ({
      id: `past${i}`,
      name: `Elevated errors (${i})`,
      status: 'resolved',
      impact: 'major',
      started_at: new Date(NOW - (i + 2) * 60 * 60_000).toISOString(),
      resolved_at: new Date(NOW - (i + 1) * 60 * 60_000).toISOString(),
      components: ids.map((id) => ({ id, name: 'Service' })),
    }));
    const list = parseIncidentsList({ incidents });
    if (!list.ok) throw new Error(list.message);
    const rows = pastIncidentsFrom(list.value, services, NOW);
    const bytes = jsonBytes({ ...EMPTY_PAST_DURATIONS, incidents: rows });
    figures.push(`  past durations of 100 incidents naming 200 services: ${bytes.toLocaleString('en')} stored`);
    expect(bytes).toBeLessThanOrEqual(MAX_PAST_DURATIONS_BYTES);
    // What is kept is the newest, each with every service it names.
    expect(rows[0]?.id).toBe('past0');
    expect(rows[0]?.serviceIds).toHaveLength(MAX_ROWS.components);
  });
});
