/**
 * Content script for claude.ai and platform.claude.com: asks the background what to show,
 * renders the banner in a shadow root, and reports capacity errors it sees on the page.
 * On a healthy day it adds nothing to the page.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { renderBanner } from '../../components/banner';
import type { BannerText } from '../../components/banner-text';
import { SELECTORS } from '../../core/page-signals';
import type { SiteView } from '../../core/site-view';
import { type Site, siteForHost } from '../../core/sites';
import { send } from '../../shell/messaging';
import { watchCapacityErrors } from './capacity-watch';
import './style.css';

/** The stored items whose change may change the banner (keys of shell/items.ts without `local:`). */
const WATCHED_KEYS = ['status', 'signals', 'dismissals', 'failures', 'settings', 'resolutions'];
/** How often relative times ("started 5 min ago") are refreshed while a banner is up. */
const CLOCK_MS = 30_000;

function pageTheme(): 'dark' | 'light' | null {
  if (document.querySelector(SELECTORS.darkPage)) return 'dark';
  if (document.querySelector(SELECTORS.lightPage)) return 'light';
  return null;
}

/** The model shown in the model menu button, e.g. "Opus 4.6"; null when the page shows none. */
function modelLabel(): string | null {
  const text = document.querySelector(SELECTORS.modelButton)?.textContent?.trim();
  return text ? text.slice(0, 80) : null;
}

/** What the background answers: the decision and its words. */
type View = SiteView & { text: BannerText | null };

async function fetchView(site: Site, model: string | null): Promise<View | null> {
  try {
    return (await browser.runtime.sendMessage({ type: 'site-view', site: site.id, model })) as View | null;
  } catch {
    // The background is restarting or the extension was updated; the next change asks again.
    return null;
  }
}

async function run(ctx: ContentScriptContext, site: Site): Promise<void> {
  let ui: ShadowRootContentScriptUi<void> | null = null;
  let view: View | null = null;
  let clock: ReturnType<typeof setInterval> | null = null;
  let recheck: ReturnType<typeof setTimeout> | null = null;
  let expanded = false;
  let model = site.detectsCapacity ? modelLabel() : null;

  const draw = () => {
    if (!ui || !view?.banner || !view.text) return;
    const banner = view.banner;
    // The user's theme setting wins; on "automatic" the banner follows the page, then the system.
    const theme = view.theme === 'auto' ? pageTheme() : view.theme;
    ui.shadowHost.classList.toggle('so-dark', theme === 'dark');
    ui.shadowHost.classList.toggle('so-light', theme === 'light');
    renderBanner(ui.uiContainer, {
      text: view.text,
      expanded,
      onToggle: () => {
        expanded = !expanded;
        draw();
      },
      onDismiss: () => {
        void send({ type: 'dismiss', dismiss: banner.dismiss });
        remove();
      },
    });
  };

  const remove = () => {
    if (clock !== null) clearInterval(clock);
    clock = null;
    ui?.remove();
    ui = null;
  };

  // Replies to overlapping requests can arrive out of order: only the latest request's reply counts.
  let latest = 0;
  let mounting: Promise<void> | null = null;
  const update = async () => {
    const request = ++latest;
    const next = await fetchView(site, model);
    if (ctx.isInvalid || next === null || request !== latest) return;
    view = next;
    watchCapacity(view.detectCapacity);
    if (recheck !== null) clearTimeout(recheck);
    recheck = view.recheckAt === null ? null : setTimeout(() => void update(), view.recheckAt - Date.now() + 50);
    if (!view.banner) {
      remove();
      return;
    }
    // One shadow root however many updates race to create it.
    mounting ??= mount();
    await mounting;
    mounting = null;
    // A later answer may have said "no banner" while the shadow root was being made.
    if (!view?.banner) remove();
    else draw();
  };

  const mount = async () => {
    if (ui) return;
    ui = await createShadowRootUi(ctx, {
      name: 'status-overlay-banner',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: () => undefined,
    });
    if (ctx.isInvalid) return;
    ui.mount();
    // "Started 5 min ago" is worded by the background: ask again now and then.
    clock = setInterval(() => void update(), CLOCK_MS);
  };

  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && WATCHED_KEYS.some((key) => key in changes)) void update();
  };
  browser.storage.onChanged.addListener(onStorage);

  const onModelChange = () => {
    // Switching model may change the advice ("you are on Sonnet 4.6, which is not named").
    const next = modelLabel();
    if (next !== model) {
      model = next;
      void update();
    }
  };
  let stopWatching: (() => void) | null = null;
  // Turned on and off by the user's setting, which arrives with every site view.
  function watchCapacity(on: boolean): void {
    if (on && !stopWatching) {
      stopWatching = watchCapacityErrors(
        document.body,
        () => void send({ type: 'capacity-detected', site: site.id }),
        onModelChange,
      );
    } else if (!on && stopWatching) {
      stopWatching();
      stopWatching = null;
    }
  }

  // claude.ai is a single-page app: its own navigation does not reload us.
  ctx.addEventListener(window, 'wxt:locationchange', () => void update());

  ctx.onInvalidated(() => {
    browser.storage.onChanged.removeListener(onStorage);
    watchCapacity(false);
    if (recheck !== null) clearTimeout(recheck);
    remove();
  });

  await update();
}

export default defineContentScript({
  matches: ['https://claude.ai/*', 'https://platform.claude.com/*'],
  runAt: 'document_idle',
  // WXT loads the imported CSS into the banner's shadow root only (not the page).
  cssInjectionMode: 'ui',
  main(ctx) {
    const site = siteForHost(location.host);
    if (site) void run(ctx, site);
  },
});
