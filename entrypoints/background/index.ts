/**
 * The background: the only writer of stored state. It wires alarms, browser start, install,
 * claude.ai's request outcomes and messages to the poller and the stores; every decision lives in
 * core/, each message's handling in messages/.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { alarmDelayMinutes, alarmPeriodMinutes, cadenceMs, staleIntervalMs } from '../../core/cadence';
import { isOlderThanInterval } from '../../core/health';
import type { StatusState } from '../../core/model';
import type { PollReason } from '../../core/poll-gate';
import { resolvedStatus } from '../../core/resolutions';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import {
  dismissalsItem,
  failuresItem,
  historyItem,
  resolutionsItem,
  settingsItem,
  signalsItem,
  siteSeenItem,
  statusItem,
} from '../../shell/items';
import { createBadgeQueue } from './badge-queue';
import { injectBanner } from './banner-injector';
import type { BackgroundContext } from './context';
import { createHistoryFetcher } from './history';
import { createLanguage } from './language';
import { createMessageRouter } from './message-router';
import { HANDLERS } from './messages';
import { announce, watchNotificationClicks } from './notify';
import { createOutcomeWriter } from './outcome-writer';
import { createPageView } from './page-view';
import { withPermissionCheck } from './permissions';
import { createPollGate } from './poll-gate';
import { createPoller } from './poller';
import { watchClaudeRequests } from './request-watch';
import { createResolutionCheck } from './resolution-check';
import { createSignalsWriter } from './signals-writer';

const POLL_ALARM = 'poll';

export default defineBackground({
  // Firefox MV3 runs this as an event page (background.scripts); Chrome as a service worker.
  main() {
    let settings: Settings = DEFAULT_SETTINGS;
    /** The interval the cadence wants now (core/cadence.ts): what scheduled polls follow. */
    async function period(): Promise<number> {
      const [status, signals, failures, siteSeenAt] = await Promise.all([
        statusItem.get(),
        signalsItem.get(),
        failuresItem.get(),
        siteSeenItem.get(),
      ]);
      return cadenceMs({ settings, status, signals, failures, siteSeenAt }, Date.now());
    }
    /** What "old" and "stale" mean, alike for the badge, the banner and the popup. */
    async function stalePeriod(): Promise<number> {
      return staleIntervalMs(settings, (await statusItem.get()).snapshot);
    }
    /** The stored status with the resolutions incidents.json confirmed applied: what every surface shows. */
    async function currentStatus(): Promise<StatusState> {
      const [status, resolved] = await Promise.all([statusItem.get(), resolutionsItem.get()]);
      return resolvedStatus(status, resolved);
    }

    const statusFetch = withPermissionCheck((input, init) => fetch(input, init));
    const poller = createPoller({
      fetch: statusFetch,
      now: Date.now,
      random: Math.random,
      read: statusItem.get,
      write: statusItem.set,
    });
    // Every trigger below asks this gate; none calls the poller itself.
    const pollGate = createPollGate({ poller, read: statusItem.get, now: Date.now, intervalMs: period });
    const history = createHistoryFetcher({
      fetch: statusFetch,
      now: Date.now,
      read: historyItem.get,
      write: historyItem.set,
      services: async () => (await statusItem.get()).snapshot?.services ?? [],
    });
    const resolutions = createResolutionCheck({
      fetch: statusFetch,
      now: Date.now,
      read: resolutionsItem.get,
      write: resolutionsItem.set,
      status: statusItem.get,
    });
    const drawBadge = createBadgeQueue(async () => ({ status: await currentStatus(), staleMs: await stalePeriod() }));
    const useLanguage = createLanguage();

    async function poll(reason: PollReason): Promise<void> {
      await ready;
      const before = await statusItem.get();
      const { state, verdict } = await pollGate.request(reason);
      if (!verdict.run) return;
      // Drawn before the poll answers, so a refresh that returns has its badge; the status watch
      // below draws again on the write, a cheap repeat that covers writes from anywhere else.
      await drawBadge();
      // A successful check (noticesFor is idempotent, so a 304 announces nothing twice).
      if (state.snapshot && state.health.lastSuccessAt !== before.health.lastSuccessAt) {
        await announce(state.snapshot, settings);
      }
      // summary.json can be late to show a resolution: confirm through incidents.json (at most
      // every 5 min, only while an incident is listed). Awaited so a refresh returns settled state.
      await resolutions.check();
    }

    // Alarms survive worker restarts but not always updates or browser restarts: create on every start.
    // https://developer.chrome.com/docs/extensions/reference/api/alarms
    async function ensureAlarm(): Promise<void> {
      const periodInMinutes = alarmPeriodMinutes(settings);
      const existing = await browser.alarms.get(POLL_ALARM);
      if (existing?.periodInMinutes !== periodInMinutes) {
        const delayInMinutes = alarmDelayMinutes(settings, Math.random());
        await browser.alarms.create(POLL_ALARM, { periodInMinutes, delayInMinutes });
      }
    }

    const context: BackgroundContext = {
      poll,
      async pollIfOld() {
        if (isOlderThanInterval(await currentStatus(), Date.now(), await stalePeriod())) await poll('page');
      },
      refreshHistory: (force) => history.refresh(force),
      pageView: createPageView({
        status: currentStatus,
        signals: signalsItem.get,
        dismissals: dismissalsItem.get,
        failures: failuresItem.get,
        settings: settingsItem.get,
        stalePeriod,
        useLanguage,
        online: () => navigator.onLine,
        now: Date.now,
      }),
      recordSignal: createSignalsWriter({ read: signalsItem.get, write: signalsItem.set, now: Date.now }),
      settings: () => settings,
      async noteSiteSeen() {
        // Written once a minute at most; a time ahead of the clock is replaced.
        const now = Date.now();
        const last = await siteSeenItem.get();
        if (last === null || now - last >= 60_000 || last > now) await siteSeenItem.set(now);
      },
      injectBanner,
      async openTab(url) {
        await browser.tabs.create({ url });
      },
    };

    const outcomes = createOutcomeWriter({
      read: failuresItem.get,
      write: failuresItem.set,
      now: Date.now,
      enabled: async () => {
        await ready;
        return settings.requestSignal;
      },
      // The status page may have just posted an incident; the gate decides whether to look now.
      onFailures: () => void poll('page'),
    });
    watchClaudeRequests(outcomes.record);

    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === POLL_ALARM) void poll('alarm');
    });
    browser.runtime.onInstalled.addListener(() => void poll('start'));
    browser.runtime.onStartup.addListener(() => void poll('start'));
    browser.runtime.onMessage.addListener(
      createMessageRouter({
        extensionId: browser.runtime.id,
        extensionOrigin: browser.runtime.getURL('/'),
        handlers: HANDLERS,
        background: context,
        now: Date.now,
      }),
    );

    async function applySettings(next: Settings): Promise<void> {
      settings = next;
      await useLanguage(next.language);
      // A new interval takes effect at once: the alarm is re-created with it.
      await ensureAlarm();
      await drawBadge();
    }
    const ready = settingsItem.get().then(applySettings);
    settingsItem.watch((next) => void applySettings(next));
    // Whatever writes or clears the status, the badge follows what is stored.
    statusItem.watch(() => void drawBadge());
    resolutionsItem.watch(() => void drawBadge());
    watchNotificationClicks();
    browser.permissions.onAdded.addListener(() => watchNotificationClicks());
  },
});
