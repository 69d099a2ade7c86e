/**
 * Wires the popup to storage (read and watch) and to the background (refresh requests). It paints
 * from stored state first; the network only ever comes after, through the background.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup/popup-app';
import { popupStore } from '../../components/popup/popup-store';
import { lastDetection } from '../../core/claude-page/detections';
import type { PageSignalKind } from '../../core/claude-page/page-facts';
import { wrongBannerReport } from '../../core/claude-page/page-report';
import { staleIntervalMs } from '../../core/polling/cadence';
import { isOlderThanInterval } from '../../core/polling/health';
import type { Settings } from '../../core/settings/settings';
import { EMPTY_RESOLUTIONS, type Resolutions, resolvedStatus } from '../../core/status-page/resolutions';
import { STATUS_ORIGINS } from '../../core/status-page/sources';
import type { StatusState } from '../../core/status-page/status-model';
import { applyKindColours, applyLanguage, applyTheme } from '../../shell/appearance';
import { t } from '../../shell/i18n';
import { send } from '../../shell/messaging';
import {
  backWatchItem,
  failuresItem,
  historyItem,
  modelInUseItem,
  pastDurationsItem,
  resolutionsItem,
  settingsItem,
  signalsItem,
  statusItem,
  storageFullItem,
} from '../../shell/stored-items';
import '../../components/shared/page-base.css';
import './style.css';

// Actions never change identity: one reference serves for the popup's lifetime.
const store = popupStore.getState();
const ORIGINS = STATUS_ORIGINS.map((origin) => `${origin}/*`);

async function refreshHistory(force = false): Promise<void> {
  store.setHistoryLoading(true);
  await send({ type: 'history-refresh', force });
  store.setHistoryLoading(false);
}

async function refresh(): Promise<void> {
  store.setRefreshing(true, '');
  void refreshHistory();
  await send({ type: 'refresh' });
  const { health } = await statusItem.get();
  // While the status page's Retry-After runs the gate holds the refresh; the header says until when.
  store.setRefreshing(false, t(health.failingSince === null ? 'popupRefreshDone' : 'popupRefreshFailed'));
}

async function checkAccess(): Promise<void> {
  try {
    store.setAccess((await browser.permissions.contains({ origins: ORIGINS })) ? 'granted' : 'missing');
  } catch {
    store.setAccess('unknown');
  }
}

function grantAccess(): void {
  // Called straight from the click: the request needs the user gesture, so nothing is awaited first.
  void browser.permissions.request({ origins: ORIGINS }).then(async (granted) => {
    if (!granted) return;
    store.setAccess('granted');
    void refreshHistory(true);
    await refresh();
  });
}

/** "Tell me when it's back": the notification permission is asked in this click (it needs the user gesture). */
function watchBack(): void {
  void browser.permissions
    .request({ permissions: ['notifications'] })
    .catch(() => false)
    .then(() => send({ type: 'back-watch', on: true }));
}

/** "Wrong banner?": the report of the latest signal of `kind` (no page text), copied in the user's click. */
async function copyReport(kind: PageSignalKind): Promise<boolean> {
  const { signals } = popupStore.getState();
  const text = wrongBannerReport({
    version: browser.runtime.getManifest().version,
    userAgent: navigator.userAgent,
    kind,
    detection: lastDetection(signals, 'claude-ai', kind),
    markers: signals.markers,
  });
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function draw(settings: Settings, interval: number): void {
  const root = document.getElementById('app');
  if (!root) return;
  render(
    <PopupApp
      onRefresh={() => void refresh()}
      onGrantAccess={grantAccess}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onWatch={watchBack}
      onCancelWatch={() => void send({ type: 'back-watch', on: false })}
      onReport={copyReport}
      intervalMs={interval}
      userAlternatives={settings.alternatives}
      settings={settings}
    />,
    root,
  );
}

/** The stored status with the resolutions incidents.json confirmed (core/status-page/resolutions.ts) applied. */
let stored: { status: StatusState | null; resolutions: Resolutions } = { status: null, resolutions: EMPTY_RESOLUTIONS };
function showStatus(next: Partial<typeof stored>): void {
  stored = { ...stored, ...next };
  if (stored.status) store.setStatus(resolvedStatus(stored.status, stored.resolutions));
}

async function start(): Promise<void> {
  const [status, signals, history, settings, failures, resolutions, storageFull, backWatch, modelInUse, past] =
    await Promise.all([
      statusItem.get(),
      signalsItem.get(),
      historyItem.get(),
      settingsItem.get(),
      failuresItem.get(),
      resolutionsItem.get(),
      storageFullItem.get(),
      backWatchItem.get(),
      modelInUseItem.get(),
      pastDurationsItem.get(),
    ]);
  showStatus({ status, resolutions });
  store.setFailures(failures);
  store.setSignals(signals);
  store.setHistory(history);
  store.setStorageFull(storageFull);
  store.setBackWatch(backWatch);
  store.setModelInUse(modelInUse);
  store.setPastDurations(past);
  // Only a chosen language loads a message file; "automatic" uses the browser's own at once.
  await applyLanguage(settings);
  applyTheme(settings);
  applyKindColours();
  // "Old" and "stale" as the badge measures them.
  const interval = staleIntervalMs(settings, status.snapshot);
  draw(settings, interval);
  // Rendered synchronously: this mark is the moment the stored state is in the DOM.
  performance.mark('so-popup-rendered');
  statusItem.watch((next) => showStatus({ status: next }));
  resolutionsItem.watch((next) => showStatus({ resolutions: next }));
  signalsItem.watch((next) => store.setSignals(next));
  historyItem.watch((next) => store.setHistory(next));
  failuresItem.watch((next) => store.setFailures(next));
  storageFullItem.watch((next) => store.setStorageFull(next));
  backWatchItem.watch((next) => store.setBackWatch(next));
  modelInUseItem.watch((next) => store.setModelInUse(next));
  pastDurationsItem.watch((next) => store.setPastDurations(next));
  // A new language or theme re-renders the popup while it is open.
  settingsItem.watch(async (next) => {
    await applyLanguage(next);
    applyTheme(next);
    draw(next, staleIntervalMs(next, popupStore.getState().status.snapshot));
  });
  void checkAccess();
  if (isOlderThanInterval(status, Date.now(), interval)) void refresh();
  else void refreshHistory();
}

void start();
