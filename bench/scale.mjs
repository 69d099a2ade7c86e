/**
 * Scale: parse + model + decision (parseSummaryText, buildSnapshot, assess for both sites) on
 * synthetic summaries of 10, 100 and 1,000 components with 50 active incidents of 20 updates each.
 * core/ is compiled with Rolldown (a dependency of Vite) to a temporary ES module and timed in
 * this node process: the same V8 as the extension's worker, without a browser in the way.
 */
import { createJiti } from 'jiti';
import { importBundled } from './bundle-source.mjs';
import { median } from './stats.mjs';

// The replay server is TypeScript; jiti loads it on any Node (Node 20 runs no .ts by itself).
const { loadFixture } = await createJiti(import.meta.url).import('../tests/replay/server.ts');

/** Compiles the parts of core/ the pipeline needs into one module and imports it. */
export function loadCore() {
  return importBundled('core', {
    'core/status-page/statuspage.ts': ['parseSummaryText'],
    'core/status-page/snapshot.ts': ['buildSnapshot'],
    'core/banner/banner-decision.ts': ['assess'],
    'core/sites/sites.ts': ['SITES'],
    'core/status-page/services.ts': ['SERVICE_IDS'],
    'core/banner/dismissals.ts': ['EMPTY_DISMISSALS'],
  });
}

const REAL = [
  ['rwppv331jlwc', 'claude.ai'],
  ['0qbwn08sd68x', 'Claude Console (platform.claude.com)'],
  ['k8w3r06qmzrp', 'Claude API (api.anthropic.com)'],
  ['yyzkbfz2thpt', 'Claude Code'],
  ['bpp5gb3hpjcl', 'Claude Cowork'],
  ['0scnb50nvy53', 'Claude for Government'],
];
const STATES = ['operational', 'operational', 'operational', 'degraded_performance', 'partial_outage', 'major_outage'];
const IMPACTS = ['minor', 'major', 'critical'];
const ACTIVE = ['investigating', 'identified', 'monitoring'];
const BODY =
  'We are continuing to investigate elevated error rates affecting some requests. ' +
  'Users may see failed or slow responses; we will post another update within the hour. ';

/**
 * A summary.json as Statuspage would send it (compact), with `components` components (one group
 * per 20) and `incidents` active incidents of `updates` updates, each naming and affecting one of
 * the first ten components (the first is claude.ai).
 */
export function syntheticSummary(components, incidents = 50, updates = 20, now = Date.now()) {
  const iso = (offsetMin) => new Date(now - offsetMin * 60_000).toISOString();
  const rows = [];
  let group = null;
  for (let i = 0; i < components; i++) {
    const [id, name] = REAL[i] ?? [`c${String(i).padStart(11, '0')}`, `Service ${i} (svc${i}.example.com)`];
    if (i >= REAL.length && i % 20 === 0) {
      group = { id: `g${String(i).padStart(11, '0')}`, name: `Group ${i}`, components: [] };
      rows.push({
        id: group.id,
        name: group.name,
        status: 'operational',
        position: i,
        group: true,
        group_id: null,
        components: group.components,
        only_show_if_degraded: false,
        description: null,
        updated_at: iso(60),
      });
    }
    const inGroup = i >= REAL.length && group !== null;
    if (inGroup) group.components.push(id);
    rows.push({
      id,
      name,
      status: STATES[i % STATES.length],
      position: i + 1,
      group: false,
      group_id: inGroup ? group.id : null,
      only_show_if_degraded: false,
      description: null,
      updated_at: iso(30),
    });
  }
  const services = rows.filter((r) => !r.group);
  const list = [];
  for (let n = 0; n < incidents; n++) {
    // The same ten targets at every size (claude.ai, Console, API among them), so that only the
    // number of components changes between sizes, not which sites the incidents touch.
    const target = services[n % Math.min(10, services.length)];
    const id = `inc${String(n).padStart(9, '0')}`;
    const incidentUpdates = [];
    for (let u = 0; u < updates; u++) {
      incidentUpdates.push({
        id: `${id}u${u}`,
        status: ACTIVE[(updates - 1 - u) % ACTIVE.length],
        body: `${BODY}(${n}.${u})`,
        incident_id: id,
        created_at: iso(5 * u + n),
        updated_at: iso(5 * u + n),
        display_at: iso(5 * u + n),
        affected_components:
          u === updates - 1
            ? [{ code: target.id, name: target.name, old_status: 'operational', new_status: 'partial_outage' }]
            : null,
      });
    }
    list.push({
      id,
      name: `Elevated errors on ${target.name.replace(/\s*\(.*\)$/, '')}`,
      status: ACTIVE[n % ACTIVE.length],
      impact: IMPACTS[n % IMPACTS.length],
      created_at: iso(5 * updates + n),
      updated_at: iso(n),
      started_at: iso(5 * updates + n),
      monitoring_at: null,
      resolved_at: null,
      shortlink: `https://stspg.io/${id}`,
      incident_updates: incidentUpdates,
      components: [target],
    });
  }
  return JSON.stringify({
    page: { id: 'tymt9n04zgry', name: 'Claude', url: 'https://status.claude.com', updated_at: iso(0) },
    status: { indicator: 'major', description: 'Partial System Outage' },
    components: rows,
    incidents: list,
    scheduled_maintenances: [],
  });
}

/**
 * Times the pipeline for each size; medians in ms, per stage and in total.
 * @param {{ sizes?: number[], runs?: number, log?: (line: string) => void }} [options]
 */
export async function benchScale(options = {}) {
  const { sizes = [10, 100, 1000], runs = 25, log = () => undefined } = options;
  const core = await loadCore();
  const now = Date.now();
  // Warm V8 up on a mid-size input first, as a worker that has polled for a while would be.
  const warm = syntheticSummary(100, 50, 20, now);
  for (let i = 0; i < 20; i++) {
    const parsed = core.parseSummaryText(warm);
    if (!parsed.ok) throw new Error(`synthetic summary did not parse: ${parsed.message}`);
    const snapshot = core.buildSnapshot(parsed.value);
    for (const site of core.SITES) {
      core.assess({ site, snapshot, stale: false, capacitySeenAt: null, dismissals: core.EMPTY_DISMISSALS, now });
    }
  }
  const inputs = sizes.map((components) => ({ components, text: syntheticSummary(components, 50, 20, now) }));
  /** @type {Map<number, { parse: number[], model: number[], decide: number[], total: number[], banners: number }>} */
  const samples = new Map(sizes.map((n) => [n, { parse: [], model: [], decide: [], total: [], banners: 0 }]));
  const once = ({ components, text }, record) => {
    const t0 = performance.now();
    const parsed = core.parseSummaryText(text);
    if (!parsed.ok) throw new Error(`synthetic summary did not parse: ${parsed.message}`);
    const t1 = performance.now();
    const snapshot = core.buildSnapshot(parsed.value);
    const t2 = performance.now();
    let shown = 0;
    for (const site of core.SITES) {
      const banner = core.assess({
        site,
        snapshot,
        stale: false,
        capacitySeenAt: null,
        dismissals: core.EMPTY_DISMISSALS,
        now,
      });
      if (banner) shown++;
    }
    const t3 = performance.now();
    if (snapshot.incidents.length !== 50) throw new Error(`expected 50 incidents, got ${snapshot.incidents.length}`);
    if (!record) return;
    const s = /** @type {NonNullable<ReturnType<typeof samples.get>>} */ (samples.get(components));
    s.parse.push(t1 - t0);
    s.model.push(t2 - t1);
    s.decide.push(t3 - t2);
    s.total.push(t3 - t0);
    s.banners = shown;
  };
  for (const input of inputs) for (let i = 0; i < 3; i++) once(input, false);
  // Round-robin over the sizes, so a burst of other work on the machine hits every size alike.
  for (let i = 0; i < runs; i++) for (const input of inputs) once(input, true);
  const results = inputs.map(({ components, text }) => {
    const s = /** @type {NonNullable<ReturnType<typeof samples.get>>} */ (samples.get(components));
    const row = {
      components,
      incidents: 50,
      updatesPerIncident: 20,
      bytes: Buffer.byteLength(text),
      runs,
      bannersShown: s.banners,
      parseMs: median(s.parse),
      snapshotMs: median(s.model),
      assessMs: median(s.decide),
      totalMs: median(s.total),
      minTotalMs: Math.min(...s.total),
    };
    log(`  scale ${components} components: ${row.totalMs.toFixed(2)} ms`);
    return row;
  });
  // For scale: the real summary of an incident day (the replay fixture, compact), same pipeline.
  const real = JSON.stringify(JSON.parse(loadFixture('claude-ai-partial', now)));
  const realTotals = [];
  for (let i = 0; i < runs + 5; i++) {
    const t0 = performance.now();
    const parsed = core.parseSummaryText(real);
    if (!parsed.ok) throw new Error(`fixture did not parse: ${parsed.message}`);
    const snapshot = core.buildSnapshot(parsed.value);
    for (const site of core.SITES) {
      core.assess({ site, snapshot, stale: false, capacitySeenAt: null, dismissals: core.EMPTY_DISMISSALS, now });
    }
    if (i >= 5) realTotals.push(performance.now() - t0);
  }
  const fixture = { name: 'claude-ai-partial', bytes: Buffer.byteLength(real), totalMs: median(realTotals) };
  return {
    rows: results,
    linearity: linearity(results, 'totalMs'),
    // The fastest run of each size: what other work on a busy machine cannot inflate.
    linearityOfMinimums: linearity(results, 'minTotalMs'),
    fixture,
  };
}

/**
 * Cost per added component between consecutive sizes: growth is called linear when these slopes
 * stay within a factor of 3 of each other (quadratic growth would multiply the slope by about 11
 * from 10->100 to 100->1000; n log n by about 1.5).
 */
function linearity(rows, key) {
  const slopes = [];
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    slopes.push({
      from: a.components,
      to: b.components,
      usPerComponent: ((b[key] - a[key]) * 1000) / (b.components - a.components),
    });
  }
  const values = slopes.map((s) => s.usPerComponent);
  // A slope at or below zero means the run was too noisy to tell (a busy machine).
  const ratio = values.length >= 2 && values.every((v) => v > 0) ? Math.max(...values) / Math.min(...values) : null;
  return { slopes, slopeRatio: ratio, linear: ratio === null ? null : ratio <= 3 };
}
