/**
 * The poll alarm. Alarms survive worker restarts but not always updates or browser restarts, so
 * it is created again on every start, and again whenever the interval setting changes.
 * https://developer.chrome.com/docs/extensions/reference/api/alarms
 */
import { browser } from 'wxt/browser';
import { alarmDelayMinutes, alarmPeriodMinutes } from '../../../core/polling/cadence';
import type { Settings } from '../../../core/settings/settings';

const POLL_ALARM = 'poll';

export async function ensurePollAlarm(settings: Settings): Promise<void> {
  const periodInMinutes = alarmPeriodMinutes(settings);
  const existing = await browser.alarms.get(POLL_ALARM);
  if (existing?.periodInMinutes !== periodInMinutes) {
    const delayInMinutes = alarmDelayMinutes(settings, Math.random());
    await browser.alarms.create(POLL_ALARM, { periodInMinutes, delayInMinutes });
  }
}

export function onPollAlarm(listener: () => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) listener();
  });
}
