/**
 * The banner's place in the page: a host element with an open shadow root (tests and assistive
 * tools read it), its styles inline in that root, and the view of components/banner/banner.ts in it.
 * Loaded only when a banner is due (the background injects entrypoints/claude-banner.ts), and
 * kept while the tab lives, for the next banner.
 *
 * Not WXT's createShadowRootUi: its reset is `:host{all:initial !important}`
 * (https://github.com/wxt-dev/wxt/pull/1269), which overrides the banner's color-scheme, so
 * light-dark() always takes its light value; and it needs a ContentScriptContext, which posts
 * window messages the page can read. Inline styles also mean no web-accessible CSS file a
 * page could probe for.
 */
import { renderBanner } from '../../components/banner/banner';
import type { Message } from '../../core/messages/messages';
import { siteIdForHost } from '../../core/sites/site-hosts';
import { pageTheme, placeBanner } from './banner-layout';
import { canCopy, createMessageCopy } from './message-copy';
import { type BannerController, type PageView, pageApi } from './page-api';
import css from './style.css?inline';

/** The host's tag name; the e2e page objects (tests/e2e/pages/banner-page.ts) look for it. */
export const BANNER_HOST = 'status-overlay-banner';
/** How often relative times ("started 5 min ago") are refreshed while a banner is up. */
const CLOCK_MS = 30_000;

export function createBannerHost(): BannerController {
  const site = siteIdForHost(location.host);
  let host: HTMLElement | null = null;
  let container: HTMLElement | null = null;
  let clock: ReturnType<typeof setInterval> | null = null;
  let expanded = false;
  /** Whether the frame that paints the banner is awaited (`settle`). */
  let settling = false;
  let shown: { view: PageView; refresh: () => void } | null = null;
  const copy = createMessageCopy(() => draw());
  const send = (message: Message) => void pageApi.runtime.sendMessage(message).catch(() => undefined);
  // What acts outside the page goes with a token asked for at the click (core/messages/gesture.ts).
  const afterClick = (message: (token: string) => Message) =>
    site &&
    void pageApi.runtime
      .sendMessage({ type: 'gesture', site })
      .then((token) => token && pageApi.runtime.sendMessage(message(token)))
      .catch(() => undefined);

  const mount = (): HTMLElement => {
    if (host && container) {
      // claude.ai's own navigation may have replaced what we were appended to.
      if (!host.isConnected) document.body.append(host);
      return container;
    }
    host = document.createElement(BANNER_HOST);
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = css;
    container = document.createElement('div');
    root.append(style, container);
    document.body.append(host);
    return container;
  };

  const draw = () => {
    if (!shown?.view.banner || !shown.view.text) return;
    // The answer can come before the page has a body (the watcher starts with the document), and
    // a page may set its theme at its end (a script there): drawn again at DOMContentLoaded, once
    // however often it is asked (the same function; the event comes once), its theme read then.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw);
    if (!document.body) return;
    const { view } = shown;
    const target = mount();
    // The user's theme setting wins; on "automatic" the banner follows the page (in `settle`).
    if (view.theme !== 'auto') theme(view.theme);
    renderBanner(target, {
      text: view.text as NonNullable<PageView['text']>,
      expanded,
      onToggle: () => {
        expanded = !expanded;
        draw();
      },
      onDismiss: () => {
        // The background dismisses what it shows on this site; the storage change then makes the watcher ask again.
        if (site) send({ type: 'dismiss', site });
        hide();
      },
      onLink: (link) => site && afterClick((token) => ({ type: 'open-link', site, link, token })),
      handlers: {
        canCopy: canCopy(view.text?.actions?.copy?.from),
        copyNote: copy.note(),
        // components/banner/banner.ts calls these only on the user's own (trusted) clicks.
        onCopy: () => void copy.copy(shown?.view.text?.actions?.copy),
        onReport: () => {
          const report = shown?.view.text?.report;
          if (report) void copy.copy(report, report.text);
        },
        onWatch: () => site && afterClick((token) => ({ type: 'back-watch', on: true, site, token })),
        onCancelWatch: () => site && afterClick((token) => ({ type: 'back-watch', on: false, site, token })),
        onOpenPopup: () => site && afterClick((token) => ({ type: 'open-popup', site, token })),
      },
    });
    // Reading the page's colours and where its model menu sits makes the browser compute styles
    // and layout. While the page loads they are not computed yet: the frame that paints the banner
    // computes them anyway, so they are read there rather than in the task that draws it (one
    // forced style pass cost 12 ms in that task: issue #29), and the banner is painted with its
    // theme and place in that frame. Once the page has loaded they are read at once: the page's
    // own pending changes (100,000 new elements, say) are then not laid out in our frame callback.
    if (document.readyState === 'complete') settle();
    else if (!settling) {
      settling = true;
      requestAnimationFrame(settle);
    }
  };

  const theme = (value: 'dark' | 'light' | null) => {
    host?.classList.toggle('so-dark', value === 'dark');
    host?.classList.toggle('so-light', value === 'light');
  };

  const settle = () => {
    settling = false;
    if (!shown) return;
    if (shown.view.theme === 'auto') theme(pageTheme(host));
    place();
  };

  const place = () => {
    const section = container?.firstElementChild;
    if (host && section instanceof HTMLElement) placeBanner(host, section);
  };

  const hide = () => {
    shown = null;
    expanded = false;
    copy.clear();
    if (clock !== null) clearInterval(clock);
    clock = null;
    host?.remove();
  };

  // claude.ai is a single-page app: after its own navigation, one cheap check that the banner is
  // still in the page (the Navigation API where the browser has it, back/forward everywhere).
  const onNavigate = () => {
    if (shown && host) mount();
  };
  (globalThis as { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', onNavigate);
  addEventListener('popstate', onNavigate);
  // A phone turned, a window resized: the menu button may have moved under the banner. Only the
  // place depends on the size; the banner itself is not drawn again for each resize event.
  addEventListener('resize', () => {
    if (shown) place();
  });

  return {
    show(view, refresh) {
      shown = { view, refresh };
      draw();
      // "Started 5 min ago" is worded by the background: ask again now and then.
      clock ??= setInterval(() => shown?.refresh(), CLOCK_MS);
    },
    hide,
  };
}
