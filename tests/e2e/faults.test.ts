/**
 * Fault injection against the production build in real Chromium (issue #7): the replay server
 * hangs, rate-limits, fails and resets; the service worker is stopped in the middle of a fetch;
 * the browser restarts on the same profile; storage holds garbage. After each, what is stored
 * must be valid and what users see must follow.
 *
 * Runs on the test build (core/time/test-build.ts: a 2 s fetch timeout, 3 s write and report
 * paces instead of a minute), so a storm shows several pacing periods in seconds. Build it first:
 * SO_OUT_DIR=.output-test SO_TEST_BUILD=1 npx wxt build -b chrome
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RETRY_WAIT_MS } from '../../core/polling/health';
import type { StatusState } from '../../core/status-page/status-model';
import { TEST_TIMINGS } from '../../core/time/test-build';
import { type ReplayServer, startReplayServer } from '../replay/server';
import { TEST_BUILD_CHROME } from './drivers/builds';
import { type ChromiumExtensionBrowser, launchChromium } from './drivers/chromium';
import { ExtensionApi } from './drivers/extension-api';
import { Harness } from './harness';
import { sleep, storedStatus, until } from './support';

/** How long each scenario took, printed at the end (the report asks for them). */
const durations: [string, number][] = [];

/** A test that records its duration. */
function timed(name: string, fn: () => Promise<void>, timeoutMs?: number): void {
  it(
    name,
    async () => {
      const started = Date.now();
      try {
        await fn();
      } finally {
        durations.push([name, Date.now() - started]);
      }
    },
    timeoutMs,
  );
}

const ms = (iso: string | null) => (iso === null ? Number.NaN : Date.parse(iso));

/** The test build's fetch timeout and pace (a minute elsewhere): what the tests below expect. */
const FETCH_TIMEOUT_MS = TEST_TIMINGS.fetchTimeoutMs;
const PACE_MS = TEST_TIMINGS.paceMs;

/** Every console message of the extension's service worker(s), across restarts. */
function captureWorkerConsole(browser: ChromiumExtensionBrowser): string[] {
  const lines: string[] = [];
  const attached = new Set<Worker>();
  const attach = (worker: Worker) => {
    if (attached.has(worker) || !worker.url().startsWith(`chrome-extension://${browser.extensionId}/`)) return;
    attached.add(worker);
    worker.on('console', (message) => lines.push(`[${message.type()}] ${message.text()}`));
  };
  for (const worker of browser.context.serviceWorkers()) attach(worker);
  browser.context.on('serviceworker', attach);
  return lines;
}

type ChromeAlarms = {
  chrome: { alarms: { create(name: string, info: { when: number }): Promise<void>; clearAll(): Promise<boolean> } };
};

describe('chromium: faults', () => {
  let server: ReplayServer;
  let browser: ChromiumExtensionBrowser;
  let harness: Harness<ChromiumExtensionBrowser>;
  let api: ExtensionApi;
  let workerConsole: string[];
  /** The privileged page the API runs in, for a DevTools protocol session. */
  let apiPage: Page;
  let cdp: CDPSession;
  let workerStatus = 'unknown';

  const summaryRequests = () => server.requests.filter((r) => r.path === '/api/v2/summary.json');

  /** Fires the background's 'poll' alarm now, as the browser would at the next interval. */
  async function fireAlarm(): Promise<void> {
    await apiPage.evaluate(() =>
      (globalThis as unknown as ChromeAlarms).chrome.alarms.create('poll', { when: Date.now() + 50 }),
    );
    await sleep(1_000);
  }

  beforeAll(async () => {
    harness = await Harness.start((replayPort) => launchChromium({ replayPort, extensionDir: TEST_BUILD_CHROME }));
    ({ browser, server } = harness);
    workerConsole = captureWorkerConsole(browser);
    api = harness.api;
    apiPage = browser.context.pages().find((p) => p.url().endsWith('/popup.html')) as Page;
    cdp = await browser.context.newCDPSession(apiPage);
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const version of event.versions) {
        if (version.scriptURL.startsWith(`chrome-extension://${browser.extensionId}/`)) {
          workerStatus = version.runningStatus;
        }
      }
    });
    await cdp.send('ServiceWorker.enable');
  });

  afterAll(async () => {
    await harness?.stop();
    for (const [name, took] of durations) console.info(`[faults] ${(took / 1000).toFixed(1)} s  ${name}`);
  });

  beforeEach(async () => {
    // Scheduled polls would add requests of their own; tests fire the alarm when they need it.
    await apiPage.evaluate(() => (globalThis as unknown as ChromeAlarms).chrome.alarms.clearAll());
    await harness.reset('healthy');
    server.resetLog();
  });

  timed(
    'a hanging primary times out (after 10 s, 2 s in the test build), then the fallback is asked; its reset makes a timeout failure',
    async () => {
      const before = await storedStatus(api);
      server.setBehaviour('primary', { hang: true });
      server.setBehaviour('fallback', { reset: true });
      const started = Date.now();
      await api.refresh();
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(FETCH_TIMEOUT_MS - 500);
      expect(took).toBeLessThan(FETCH_TIMEOUT_MS + 5_000);

      const [primary, fallback] = [
        summaryRequests().find((r) => r.host === 'status.claude.com'),
        summaryRequests().find((r) => r.host === 'anthropic.statuspage.io'),
      ];
      expect(primary?.status).toBe(0);
      // The fallback is asked only once the primary has had its time.
      expect((fallback?.at ?? 0) - (primary?.at ?? 0)).toBeGreaterThanOrEqual(FETCH_TIMEOUT_MS - 500);

      const after = await storedStatus(api);
      expect(after.snapshot).toEqual(before.snapshot);
      expect(after.health).toMatchObject({ lastErrorKind: 'timeout', consecutiveFailures: 1, source: 'primary' });
      expect(after.health.lastError).toContain(
        `status.claude.com: no answer within ${FETCH_TIMEOUT_MS / 1000} s; anthropic.statuspage.io: `,
      );
      expect(ms(after.health.retryAt)).toBeGreaterThan(Date.now());
      expect(after.health.failingSince).not.toBeNull();
    },
    40_000,
  );

  timed(
    '500s on both origins: capped, growing backoff; a scheduled poll waits for it, a user refresh does not',
    async () => {
      server.setScenario('server-error');
      const waits: number[] = [];
      for (let n = 1; n <= 3; n++) {
        await api.refresh();
        const { health, snapshot } = await storedStatus(api);
        expect(health).toMatchObject({ consecutiveFailures: n, lastErrorKind: 'http' });
        expect(snapshot?.services).toHaveLength(6);
        waits.push(ms(health.retryAt) - ms(health.lastAttemptAt));
      }
      // Equal jitter over 30 s doubling: [15, 30], [30, 60], [60, 120] seconds.
      expect(waits[0]).toBeGreaterThanOrEqual(15_000);
      expect(waits[0]).toBeLessThanOrEqual(30_000);
      expect(waits[1]).toBeGreaterThanOrEqual(30_000);
      expect(waits[1]).toBeLessThanOrEqual(60_000);
      expect(waits[2]).toBeGreaterThanOrEqual(60_000);
      expect(waits[2]).toBeLessThanOrEqual(120_000);

      server.resetLog();
      await fireAlarm();
      expect(summaryRequests()).toHaveLength(0);

      // Backoff over (as if the time had passed, an interval since the last attempt too): the next
      // scheduled poll goes out and recovers.
      const state = await storedStatus(api);
      const passed = {
        retryAt: new Date().toISOString(),
        lastAttemptAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      };
      await api.setStorage({ status: { ...state, health: { ...state.health, ...passed } } });
      server.setScenario('healthy');
      await fireAlarm();
      await until(
        async () => ((await storedStatus(api)).health.consecutiveFailures === 0 ? true : null),
        5_000,
        'recovery',
      );
      expect(summaryRequests().length).toBeGreaterThan(0);
    },
  );

  timed('429 with Retry-After: 120 on both: retryAt at least two minutes away, scheduled polls wait', async () => {
    server.setScenario('rate-limited');
    await api.refresh();
    const { health } = await storedStatus(api);
    expect(health.lastErrorKind).toBe('rate-limited');
    expect(ms(health.retryAt) - ms(health.lastAttemptAt)).toBeGreaterThanOrEqual(120_000);
    expect(ms(health.retryAt) - ms(health.lastAttemptAt)).toBeLessThanOrEqual(MAX_RETRY_WAIT_MS);
    server.resetLog();
    await fireAlarm();
    expect(summaryRequests()).toHaveLength(0);
  });

  /** The storm lasts three paces (the first test saw 1.25 minutes); the tabs fail and show the error many times a pace. */
  const STORM_MS = 3 * PACE_MS;
  const COMPLETION_EVERY_MS = 300;
  const CAPACITY_TEXT_EVERY_MS = 100;
  timed(
    `storm (issue #16), a minute's pace being ${PACE_MS / 1000} s in the test build: 5 claude.ai tabs failing completions ` +
      `every ${COMPLETION_EVERY_MS} ms and adding the capacity text every ${CAPACITY_TEXT_EVERY_MS} ms, the status page ` +
      `429 + Retry-After 120, alarms every 2 s: one status request in ${STORM_MS / 1000} s, one capacity write a pace`,
    async () => {
      // Data 10 minutes old: the first hint may poll, so the storm starts with a real request.
      const state = await storedStatus(api);
      const old = new Date(Date.now() - 10 * 60_000).toISOString();
      await api.setStorage({
        status: { ...state, health: { ...state.health, lastAttemptAt: old, lastSuccessAt: old } },
      });
      server.setScenario('rate-limited');
      server.setApiBehaviour({ status: 529 });
      // Every stored change, as the extension's pages see it.
      await apiPage.evaluate(() => {
        const g = globalThis as unknown as {
          __writes: [string, number][];
          chrome: { storage: { onChanged: { addListener(fn: (changes: object, area: string) => void): void } } };
        };
        g.__writes = [];
        g.chrome.storage.onChanged.addListener((changes, area) => {
          if (area === 'local') for (const key of Object.keys(changes)) g.__writes.push([key, Date.now()]);
        });
      });
      server.resetLog();
      const tabs = [];
      for (let i = 0; i < 5; i++)
        tabs.push(await harness.openSite(`https://claude.ai/chat/3f1c2a7e-0d4b-4c8e-9a51-6b2f0e7d9c1${i}`));
      const started = Date.now();
      for (const tab of tabs) {
        await tab.page.evaluate(
          ([completionEvery, capacityEvery]) => {
            const w = window as unknown as {
              __sendCompletion: () => Promise<unknown>;
              __insertCapacityError: () => void;
              __storm: ReturnType<typeof setInterval>[];
            };
            w.__storm = [
              setInterval(() => void w.__sendCompletion(), completionEvery),
              setInterval(() => w.__insertCapacityError(), capacityEvery),
            ];
          },
          [COMPLETION_EVERY_MS, CAPACITY_TEXT_EVERY_MS],
        );
      }
      while (Date.now() - started < STORM_MS) {
        await sleep(1_000);
        await fireAlarm();
      }
      const requests = summaryRequests();
      // The first hint polls the primary, which answers 429: no fallback in the same poll, nothing after.
      expect(requests.map((r) => `${r.host} ${r.status}`)).toEqual(['status.claude.com 429']);
      const { health } = await storedStatus(api);
      expect(health.lastErrorKind).toBe('rate-limited');
      expect(ms(health.retryAfterUntil) - ms(health.lastAttemptAt)).toBe(120_000);
      // The completions did fail and the capacity text was seen: the storm reached the background
      // (at least 80% of the completions the tabs' timers were asked for).
      const apiRequests = server.requests.filter((r) => r.host === 'claude.ai' && r.path.endsWith('/completion'));
      expect(apiRequests.length).toBeGreaterThanOrEqual(5 * Math.floor((0.8 * STORM_MS) / COMPLETION_EVERY_MS));
      const writes = await apiPage.evaluate(() => (globalThis as unknown as { __writes: [string, number][] }).__writes);
      const stormMs = Date.now() - started;
      const times = (key: string) => writes.filter(([k]) => k === key).map(([, at]) => at);
      const gaps = (list: number[]) => list.slice(1).map((at, i) => at - (list[i] as number));
      const paces = Math.ceil(stormMs / PACE_MS);
      // One capacity write a pace at most, whatever the number of tabs and texts.
      const signals = times('signals');
      expect(signals.length).toBeGreaterThanOrEqual(1);
      expect(signals.length).toBeLessThanOrEqual(Math.floor(stormMs / PACE_MS) + 1);
      for (const gap of gaps(signals)) expect(gap).toBeGreaterThanOrEqual(PACE_MS - 1_000);
      // The failure log: at once when the episode starts and when it reaches the banner's threshold, then once a pace.
      const failures = times('failures');
      expect(failures.length).toBeGreaterThanOrEqual(1);
      for (const gap of gaps(failures.slice(2))) expect(gap).toBeGreaterThanOrEqual(PACE_MS - 1_000);
      expect(failures.length).toBeLessThanOrEqual(2 + paces);

      // The popup's refresh button may not skip the Retry-After either, and says until when.
      const popup = await harness.openPopup();
      await popup.clickRefresh();
      await until(async () => ((await popup.announcement()) !== '' ? true : null), 5_000, 'the refresh to end');
      const wait = (await popup.query('[data-testid="wait-until"]'))[0]?.text ?? '';
      expect(wait).toMatch(/asked us to wait until \d/);
      expect(summaryRequests()).toHaveLength(1);

      // The storm ends. The failure log the background still holds unwritten (a pace's worth) is
      // written before the next test clears storage: one last failure, then its write.
      for (const tab of tabs) {
        await tab.page.evaluate(() => {
          for (const id of (window as unknown as { __storm: ReturnType<typeof setInterval>[] }).__storm)
            clearInterval(id);
        }, null);
      }
      expect(await tabs[0]?.sendCompletion()).toBe(529);
      const last = Math.max(...server.requests.filter((r) => r.path.endsWith('/completion')).map((r) => r.at));
      await until(
        async () => {
          const log = (await api.getStorage('failures')) as { lastFailureAt: number | null } | null;
          return (log?.lastFailureAt ?? 0) >= last ? true : null;
        },
        PACE_MS + 5_000,
        'the last failure to be written',
      );
    },
    60_000,
  );

  timed('reset connections on both origins: a network failure, the snapshot kept', async () => {
    const before = await storedStatus(api);
    server.setBehaviour('primary', { reset: true });
    server.setBehaviour('fallback', { reset: true });
    await api.refresh();
    const after = await storedStatus(api);
    expect(after.health.lastErrorKind).toBe('network');
    expect(after.snapshot).toEqual(before.snapshot);
  });

  for (const [name, primary] of [
    ['reset', { reset: true }],
    ['a challenge page with 200', { challenge: 200 }],
    ['a challenge page with 405', { challenge: 405 }],
    ['truncated JSON', { truncate: 'healthy' }],
  ] as const) {
    timed(`primary unreachable (${name}): the fallback gives fresh data`, async () => {
      server.setScenario('claude-ai-partial');
      server.setBehaviour('primary', primary);
      await api.refresh();
      const { health, snapshot } = await storedStatus(api);
      expect(health).toMatchObject({ source: 'fallback', failingSince: null, consecutiveFailures: 0 });
      expect(Date.now() - ms(health.lastSuccessAt)).toBeLessThan(30_000);
      expect(snapshot?.severity).toBe('partial_outage');
      expect(await api.badgeText()).toBe('!!');
    });
  }

  timed('both unreachable: the last good snapshot kept, the badge turns to stale', async () => {
    server.setScenario('claude-ai-partial');
    await api.refresh();
    const good = await storedStatus(api);
    // Down before the state ages: the alarm's poll, due once the last attempt reads ten minutes
    // old, must not succeed against the old scenario and write a fresh state over the stale one.
    server.setScenario('all-down');
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    await api.setStorage({
      status: { ...good, health: { ...good.health, lastSuccessAt: tenMinutesAgo, lastAttemptAt: tenMinutesAgo } },
    });
    await api.refresh();
    const after = await storedStatus(api);
    expect(after.snapshot).toEqual(good.snapshot);
    expect(after.health.failingSince).not.toBeNull();
    expect(after.health.lastSuccessAt).toBe(tenMinutesAgo);
    expect(await api.badgeText()).toBe('?');
  });

  timed('the service worker stopped in the middle of a fetch, then woken by a refresh', async () => {
    server.setScenario('claude-ai-partial');
    await api.refresh();
    const before = await storedStatus(api);
    server.setScenario('hang');
    server.resetLog();
    const pending = api.refresh().then(
      (answer) => ({ answer }),
      (error: unknown) => ({ error: String(error) }),
    );
    await until(async () => (summaryRequests().length > 0 ? true : null), 5_000, 'the request to hang');
    await until(async () => (workerStatus === 'running' ? true : null), 2_000, 'the worker to be seen running');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await until(async () => (workerStatus === 'stopped' ? true : null), 5_000, 'the worker to stop');
    // The refresh that was waiting on the worker gets no answer (Chromium closes its channel).
    expect(await pending).toMatchObject({ error: expect.stringMatching(/message channel closed|Receiving end/) });
    // Nothing was half written: the stored state is the one from before the fetch.
    expect(await storedStatus(api)).toEqual(before);

    server.setScenario('major-outage');
    // The background answers the refresh with an empty reply (the contract's `undefined`, which Chromium delivers as null).
    expect(await api.refresh()).toBeNull();
    expect(workerStatus).toBe('running');
    const after = await storedStatus(api);
    expect(after.snapshot?.severity).toBe('major_outage');
    expect(after.health).toMatchObject({ consecutiveFailures: 0, failingSince: null, source: 'primary' });
    expect(await api.badgeText()).toBe('!!!');
    // The woken worker created its alarm again (beforeEach cleared them all).
    const alarms = await until(
      async () => ((await api.alarms()).some((a) => a.name === 'poll') ? api.alarms() : null),
      5_000,
      'the poll alarm',
    );
    expect(alarms).toContainEqual({ name: 'poll', periodInMinutes: 1 });
  });

  for (const [name, garbage] of [
    ['a string', 'garbage'],
    ['{ snapshot: 42 }', { snapshot: 42 }],
    ['health of the wrong shape', { snapshot: null, health: { consecutiveFailures: 'many' } }],
  ] as const) {
    timed(`garbage in the stored status (${name}): a clean state, a logged reason, no crash loop`, async () => {
      const warningsBefore = workerConsole.filter((l) => l.includes('stored "local:status" is invalid')).length;
      await api.setStorage({ status: garbage });
      // The background answers the refresh with an empty reply (the contract's `undefined`, which Chromium delivers as null).
      expect(await api.refresh()).toBeNull();
      const warnings = workerConsole.filter((l) => l.includes('stored "local:status" is invalid'));
      expect(warnings.length).toBeGreaterThan(warningsBefore);
      expect(warnings.at(-1)).toMatch(
        /^\[warning\] \[status-overlay\] stored "local:status" is invalid, using a clean state/,
      );

      // The refresh wrote a valid state; reading it again warns no more.
      const state = await storedStatus(api);
      expect(state.snapshot?.services).toHaveLength(6);
      expect(state.health.consecutiveFailures).toBe(0);
      const settled = workerConsole.length;
      // The background answers the refresh with an empty reply (the contract's `undefined`, which Chromium delivers as null).
      expect(await api.refresh()).toBeNull();
      expect(workerConsole.slice(settled).filter((l) => l.includes('is invalid'))).toEqual([]);
      expect(await api.badgeText()).toBe('');
    });
  }

  timed('garbage in the stored dismissals: claude.ai still gets its banner', async () => {
    server.setScenario('claude-ai-partial');
    await api.refresh();
    await api.setStorage({ dismissals: { incidents: 'everything', capacityDismissedAt: 7 } });
    const page = await harness.openSite('https://claude.ai/chat/3f1c2a7e-0d4b-4c8e-9a51-6b2f0e7d9c14');
    await page.waitForBanner();
    expect(workerConsole.some((l) => l.includes('stored "local:dismissals" is invalid'))).toBe(true);
  });
});

describe('chromium: a browser restart on the same profile', () => {
  let server: ReplayServer;
  let profile: string;

  beforeAll(async () => {
    server = await startReplayServer({ scenario: 'claude-ai-partial' });
    profile = await mkdtemp(path.join(os.tmpdir(), 'so-faults-profile-'));
  });

  afterAll(async () => {
    await server?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
    for (const [name, took] of durations.slice(-1)) console.info(`[faults] ${(took / 1000).toFixed(1)} s  ${name}`);
  });

  timed(
    'state and alarm restored, the badge drawn from storage while the status page is down',
    async () => {
      const first = await launchChromium({ replayPort: server.port, userDataDir: profile });
      let before: StatusState;
      try {
        const api = new ExtensionApi(await first.extensionPage());
        await api.refresh();
        before = await storedStatus(api);
        expect(before.snapshot?.severity).toBe('partial_outage');
        expect(await api.badgeText()).toBe('!!');
        await until(async () => ((await api.alarms()).length > 0 ? true : null), 5_000, 'the alarm');
      } finally {
        await first.close();
      }

      // While the browser is down the status page goes down: whatever shows now came from storage.
      server.setScenario('all-down');
      const second = await launchChromium({ replayPort: server.port, userDataDir: profile });
      try {
        const api = new ExtensionApi(await second.extensionPage());
        expect(second.extensionId).toBe(first.extensionId);
        const alarms = await until(
          async () => ((await api.alarms()).some((a) => a.name === 'poll') ? api.alarms() : null),
          5_000,
          'the poll alarm after the restart',
        );
        expect(alarms).toContainEqual({ name: 'poll', periodInMinutes: 1 });
        const after = await storedStatus(api);
        expect(after.snapshot).toEqual(before.snapshot);
        expect(after.health.lastSuccessAt).toBe(before.health.lastSuccessAt);
        expect(await until(async () => ((await api.badgeText()) === '!!' ? '!!' : null), 5_000, 'the badge')).toBe(
          '!!',
        );

        // And the restarted background polls as before (a refresh may first join the start-up poll).
        server.setScenario('healthy');
        await until(
          async () => {
            await api.refresh();
            return (await storedStatus(api)).snapshot?.severity === 'operational' ? true : null;
          },
          10_000,
          'a healthy poll after the restart',
        );
        expect(await api.badgeText()).toBe('');
      } finally {
        await second.close();
      }
    },
    60_000,
  );
});
