/**
 * The benchmark's real-browser measurements: Debian's Chromium driven by playwright-core, with
 * the build loaded unpacked exactly as tests/e2e/drivers/chromium.ts loads it, and every host
 * answered by the local replay server (tests/replay/server.ts). Nothing leaves loopback.
 *
 * The extension's poll alarm is cleared at the start, so that only the polls a measurement
 * causes reach the server (and its byte counts).
 *
 * With a peer (PEER_DIR, bench/peer.mjs), another extension runs as one more arm of the in-page,
 * streamed-reply and banner measurements, in a browser of its own (see peerArm).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createJiti } from 'jiti';
import { chromium } from 'playwright-core';
import { SourceMapConsumer } from 'source-map-js';
import { coldStart, longConversation, streamedReply } from './page-work.mjs';
import { BROWSER_PARTS } from './parts.mjs';
import { unpackedExtensionId } from './peer.mjs';
import { median, summary } from './stats.mjs';

// The replay server is TypeScript; jiti loads it on any Node (Node 20 runs no .ts by itself).
const jiti = createJiti(import.meta.url);
const { chromiumArgs } = await jiti.import('../tests/replay/chromium-args.ts');
const { loadFixture, startReplayServer } = await jiti.import('../tests/replay/server.ts');
// What "old" means on a healthy day under "automatic": the quiet interval (5 minutes).
const { QUIET_INTERVAL_MS } = await jiti.import('../core/polling/cadence.ts');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHAT_URL = 'https://claude.ai/chat/x';
const SUMMARY_PATH = '/api/v2/summary.json';
const INTERVAL_MS = 60_000;
/** Quiet time after `load` before a page's metrics are read: the content script has run by then. */
const SETTLE_MS = 400;
const BANNER_HOST = 'status-overlay-banner';
/** The status page's hosts on the replay server: the peer's first request to one of them is waited for. */
const STATUS_HOSTS = new Set(['status.claude.com', 'anthropic.statuspage.io']);
/** How long the peer gets, after its browser starts, to ask the status page (it learns the scenario so). */
const PEER_LEARN_MS = 8_000;
/** Time the peer gets, once it asked, to store what it learnt and tell its tabs. */
const PEER_SETTLE_MS = 1_000;
/** How long after `load` a peer's banner is waited for, per load. */
const PEER_BANNER_MS = 3_000;

/** The parts the peer (PEER_DIR) runs in. */
const PEER_PARTS = ['inPage', 'banner', 'stream'];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The same flags as the e2e driver, with or without the extension. */
export async function launch(port, extensionDir) {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'so-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgs({ replayPort: port, extensionDir }),
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs in the claude.ai page before its own scripts (Playwright init script, main world): records
 * performance.now() at DOMContentLoaded, load, and when the banner appears, and every element
 * added to the document (where a peer's banner is looked for). The content script starts at
 * document_start, with the page; it tells the page nothing when it starts (issue #17: nothing in
 * a page reveals the extension), so banner latency counts from DOMContentLoaded, a moment every
 * load has: negative when the banner is in the DOM before it.
 */
function pageProbe() {
  const marks = { dcl: null, load: null, host: null, banner: null, frame: null, height: 0 };
  /** @type {{ el: Element, at: number }[]} every element added to the document, in order */
  const added = [];
  const signature = (/** @type {Element} */ el) => `${el.localName}#${el.id}.${el.getAttribute('class') ?? ''}`;
  const w = /** @type {any} */ (window);
  w.__soBench = {
    marks,
    reset() {
      marks.host = null;
      marks.banner = null;
      marks.frame = null;
      marks.height = 0;
    },
    /** What the page holds by itself (read on the page without any extension, after its load). */
    own: () => ({
      signatures: [...new Set([...document.querySelectorAll('*'), ...added.map((a) => a.el)].map(signature))],
      addedAfterDcl: added.some((a) => marks.dcl !== null && a.at > marks.dcl),
    }),
    /** @type {Element[]} the elements of the last `candidates` call, for CDP to look into */
    listed: [],
    /**
     * The elements the page does not hold by itself (`own`: a tag, id and class it never has, or,
     * on a page that adds nothing after DOMContentLoaded, any element added after it), still in
     * the document and rendered, in the order they were added: kept in `listed`, their times
     * returned. Whether one takes up space, in it or in its shadow roots (closed ones too), is for
     * CDP to tell (peerShown).
     */
    candidates(own) {
      const known = new Set(own.signatures);
      const found = added.filter(({ el, at }) => {
        const late = !own.addedAfterDcl && marks.dcl !== null && at > marks.dcl;
        if (!el.isConnected || (known.has(signature(el)) && !late)) return false;
        return el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
      });
      w.__soBench.listed = found.map((a) => a.el);
      return found.map((a) => a.at);
    },
  };
  document.addEventListener('DOMContentLoaded', () => {
    marks.dcl = performance.now();
  });
  addEventListener('load', () => {
    marks.load = performance.now();
  });
  const watched = new WeakSet();
  const check = () => {
    if (marks.banner !== null) return;
    const host = document.querySelector('status-overlay-banner');
    if (!host) return;
    const now = performance.now();
    marks.host ??= now;
    const root = host.shadowRoot;
    if (!root) return;
    if (root.querySelector('.so-banner')) {
      marks.banner = now;
      // The frame that paints it: the first animation frame after the banner is in the DOM.
      requestAnimationFrame(() => {
        marks.frame = performance.now();
        marks.height = root.querySelector('.so-banner')?.getBoundingClientRect().height ?? 0;
      });
    } else if (!watched.has(root)) {
      watched.add(root);
      new MutationObserver(check).observe(root, { childList: true, subtree: true });
    }
  };
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records)
      for (const node of r.addedNodes) if (node.nodeType === 1) added.push({ el: node, at: now });
    check();
  }).observe(document, { childList: true, subtree: true });
}

/** The extension's API, through an extension page (any page of the extension origin has it). */
function extensionApi(page) {
  return {
    page,
    /** One poll through the background, timed in the extension page (fetch, parse, store, badge). */
    refresh: () =>
      page.evaluate(async () => {
        const t0 = performance.now();
        const answer = await chrome.runtime.sendMessage({ type: 'refresh' });
        return { ms: performance.now() - t0, answer };
      }),
    get: (key) => page.evaluate(async (k) => (await chrome.storage.local.get(k))[k] ?? null, key),
    set: (values) => page.evaluate((v) => chrome.storage.local.set(v), values),
    remove: (keys) => page.evaluate((k) => chrome.storage.local.remove(k), keys),
    clearAlarms: () => page.evaluate(() => chrome.alarms.clearAll()),
  };
}

/** Performance.getMetrics as { name: value } (durations in seconds, sizes in bytes). */
async function metricsOf(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** One load of the chat page, with main-thread figures of that page's renderer. */
async function loadAndMeasure(context) {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(CHAT_URL, { waitUntil: 'load' });
    // No in-page polling before the metrics are read: it would be script time of its own.
    await page.waitForTimeout(SETTLE_MS);
    const m = await metricsOf(cdp);
    const banner = await page.evaluate(
      (tag) => Boolean(document.querySelector(tag)?.shadowRoot?.querySelector('.so-banner')),
      BANNER_HOST,
    );
    return {
      scriptMs: m.ScriptDuration * 1000,
      taskMs: m.TaskDuration * 1000,
      compileMs: m.V8CompileDuration * 1000,
      layoutMs: (m.LayoutDuration + m.RecalcStyleDuration) * 1000,
      heapUsed: m.JSHeapUsedSize,
      banner,
    };
  } finally {
    await page.close();
  }
}

/**
 * In-page cost: the same page, loaded in turn in browsers that differ only in what is installed:
 * nothing (the baseline), a minimal extension (see minimalExtension), this build, (with --compare)
 * an earlier build of the extension, and (with PEER_DIR) the peer.
 */
async function inPageCost({ ext, base, minimal, before, peer, api, beforeApi, server, runs, log }) {
  const arms = [
    ['extension', ext],
    ['baseline', base],
    ['minimalContentScript', minimal],
    ...(before ? [['before', before]] : []),
    ...(peer ? [['peer', peer]] : []),
  ];
  const out = {};
  for (const scenario of ['healthy', 'claude-ai-partial']) {
    server.setScenario(scenario);
    await api.refresh();
    await beforeApi?.refresh();
    await peer?.use(scenario);
    const expectBanner = scenario !== 'healthy';
    /** @type {Record<string, Awaited<ReturnType<typeof loadAndMeasure>>[]>} */
    const samples = Object.fromEntries(arms.map(([name]) => [name, []]));
    // A warm-up load in each (the first pays for the HTTP cache, the TLS session, code caching).
    for (const [, arm] of arms) await loadAndMeasure(arm.context);
    for (let i = 0; i < runs; i++) {
      // Rotate the order, so drift (CPU frequency, the other core's load) hits every arm alike.
      for (let k = 0; k < arms.length; k++) {
        const [name, arm] = /** @type {(typeof arms)[number]} */ (arms[(i + k) % arms.length]);
        samples[name].push(await loadAndMeasure(arm.context));
      }
    }
    if (samples.extension.some((r) => r.banner !== expectBanner)) {
      throw new Error(`${scenario}: the banner was ${expectBanner ? 'missing' : 'shown'} when the metrics were read`);
    }
    const row = { scenario, runs };
    for (const key of ['scriptMs', 'taskMs', 'compileMs', 'layoutMs', 'heapUsed']) {
      const digits = key === 'heapUsed' ? 0 : 2;
      const values = Object.fromEntries(Object.entries(samples).map(([name, rows]) => [name, rows.map((r) => r[key])]));
      const added = (name) => Number((median(values[name]) - median(values.baseline)).toFixed(digits));
      row[key] = {
        extension: summary(values.extension, digits),
        baseline: summary(values.baseline, digits),
        minimalContentScript: summary(values.minimalContentScript, digits),
        /** Ours minus no extension: what a user pays. */
        added: added('extension'),
        /** Ours minus no extension, median of the per-run differences. */
        addedPaired: Number(median(values.extension.map((v, j) => v - values.baseline[j])).toFixed(digits)),
        /** The minimal content script minus no extension: the floor of any content script that talks to its background. */
        floor: added('minimalContentScript'),
        /** The earlier build minus no extension (--compare), measured in the same rounds. */
        ...(values.before ? { before: summary(values.before, digits), beforeAdded: added('before') } : {}),
        /** The peer minus no extension (PEER_DIR), measured in the same rounds. */
        ...(values.peer ? { peer: summary(values.peer, digits), peerAdded: added('peer') } : {}),
      };
    }
    log(
      `  in-page ${scenario}: script +${row.scriptMs.added} ms (minimal content script +${row.scriptMs.floor} ms` +
        `${row.scriptMs.beforeAdded === undefined ? '' : `, before +${row.scriptMs.beforeAdded} ms`}` +
        `${row.scriptMs.peerAdded === undefined ? '' : `, peer +${row.scriptMs.peerAdded} ms`}), ` +
        `task +${row.taskMs.added} ms, heap +${row.heapUsed.added} B`,
    );
    out[scenario] = row;
  }
  return out;
}

/**
 * The floor: an extension whose content script starts when ours does (document_start) and only
 * touches the extension APIs ours needs (its id, one runtime.sendMessage, one storage.onChanged
 * listener), on the same pages at the same time. It has no background: the message finds no
 * receiver, and is sent all the same. Chromium builds extension API bindings lazily, on first
 * use, as script in the page's renderer: any content script that talks to its background pays
 * for them.
 */
async function minimalExtension() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'so-bench-minimal-'));
  const manifest = {
    manifest_version: 3,
    name: 'minimal content script',
    version: '1.0',
    permissions: ['storage'],
    content_scripts: [{ matches: ['https://claude.ai/*'], run_at: 'document_start', js: ['content.js'] }],
  };
  const code = [
    'void chrome.runtime.id;',
    'chrome.runtime.sendMessage({ type: "site-view" }).catch(() => undefined);',
    'chrome.storage.onChanged.addListener(() => undefined);',
  ].join('\n');
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(path.join(dir, 'content.js'), code);
  return dir;
}

/** Mappings of a built file by generated line, sorted by column, for a nearest-mapping lookup. */
function mappingsOf(file) {
  /** @type {Map<number, { column: number, source: string | null, line: number, name: string | null }[]>} */
  const byLine = new Map();
  if (existsSync(`${file}.map`)) {
    new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8'))).eachMapping((m) => {
      const list = byLine.get(m.generatedLine) ?? [];
      list.push({ column: m.generatedColumn, source: m.source, line: m.originalLine, name: m.name });
      byLine.set(m.generatedLine, list);
    });
  }
  return byLine;
}

/**
 * Where the extension's own script time in the page goes: V8's sampling profiler (100 us) over a
 * few loads, self time of the functions of the extension's scripts in the page (the content
 * script, and the banner script once injected), attributed to their source file and line through
 * the source map when the build has one. Separate runs from the timed ones: the profiler slows
 * the page down, so only the shares mean something.
 */
async function profileContentScript({ ext, api, server, buildDir, extensionId, runs }) {
  const origin = `chrome-extension://${extensionId}/`;
  const maps = new Map();
  const where = (frame) => {
    const name = frame.url.slice(origin.length);
    if (!maps.has(name)) maps.set(name, mappingsOf(path.join(buildDir, name)));
    const byLine = maps.get(name);
    const line = frame.lineNumber + 1;
    const column = frame.columnNumber;
    const raw = `${name}:${line}:${column}${frame.functionName ? ` ${frame.functionName}` : ''}`;
    // The bundle's outer function: what runs when the script is evaluated (every module's top level).
    if (line === 1 && column < 40 && !frame.functionName) return `(${name} evaluation: module top levels)`;
    const list = byLine.get(line);
    if (!list) return byLine.size === 0 ? raw : `(unmapped) ${raw}`;
    let hit = null;
    for (const m of list) {
      if (m.column <= column) hit = m;
      else {
        // A function can start on a token with no mapping of its own (`async`, `(`): take the next one if close.
        if (!hit?.source && m.column - column <= 20) hit = m;
        break;
      }
    }
    if (!hit?.source) return `(unmapped) ${raw}`;
    const source = hit.source.replace(/.*node_modules\//, 'npm:').replace(/^(\.\.\/)+/, '');
    return `${source}:${hit.line}${hit.name ? ` ${hit.name}` : ''}`;
  };
  const out = {};
  for (const scenario of ['healthy', 'claude-ai-partial']) {
    server.setScenario(scenario);
    await api.refresh();
    const selfUs = new Map();
    let total = 0;
    for (let i = 0; i < runs; i++) {
      const page = await ext.context.newPage();
      try {
        const cdp = await ext.context.newCDPSession(page);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
        await page.goto(CHAT_URL, { waitUntil: 'load' });
        await page.waitForTimeout(SETTLE_MS);
        const { profile } = await cdp.send('Profiler.stop');
        const perNode = new Map();
        const samples = profile.samples ?? [];
        for (let k = 0; k < samples.length; k++) {
          perNode.set(samples[k], (perNode.get(samples[k]) ?? 0) + (profile.timeDeltas?.[k] ?? 0));
        }
        for (const node of profile.nodes) {
          if (!node.callFrame.url.startsWith(origin)) continue;
          const us = perNode.get(node.id) ?? 0;
          if (us === 0) continue;
          const key = where(node.callFrame);
          selfUs.set(key, (selfUs.get(key) ?? 0) + us);
          total += us;
        }
      } finally {
        await page.close();
      }
    }
    out[scenario] = {
      runs,
      selfMsPerLoad: Number((total / runs / 1000).toFixed(2)),
      top: [...selfUs.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([source, us]) => ({
          source,
          msPerLoad: Number((us / runs / 1000).toFixed(2)),
          share: Number((us / total).toFixed(3)),
        })),
    };
  }
  return out;
}

async function openProbedPage(context) {
  const page = await context.newPage();
  await page.addInitScript(pageProbe);
  return page;
}

const marksOf = (page) => page.evaluate(() => /** @type {any} */ (window).__soBench.marks);

/** One load with a stored incident, until the frame that paints our banner (status-overlay-banner). */
async function bannerLoad(context) {
  const page = await openProbedPage(context);
  try {
    await page.goto(CHAT_URL, { waitUntil: 'load' });
    await page.waitForFunction(() => /** @type {any} */ (window).__soBench.marks.frame !== null, null, {
      timeout: 10_000,
      polling: 20,
    });
    return await marksOf(page);
  } finally {
    await page.close();
  }
}

/** Whether an element, or an element inside it (its shadow roots too, closed ones included), has a box. */
async function peerShown(cdp, objectId) {
  const { node } = await cdp.send('DOM.describeNode', { objectId, depth: -1, pierce: true });
  const elements = [];
  const walk = (n) => {
    if (n.nodeType === 1) elements.push(n.backendNodeId);
    for (const child of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(child);
  };
  walk(node);
  for (const backendNodeId of elements) {
    // An element with no layout box (display: none, a <style>) has no box model: an error.
    const box = await cdp.send('DOM.getBoxModel', { backendNodeId }).catch(() => null);
    if (box && box.model.width > 0 && box.model.height > 0) return true;
  }
  return false;
}

/**
 * One load in the peer's browser: when the first element it added that takes up space (its banner,
 * or whatever it shows in the page) was added, against what the page holds by itself (`own`);
 * null when none came within PEER_BANNER_MS of `load`.
 */
async function peerBannerLoad(context, own) {
  const page = await openProbedPage(context);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await page.goto(CHAT_URL, { waitUntil: 'load' });
    const evaluate = async (expression, returnByValue) =>
      (await cdp.send('Runtime.evaluate', { expression, returnByValue, objectGroup: 'peer' })).result;
    const deadline = Date.now() + PEER_BANNER_MS;
    while (Date.now() < deadline) {
      const { value: times } = await evaluate(`window.__soBench.candidates(${JSON.stringify(own)})`, true);
      for (let i = 0; i < times.length; i++) {
        const { objectId } = await evaluate(`window.__soBench.listed[${i}]`, false);
        if (objectId && (await peerShown(cdp, objectId))) {
          return { at: times[i], dcl: (await evaluate('window.__soBench.marks.dcl', true)).value };
        }
      }
      await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'peer' });
      await sleep(20);
    }
    return null;
  } finally {
    await page.close();
  }
}

/** What the chat page holds by itself: a load on the browser without any extension. */
async function pageOwnElements(context) {
  const page = await openProbedPage(context);
  try {
    await page.goto(CHAT_URL, { waitUntil: 'load' });
    await page.waitForTimeout(PEER_BANNER_MS);
    return await page.evaluate(() => /** @type {any} */ (window).__soBench.own());
  } finally {
    await page.close();
  }
}

/** The background's answer to `site-view`, timed from an extension page, `runs` times. */
function siteViewTimes(api, runs) {
  // It reads and parses four stored items, then runs assess; no injection, as the extension page
  // says nothing about a banner script.
  return api.page.evaluate(async (n) => {
    const view = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await chrome.runtime.sendMessage({ type: 'site-view', site: 'claude-ai', model: 'Opus 4.6' });
      view.push(performance.now() - t0);
    }
    return view;
  }, runs);
}

/**
 * DOMContentLoaded -> banner, with an incident already stored (the content script starts at
 * document_start, before it), for this build and, in the same rotated rounds, the earlier build
 * of --compare and the peer of PEER_DIR. A peer may draw nothing in the page: each of its loads
 * waits at most PEER_BANNER_MS after `load`, and once its warm-up and first timed load show
 * nothing its loads stop (its row reads n/a).
 */
async function bannerFromStart({ ext, base, before, peer, api, beforeApi, server, runs, log }) {
  server.setScenario('claude-ai-partial');
  await api.refresh();
  await beforeApi?.refresh();
  await peer?.use('claude-ai-partial');
  const own = peer ? await pageOwnElements(base.context) : null;
  const arms = [['extension', ext], ...(before ? [['before', before]] : []), ...(peer ? [['peer', peer]] : [])];
  /** @type {Record<string, any[]>} */
  const rows = Object.fromEntries(arms.map(([name]) => [name, []]));
  let peerDrew = false;
  for (let i = 0; i < runs + 1; i++) {
    for (let k = 0; k < arms.length; k++) {
      const [name, arm] = /** @type {(typeof arms)[number]} */ (arms[(i + k) % arms.length]);
      if (name === 'peer' && i > 1 && !peerDrew) continue;
      const m = name === 'peer' ? await peerBannerLoad(arm.context, own) : await bannerLoad(arm.context);
      if (name === 'peer') peerDrew ||= m !== null;
      if (i > 0) rows[name].push(m); // the first load is a warm-up
    }
  }
  const resultOf = (marks, view) => ({
    runs,
    siteViewRoundTripMs: summary(view),
    startToBannerMs: summary(marks.map((m) => m.banner - m.dcl)),
    startToFrameMs: summary(marks.map((m) => m.frame - m.dcl)),
    navigationToDomContentLoadedMs: summary(marks.map((m) => m.dcl)),
    navigationToBannerMs: summary(marks.map((m) => m.banner)),
    bannerHeightPx: median(marks.map((m) => m.height)),
  });
  const result = resultOf(rows.extension, await siteViewTimes(api, runs));
  const beforeResult = before && beforeApi ? resultOf(rows.before, await siteViewTimes(beforeApi, runs)) : null;
  if (peer) {
    const drawn = rows.peer.filter((m) => m !== null);
    result.peer = {
      loads: rows.peer.length,
      loadsWithBanner: drawn.length,
      waitedMs: PEER_BANNER_MS,
      startToBannerMs: drawn.length > 0 ? summary(drawn.map((m) => m.at - m.dcl)) : null,
      navigationToBannerMs: drawn.length > 0 ? summary(drawn.map((m) => m.at)) : null,
    };
  }
  log(
    `  banner from DOMContentLoaded: ${result.startToBannerMs.median} ms` +
      (beforeResult ? `, before ${beforeResult.startToBannerMs.median} ms` : '') +
      (result.peer ? `, peer ${result.peer.startToBannerMs ? `${result.peer.startToBannerMs.median} ms` : 'n/a'}` : ''),
  );
  return { result, before: beforeResult };
}

/** Capacity error inserted -> banner, on a healthy day. */
async function bannerFromCapacity({ ext, api, server, runs, log }) {
  server.setScenario('healthy');
  await api.refresh();
  const rows = [];
  for (let i = 0; i < runs + 1; i++) {
    // No earlier detection or dismissal: each run starts with no capacity banner.
    await api.remove(['signals', 'dismissals']);
    const page = await openProbedPage(ext.context);
    try {
      await page.goto(CHAT_URL, { waitUntil: 'load' });
      // Let the content script start, finish its first round trip and its first scan of the page.
      await page.waitForTimeout(400);
      const t0 = await page.evaluate(() => {
        const w = /** @type {any} */ (window);
        w.__soBench.reset();
        const start = performance.now();
        w.__insertCapacityError();
        return start;
      });
      await page.waitForFunction(() => /** @type {any} */ (window).__soBench.marks.frame !== null, null, {
        timeout: 10_000,
        polling: 20,
      });
      const m = await marksOf(page);
      if (i > 0) rows.push({ banner: m.banner - t0, frame: m.frame - t0 });
    } finally {
      await page.close();
    }
  }
  await api.remove(['signals', 'dismissals']);
  const result = {
    runs,
    insertToBannerMs: summary(rows.map((r) => r.banner)),
    insertToFrameMs: summary(rows.map((r) => r.frame)),
  };
  log(`  banner from capacity error: ${result.insertToBannerMs.median} ms`);
  return result;
}

/** Opening claude.ai with data older than one interval (5 minutes on a healthy day) -> fresh data in storage. */
async function freshness({ ext, api, server, runs, log }) {
  server.setScenario('healthy');
  await api.refresh();
  const rows = [];
  for (let i = 0; i < runs; i++) {
    const status = await api.get('status');
    const aged = new Date(Date.now() - 1.5 * QUIET_INTERVAL_MS).toISOString();
    status.health.lastSuccessAt = aged;
    status.health.lastAttemptAt = aged;
    // The last run's page was a hint too: each run opens claude.ai as if no hint were recent.
    status.health.hintedAt = aged;
    await api.set({ status });
    await api.page.evaluate((since) => {
      const w = /** @type {any} */ (window);
      w.__fresh = new Promise((resolve) => {
        const listener = (changes, area) => {
          const at = changes.status?.newValue?.health?.lastSuccessAt;
          if (area === 'local' && at && Date.parse(at) > Date.parse(since)) {
            chrome.storage.onChanged.removeListener(listener);
            resolve(Date.now());
          }
        };
        chrome.storage.onChanged.addListener(listener);
      });
    }, aged);
    server.resetLog();
    const page = await ext.context.newPage();
    try {
      const opened = Date.now();
      await page.goto(CHAT_URL, { waitUntil: 'commit' });
      const fresh = await api.page.evaluate(
        () =>
          Promise.race([
            /** @type {any} */ (window).__fresh,
            new Promise((resolve) => setTimeout(() => resolve(null), 10_000)),
          ]),
        null,
      );
      if (fresh === null) throw new Error('no fresh data within 10 s of opening claude.ai');
      const pageRequest = server.requests.find((r) => r.host === 'claude.ai' && r.path === '/chat/x');
      const poll = server.requests.find((r) => r.path === SUMMARY_PATH);
      rows.push({
        openToFresh: fresh - opened,
        pageRequestToPoll: pageRequest && poll ? poll.at - pageRequest.at : Number.NaN,
        pollStatus: poll?.status ?? 0,
      });
    } finally {
      await page.close();
    }
  }
  const result = {
    runs,
    openToFreshMs: summary(
      rows.map((r) => r.openToFresh),
      0,
    ),
    pageRequestToPollRequestMs: summary(
      rows.map((r) => r.pageRequestToPoll),
      0,
    ),
    pollStatuses: [...new Set(rows.map((r) => r.pollStatus))],
  };
  log(`  freshness on opening claude.ai: ${result.openToFreshMs.median} ms`);
  return result;
}

/** The bytes of a request as it went out, from the headers the server logged (HTTP/1.1 framing). */
function requestBytes(entry) {
  let size = `${entry.method} ${entry.path}${entry.search} HTTP/1.1\r\n`.length + 2;
  for (const [name, value] of Object.entries(entry.headers)) {
    for (const v of Array.isArray(value) ? value : [value]) size += `${name}: ${v}\r\n`.length;
  }
  return size;
}

function compactBody(fixture) {
  return Buffer.from(JSON.stringify(JSON.parse(loadFixture(fixture))));
}

/** Poll time and bytes on the wire, unchanged (304) and changed (200). */
async function polls({ api, server, runs, log }) {
  const summaryRequests = () => server.requests.filter((r) => r.path === SUMMARY_PATH);

  server.setScenario('healthy');
  await api.refresh();
  server.resetLog();
  const unchangedMs = [];
  for (let i = 0; i < runs; i++) unchangedMs.push((await api.refresh()).ms);
  const unchanged = summaryRequests();

  server.resetLog();
  const changedMs = [];
  for (let i = 0; i < runs; i++) {
    server.setScenario(i % 2 === 0 ? 'claude-ai-partial' : 'healthy');
    changedMs.push((await api.refresh()).ms);
  }
  const changed = summaryRequests();

  const statuses = (list) => [...new Set(list.map((r) => r.status))];
  if (statuses(unchanged).join() !== '304') throw new Error(`unchanged polls answered ${statuses(unchanged)}`);
  if (statuses(changed).join() !== '200') throw new Error(`changed polls answered ${statuses(changed)}`);
  if (unchanged.length !== runs || changed.length !== runs) throw new Error('expected one request per poll');

  const bodies = Object.fromEntries(
    ['healthy', 'claude-ai-partial'].map((name) => {
      const body = compactBody(name);
      return [name, { raw: body.length, gzip: zlib.gzipSync(body).length }];
    }),
  );
  const notModifiedBytes = median(unchanged.map((r) => r.bytes));
  const notModifiedRequest = median(unchanged.map(requestBytes));
  const changedBytes = median(changed.map((r) => r.bytes));
  const changedRequest = median(changed.map(requestBytes));
  const pollsPerDay = (24 * 60 * 60_000) / INTERVAL_MS;
  const result = {
    runs,
    unchanged: {
      status: 304,
      pollMs: summary(unchangedMs),
      responseBytes: notModifiedBytes,
      requestBytes: notModifiedRequest,
      conditional: unchanged.every((r) => Boolean(r.headers['if-none-match'] || r.headers['if-modified-since'])),
    },
    changed: {
      status: 200,
      pollMs: summary(changedMs),
      responseBytes: changedBytes,
      requestBytes: changedRequest,
      bodies,
    },
    perDay: {
      polls: pollsPerDay,
      quietDayResponseBytes: pollsPerDay * notModifiedBytes,
      quietDayBytes: pollsPerDay * (notModifiedBytes + notModifiedRequest),
      extraPerChangeBytes: changedBytes - notModifiedBytes,
    },
    worstCaseBadgeDelay: {
      formula: 'interval + poll time (changed): the page changes just after a poll read it',
      intervalMs: INTERVAL_MS,
      pollMs: median(changedMs),
      totalMs: INTERVAL_MS + median(changedMs),
    },
  };
  log(`  polls: 304 ${notModifiedBytes} B in ${result.unchanged.pollMs.median} ms, 200 ${changedBytes} B`);
  return result;
}

/** Heap of the extension's service worker, through a browser-level CDP session. */
async function workerHeap(context, extensionId) {
  const browser = context.browser();
  if (!browser) return null;
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await session.send('Target.getTargets');
    const target = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
    );
    if (!target) return null;
    const { sessionId } = await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    let nextId = 0;
    const pending = new Map();
    session.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message);
      pending.get(message.id)?.(message);
      pending.delete(message.id);
    });
    const call = (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = ++nextId;
        pending.set(id, (message) =>
          message.error ? reject(new Error(message.error.message)) : resolve(message.result),
        );
        session
          .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
          .catch(reject);
      });
    const before = await call('Runtime.getHeapUsage');
    await call('HeapProfiler.collectGarbage');
    const after = await call('Runtime.getHeapUsage');
    await session.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return { usedBytes: before.usedSize, totalBytes: before.totalSize, usedAfterGcBytes: after.usedSize };
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** Heap of the popup page (popup.html opened in a tab: the same document as the toolbar popup). */
async function popupHeap(context, extensionId, server, api) {
  server.setScenario('claude-ai-partial');
  await api.refresh();
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => (document.getElementById('app')?.childElementCount ?? 0) > 0, null, {
      timeout: 10_000,
    });
    await page.waitForTimeout(SETTLE_MS);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const m = await metricsOf(cdp);
    await cdp.send('HeapProfiler.collectGarbage');
    const after = await cdp.send('Runtime.getHeapUsage');
    return { usedBytes: m.JSHeapUsedSize, totalBytes: m.JSHeapTotalSize, usedAfterGcBytes: after.usedSize };
  } finally {
    await page.close();
  }
}

/**
 * The origin of an extension's scripts in a claude.ai page, chrome-extension://<id>/, from its
 * computed id (bench/peer.mjs), checked on one load against the isolated world its content script
 * runs in there, when it has one.
 */
async function scriptOrigin(context, dir, name) {
  const expected = `chrome-extension://${unpackedExtensionId(dir)}`;
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const seen = new Set();
    cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
      if (c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://')) seen.add(c.origin);
    });
    await cdp.send('Runtime.enable');
    await page.goto(CHAT_URL, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    if (seen.size > 0 && !seen.has(expected)) {
      throw new Error(`${name}: its content script runs as ${[...seen].join(', ')}, not ${expected}`);
    }
    return `${expected}/`;
  } finally {
    await page.close();
  }
}

/**
 * The peer (PEER_DIR): another extension, in a browser of its own, measured beside the others. It
 * cannot be told to poll, so it learns the replay server's scenario the way it would on install:
 * whenever a part needs another scenario (`use`), its browser starts again on a fresh profile and
 * the bench waits, at most PEER_LEARN_MS, for its first request to the status page's hosts, then
 * PEER_SETTLE_MS. What it asked for is kept for each start (`starts`); a peer that asks nothing
 * (or asks a host the replay server does not serve) is measured all the same, on what it knows.
 * Its alarms cannot be cleared as ours are: `stop` closes its browser before the parts that count
 * the server's requests.
 * @param {{ port: number, requests: { host: string, path: string, status: number }[] }} server
 * @param {{ dir: string, name: string, version: string }} info
 */
function peerArm(server, info, log) {
  const arm = {
    ...info,
    /** @type {import('playwright-core').BrowserContext | null} */
    context: null,
    origin: '',
    scenario: /** @type {string | null} */ (null),
    /** @type {{ scenario: string, requests: string[] }[]} its requests to the replay server after each start */
    starts: [],
    close: async () => undefined,
    async stop() {
      await arm.close();
      arm.close = async () => undefined;
      arm.context = null;
      arm.scenario = null;
    },
    async use(/** @type {string} */ scenario) {
      if (arm.scenario === scenario) return;
      await arm.stop();
      const from = server.requests.length;
      const browser = await launch(server.port, info.dir);
      arm.context = browser.context;
      arm.close = browser.close;
      arm.scenario = scenario;
      const since = () => server.requests.slice(from);
      const deadline = Date.now() + PEER_LEARN_MS;
      while (!since().some((r) => STATUS_HOSTS.has(r.host)) && Date.now() < deadline) await sleep(50);
      const polled = since().some((r) => STATUS_HOSTS.has(r.host));
      if (polled) await sleep(PEER_SETTLE_MS);
      arm.starts.push({ scenario, requests: [...new Set(since().map((r) => `${r.host}${r.path} ${r.status}`))] });
      if (!polled) log(`  peer: no request to the status page within ${PEER_LEARN_MS / 1000} s of its start`);
      arm.origin ||= await scriptOrigin(browser.context, info.dir, `PEER_DIR ${info.name}`);
    },
  };
  return arm;
}

/** An extension's id, from its service worker, and an extension page to drive its API from. */
async function extensionOf(browser) {
  const worker =
    browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  // Any page of the extension origin has its API; manifest.json runs no code of ours.
  const apiPage = await browser.context.newPage();
  await apiPage.goto(`chrome-extension://${extensionId}/manifest.json`);
  const api = extensionApi(apiPage);
  await api.clearAlarms();
  await api.refresh();
  return { extensionId, api };
}

/**
 * Every browser measurement. `runs` is the number of timed repetitions of each page measurement.
 * With `compareDir`, an earlier build runs beside this one in the same rounds (issue #17's
 * before/after table); with `peer` (PEER_DIR, read by bench/peer.mjs), another extension does, in
 * the in-page, streamed-reply and banner measurements.
 * @param {{ buildDir: string, compareDir?: string | null, peer?: { dir: string, name: string, version: string } | null, parts?: string[], runs: number, log: (line: string) => void }} options
 */
export async function benchBrowser({
  buildDir,
  compareDir = null,
  peer: peerInfo = null,
  parts = BROWSER_PARTS,
  runs,
  log,
}) {
  const want = new Set(parts);
  const server = await startReplayServer({ scenario: 'healthy' });
  /** @type {{ close: () => Promise<void> }[]} */
  const browsers = [];
  try {
    const ext = await launch(server.port, buildDir);
    browsers.push(ext);
    const base = await launch(server.port, null);
    browsers.push(base);
    const minimalDir = await minimalExtension();
    const minimal = await launch(server.port, minimalDir);
    browsers.push({ close: () => minimal.close().then(() => rm(minimalDir, { recursive: true, force: true })) });
    const before = compareDir ? await launch(server.port, compareDir) : null;
    if (before) browsers.push(before);
    // The peer runs only in the parts that have a place for it.
    const peerParts = PEER_PARTS.filter((name) => want.has(name));
    if (peerInfo && peerParts.length === 0) log(`  peer: not measured (only in ${PEER_PARTS.join(', ')})`);
    const peer = peerInfo && peerParts.length > 0 ? peerArm(server, peerInfo, log) : null;
    if (peer) browsers.push({ close: () => peer.close() });
    const { extensionId, api } = await extensionOf(ext);
    const beforeExt = before ? await extensionOf(before) : null;
    const version = ext.context.browser()?.version() ?? null;

    const ctx = {
      ext,
      base,
      minimal,
      before,
      peer,
      api,
      beforeApi: beforeExt?.api ?? null,
      server,
      extensionId,
      runs,
      log,
    };
    const beforeCtx =
      before && beforeExt ? { ...ctx, ext: before, api: beforeExt.api, extensionId: beforeExt.extensionId } : null;
    /** [name, browser, origin of its extension scripts (null: none)] for the page-work measures. */
    const arms = [
      ['extension', ext, `chrome-extension://${extensionId}/`],
      ['baseline', base, null],
      ...(before && beforeExt ? [['before', before, `chrome-extension://${beforeExt.extensionId}/`]] : []),
    ];
    const out = { chromiumVersion: version, compared: compareDir !== null };
    if (peer) {
      await peer.use('healthy');
      out.peer = { dir: peer.dir, name: peer.name, version: peer.version, origin: peer.origin, starts: peer.starts };
    }
    if (want.has('inPage')) out.inPage = await inPageCost(ctx);
    if (want.has('profile')) {
      out.profile = await profileContentScript({ ...ctx, buildDir, runs: Math.max(3, Math.ceil(runs / 3)) });
    }
    if (want.has('banner')) {
      const { result, before: beforeResult } = await bannerFromStart(ctx);
      out.banner = result;
      if (beforeResult) out.bannerBefore = beforeResult;
    }
    if (want.has('capacity')) {
      out.capacity = await bannerFromCapacity(ctx);
      if (beforeCtx) out.capacityBefore = await bannerFromCapacity(beforeCtx);
    }
    if (want.has('stream')) {
      // The floor and the peer too: the extension's time read against theirs, in the same rounds.
      const floorOrigin = await scriptOrigin(minimal.context, minimalDir, 'the minimal extension');
      server.setScenario('healthy');
      await peer?.use('healthy');
      const streamArms = [
        ...arms.slice(0, 2),
        ['floor', minimal, floorOrigin],
        ...arms.slice(2),
        ...(peer ? [['peer', peer, peer.origin]] : []),
      ];
      out.stream = await streamedReply({ arms: streamArms, server, runs, log });
    }
    // The peer's own polls would be counted by the parts below (it is in none of them).
    await peer?.stop();
    if (want.has('long')) out.long = await longConversation({ arms, server, runs, log });
    if (want.has('freshness')) out.freshness = await freshness({ ...ctx, runs: Math.max(3, Math.ceil(runs / 3)) });
    if (want.has('network')) out.network = await polls({ ...ctx, runs: 10 });
    if (want.has('memory')) {
      out.memory = {
        worker: await workerHeap(ext.context, extensionId),
        popup: await popupHeap(ext.context, extensionId, server, api),
      };
      log(`  memory: worker ${out.memory.worker?.usedAfterGcBytes} B, popup ${out.memory.popup.usedAfterGcBytes} B`);
    }
    if (want.has('coldStart')) {
      const builds = [['extension', buildDir], ...(compareDir ? [['before', compareDir]] : [])];
      out.coldStart = await coldStart({ builds, launch, server, runs, log });
    }
    return out;
  } finally {
    for (const b of browsers) await b.close();
    await server.close();
  }
}
