/** Wires the options page to stored settings (read and watch) and to the background (one change at a time). */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../components/options/options-app';
import { optionsStore } from '../../components/options/options-store';
import type { Settings } from '../../core/settings/settings';
import type { SettingsPatch } from '../../core/settings/settings-patch';
import { applyLanguage, applyTheme } from '../../shell/appearance';
import { t } from '../../shell/i18n';
import { send } from '../../shell/messaging';
import { settingsItem, statusItem } from '../../shell/stored-items';
import '../../components/shared/page-base.css';
import './style.css';

const store = optionsStore.getState();

async function show(settings: Settings): Promise<void> {
  await applyLanguage(settings);
  applyTheme(settings);
  document.title = t('optionsTitle');
  optionsStore.getState().setSettings(settings);
}

async function change(patch: SettingsPatch): Promise<void> {
  await send({ type: 'settings-patch', patch });
}

async function requestNotifications(): Promise<boolean> {
  // Optional: the default install does not ask for it; this runs inside the user's click.
  return browser.permissions.request({ permissions: ['notifications'] });
}

async function start(): Promise<void> {
  const [settings, status] = await Promise.all([settingsItem.get(), statusItem.get()]);
  store.setServices(status.snapshot?.services ?? []);
  await show(settings);
  settingsItem.watch((next) => void show(next));
  statusItem.watch((next) => optionsStore.getState().setServices(next.snapshot?.services ?? []));
  const root = document.getElementById('app');
  if (root) render(<OptionsApp change={change} requestNotifications={requestNotifications} />, root);
}

void start();
