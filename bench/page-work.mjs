/**
 * The extension's work in a claude.ai page beyond its load (issue #17), and the background's cold
 * start, measured side by side for this build and (with --compare) an earlier one; the streamed
 * reply also for the floor (bench/browser.mjs's minimal extension) and (with PEER_DIR) the peer:
 * - a streamed reply: the fixture re-renders a `data-is-streaming="true"` reply every 30 ms for
 *   6 s (tests/fixtures/pages/claude-chat.html, window.__streamReply); V8's sampling profiler
 *   (100 us) counts the samples with one of the extension's scripts on the stack;
 * - a 3,000-message conversation (?messages=3000, built by the page before its load event): a
 *   Chrome trace (devtools.timeline) from navigation to 2 s after load (the watcher's first scan
 *   waits for idle, at most 1 s); the longest EvaluateScript or FunctionCall of one of the
 *   extension's scripts is its longest task (a CPU profile cannot tell two slices of the scan
 *   that follow each other closely from one long task);
 * - the background's cold start: a fresh profile installs the extension, whose worker polls at
 *   once; worker start (its performance.timeOrigin) -> the poll's request at the replay server,
 *   and that request -> the poll's result stored (status.health.lastSuccessAt). The replay server
 *   answers at once on loopback, so the second part is almost all the worker's own work.
 */
import { median, summary } from './stats.mjs';

const CHAT_URL = 'https://claude.ai/chat/x';
const SUMMARY_PATH = '/api/v2/summary.json';
const STREAM_MS = 6_000;
const STREAM_EVERY_MS = 30;
const MESSAGES = 3_000;
/** After load: the watcher's idle scan (requestIdleCallback, timeout 1 s) has run by then. */
const AFTER_LOAD_MS = 2_000;
/**
 * Before a streamed reply starts: the page's load work is over, the idle scan and the markers
 * check included (entrypoints/claude.content/watcher.ts: 3 s after the page's last change, plus a
 * batch), so that the reply's figure is the reply's work and not the end of the page's load.
 */
const BEFORE_STREAM_MS = 4_500;

/**
 * Extension time in a CPU profile: samples whose stack holds a frame of one of the extension's
 * scripts (so DOM calls made by them count too), in total and as the longest consecutive run.
 */
export function extensionTime(profile, origin) {
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ours = new Map();
  const isOurs = (id) => {
    if (ours.has(id)) return ours.get(id);
    const node = byId.get(id);
    const up = parent.get(id);
    const result = Boolean(node?.callFrame.url.startsWith(origin)) || (up !== undefined && isOurs(up));
    ours.set(id, result);
    return result;
  };
  let totalUs = 0;
  let runUs = 0;
  let longestUs = 0;
  const samples = profile.samples ?? [];
  for (let k = 0; k < samples.length; k++) {
    const delta = profile.timeDeltas?.[k + 1] ?? 0;
    if (isOurs(samples[k])) {
      totalUs += delta;
      runUs += delta;
      longestUs = Math.max(longestUs, runUs);
    } else runUs = 0;
  }
  return { totalMs: totalUs / 1000, longestMs: longestUs / 1000 };
}

async function profiled(context, run) {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Performance.enable');
    return await run(page, cdp);
  } finally {
    await page.close();
  }
}

const scriptSeconds = async (cdp) =>
  (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;

/**
 * A streamed reply, in each arm ([name, { context }, origin | null]; origin null = no extension),
 * in rotated rounds: each extension's time from the profile, counted on its own origin, and the
 * page's whole script time (ScriptDuration), against the arm named `baseline` when there is one.
 */
export async function streamedReply({ arms, server, runs, log }) {
  server.setScenario('healthy');
  const samples = Object.fromEntries(arms.map(([name]) => [name, { extMs: [], scriptMs: [] }]));
  for (let i = 0; i < runs + 1; i++) {
    for (let k = 0; k < arms.length; k++) {
      const [name, arm, origin] = arms[(i + k) % arms.length];
      const row = await profiled(arm.context, async (page, cdp) => {
        await page.goto(CHAT_URL, { waitUntil: 'load' });
        await page.waitForTimeout(BEFORE_STREAM_MS);
        const before = await scriptSeconds(cdp);
        await cdp.send('Profiler.start');
        await page.evaluate(
          ([ms, every]) => /** @type {any} */ (window).__streamReply(ms, every),
          [STREAM_MS, STREAM_EVERY_MS],
        );
        // The finished reply is scanned once, in the watcher's next batch (100 ms).
        await page.waitForTimeout(300);
        const { profile } = await cdp.send('Profiler.stop');
        const after = await scriptSeconds(cdp);
        return { ext: origin ? extensionTime(profile, origin).totalMs : 0, script: (after - before) * 1000 };
      });
      // The first round is a warm-up.
      if (i > 0) {
        samples[name].extMs.push(row.ext);
        samples[name].scriptMs.push(row.script);
      }
    }
  }
  const out = { runs, durationMs: STREAM_MS, everyMs: STREAM_EVERY_MS };
  const base = samples.baseline ? median(samples.baseline.scriptMs) : null;
  for (const [name] of arms) {
    out[name] = {
      extensionScriptMs: summary(samples[name].extMs, 2),
      pageScriptMs: summary(samples[name].scriptMs, 1),
      pageScriptAddedMs: base === null ? null : Number((median(samples[name].scriptMs) - base).toFixed(1)),
    };
  }
  log(
    `  streamed reply: ${arms
      .filter(([, , origin]) => origin)
      .map(([name]) => `${name} ${out[name].extensionScriptMs.median} ms in its scripts`)
      .join(', ')}`,
  );
  return out;
}

/** The extension's script entries in a trace: evaluations and calls of its scripts (they do not nest). */
export function extensionTasks(events, origin) {
  return events
    .filter(
      (e) =>
        e.ph === 'X' &&
        (e.name === 'EvaluateScript' || e.name === 'FunctionCall') &&
        String(e.args?.data?.url ?? '').startsWith(origin),
    )
    .map((e) => (e.dur ?? 0) / 1000);
}

async function traced(cdp, run) {
  const events = [];
  const collect = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  await run();
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return events;
}

/** A 3,000-message conversation: the longest extension task, and their total, per extension arm. */
export async function longConversation({ arms, server, runs, log }) {
  server.setScenario('healthy');
  const extArms = arms.filter(([, , origin]) => origin);
  const samples = Object.fromEntries(extArms.map(([name]) => [name, { longestMs: [], totalMs: [] }]));
  for (let i = 0; i < runs + 1; i++) {
    for (let k = 0; k < extArms.length; k++) {
      const [name, arm, origin] = extArms[(i + k) % extArms.length];
      const row = await profiled(arm.context, async (page, cdp) => {
        const events = await traced(cdp, async () => {
          await page.goto(`${CHAT_URL}?messages=${MESSAGES}`, { waitUntil: 'load' });
          await page.waitForTimeout(AFTER_LOAD_MS);
        });
        const tasks = extensionTasks(events, origin);
        if (tasks.length === 0) throw new Error(`${name}: no extension script in the trace`);
        return { longestMs: Math.max(...tasks), totalMs: tasks.reduce((sum, ms) => sum + ms, 0) };
      });
      if (i > 0) {
        samples[name].longestMs.push(row.longestMs);
        samples[name].totalMs.push(row.totalMs);
      }
    }
  }
  const out = { runs, messages: MESSAGES };
  for (const [name] of extArms) {
    out[name] = { longestMs: summary(samples[name].longestMs, 2), totalMs: summary(samples[name].totalMs, 2) };
  }
  log(
    `  ${MESSAGES}-message conversation, longest extension task: ${extArms
      .map(([name]) => `${name} ${out[name].longestMs.median} ms`)
      .join(', ')}`,
  );
  return out;
}

/** Worker cold start in a fresh profile -> first poll requested -> its result stored. */
export async function coldStart({ builds, launch, server, runs, log }) {
  server.setScenario('healthy');
  const out = { runs };
  for (const [name, dir] of builds) {
    const rows = [];
    for (let i = 0; i < runs; i++) {
      server.resetLog();
      const browser = await launch(server.port, dir);
      try {
        const worker =
          browser.context.serviceWorkers()[0] ??
          (await browser.context.waitForEvent('serviceworker', { timeout: 15_000 }));
        const origin = await worker.evaluate(() => performance.timeOrigin);
        const deadline = Date.now() + 15_000;
        let storedAt = null;
        while (storedAt === null && Date.now() < deadline) {
          const at = await worker.evaluate(
            async () => (await chrome.storage.local.get('status')).status?.health?.lastSuccessAt ?? null,
          );
          if (at) storedAt = Date.parse(at);
          else await new Promise((r) => setTimeout(r, 20));
        }
        const request = server.requests.find((r) => r.path === SUMMARY_PATH);
        if (storedAt === null || !request) throw new Error(`${name}: no first poll stored within 15 s`);
        rows.push({ toRequest: request.at - origin, requestToStored: storedAt - request.at });
      } finally {
        await browser.close();
      }
    }
    out[name] = {
      startToRequestMs: summary(
        rows.map((r) => r.toRequest),
        0,
      ),
      requestToStoredMs: summary(
        rows.map((r) => r.requestToStored),
        0,
      ),
      startToStoredWithoutNetworkMs: Number(median(rows.map((r) => r.toRequest + r.requestToStored)).toFixed(0)),
    };
  }
  log(
    `  worker cold start -> first stored poll: ${builds
      .map(([name]) => `${name} ${out[name].startToStoredWithoutNetworkMs} ms`)
      .join(', ')}`,
  );
  return out;
}
