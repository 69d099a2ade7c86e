/**
 * The banner's place in the page: a host element with an open shadow root (tests and assistive
 * tools read it), its styles inline in that root, and the view of components/banner.ts in it.
 * Loaded only when a banner is due (the background injects entrypoints/claude-banner.ts), and
 * kept while the tab lives, for the next banner.
 *
 * Not WXT's createShadowRootUi: its reset is `:host{all:initial !important}`
 * (https://github.com/wxt-dev/wxt/pull/1269), which overrides the banner's color-scheme, so
 * light-dark() always takes its light value; and it needs a ContentScriptContext, which posts
 * window messages the page can read. Inline styles also mean no web-accessible CSS file a
 * page could probe for.
 */
import { renderBanner } from '../../components/banner';
import { LAYOUT_SELECTORS, MESSAGE_SELECTORS } from '../../core/claude-page';
import { isDarkColour } from '../../core/colour';
import type { Message } from '../../core/messages';
import { siteIdForHost } from '../../core/site-hosts';
import { type BannerController, type PageView, pageApi } from './page-api';
import css from './style.css?inline';

/** The host's tag name; the e2e page objects (tests/e2e/pages/banner-page.ts) look for it. */
export const BANNER_HOST = 'status-overlay-banner';
/** How often relative times ("started 5 min ago") are refreshed while a banner is up. */
const CLOCK_MS = 30_000;
/** How long "Copied: …" stays. */
const COPY_NOTE_MS = 6_000;

/** The composer, when it holds an unsent draft. */
function draftBox(): HTMLElement | null {
  const box = document.querySelector<HTMLElement>(MESSAGE_SELECTORS.composer);
  return box?.textContent?.trim() ? box : null;
}

/**
 * What "Copy my message" copies (issue #18): the unsent draft, else the user's last message; null
 * when the page shows neither. Called at the click only; the text goes to the clipboard and nowhere else.
 */
function messageToCopy(): string | null {
  // innerText, not textContent, for the draft: the composer keeps each line in a paragraph of its
  // own, and only the rendered text has the line breaks between them.
  // biome-ignore lint/performance/useDomNodeTextContent: the line breaks, read once at the click.
  const draft = draftBox()?.innerText.trim();
  if (draft) return draft;
  const messages = document.querySelectorAll<HTMLElement>(MESSAGE_SELECTORS.userMessage);
  const last = messages[messages.length - 1];
  if (!last) return null;
  // A sent message's paragraphs keep their line breaks in their text (white-space: pre-wrap).
  const paragraphs = [...last.querySelectorAll<HTMLElement>(MESSAGE_SELECTORS.userMessageText)];
  const text =
    paragraphs.length > 0
      ? paragraphs.map((p) => p.textContent ?? '').join('\n\n')
      : // biome-ignore lint/performance/useDomNodeTextContent: without the paragraphs, the rendered lines.
        last.innerText;
  return text.trim() || null;
}

/** Whether there is anything to copy, without reading it. */
function canCopy(): boolean {
  return draftBox() !== null || document.querySelector(MESSAGE_SELECTORS.userMessage) !== null;
}

/**
 * The page's theme as the page shows it (docs/claude-page.md, "Page theme"): the background it
 * paints in the middle of the viewport, read from the bottom of the stack up (the page's own
 * background, not a code block or a message bubble on it), then the theme marks on <html>, then
 * the colour scheme the page declares. Null: the system's.
 */
function pageTheme(host: Element | null): 'dark' | 'light' | null {
  const painted = [
    document.documentElement,
    document.body,
    ...document.elementsFromPoint(innerWidth / 2, innerHeight / 2).reverse(),
  ];
  for (const el of painted) {
    if (!el || el === host) continue;
    const dark = isDarkColour(getComputedStyle(el).backgroundColor);
    if (dark !== null) return dark ? 'dark' : 'light';
  }
  if (document.querySelector(LAYOUT_SELECTORS.darkPage)) return 'dark';
  if (document.querySelector(LAYOUT_SELECTORS.lightPage)) return 'light';
  const declared = getComputedStyle(document.documentElement).colorScheme;
  return declared === 'dark' || declared === 'light' ? declared : null;
}

/** The top edge of what must stay uncovered at the bottom: the message box and the send button. */
function composerTop(): number {
  let top = innerHeight;
  for (const selector of [LAYOUT_SELECTORS.messageBox, LAYOUT_SELECTORS.sendButton]) {
    const rect = document.querySelector(selector)?.getBoundingClientRect();
    if (rect && rect.height > 0 && rect.top < top) top = rect.top;
  }
  return top;
}

/**
 * Keeps the banner off the model menu its advice points to: when the menu button sits in the top
 * half of the viewport under the banner (claude.ai's header on a narrow screen), the banner moves
 * to the bottom, just above the message box; the menu opens downwards from its button.
 */
function place(host: HTMLElement, banner: HTMLElement): void {
  host.classList.remove('so-bottom');
  const button = document.querySelector(LAYOUT_SELECTORS.modelButton)?.getBoundingClientRect();
  if (!button || button.height === 0) return;
  const rect = banner.getBoundingClientRect();
  const under = button.left < rect.right && rect.left < button.right && button.top < innerHeight / 2;
  if (!under) return;
  host.style.setProperty('--so-bottom', `${Math.max(8, innerHeight - composerTop() + 8)}px`);
  host.classList.add('so-bottom');
}

export function createBannerHost(): BannerController {
  const site = siteIdForHost(location.host);
  let host: HTMLElement | null = null;
  let container: HTMLElement | null = null;
  let clock: ReturnType<typeof setInterval> | null = null;
  let expanded = false;
  let shown: { view: PageView; refresh: () => void } | null = null;
  let copyNote: string | null = null;
  let copyNoteTimer: ReturnType<typeof setTimeout> | null = null;
  const send = (message: Message) => void pageApi.runtime.sendMessage(message).catch(() => undefined);

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
    const { view } = shown;
    const target = mount();
    // The user's theme setting wins; on "automatic" the banner follows the page, then the system.
    const theme = view.theme === 'auto' ? pageTheme(host) : view.theme;
    host?.classList.toggle('so-dark', theme === 'dark');
    host?.classList.toggle('so-light', theme === 'light');
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
      onLink: (link) => {
        if (site) send({ type: 'open-link', site, link });
      },
      handlers: {
        canCopy: canCopy(),
        copyNote,
        // components/banner.ts calls these only on the user's own (trusted) clicks.
        onCopy: () => void copy(),
        onWatch: () => site && send({ type: 'back-watch', on: true, site }),
        onCancelWatch: () => site && send({ type: 'back-watch', on: false, site }),
        onOpenPopup: () => site && send({ type: 'open-popup', site }),
      },
    });
    const section = target.firstElementChild;
    if (host && section instanceof HTMLElement) place(host, section);
  };

  const showCopyNote = (note: string | null) => {
    copyNote = note;
    if (copyNoteTimer !== null) clearTimeout(copyNoteTimer);
    copyNoteTimer = note === null ? null : setTimeout(() => showCopyNote(null), COPY_NOTE_MS);
    draw();
  };

  const copy = async () => {
    const actions = shown?.view.text?.actions?.copy;
    const text = messageToCopy();
    if (!actions || text === null) return showCopyNote(null);
    try {
      await navigator.clipboard.writeText(text);
      showCopyNote(actions.done);
    } catch {
      showCopyNote(actions.failed);
    }
  };

  const hide = () => {
    shown = null;
    expanded = false;
    copyNote = null;
    if (clock !== null) clearInterval(clock);
    clock = null;
    host?.remove();
  };

  // claude.ai is a single-page app: after its own navigation, one cheap check that the banner is
  // still in the page (the Navigation API where the browser has it, back/forward everywhere).
  const onNavigate = () => {
    if (shown && host && !host.isConnected) document.body.append(host);
  };
  (globalThis as { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', onNavigate);
  addEventListener('popstate', onNavigate);
  // A phone turned, a window resized: the menu button may have moved under the banner.
  addEventListener('resize', () => {
    if (shown) draw();
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
