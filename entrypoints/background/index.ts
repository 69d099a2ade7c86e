/**
 * The background: the only writer of stored state. It wires alarms, browser start, install and
 * messages to the poller and the stores; every decision lives in core/.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { withDismissedIncidents } from '../../core/dismissals';
import { DEFAULT_INTERVAL_MS, isOlderThanInterval } from '../../core/health';
import { type Message, parseMessage } from '../../core/messages';
import { withDetection } from '../../core/signals';
import { siteView } from '../../core/site-view';
import { dismissalsItem, signalsItem, statusItem } from '../../shell/items';
import { renderBadge } from './badge';
import { createPoller, type PollReason } from './poller';

const POLL_ALARM = 'poll';

export default defineBackground({
  // Firefox MV3 runs this as an event page (background.scripts); Chrome as a service worker.
  main() {
    const intervalMs = DEFAULT_INTERVAL_MS;
    const poller = createPoller({
      fetch: (input, init) => fetch(input, init),
      now: Date.now,
      random: Math.random,
      read: statusItem.get,
      write: statusItem.set,
    });

    async function poll(reason: PollReason): Promise<void> {
      const state = await poller.poll(reason);
      await renderBadge(state, Date.now(), intervalMs);
    }

    // Alarms survive worker restarts but not always updates or browser restarts: create on every start.
    // https://developer.chrome.com/docs/extensions/reference/api/alarms
    async function ensureAlarm(): Promise<void> {
      const periodInMinutes = intervalMs / 60_000;
      const existing = await browser.alarms.get(POLL_ALARM);
      if (existing?.periodInMinutes !== periodInMinutes) {
        await browser.alarms.create(POLL_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
      }
    }

    async function handle(message: Message): Promise<unknown> {
      switch (message.type) {
        case 'refresh':
          await poll('user');
          return { ok: true };
        case 'site-view': {
          const [status, signals, dismissals] = await Promise.all([
            statusItem.get(),
            signalsItem.get(),
            dismissalsItem.get(),
          ]);
          // Opening claude.ai with old data is a good moment to check again.
          if (isOlderThanInterval(status, Date.now(), intervalMs)) void poll('page');
          return siteView(message.site, status, signals, dismissals, Date.now(), intervalMs);
        }
        case 'capacity-detected': {
          await signalsItem.set(withDetection(await signalsItem.get(), message.site, Date.now()));
          // A capacity error may come with an incident the status page has just posted.
          void poll('page');
          return { ok: true };
        }
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

    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === POLL_ALARM) void poll('alarm');
    });
    browser.runtime.onInstalled.addListener(() => void poll('start'));
    browser.runtime.onStartup.addListener(() => void poll('start'));
    browser.runtime.onMessage.addListener((raw: unknown) => {
      const message = parseMessage(raw);
      if (!message) return undefined;
      return handle(message);
    });

    void ensureAlarm();
    // The badge is not persisted across browser restarts: draw it from storage at once.
    void statusItem.get().then((state) => renderBadge(state, Date.now(), intervalMs));
  },
});
