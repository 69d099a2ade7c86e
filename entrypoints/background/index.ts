/**
 * The background: the only writer of stored state. It wires alarms, browser start, install,
 * claude.ai's request outcomes and messages to the poller and the stores; every decision lives in
 * core/, each message's handling in messages/handlers.ts, each part of the wiring in a file of its own here.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings/settings';
import {
  backWatchItem,
  dismissalsItem,
  failuresItem,
  pastDurationsItem,
  settingsItem,
  signalsItem,
} from '../../shell/stored-items';
import { createBackWatcher } from './back-watch/back-watch';
import { createBadgeQueue } from './badge/badge-queue';
import { injectBanner } from './banner/banner-injector';
import { createBannerPreload } from './banner/banner-preload';
import { createGestures } from './banner/gestures';
import { createPageView } from './banner/page-view';
import { createOutcomeWriter } from './claude-page/outcome-writer';
import { createPageReports } from './claude-page/page-reports';
import { injectReader } from './claude-page/reader-injector';
import { watchClaudeRequests } from './claude-page/request-watch';
import type { BackgroundContext } from './context';
import { HANDLERS } from './messages/handlers';
import { createMessageRouter } from './messages/message-router';
import { notificationsAllowed, watchNotificationClicks } from './notifications/notify';
import { createLanguage } from './pages/language';
import { openPopup } from './pages/open-popup';
import { openWelcomeOnInstall } from './pages/welcome';
import { createPoll } from './polling/poll';
import { ensurePollAlarm, onPollAlarm } from './polling/poll-alarm';
import { createStatusFetchers } from './polling/status-fetchers';
import { createStatusReads } from './polling/status-reads';
import { followStorage } from './storage/follow-storage';
import { createStoredQueue } from './storage/stored-queue';

export default defineBackground({
  // Firefox MV3 runs this as an event page (background.scripts); Chrome as a service worker.
  main() {
    let settings: Settings = DEFAULT_SETTINGS;
    const currentSettings = () => settings;
    const queue = createStoredQueue();
    const reads = createStatusReads(currentSettings);
    const fetchers = createStatusFetchers(queue, reads);
    const backWatcher = createBackWatcher({
      read: backWatchItem.get,
      write: (watch) => queue.write(backWatchItem, watch),
      status: reads.currentStatus,
      signals: signalsItem.get,
      now: Date.now,
    });
    const drawBadge = createBadgeQueue(reads.badgeInputs);
    const useLanguage = createLanguage();
    const views = createPageView({
      statusNow: reads.now,
      signals: signalsItem.get,
      dismissals: dismissalsItem.get,
      failures: failuresItem.get,
      backWatch: backWatchItem.get,
      pastDurations: pastDurationsItem.get,
      canNotify: notificationsAllowed,
      settings: settingsItem.get,
      useLanguage,
      online: () => navigator.onLine,
      now: Date.now,
      about: () => ({ version: browser.runtime.getManifest().version, userAgent: navigator.userAgent }),
    });
    const preload = createBannerPreload({
      due: async (site) => (await views.decision(site)).banner !== null,
      now: Date.now,
    });

    async function applySettings(next: Settings): Promise<void> {
      settings = next;
      await useLanguage(next.language);
      // A new interval takes effect at once: the alarm is re-created with it.
      await ensurePollAlarm(next);
      await Promise.all([drawBadge(), preload.sync()]);
    }
    const ready = settingsItem.get().then(applySettings);
    settingsItem.watch((next) => void applySettings(next));
    const poll = createPoll({ fetchers, queue, drawBadge, ready, settings: currentSettings });

    const context: BackgroundContext = {
      poll,
      refreshHistory: (force) => fetchers.history.refresh(force),
      ...views,
      bannerPreloaded: preload.preloaded,
      ...createPageReports(queue),
      queue,
      settings: currentSettings,
      injectBanner,
      injectReader,
      backWatch: (on) => (on ? backWatcher.start() : backWatcher.cancel()),
      openPopup,
      async openTab(url) {
        await browser.tabs.create({ url });
      },
      ...createGestures(),
    };
    browser.runtime.onMessage.addListener(
      createMessageRouter({
        extensionId: browser.runtime.id,
        extensionOrigin: browser.runtime.getURL('/'),
        handlers: HANDLERS,
        background: context,
        now: Date.now,
      }),
    );

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
      // A completion that went through may mean claude.ai is back (core/back-watch/back-watch.ts).
      if (event.kind === 'completion' && event.outcome === 'ok') void backWatcher.completionOk(event.at);
    });

    onPollAlarm(() => {
      // The watch is stepped at the normal cadence too: its quiet periods and expiry need no new data.
      void poll('alarm').finally(() => backWatcher.step());
      // A capacity error or failed requests stop counting after a while, with or without a poll.
      void drawBadge();
      void preload.sync();
    });
    browser.runtime.onInstalled.addListener((details) => {
      openWelcomeOnInstall(details);
      void poll('start');
    });
    browser.runtime.onStartup.addListener(() => void poll('start'));
    followStorage({ drawBadge, stepBackWatch: backWatcher.step, syncBanner: preload.sync });
    watchNotificationClicks();
    browser.permissions.onAdded.addListener(() => watchNotificationClicks());
  },
});
