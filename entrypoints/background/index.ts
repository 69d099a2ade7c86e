/**
 * The background: the only writer of stored state. It wires alarms, browser start, install,
 * claude.ai's request outcomes and messages to the poller and the stores; every decision lives in
 * core/, each message's handling in messages/.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { alarmDelayMinutes, alarmPeriodMinutes, cadenceMs, staleIntervalMs } from '../../core/cadence';
import { withDetection } from '../../core/detections';
import { liveOnStatusPage, prunedDismissals } from '../../core/dismissals';
import { isOlderThanInterval } from '../../core/health';
import type { PollReason } from '../../core/poll-gate';
import { type Resolutions, resolvedStatus } from '../../core/resolutions';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import type { Snapshot, StatusState } from '../../core/status-model';
import {
  backWatchItem,
  dismissalsItem,
  failuresItem,
  historyItem,
  notifiedItem,
  resolutionsItem,
  settingsItem,
  signalsItem,
  siteSeenItem,
  statusItem,
  storageFullItem,
} from '../../shell/stored-items';
import { createBackWatcher } from './back-watch';
import { createBadgeQueue } from './badge-queue';
import { injectBanner } from './banner-injector';
import type { BackgroundContext } from './context';
import { createHistoryFetcher } from './history';
import { createLanguage } from './language';
import { createMessageRouter } from './message-router';
import { HANDLERS } from './messages';
import { announce, notificationsAllowed, watchNotificationClicks } from './notify';
import { openPopup } from './open-popup';
import { createOutcomeWriter } from './outcome-writer';
import { createPageView } from './page-view';
import { withPermissionCheck } from './permissions';
import { createPollGate } from './poll-gate';
import { createPoller } from './poller';
import { watchClaudeRequests } from './request-watch';
import { createResolutionCheck } from './resolution-check';
import { openWelcomeOnInstall } from './welcome';
import { createWriteQueue } from './write-queue';

const POLL_ALARM = 'poll';

export default defineBackground({
  // Firefox MV3 runs this as an event page (background.scripts); Chrome as a service worker.
  main() {
    let settings: Settings = DEFAULT_SETTINGS;
    // Every write of stored state goes through this one queue (./write-queue.ts). When storage is
    // full it drops the history (fetched again when the popup opens), then the failure counts.
    const queue = createWriteQueue({
      relief: [historyItem, failuresItem],
      onFull: (report) => {
        console.warn('[status-overlay] storage full:', report);
        // Session storage has a quota of its own; written directly, since this runs inside a queued write.
        void storageFullItem.set({ at: new Date().toISOString(), stored: report.stored }).catch(() => undefined);
      },
    });
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
      write: (state) => queue.write(statusItem, state),
    });
    // Every trigger below asks this gate; none calls the poller itself.
    const pollGate = createPollGate({ poller, read: statusItem.get, now: Date.now, intervalMs: period });
    const history = createHistoryFetcher({
      fetch: statusFetch,
      now: Date.now,
      read: historyItem.get,
      write: (history) => queue.write(historyItem, history),
      services: async () => (await statusItem.get()).snapshot?.services ?? [],
    });
    const resolutions = createResolutionCheck({
      fetch: statusFetch,
      now: Date.now,
      read: resolutionsItem.get,
      write: (resolved) => queue.write(resolutionsItem, resolved),
      status: statusItem.get,
    });
    const backWatcher = createBackWatcher({
      read: backWatchItem.get,
      write: (watch) => queue.write(backWatchItem, watch),
      status: currentStatus,
      signals: signalsItem.get,
      now: Date.now,
    });
    const drawBadge = createBadgeQueue(async () => {
      const [status, signals, failures, staleMs] = await Promise.all([
        currentStatus(),
        signalsItem.get(),
        failuresItem.get(),
        stalePeriod(),
      ]);
      // What claude.ai showed the user counts as much as the status page (core/overall.ts).
      return { status, staleMs, local: { signals, failures, settings, online: navigator.onLine } };
    });
    const useLanguage = createLanguage();

    async function poll(reason: PollReason): Promise<void> {
      await ready;
      const before = await statusItem.get();
      const { state, verdict } = await pollGate.request(reason);
      if (!verdict.run) return;
      // Drawn before the poll answers, so a refresh that returns has its badge; the status watch
      // below draws again on the write, a cheap repeat that covers writes from anywhere else.
      await drawBadge();
      // summary.json can be late to show a resolution: confirm through incidents.json (at most
      // every 5 min, only while an incident is listed). Awaited so a refresh returns settled state.
      const resolved = await resolutions.check();
      // A successful check (noticesFor is idempotent, so a 304 announces nothing twice).
      if (state.snapshot && state.health.lastSuccessAt !== before.health.lastSuccessAt) {
        await afterSuccess(resolvedStatus(state, resolved).snapshot ?? state.snapshot, resolved);
      }
    }

    /** Announces what changed, then forgets dismissals whose incident is resolved (core/dismissals.ts). */
    async function afterSuccess(snapshot: Snapshot, resolved: Resolutions): Promise<void> {
      const resolvedIds = new Set(resolved.resolved.map((r) => r.id));
      await announce(snapshot, settings, resolvedIds, (change) => queue.update(notifiedItem, change));
      const remembered = Object.keys((await notifiedItem.get()).incidents);
      const live = liveOnStatusPage(snapshot, remembered);
      await queue.update(dismissalsItem, (dismissals) => prunedDismissals(dismissals, live, Date.now()));
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
        backWatch: backWatchItem.get,
        canNotify: notificationsAllowed,
        settings: settingsItem.get,
        stalePeriod,
        useLanguage,
        online: () => navigator.onLine,
        now: Date.now,
      }),
      async recordSignal(seen) {
        // Queued: five tabs reporting at once would otherwise each read the old value and each write.
        let stored = false;
        await queue
          .update(signalsItem, (signals) => {
            const next = withDetection(signals, seen, Date.now());
            // The same kind within a minute: nothing new to store.
            stored = next !== signals;
            return next;
          })
          .catch((error) => console.warn('[status-overlay] signals:', error));
        return stored;
      },
      queue,
      settings: () => settings,
      async noteSiteSeen() {
        // Written once a minute at most; a time ahead of the clock is replaced.
        const now = Date.now();
        await queue.update(siteSeenItem, (last) => (last === null || now - last >= 60_000 || last > now ? now : last));
      },
      injectBanner,
      backWatch: (on) => (on ? backWatcher.start() : backWatcher.cancel()),
      openPopup,
      async openTab(url) {
        await browser.tabs.create({ url });
      },
    };

    const outcomes = createOutcomeWriter({
      read: failuresItem.get,
      write: (log) => queue.write(failuresItem, log),
      now: Date.now,
      enabled: async () => {
        await ready;
        return settings.requestSignal;
      },
      // The status page may have just posted an incident; the gate decides whether to look now.
      onFailures: () => void poll('page'),
    });
    watchClaudeRequests((event) => {
      outcomes.record(event);
      // A completion that went through may mean claude.ai is back (core/back-watch.ts).
      if (event.kind === 'completion' && event.outcome === 'ok') void backWatcher.completionOk(event.at);
    });

    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name !== POLL_ALARM) return;
      // The watch is stepped at the normal cadence too: its quiet periods and expiry need no new data.
      void poll('alarm').finally(() => backWatcher.step());
      // A capacity error or failed requests stop counting after a while, with or without a poll.
      void drawBadge();
    });
    browser.runtime.onInstalled.addListener((details) => {
      openWelcomeOnInstall(details);
      void poll('start');
    });
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
    signalsItem.watch(() => void drawBadge());
    failuresItem.watch(() => void drawBadge());
    // Whatever changes the status, "Tell me when it's back" looks again.
    statusItem.watch(() => void backWatcher.step());
    resolutionsItem.watch(() => void backWatcher.step());
    watchNotificationClicks();
    browser.permissions.onAdded.addListener(() => watchNotificationClicks());
  },
});
