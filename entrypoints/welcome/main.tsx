/**
 * The welcome page (components/welcome-app.tsx), opened once by the background on install
 * (entrypoints/background/welcome.ts). It reads and watches stored state like the popup; the
 * background is the only writer.
 */
import { render } from 'preact';
import { WelcomeApp } from '../../components/welcome-app';
import { badgeFor } from '../../core/badge';
import { staleIntervalMs } from '../../core/cadence';
import type { Signals } from '../../core/detections';
import type { FailureLog } from '../../core/fault';
import { type Resolutions, resolvedStatus } from '../../core/resolutions';
import type { Settings } from '../../core/settings';
import type { StatusState } from '../../core/status-model';
import { applyLanguage, applyTheme } from '../../shell/appearance';
import { t } from '../../shell/i18n';
import { failuresItem, resolutionsItem, settingsItem, signalsItem, statusItem } from '../../shell/stored-items';
import bannerCss from '../claude.content/style.css?inline';
import '../../components/page-base.css';
import './style.css';

interface Stored {
  status: StatusState;
  resolutions: Resolutions;
  settings: Settings;
  signals: Signals;
  failures: FailureLog;
}

let state: Stored | null = null;

async function draw(next: Partial<Stored>): Promise<void> {
  if (!state) return;
  state = { ...state, ...next };
  const { settings, signals, failures } = state;
  await applyLanguage(settings);
  applyTheme(settings);
  document.title = t('welcomeTitle');
  const root = document.getElementById('app');
  if (!root) return;
  const now = Date.now();
  // What the badge and the popup's header say, from the same inputs (core/overall.ts).
  const status = resolvedStatus(state.status, state.resolutions);
  const view = badgeFor(status, now, staleIntervalMs(settings, status.snapshot), {
    signals,
    failures,
    settings,
    online: navigator.onLine,
  });
  render(
    <WelcomeApp
      status={status}
      view={view}
      settings={settings}
      now={now}
      browserName={import.meta.env.FIREFOX ? 'firefox' : 'chrome'}
      bannerCss={bannerCss}
    />,
    root,
  );
}

async function start(): Promise<void> {
  const [status, resolutions, settings, signals, failures] = await Promise.all([
    statusItem.get(),
    resolutionsItem.get(),
    settingsItem.get(),
    signalsItem.get(),
    failuresItem.get(),
  ]);
  state = { status, resolutions, settings, signals, failures };
  await draw({});
  statusItem.watch((next) => void draw({ status: next }));
  resolutionsItem.watch((next) => void draw({ resolutions: next }));
  settingsItem.watch((next) => void draw({ settings: next }));
  signalsItem.watch((next) => void draw({ signals: next }));
  failuresItem.watch((next) => void draw({ failures: next }));
}

void start();
