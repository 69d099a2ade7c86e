/**
 * The welcome page (components/welcome-app.tsx), opened once by the background on install
 * (entrypoints/background/welcome.ts). It reads and watches stored state like the popup; the
 * background is the only writer.
 */
import { render } from 'preact';
import { WelcomeApp } from '../../components/welcome-app';
import type { Settings } from '../../core/settings';
import type { StatusState } from '../../core/status-model';
import { applyLanguage, applyTheme } from '../../shell/appearance';
import { t } from '../../shell/i18n';
import { settingsItem, statusItem } from '../../shell/stored-items';
import bannerCss from '../claude.content/style.css?inline';
import '../../components/page-base.css';
import './style.css';

let state: { status: StatusState; settings: Settings } | null = null;

async function draw(next: Partial<{ status: StatusState; settings: Settings }>): Promise<void> {
  if (!state) return;
  state = { ...state, ...next };
  await applyLanguage(state.settings);
  applyTheme(state.settings);
  document.title = t('welcomeTitle');
  const root = document.getElementById('app');
  if (!root) return;
  render(
    <WelcomeApp
      status={state.status}
      settings={state.settings}
      now={Date.now()}
      browserName={import.meta.env.FIREFOX ? 'firefox' : 'chrome'}
      bannerCss={bannerCss}
    />,
    root,
  );
}

async function start(): Promise<void> {
  const [status, settings] = await Promise.all([statusItem.get(), settingsItem.get()]);
  state = { status, settings };
  await draw({});
  statusItem.watch((next) => void draw({ status: next }));
  settingsItem.watch((next) => void draw({ settings: next }));
}

void start();
