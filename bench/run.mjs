/**
 * `npm run bench`: the figures of issue #8, measured on the build in SO_OUT_DIR (default .output;
 * it is built only when missing, or with --build), printed as a table and written as JSON to
 * bench-results/latest.json. A benchmark, not a test: nothing here fails on a missed target
 * (the size budgets are enforced by tests/unit/bundle-size.test.ts). docs/benchmarks.md explains
 * each figure.
 *
 *   npm run bench                      # everything, 15 runs per page measurement
 *   npm run bench -- --build           # rebuild (with source maps, for the size breakdown) first
 *   npm run bench -- --runs 5 --only sizes,scale
 *   npm run bench -- --update-docs     # also rewrite the results blocks of docs/benchmarks.md
 *   npm run bench -- --compare /tmp/before/.output/chrome-mv3 --only browser --parts inPage,stream
 *                                      # an earlier build measured beside this one, in the same rounds
 *   npm run bench -- --only traffic    # requests per install and storage writes (issue #16), in seconds
 *   PEER_DIR=~/peer npm run bench -- --only browser --parts inPage,stream,banner
 *                                      # another extension beside this one, in the same rounds
 *
 * PEER_DIR names an unpacked extension (a directory with its manifest.json: a competitor a
 * developer downloaded and unpacked, say). It runs as one more arm, in a browser of its own, of
 * the in-page rows, the streamed reply and the banner from DOMContentLoaded, and the table gets a
 * "Peer" column headed with its manifest's name and version ("n/a" where it draws no banner;
 * docs/benchmarks.md says how it learns the scenario and how its banner is found). Without
 * PEER_DIR the table is as it was. Its figures are in the JSON under results.browser.*.peer.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createJiti } from 'jiti';
import { breakdown } from './breakdown.mjs';
import { BROWSER_PARTS } from './parts.mjs';
import { readPeer } from './peer.mjs';

// sizes.ts is TypeScript (the size test shares it); jiti loads it on any Node (Node 20 runs no .ts by itself).
const { kb, loadBudgets, measureBuild, README_SIZES, sizesMarkdown } = await createJiti(import.meta.url).import(
  './sizes.ts',
);

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECTIONS = ['sizes', 'scale', 'browser', 'traffic'];

const { values: args } = parseArgs({
  options: {
    build: { type: 'boolean', default: false },
    runs: { type: 'string', default: '15' },
    only: { type: 'string', default: SECTIONS.join(',') },
    out: { type: 'string', default: 'bench-results/latest.json' },
    'update-docs': { type: 'boolean', default: false },
    compare: { type: 'string' },
    parts: { type: 'string', default: BROWSER_PARTS.join(',') },
  },
});
const parts = args.parts.split(',').map((s) => s.trim());
for (const name of parts) if (!BROWSER_PARTS.includes(name)) throw new Error(`--parts: unknown part ${name}`);
const compareDir = args.compare ? path.resolve(args.compare) : null;
if (compareDir && !existsSync(path.join(compareDir, 'manifest.json')))
  throw new Error(`--compare: no build in ${compareDir}`);
// Read (and checked) now, before anything is built or launched.
const peer = process.env.PEER_DIR ? readPeer(path.resolve(process.env.PEER_DIR)) : null;
const runs = Math.max(3, Number.parseInt(args.runs, 10) || 15);
const only = new Set(args.only.split(',').map((s) => s.trim()));
for (const name of only) if (!SECTIONS.includes(name)) throw new Error(`--only: unknown section ${name}`);

const outDir = path.resolve(ROOT, process.env.SO_OUT_DIR ?? '.output');
const buildDir = path.join(outDir, 'chrome-mv3');
const log = (line) => console.info(line);
const started = Date.now();
const loadBefore = os.loadavg()[0];

function build() {
  log(`Building the Chrome extension into ${path.relative(ROOT, outDir)} (with source maps)…`);
  const result = spawnSync('npx', ['wxt', 'build', '-b', 'chrome'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, SO_OUT_DIR: outDir, SO_SOURCEMAP: '1' },
  });
  if (result.status !== 0) throw new Error('wxt build failed');
}

if (args.build || !existsSync(path.join(buildDir, 'manifest.json'))) build();
else log(`Measuring the existing build in ${path.relative(ROOT, buildDir)} (npm run bench -- --build to rebuild).`);

function machine(chromiumVersion) {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const cpuModel = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel,
    memoryGB: Number((os.totalmem() / 1e9).toFixed(1)),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: chromiumVersion,
    /** 1-minute load average before and after the run: above nproc, other work competed for the CPU. */
    loadAverage: [Number(loadBefore.toFixed(2)), Number(os.loadavg()[0].toFixed(2))],
  };
}

/** What each bundle is made of, through its source map (present in --build / SO_SOURCEMAP=1 builds). */
function breakdowns(sizes) {
  const out = {};
  for (const size of sizes) {
    for (const file of size.files) {
      const result = breakdown(path.join(buildDir, file.file));
      if (!result) continue;
      const own = result.sources.filter((r) => !r.source.startsWith('npm:'));
      out[file.file] = {
        raw: result.raw,
        gzip: result.gzip,
        ownCodeRaw: own.reduce((sum, r) => sum + r.raw, 0),
        ownCodeGzipShare: own.reduce((sum, r) => sum + r.gzipShare, 0),
        sources: result.sources.slice(0, 20),
      };
    }
  }
  return out;
}

const results = { startedAt: new Date(started).toISOString(), buildDir: path.relative(ROOT, buildDir), runs };
const budgets = loadBudgets();

if (only.has('sizes')) {
  results.sizes = measureBuild(buildDir, budgets);
  if (compareDir) results.sizesBefore = measureBuild(compareDir, budgets);
  results.breakdown = breakdowns(results.sizes);
  log(`  sizes: ${results.sizes.map((s) => `${s.entry} ${kb(s.gzip)}`).join(', ')}`);
}
if (only.has('scale')) {
  const { benchScale } = await import('./scale.mjs');
  results.scale = await benchScale({ runs: Math.max(runs, 25), log });
}
if (only.has('traffic')) {
  const { benchTraffic } = await import('./traffic.mjs');
  results.traffic = await benchTraffic({ log });
}
if (only.has('browser')) {
  const { benchBrowser } = await import('./browser.mjs');
  results.browser = await benchBrowser({ buildDir, compareDir, peer, parts, runs, log });
}
results.machine = machine(results.browser?.chromiumVersion ?? null);
results.seconds = Number(((Date.now() - started) / 1000).toFixed(1));

// ---- The table ---------------------------------------------------------------------------------

const target = (key) => budgets.targets[key];
const ms = (v, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? 'n/a' : `${v.toFixed(digits)} ms`);
const bytes = (v) => `${Math.round(v).toLocaleString('en-US')} B`;
const verdict = (value, limit) => {
  if (value === null || Number.isNaN(value)) return '';
  return value <= limit ? 'met' : `MISSED by ${(value - limit).toFixed(1)}`;
};

/** The peer's column: only when PEER_DIR was given and the browser measured it. */
const peerHead = results.browser?.peer ? `Peer: ${results.browser.peer.name} ${results.browser.peer.version}` : null;
/** @type {{ section: string, measure: string, result: string, peer?: string, target: string, verdict: string }[]} */
const rows = [];
const row = (section, measure, result, targetText = '', verdictText = '', peerText = '') =>
  rows.push({
    section,
    measure,
    result,
    ...(peerHead ? { peer: peerText } : {}),
    target: targetText,
    verdict: verdictText,
  });
/** A difference with its sign. */
const signed = (v, format) => (v === null || v === undefined ? 'n/a' : `${v >= 0 ? '+' : ''}${format(v)}`);

if (results.sizes) {
  for (const s of results.sizes) {
    const over = s.gzip - s.targetBytes;
    const before = results.sizesBefore?.find((b) => b.entry === s.entry);
    const beforeBytes = before?.files.length ? before.files.reduce((sum, f) => sum + f.gzip, 0) + before.cssGzip : null;
    row(
      '1 size',
      `${s.label}: ${s.countsCss ? 'JS + CSS' : 'JS'} gzip -9 (raw JS)`,
      `${bytes(s.gzip)} (${kb(s.raw)} raw)` +
        (before && beforeBytes === null ? '; before: none (part of the content script)' : '') +
        (beforeBytes === null ? '' : `; before: ${bytes(beforeBytes)} JS + CSS`),
      `<= ${bytes(s.targetBytes)}`,
      over <= 0 ? 'met' : `MISSED by ${over} B (enforced budget ${kb(s.budgetBytes)})`,
    );
    if (s.css.length > 0 && !s.countsCss)
      row('1 size', `${s.label}: CSS gzip -9 (raw), not budgeted`, `${kb(s.cssGzip)} (${kb(s.cssRaw)})`);
  }
}
const b = results.browser;
/** "x; before: y" when the earlier build was measured beside this one. */
const was = (text) => (text === null || text === undefined ? '' : `; before: ${text}`);
if (b?.inPage) {
  const t = target('inPageHealthy');
  for (const scenario of ['healthy', 'claude-ai-partial']) {
    const r = b.inPage[scenario];
    const label = scenario === 'healthy' ? 'healthy day' : 'incident (claude-ai-partial)';
    const overFloor = Number((r.scriptMs.added - r.scriptMs.floor).toFixed(2));
    const peerOverFloor =
      r.scriptMs.peerAdded === undefined ? null : Number((r.scriptMs.peerAdded - r.scriptMs.floor).toFixed(2));
    row(
      '2 in-page',
      `script time added, ${label}: over the empty-content-script floor (added / floor)`,
      `${overFloor >= 0 ? '+' : ''}${ms(overFloor, 2)} (+${ms(r.scriptMs.added, 2)} / +${ms(r.scriptMs.floor, 2)})` +
        was(r.scriptMs.beforeAdded === undefined ? null : `+${ms(r.scriptMs.beforeAdded, 2)} added`),
      scenario === 'healthy' ? `<= ${t.value} ms over the floor` : '',
      scenario === 'healthy' ? verdict(overFloor, t.value) : '',
      peerOverFloor === null
        ? ''
        : `${signed(peerOverFloor, (v) => ms(v, 2))} (${signed(r.scriptMs.peerAdded, (v) => ms(v, 2))} added)`,
    );
    row(
      '2 in-page',
      `main-thread task time added, ${label}`,
      `+${ms(r.taskMs.added, 2)}${was(r.taskMs.beforeAdded === undefined ? null : `+${ms(r.taskMs.beforeAdded, 2)}`)}`,
      '',
      '',
      r.taskMs.peerAdded === undefined ? '' : signed(r.taskMs.peerAdded, (v) => ms(v, 2)),
    );
    const th = target('pageHeapHealthy');
    row(
      '2 in-page',
      `page JS heap added, ${label}`,
      `+${bytes(r.heapUsed.added)}${was(r.heapUsed.beforeAdded === undefined ? null : `+${bytes(r.heapUsed.beforeAdded)}`)}`,
      scenario === 'healthy' ? `<= ${bytes(th.value)}` : '',
      scenario === 'healthy' ? verdict(r.heapUsed.added, th.value) : '',
      r.heapUsed.peerAdded === undefined ? '' : signed(r.heapUsed.peerAdded, bytes),
    );
  }
}
if (b?.stream) {
  const t = target('streamedReply');
  const { extension, floor, before, peer: peerStream } = b.stream;
  /** "x (floor y)": the minimal extension, measured in the same rounds. */
  const withFloor = (text, floorText) => `${text} (floor ${floorText})`;
  row(
    '2 in-page',
    `streamed reply (${b.stream.durationMs / 1000} s, re-rendered every ${b.stream.everyMs} ms): time in the extension's scripts (the floor's)`,
    withFloor(ms(extension.extensionScriptMs.median, 2), ms(floor.extensionScriptMs.median, 2)) +
      was(before ? ms(before.extensionScriptMs.median, 2) : null),
    `<= ${t.value} ms`,
    verdict(extension.extensionScriptMs.median, t.value),
    peerStream ? ms(peerStream.extensionScriptMs.median, 2) : '',
  );
  row(
    '2 in-page',
    '  page script time added during it (vs the same page without the extension)',
    withFloor(ms(extension.pageScriptAddedMs, 1), ms(floor.pageScriptAddedMs, 1)) +
      was(before ? ms(before.pageScriptAddedMs, 1) : null),
    '',
    '',
    peerStream ? ms(peerStream.pageScriptAddedMs, 1) : '',
  );
}
if (b?.long) {
  const t = target('longConversationTask');
  row(
    '2 in-page',
    `${b.long.messages.toLocaleString('en-US')}-message conversation: longest extension task (total)`,
    `${ms(b.long.extension.longestMs.median, 2)} (${ms(b.long.extension.totalMs.median, 2)})` +
      was(b.long.before ? `${ms(b.long.before.longestMs.median, 2)} (${ms(b.long.before.totalMs.median, 2)})` : null),
    `< ${t.value} ms`,
    b.long.extension.longestMs.median < t.value ? 'met' : verdict(b.long.extension.longestMs.median, t.value),
  );
}
if (b?.banner) {
  const t3 = target('bannerFromStart');
  const p = b.banner.peer;
  /** The peer's figure, "n/a" when it drew nothing in the page, with how many loads drew when not all. */
  const peerBanner = (key) => {
    if (!p) return '';
    if (!p[key]) return 'n/a';
    return `${ms(p[key].median)}${p.loadsWithBanner < p.loads ? ` (${p.loadsWithBanner} of ${p.loads} loads)` : ''}`;
  };
  row(
    '3 banner',
    'DOMContentLoaded -> banner in DOM (incident stored; the script starts at document_start; below 0: before it)',
    `${ms(b.banner.startToBannerMs.median)}${was(b.bannerBefore ? ms(b.bannerBefore.startToBannerMs.median) : null)}`,
    `<= ${t3.value} ms`,
    verdict(b.banner.startToBannerMs.median, t3.value),
    peerBanner('startToBannerMs'),
  );
  row('3 banner', '  ... -> next animation frame (painted)', ms(b.banner.startToFrameMs.median));
  row('3 banner', '  part: site-view message round trip (extension page)', ms(b.banner.siteViewRoundTripMs.median));
  row('3 banner', '  navigation -> DOMContentLoaded', ms(b.banner.navigationToDomContentLoadedMs.median));
  row(
    '3 banner',
    '  navigation -> banner in DOM',
    ms(b.banner.navigationToBannerMs.median),
    '',
    '',
    peerBanner('navigationToBannerMs'),
  );
}
if (b?.capacity) {
  const t4 = target('bannerFromCapacity');
  row(
    '3 banner',
    'capacity error inserted -> banner in DOM',
    `${ms(b.capacity.insertToBannerMs.median)}${was(b.capacityBefore ? ms(b.capacityBefore.insertToBannerMs.median) : null)}`,
    `<= ${t4.value} ms`,
    verdict(b.capacity.insertToBannerMs.median, t4.value),
  );
  row('3 banner', '  ... -> next animation frame (painted)', ms(b.capacity.insertToFrameMs.median));
}
if (b?.freshness) {
  row(
    '4 freshness',
    'open claude.ai with data > 1 interval old -> fresh data stored',
    ms(b.freshness.openToFreshMs.median, 0),
  );
}
if (b?.coldStart) {
  const c = b.coldStart;
  row(
    '4 freshness',
    'background cold start -> first poll stored, without network (start -> request + response -> stored)',
    `${ms(c.extension.startToStoredWithoutNetworkMs, 0)} (${ms(c.extension.startToRequestMs.median, 0)} + ${ms(c.extension.requestToStoredMs.median, 0)})` +
      was(c.before ? ms(c.before.startToStoredWithoutNetworkMs, 0) : null),
  );
}
if (b?.network) {
  row('4 freshness', 'poll time, changed (fetch 200 + parse + store + badge)', ms(b.network.changed.pollMs.median));
  row('4 freshness', 'poll time, unchanged (304)', ms(b.network.unchanged.pollMs.median));
  row(
    '4 freshness',
    'worst case status change -> badge = 60 s interval + poll',
    `${(b.network.worstCaseBadgeDelay.totalMs / 1000).toFixed(2)} s`,
  );
  row(
    '5 network',
    'per poll, unchanged: 304 response (+ request)',
    `${bytes(b.network.unchanged.responseBytes)} (+ ${bytes(b.network.unchanged.requestBytes)})`,
  );
  row(
    '5 network',
    'per poll, changed: 200 response (+ request)',
    `${bytes(b.network.changed.responseBytes)} (+ ${bytes(b.network.changed.requestBytes)})`,
  );
  const bodies = b.network.changed.bodies;
  row(
    '5 network',
    '  200 body healthy / incident: identity (gzip estimate)',
    `${bytes(bodies.healthy.raw)} (${bytes(bodies.healthy.gzip)}) / ${bytes(bodies['claude-ai-partial'].raw)} (${bytes(bodies['claude-ai-partial'].gzip)})`,
  );
  row(
    '5 network',
    'per quiet day at 1 poll/min, responses (+ requests)',
    `${kb(b.network.perDay.quietDayResponseBytes)} (${kb(b.network.perDay.quietDayBytes)} with requests)`,
  );
}
if (b?.memory) {
  if (b.memory.worker) {
    row(
      '6 memory',
      'service worker JS heap used (after GC)',
      `${kb(b.memory.worker.usedBytes)} (${kb(b.memory.worker.usedAfterGcBytes)})`,
    );
  }
  row(
    '6 memory',
    'popup JS heap used (after GC)',
    `${kb(b.memory.popup.usedBytes)} (${kb(b.memory.popup.usedAfterGcBytes)})`,
  );
}
if (results.scale) {
  const t7 = target('scale100');
  for (const r of results.scale.rows) {
    row(
      '7 scale',
      `${r.components} components, 50 incidents x 20 updates`,
      `${ms(r.totalMs, 2)} (parse ${r.parseMs.toFixed(2)}, snapshot ${r.snapshotMs.toFixed(2)}, assess ${r.assessMs.toFixed(2)})`,
      r.components === 100 ? `< ${t7.value} ms` : '',
      r.components === 100 ? verdict(r.totalMs, t7.value) : '',
    );
  }
  const f = results.scale.fixture;
  row('7 scale', `real summary (${f.name} fixture, ${bytes(f.bytes)})`, ms(f.totalMs, 2));
  const verdictOf = (lin) =>
    lin.linear === null
      ? null
      : lin.linear
        ? `met (slopes within x${lin.slopeRatio.toFixed(2)})`
        : `MISSED (slopes x${lin.slopeRatio.toFixed(2)} apart)`;
  const slopesOf = (lin) => lin.slopes.map((s) => `${s.usPerComponent.toFixed(1)} us`).join(' / ');
  const lin = results.scale.linearity;
  const linMin = results.scale.linearityOfMinimums;
  row(
    '7 scale',
    'cost per added component, 10->100 / 100->1000',
    slopesOf(lin),
    'linear',
    verdictOf(lin) ?? 'inconclusive on medians (noisy run)',
  );
  if (lin.linear === null) {
    row(
      '7 scale',
      '  same, on the fastest run of each size',
      slopesOf(linMin),
      'linear',
      verdictOf(linMin) ?? 'inconclusive',
    );
  }
}

if (results.traffic) {
  const { quietDay, storm } = results.traffic;
  const day = (name) => quietDay[name];
  const quiet = [
    ['no site tab', 300],
    ['a claude.ai tab open all day', 1500],
  ];
  for (const [name, limit] of quiet) {
    const r = day(name);
    row(
      '8 traffic',
      `status requests a quiet day, ${name}`,
      `${r.now.requests} (today ${r.today.requests})`,
      `<= ${limit}`,
      verdict(r.now.requests, limit),
    );
  }
  for (const [name, base] of [
    ['no site tab, primary challenged all day', 'no site tab'],
    ['a claude.ai tab, primary challenged all day', 'a claude.ai tab open all day'],
  ]) {
    const r = day(name);
    const extra = (100 * (r.now.requests - day(base).now.requests)) / day(base).now.requests;
    row(
      '8 traffic',
      `  ${name} (primary / fallback)`,
      `${r.now.requests} = ${r.now.primary} / ${r.now.fallback}, +${extra.toFixed(1)}% (today ${r.today.requests})`,
      '<= +5%',
      verdict(extra, 5),
    );
  }
  row(
    '8 traffic',
    '10-min storm (5 tabs failing, capacity text 1/s, 429 + Retry-After 120): status requests',
    `${storm.now.requests} (today ${storm.today.requests})`,
    '<= 6',
    verdict(storm.now.requests, 6),
  );
  row(
    '8 traffic',
    '  stored writes: capacity detections / failure log, most in one minute',
    `${storm.now.signalsWrites} / ${storm.now.failuresWrites}, ${storm.now.maxSignalsWritesPerMinute} / ${storm.now.maxFailuresWritesPerMinute} (today ${storm.today.signalsWrites} / ${storm.today.failuresWrites}, ${storm.today.maxSignalsWritesPerMinute} / ${storm.today.maxFailuresWritesPerMinute})`,
    '<= 1 a minute each',
    verdict(Math.max(storm.now.maxSignalsWritesPerMinute, storm.now.maxFailuresWritesPerMinute), 1),
  );
}

/** Requests per second at the status page for a fleet, per cadence: the model of docs/benchmarks.md. */
function fleetTable() {
  const fleet = results.traffic.fleet;
  const rps = (v) => (v < 10 ? v.toFixed(2) : Math.round(v).toLocaleString('en-US'));
  const names = Object.keys(fleet);
  const lines = [
    '| Installs, each with | 10k: now (today) | 100k: now (today) | 1M: now (today) |',
    '|---|---:|---:|---:|',
  ];
  for (const name of names) {
    const cells = fleet[name].now.map((r, i) => `${rps(r.rps)} (${rps(fleet[name].today[i].rps)})`);
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** The table's columns: the peer's only when it was measured. */
const columns = ['section', 'measure', 'result', ...(peerHead ? ['peer'] : []), 'target', 'verdict'];
const heads = {
  section: '',
  measure: 'Measure',
  result: 'Result (median)',
  peer: peerHead,
  target: 'Target',
  verdict: '',
};

function textTable() {
  const head = heads;
  const all = [head, ...rows];
  const width = (key) => Math.max(...all.map((r) => r[key].length));
  const keys = columns;
  const widths = Object.fromEntries(keys.map((k) => [k, width(k)]));
  const line = (r) =>
    keys
      .map((k) => r[k].padEnd(widths[k]))
      .join('  ')
      .trimEnd();
  return [line(head), '-'.repeat(line(head).length + 8), ...rows.map(line)].join('\n');
}

function markdownTable() {
  const esc = (s) => s.replaceAll('|', '\\|');
  return [
    `|${columns.map((k) => (heads[k] ? ` ${esc(heads[k])} ` : ' ')).join('|')}|`,
    `|${columns.map(() => '---|').join('')}`,
    ...rows
      .filter((r) => r.section !== '8 traffic')
      .map((r) => `| ${columns.map((k) => esc(k === 'measure' ? r[k].trim() : r[k])).join(' | ')} |`),
  ].join('\n');
}

const m = results.machine;
const header =
  `Machine: ${m.nproc} x ${m.cpuModel}, ${m.memoryGB} GB, ${m.os}; node ${m.node}; ` +
  `Chromium ${m.chromium ?? '(not run)'}; ${runs} runs per page measurement; ${results.seconds} s in all; ` +
  `load average ${m.loadAverage[0]} before, ${m.loadAverage[1]} after` +
  (Math.max(...m.loadAverage) > m.nproc ? ' (busy machine: timings are inflated)' : '') +
  '.';
console.info(`\n${header}\n\n${textTable()}\n`);
const bg = results.breakdown?.['background.js'];
if (bg) {
  console.info(
    `background.js by source: minified bytes, and estimated share of its ${bytes(bg.gzip)} gzip ` +
      `(own code's share ${bytes(bg.ownCodeGzipShare)}):`,
  );
  for (const r of bg.sources.slice(0, 10)) {
    console.info(`  ${String(r.raw).padStart(7)}  ${String(r.gzipShare).padStart(6)}  ${r.source}`);
  }
  console.info('');
}
if (results.browser?.profile) {
  for (const [scenario, p] of Object.entries(results.browser.profile)) {
    console.info(`content script self time by source, ${scenario} (CPU profile, ${p.runs} loads; shares):`);
    for (const t of p.top.slice(0, 6)) console.info(`  ${(t.share * 100).toFixed(0).padStart(3)}%  ${t.source}`);
  }
  console.info('');
}

const outFile = path.resolve(ROOT, args.out);
mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify({ ...results, table: rows }, null, 2)}\n`);
log(`Wrote ${path.relative(ROOT, outFile)}.`);

/** Replaces what stands between `start` and `end` in `text` with `body`. */
function replaceBlock(text, start, end, body, file) {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} has no ${start} … ${end} block`);
  return `${text.slice(0, from)}${start}\n${body}\n${text.slice(to)}`;
}

if (args['update-docs'] && results.sizes) {
  const readme = path.join(ROOT, 'README.md');
  const text = readFileSync(readme, 'utf8');
  writeFileSync(readme, replaceBlock(text, README_SIZES.start, README_SIZES.end, sizesMarkdown(results.sizes), readme));
  log('Updated README.md (sizes).');
}

// docs/benchmarks.md holds the figures of one full run, its results and traffic blocks written together:
// a partial run (--only, --parts) or a --compare run leaves both as they are.
const fullRun =
  SECTIONS.every((name) => only.has(name)) && BROWSER_PARTS.every((name) => parts.includes(name)) && !args.compare;
if (args['update-docs'] && !fullRun) log('docs/benchmarks.md left as it is: not a full run.');
if (args['update-docs'] && fullRun) {
  const docs = path.join(ROOT, 'docs/benchmarks.md');
  const start = '<!-- bench:results:start -->';
  const end = '<!-- bench:results:end -->';
  const text = readFileSync(docs, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${docs} has no ${start} … ${end} block`);
  const bgTable = bg
    ? [
        '',
        `background.js by source, from its source map: minified bytes, and each source's estimated share of the ` +
          `file's ${bytes(bg.gzip)} gzip (gzipped alone, scaled to the total; own code's share ${bytes(bg.ownCodeGzipShare)}):`,
        '',
        '| Source | Minified | gzip share |',
        '|---|---:|---:|',
        ...bg.sources
          .slice(0, 12)
          .map((r) => `| ${r.source} | ${r.raw.toLocaleString('en-US')} | ${r.gzipShare.toLocaleString('en-US')} |`),
      ].join('\n')
    : '';
  const profileText = results.browser?.profile
    ? Object.entries(results.browser.profile)
        .map(([scenario, p]) =>
          [
            '',
            `Content script self time by source, ${scenario} (V8 sampling profiler, ${p.runs} loads; shares of the script's own time):`,
            '',
            ...p.top.slice(0, 6).map((t) => `- ${(t.share * 100).toFixed(0)}% ${t.source}`),
          ].join('\n'),
        )
        .join('\n')
    : '';
  const block = [
    start,
    `Run ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC on the build in \`${results.buildDir}\`` +
      (results.browser?.peer
        ? `, beside the peer ${results.browser.peer.name} ${results.browser.peer.version} (PEER_DIR).`
        : '.'),
    '',
    `${header}`,
    '',
    markdownTable(),
    bgTable,
    profileText,
    end,
  ].join('\n');
  writeFileSync(docs, text.slice(0, from) + block + text.slice(to + end.length));
  log('Updated docs/benchmarks.md (results).');
}

// The traffic simulation (deterministic), from the same full run as the results block.
if (args['update-docs'] && fullRun) {
  const docs = path.join(ROOT, 'docs/benchmarks.md');
  const esc = (s) => s.replaceAll('|', '\\|');
  const trafficRows = rows.filter((r) => r.section === '8 traffic');
  const body = [
    `Simulated in the run of the results above (${results.startedAt.slice(0, 16).replace('T', ' ')} UTC); ` +
      '`npm run bench -- --only traffic` runs it alone, in seconds.',
    '',
    '| Measure | Result (today) | Target | |',
    '|---|---|---|---|',
    ...trafficRows.map((r) => `| ${[r.measure.trim(), r.result, r.target, r.verdict].map(esc).join(' | ')} |`),
    '',
    'Requests per second at the status page (requests a day per install × installs / 86,400 s):',
    '',
    fleetTable(),
  ].join('\n');
  const text = readFileSync(docs, 'utf8');
  writeFileSync(docs, replaceBlock(text, '<!-- bench:traffic:start -->', '<!-- bench:traffic:end -->', body, docs));
  log('Updated docs/benchmarks.md (traffic).');
}
