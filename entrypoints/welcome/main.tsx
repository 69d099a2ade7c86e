/**
 * The welcome page (components/welcome/welcome-app.tsx), opened once by the background on install
 * (entrypoints/background/pages/welcome.ts). It reads and watches stored state like the popup; the
 * background is the only writer.
 */
import { render } from 'preact';
import { WelcomeApp } from '../../components/welcome/welcome-app';
import { badgeFor } from '../../core/verdict/badge';
import { applyKindColours, applyLanguage, applyTheme } from '../../shell/appearance';
import { t } from '../../shell/i18n';
import { readVerdictInputs } from '../../shell/status-now';
import { failuresItem, resolutionsItem, settingsItem, signalsItem, statusItem } from '../../shell/stored-items';
import bannerCss from '../claude.content/style.css?inline';
import '../../components/shared/page-base.css';
import './style.css';

let latest = 0;

/** Reads what the page shows from storage and draws it: at start, and whenever any of it changes. */
async function draw(): Promise<void> {
  // Reads can finish out of order: only the latest draw renders.
  const request = ++latest;
  const settings = await settingsItem.get();
  const { status, staleMs, local } = await readVerdictInputs(settings);
  await applyLanguage(settings);
  if (request !== latest) return;
  applyTheme(settings);
  applyKindColours();
  document.title = t('welcomeTitle');
  const root = document.getElementById('app');
  if (!root) return;
  const now = Date.now();
  render(
    <WelcomeApp
      status={status}
      // What the badge and the popup's header say, from the same inputs (core/verdict/overall.ts).
      view={badgeFor(status, now, staleMs, local)}
      settings={settings}
      now={now}
      browserName={import.meta.env.FIREFOX ? 'firefox' : 'chrome'}
      bannerCss={bannerCss}
    />,
    root,
  );
}

void draw();
for (const item of [settingsItem, statusItem, resolutionsItem, signalsItem, failuresItem])
  item.watch(() => void draw());
