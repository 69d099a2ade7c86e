/**
 * The background: the only writer of stored state. It wires alarms, browser start, install and
 * messages to the poller and the stores; every decision lives in core/.
 */
import { type Browser, browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { bannerText } from '../../components/banner-text';
import { alarmDelayMinutes, alarmPeriodMinutes, cadenceMs, staleIntervalMs } from '../../core/cadence';
import { withDismissedIncidents } from '../../core/dismissals';
import { isOlderThanInterval } from '../../core/health';
import { type Message, parseMessage } from '../../core/messages';
import type { StatusState } from '../../core/model';
import type { PollReason } from '../../core/poll-gate';
import { resolvedStatus } from '../../core/resolutions';
import { bannerEnabled, DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { withDetection } from '../../core/signals';
import { siteView } from '../../core/site-view';
import { siteById } from '../../core/sites';
import { sanitizeSettings } from '../../core/user-alternatives';
import { loadCatalogue } from '../../shell/catalogue';
import { useCatalogue } from '../../shell/i18n';
import {
  backWatchItem,
  dismissalsItem,
  failuresItem,
  historyItem,
  resolutionsItem,
  settingsItem,
  signalsItem,
  siteSeenItem,
  statusItem,
} from '../../shell/items';
import { createBackWatcher } from './back-watch';
import { renderBadge } from './badge';
import { injectBanner } from './banner-injector';
import { createHistoryFetcher } from './history';
import { announce, notificationsAllowed, watchNotificationClicks } from './notify';
import { openPopup } from './open-popup';
import { createOutcomeWriter } from './outcome-writer';
import { withPermissionCheck } from './permissions';
import { createPollGate } from './poll-gate';
import { createPoller } from './poller';
import { watchClaudeRequests } from './request-watch';
import { createResolutionCheck } from './resolution-check';

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
    const statusFetch = withPermissionCheck((input, init) => fetch(input, init));
    const poller = createPoller({
      fetch: statusFetch,
      now: Date.now,
      random: Math.random,
      read: statusItem.get,
      write: statusItem.set,
    });
    /** What "old" and "stale" mean, alike for the badge, the banner and the popup. */
    async function stalePeriod(): Promise<number> {
      return staleIntervalMs(settings, (await statusItem.get()).snapshot);
    }

    // Every trigger below asks this gate; none calls the poller itself.
    const pollGate = createPollGate({
      poller,
      read: statusItem.get,
      now: Date.now,
      intervalMs: period,
    });

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
    /** The stored status with the resolutions incidents.json confirmed applied: what every surface shows. */
    async function currentStatus(): Promise<StatusState> {
      const [status, resolved] = await Promise.all([statusItem.get(), resolutionsItem.get()]);
      return resolvedStatus(status, resolved);
    }

    const backWatcher = createBackWatcher({
      read: backWatchItem.get,
      write: backWatchItem.set,
      status: currentStatus,
      signals: signalsItem.get,
      now: Date.now,
    });

    // Badge draws are queued and each reads storage when its turn comes, so the last draw
    // always shows the latest state, whatever order the events that asked for them came in.
    let badgeQueue: Promise<void> = Promise.resolve();
    function drawBadge(): Promise<void> {
      badgeQueue = badgeQueue
        .then(async () => renderBadge(await currentStatus(), Date.now(), await stalePeriod()))
        .catch((error) => console.warn('[status-overlay] badge:', error));
      return badgeQueue;
    }

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

    let signalsWrite: Promise<void> = Promise.resolve();

    /** A tab of ours asked for its view: the cadence keeps up while one is open (written once a minute at most). */
    async function noteSiteSeen(): Promise<void> {
      const now = Date.now();
      const last = await siteSeenItem.get();
      if (last === null || now - last >= 60_000 || last > now) await siteSeenItem.set(now);
    }

    async function handle(
      message: Message,
      sender: Browser.runtime.MessageSender,
      fromExtensionPage: boolean,
    ): Promise<unknown> {
      switch (message.type) {
        case 'refresh':
          // Only our own pages (the popup) speak for the user; a page's "refresh" is a hint like any other.
          await poll(fromExtensionPage ? 'user' : 'page');
          return { ok: true };
        case 'settings': {
          await settingsItem.set(sanitizeSettings(message.settings));
          return { ok: true };
        }
        case 'history-refresh':
          await history.refresh(message.force === true);
          return { ok: true };
        case 'site-view': {
          await noteSiteSeen();
          const interval = await stalePeriod();
          const [status, signals, dismissals, failures, current, backWatch] = await Promise.all([
            currentStatus(),
            signalsItem.get(),
            dismissalsItem.get(),
            failuresItem.get(),
            // Read now, not from memory: the change that made the page ask may not have reached us yet.
            settingsItem.get(),
            backWatchItem.get(),
          ]);
          // Opening claude.ai with old data is a good moment to check again.
          if (isOlderThanInterval(status, Date.now(), interval)) void poll('page');
          const view = siteView({
            siteId: message.site,
            status,
            signals,
            dismissals,
            failures,
            now: Date.now(),
            intervalMs: interval,
            modelLabel: message.model ?? null,
            online: navigator.onLine,
            settings: current,
            backWatch,
          });
          await useLanguage(current.language);
          // The words too, in the user's language: the page only builds DOM from them.
          const text = view.banner
            ? bannerText(view.banner, siteById(message.site), view.lastSuccessAt, Date.now(), current.alternatives, {
                watching: view.watching,
                canNotify: await notificationsAllowed(),
              })
            : null;
          // The page loads the banner's view only now that it has one to show.
          if (text && message.bannerLoaded === false) await injectBanner(sender);
          return { ...view, text };
        }
        case 'page-signal': {
          // A banner is almost surely due: load its view while the detection is stored.
          const injected = bannerEnabled(settings, message.site) ? injectBanner(sender) : Promise.resolve();
          let stored = false;
          // Chained: five tabs reporting at once would otherwise each read the old value and each write.
          signalsWrite = signalsWrite
            .then(async () => {
              const signals = await signalsItem.get();
              const next = withDetection(signals, message, Date.now());
              // The same kind within a minute: nothing new to store.
              if (next !== signals) {
                await signalsItem.set(next);
                stored = true;
              }
            })
            .catch((error) => console.warn('[status-overlay] signals:', error));
          await Promise.all([signalsWrite, injected]);
          if (!stored) return { ok: true };
          // claude.ai's own failure message may come with an incident the status page has just posted.
          void poll('page');
          return { ok: true };
        }
        case 'back-watch':
          await (message.on ? backWatcher.start() : backWatcher.cancel());
          return { ok: true };
        case 'open-popup':
          await openPopup();
          return { ok: true };
        case 'dismiss': {
          const dismissals = await dismissalsItem.get();
          await dismissalsItem.set(
            message.dismiss.kind === 'capacity'
              ? { ...dismissals, capacityDismissedAt: new Date().toISOString() }
              : withDismissedIncidents(dismissals, message.dismiss.entries),
          );
          return { ok: true };
        }
      }
    }

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
    watchClaudeRequests((event) => {
      outcomes.record(event);
      // A completion that went through may mean claude.ai is back (core/back-watch.ts).
      if (event.kind === 'completion' && event.outcome === 'ok') void backWatcher.completionOk(event.at);
    });

    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name !== POLL_ALARM) return;
      // The watch is stepped at the normal cadence too: its quiet periods and expiry need no new data.
      void poll('alarm').finally(() => backWatcher.step());
    });
    browser.runtime.onInstalled.addListener(() => void poll('start'));
    browser.runtime.onStartup.addListener(() => void poll('start'));
    const extensionOrigin = browser.runtime.getURL('/');
    browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
      const message = parseMessage(raw);
      if (!message) return undefined;
      return handle(
        message,
        sender,
        sender.url === undefined ? sender.tab === undefined : sender.url.startsWith(extensionOrigin),
      );
    });

    // The language whose messages `t` uses now; loading is shared by whoever needs it first.
    let language: { name: Settings['language']; loaded: Promise<void> } = { name: 'auto', loaded: Promise.resolve() };
    function useLanguage(name: Settings['language']): Promise<void> {
      if (language.name !== name) {
        const loaded = loadCatalogue(name).then((catalogue) => {
          // A later change may have won meanwhile.
          if (language.name === name) useCatalogue(name, catalogue);
        });
        language = { name, loaded };
      }
      return language.loaded;
    }

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
    // Whatever changes the status, "Tell me when it's back" looks again.
    statusItem.watch(() => void backWatcher.step());
    resolutionsItem.watch(() => void backWatcher.step());
    watchNotificationClicks();
    browser.permissions.onAdded.addListener(() => watchNotificationClicks());
  },
});
