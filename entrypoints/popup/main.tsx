/** Wires the popup to storage (read and watch) and to the background (refresh requests). */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup-app';
import { DEFAULT_INTERVAL_MS, isOlderThanInterval } from '../../core/health';
import { t } from '../../shell/i18n';
import { signalsItem, statusItem } from '../../shell/items';
import { send } from '../../shell/messaging';
import { usePopupStore } from './store';
import './style.css';

const store = usePopupStore.getState();

async function refresh(): Promise<void> {
  store.setRefreshing(true, '');
  await send({ type: 'refresh' });
  usePopupStore.getState().setRefreshing(false, t('popupRefreshDone'));
}

async function start(): Promise<void> {
  document.documentElement.lang = browser.i18n.getUILanguage();
  const [status, signals] = await Promise.all([statusItem.get(), signalsItem.get()]);
  store.setStatus(status);
  store.setSignals(signals);
  statusItem.watch((next) => usePopupStore.getState().setStatus(next));
  signalsItem.watch((next) => usePopupStore.getState().setSignals(next));
  const root = document.getElementById('app');
  if (root) render(<PopupApp onRefresh={() => void refresh()} />, root);
  if (isOlderThanInterval(status, Date.now(), DEFAULT_INTERVAL_MS)) void refresh();
}

void start();
