/**
 * Traffic (issue #16): how many requests one install sends to the status page, and how many
 * storage writes its signals cost, on a simulated day and in a simulated storm. Deterministic and
 * fast: the real gate, poller, cadence, signal and failure-log code (compiled from core/ and
 * entrypoints/background/ with Rolldown) runs against a fake clock, fake timers and a fake fetch.
 * The wiring between them mirrors entrypoints/background/index.ts (which needs a browser): the
 * alarm, browser start, the tabs' site-view requests after each stored change, capacity
 * detections and request outcomes each go through the gate exactly as there.
 *
 * "Today" is the code before issue #16, simulated the same way: an alarm every minute, the
 * primary then the fallback on every poll, a page hint at most every 5 s after the last attempt.
 */
import { createJiti } from 'jiti';
import { importBundled } from './bundle-source.mjs';

// The replay server is TypeScript; jiti loads it on any Node (Node 20 runs no .ts by itself).
const { loadFixture } = await createJiti(import.meta.url).import('../tests/replay/server.ts');

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

function loadCode() {
  return importBundled('traffic', {
    'entrypoints/background/polling/poller.ts': ['createPoller'],
    'entrypoints/background/polling/poll-gate.ts': ['createPollGate'],
    'entrypoints/background/claude-page/outcome-writer.ts': ['createOutcomeWriter'],
    'core/polling/cadence.ts': ['cadenceMs', 'alarmPeriodMinutes', 'alarmDelayMinutes', 'staleIntervalMs'],
    'core/polling/health.ts': ['isOlderThanInterval', 'applyOutcome', 'inBackoff'],
    'core/status-page/status-model.ts': ['EMPTY_STATUS'],
    'core/settings/settings.ts': ['DEFAULT_SETTINGS'],
    'core/claude-page/detections.ts': ['EMPTY_SIGNALS', 'withDetection'],
    'core/claude-page/fault.ts': ['EMPTY_FAILURE_LOG', 'recordOutcome'],
    'entrypoints/background/polling/fetch-summary.ts': ['fetchSummary'],
  });
}

/** A fake clock whose timers replace the global ones while a simulation runs. */
function fakeTime(startMs) {
  let now = startMs;
  let seq = 0;
  /** @type {Map<number, { at: number, fn: () => void }>} */
  const timers = new Map();
  const real = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout };
  const settle = async () => {
    for (let i = 0; i < 30; i++) await new Promise((r) => setImmediate(r));
  };
  return {
    now: () => now,
    install() {
      globalThis.setTimeout = (fn, ms = 0) => {
        const id = ++seq;
        timers.set(id, { at: now + Math.max(0, ms), fn });
        return id;
      };
      globalThis.clearTimeout = (id) => timers.delete(id);
    },
    uninstall() {
      globalThis.setTimeout = real.setTimeout;
      globalThis.clearTimeout = real.clearTimeout;
    },
    settle,
    /** Runs every timer due up to `targetMs`, in order, letting promises settle after each. */
    async advanceTo(targetMs) {
      await settle();
      for (;;) {
        let next = null;
        for (const [id, t] of timers) if (t.at <= targetMs && (!next || t.at < next[1].at)) next = [id, t];
        if (!next) break;
        timers.delete(next[0]);
        now = Math.max(now, next[1].at);
        next[1].fn();
        await settle();
      }
      now = targetMs;
    },
  };
}

/** Deterministic randomness (mulberry32), so that every run gives the same figures. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The status page: `healthy` with ETags (a 304 when the client's validator matches), the primary
 * optionally challenged (405 with an HTML page), or both answering 429 with Retry-After.
 */
function statusServer(time, { primaryChallenged = false, rateLimited = false }) {
  const body = loadFixture('healthy', time.now());
  const counts = { primary: 0, fallback: 0, notModified: 0 };
  const fetch = async (url, init) => {
    const source = url.startsWith('https://status.claude.com') ? 'primary' : 'fallback';
    counts[source]++;
    if (rateLimited) return new Response('rate limited', { status: 429, headers: { 'retry-after': '120' } });
    if (source === 'primary' && primaryChallenged) {
      return new Response('<!DOCTYPE html><html><body>challenge</body></html>', {
        status: 405,
        headers: { 'content-type': 'text/html' },
      });
    }
    const etag = `"${source}-v1"`;
    if (init.headers?.['if-none-match'] === etag) {
      counts.notModified++;
      return new Response(null, { status: 304, headers: { etag } });
    }
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json', etag } });
  };
  return { fetch, counts };
}

/**
 * One install after issue #16, wired as entrypoints/background/index.ts wires it. `tabs` site tabs
 * ask for their view when opened and after every stored change, as the content script does.
 */
function newInstall(code, time, fetch, { tabs, random }) {
  let status = code.EMPTY_STATUS;
  let signals = code.EMPTY_SIGNALS;
  let failures = code.EMPTY_FAILURE_LOG;
  let siteSeenAt = null;
  const settings = code.DEFAULT_SETTINGS;
  const writes = { status: 0, signals: [], failures: [] };
  const poller = code.createPoller({
    fetch,
    now: time.now,
    random,
    read: async () => status,
    write: async (next) => {
      status = next;
      writes.status++;
      changed();
    },
  });
  const gate = code.createPollGate({
    poller,
    read: async () => status,
    now: time.now,
    intervalMs: () => code.cadenceMs({ settings, status, signals, failures, siteSeenAt }, time.now()),
  });
  const poll = (reason) => gate.request(reason);
  function siteView() {
    const now = time.now();
    if (siteSeenAt === null || now - siteSeenAt >= MIN) siteSeenAt = now;
    if (code.isOlderThanInterval(status, now, code.staleIntervalMs(settings, status.snapshot))) void poll('page');
  }
  function changed() {
    for (let i = 0; i < tabs; i++) siteView();
  }
  const outcomes = code.createOutcomeWriter({
    read: async () => failures,
    write: async (log) => {
      failures = log;
      writes.failures.push(time.now());
      changed();
    },
    now: time.now,
    enabled: async () => true,
    onFailures: () => void poll('page'),
  });
  return {
    writes,
    alarmPeriodMs: code.alarmPeriodMinutes(settings) * MIN,
    alarmDelayMs: code.alarmDelayMinutes(settings, random()) * MIN,
    alarm: () => poll('alarm'),
    start: () => poll('start'),
    openTabs: changed,
    capacity() {
      const next = code.withDetection(signals, { site: 'claude-ai', kind: 'capacity' }, time.now());
      if (next !== signals) {
        signals = next;
        writes.signals.push(time.now());
        changed();
      }
      void poll('page');
    },
    outcome: (event) => outcomes.record(event),
  };
}

/** The code before issue #16, as it was wired: same clock, same server, same events. */
function todayInstall(code, time, fetch, { tabs, random }) {
  let status = code.EMPTY_STATUS;
  let signals = code.EMPTY_SIGNALS;
  let failures = code.EMPTY_FAILURE_LOG;
  const writes = { status: 0, signals: [], failures: [] };
  let inflight = null;
  async function attempt(validators) {
    const primary = await code.fetchSummary('primary', validators, fetch, time.now());
    if (primary.kind === 'success') return primary;
    const fallback = await code.fetchSummary('fallback', validators, fetch, time.now());
    return fallback.kind === 'success'
      ? fallback
      : { ...primary, retryAfterMs: primary.retryAfterMs ?? fallback.retryAfterMs };
  }
  function run() {
    inflight ??= (async () => {
      // One validator for whichever source answered last, as before.
      const validators = status.health.validators.at(-1) ?? null;
      const outcome = await attempt(status.snapshot ? validators : null);
      const next = code.applyOutcome(status, outcome, time.now(), random());
      status = { ...next, health: { ...next.health, validators: next.health.validators.slice(-1) } };
      writes.status++;
      changed();
    })().finally(() => {
      inflight = null;
    });
    return inflight;
  }
  function poll(reason) {
    if (inflight) return inflight;
    if (reason === 'alarm' && code.inBackoff(status, time.now())) return;
    const last = status.health.lastAttemptAt ? Date.parse(status.health.lastAttemptAt) : 0;
    if (reason === 'page' && time.now() - last < 5_000) return;
    return run();
  }
  function changed() {
    for (let i = 0; i < tabs; i++) if (code.isOlderThanInterval(status, time.now(), MIN)) void poll('page');
  }
  return {
    writes,
    alarmPeriodMs: MIN,
    alarmDelayMs: MIN,
    alarm: () => poll('alarm'),
    start: () => poll('start'),
    openTabs: changed,
    capacity() {
      signals = code.withDetection(signals, { site: 'claude-ai', kind: 'capacity' }, time.now());
      writes.signals.push(time.now());
      changed();
      void poll('page');
    },
    outcome(event) {
      failures = code.recordOutcome(failures, event);
      writes.failures.push(time.now());
      changed();
      if (event.outcome !== 'ok') void poll('page');
    },
  };
}

const T0 = Date.UTC(2026, 10, 25, 0, 0, 0);

/** Runs `durationMs` of one install's life: browser start at 0, the alarm, and `events` (at, fn). */
async function simulate(code, kind, { durationMs, tabs, server, events = [], seed = 1 }) {
  const time = fakeTime(T0);
  time.install();
  try {
    const random = seeded(seed);
    const { fetch, counts } = statusServer(time, server);
    const make = kind === 'today' ? todayInstall : newInstall;
    const install = make(code, time, fetch, { tabs, random });
    const queue = [...events];
    for (let at = install.alarmDelayMs; at < durationMs; at += install.alarmPeriodMs) {
      queue.push({ at, fn: () => install.alarm() });
    }
    queue.sort((a, b) => a.at - b.at);
    void install.start();
    if (tabs > 0) install.openTabs();
    await time.settle();
    for (const event of queue) {
      await time.advanceTo(T0 + event.at);
      event.fn(install);
    }
    await time.advanceTo(T0 + durationMs);
    return {
      requests: counts.primary + counts.fallback,
      primary: counts.primary,
      fallback: counts.fallback,
      notModified: counts.notModified,
      statusWrites: install.writes.status,
      signalsWrites: install.writes.signals.length,
      failuresWrites: install.writes.failures.length,
      maxSignalsWritesPerMinute: perMinuteMax(install.writes.signals),
      maxFailuresWritesPerMinute: perMinuteMax(install.writes.failures),
    };
  } finally {
    time.uninstall();
  }
}

function perMinuteMax(times) {
  const buckets = new Map();
  for (const at of times) {
    const minute = Math.floor((at - T0) / MIN);
    buckets.set(minute, (buckets.get(minute) ?? 0) + 1);
  }
  return Math.max(0, ...buckets.values());
}

/** The storm of issue #16, from browser start (no data yet): 10 minutes, 5 tabs failing a completion every 3 s, the capacity text every second, 429 + Retry-After 120. */
function stormEvents() {
  const events = [];
  for (let at = 0; at < 10 * MIN; at += 3_000) {
    for (let tab = 0; tab < 5; tab++) {
      events.push({
        at: at + tab * 7,
        fn: (install) => install.outcome({ at: T0 + at + tab * 7, kind: 'completion', outcome: 'server-error' }),
      });
    }
  }
  for (let at = 0; at < 10 * MIN; at += 1_000) events.push({ at: at + 3, fn: (install) => install.capacity() });
  return events;
}

/** Status-page load for a fleet: requests a day per install over 86,400 s. */
function fleetModel(perDay) {
  return [10_000, 100_000, 1_000_000].map((installs) => ({ installs, rps: (installs * perDay) / 86_400 }));
}

export async function benchTraffic({ log = console.info } = {}) {
  const code = await loadCode();
  const day = { durationMs: DAY };
  const scenarios = {
    'no site tab': { ...day, tabs: 0, server: {} },
    'a claude.ai tab open all day': { ...day, tabs: 1, server: {} },
    'no site tab, primary challenged all day': { ...day, tabs: 0, server: { primaryChallenged: true } },
    'a claude.ai tab, primary challenged all day': { ...day, tabs: 1, server: { primaryChallenged: true } },
  };
  const quietDay = {};
  for (const [name, options] of Object.entries(scenarios)) {
    quietDay[name] = { today: await simulate(code, 'today', options), now: await simulate(code, 'now', options) };
    log(`  traffic: ${name}: ${quietDay[name].now.requests} requests (today ${quietDay[name].today.requests})`);
  }
  const storm = {
    today: await simulate(code, 'today', {
      durationMs: 10 * MIN,
      tabs: 5,
      server: { rateLimited: true },
      events: stormEvents(),
    }),
    now: await simulate(code, 'now', {
      durationMs: 10 * MIN,
      tabs: 5,
      server: { rateLimited: true },
      events: stormEvents(),
    }),
  };
  log(`  traffic: storm: ${storm.now.requests} status requests (today ${storm.today.requests})`);
  const fleet = Object.fromEntries(
    Object.entries(quietDay).map(([name, r]) => [
      name,
      { today: fleetModel(r.today.requests), now: fleetModel(r.now.requests) },
    ]),
  );
  return { quietDay, storm, fleet };
}
