/**
 * The in-page banner as DOM, from the words the background composed (entrypoints/background/banner/banner-text.ts).
 * Plain DOM rather than Preact: the banner script is injected into claude.ai pages and has a
 * gzip budget of its own (bench/budgets.json). Remote text only ever becomes text nodes; links are only those core/ checked
 * (https on the status origins, or the alternatives catalogue) and are re-checked here, and a
 * click on one asks the background to open it by id.
 */
import type { BannerActions, BannerLink, BannerText } from '../../core/banner/banner-words';

/** Handlers of the banner's actions; like every control here, called only on a trusted click (button()). */
export interface BannerActionHandlers {
  /** Whether the page shows what the copy action copies: otherwise it is not offered. */
  canCopy: boolean;
  /** The confirmation after a copy or the report (or its failure), shown until the next redraw. */
  copyNote: string | null;
  onCopy: () => void;
  /** "Wrong banner?": copies the report the background composed. */
  onReport?: () => void;
  onWatch: () => void;
  onCancelWatch: () => void;
  onOpenPopup: () => void;
}

export interface BannerProps {
  text: BannerText;
  expanded: boolean;
  onToggle: () => void;
  onDismiss: () => void;
  /** A link was clicked: its id (core/banner/banner-words.ts), for the background to open. */
  onLink: (id: string) => void;
  handlers?: BannerActionHandlers;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: (Node | string | null | false | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

/**
 * Acts only on what the user did: a page script's synthetic click (isTrusted false) neither
 * dismisses nor opens anything.
 * https://developer.mozilla.org/en-US/docs/Web/API/Event/isTrusted
 */
function trusted(onEvent: () => void): (event: Event) => void {
  return (event) => {
    if (event.isTrusted) onEvent();
  };
}

function link(l: BannerLink, onLink: (id: string) => void): HTMLElement {
  const attrs = { 'data-testid': l.testId, 'data-alternative': l.alternative };
  // The user's own alternatives come by name only: a button the background answers with the address.
  if (!l.href?.startsWith('https://'))
    return button('so-link-button so-alt', l.text, l.text, () => onLink(l.id), attrs);
  const a = el('a', { href: l.href, target: '_blank', rel: 'noopener noreferrer', title: l.why, ...attrs }, l.text);
  // The background opens the address it knows for this id, whatever the page did to the href;
  // a scripted click opens nothing.
  const open = (event: MouseEvent) => {
    if (event.type === 'auxclick' && event.button !== 1) return;
    event.preventDefault();
    if (event.isTrusted) onLink(l.id);
  };
  a.addEventListener('click', open);
  a.addEventListener('auxclick', open);
  return a;
}

function button(
  cls: string,
  label: string,
  text: string,
  onClick: () => void,
  attrs: Record<string, string | undefined> = {},
): HTMLButtonElement {
  const b = el('button', { type: 'button', class: cls, 'aria-label': label, title: label, ...attrs }, text);
  b.addEventListener('click', trusted(onClick));
  return b;
}

function actionRow(actions: BannerActions | null, h: BannerActionHandlers): HTMLElement | null {
  const action = (label: string, onClick: () => void, testId: string) =>
    button('so-action', label, label, onClick, { 'data-testid': testId });
  const copy = actions?.copy;
  const watch = actions?.watch;
  if (!(copy && h.canCopy) && !watch && !h.copyNote) return null;
  return el(
    'p',
    { class: 'so-actions' },
    copy && h.canCopy && action(copy.label, h.onCopy, 'banner-copy'),
    watch &&
      (watch.on
        ? el('span', { 'data-testid': 'banner-watching' }, watch.note)
        : action(watch.label, h.onWatch, 'banner-watch')),
    watch?.on && watch.openPopup && action(watch.openPopup, h.onOpenPopup, 'banner-open-popup'),
    watch?.on && action(watch.cancel, h.onCancelWatch, 'banner-watch-cancel'),
    h.copyNote && el('span', { role: 'status', 'data-testid': 'banner-copied' }, h.copyNote),
  );
}

export function buildBanner({ text, expanded, onToggle, onDismiss, onLink, handlers }: BannerProps): HTMLElement {
  const update = text.update;
  /** "more" / "less": the long update's and the compact form's, one toggle of `expanded`. */
  const toggle = (cls: string, attrs: Record<string, string>) => {
    const label = expanded ? text.lessLabel : text.moreLabel;
    return button(cls, label, label, onToggle, { 'aria-expanded': String(expanded), ...attrs });
  };
  const body = [
    ...text.lines.map((line) =>
      el(
        'p',
        { class: 'so-body', 'data-testid': line.testId },
        line.text,
        line.strong && ' ',
        line.strong && el('strong', { 'data-testid': line.strongTestId }, line.strong),
      ),
    ),
    update &&
      el(
        'p',
        { class: 'so-body so-update', 'data-testid': 'banner-update' },
        update.preview && !expanded ? update.preview : update.full,
        update.preview && toggle('so-link-button', {}),
      ),
  ].filter((p): p is HTMLParagraphElement => Boolean(p));
  // The first paragraph is the summary: with the title and × it stays in sight while the rest
  // scrolls (entrypoints/claude.content/style.css), so "more" never scrolls them away.
  const [summary, ...rest] = body;
  summary?.classList.add('so-summary');
  const section = el(
    'section',
    {
      // Folded shows only on narrow screens (the compact form in entrypoints/claude.content/style.css).
      class: `so-banner so-kind-${text.kind}${expanded ? '' : ' so-folded'}`,
      role: text.role,
      'aria-label': text.label,
      'data-kind': text.kind,
      'data-severity': text.severity,
      'data-colour': text.colour.kind,
    },
    el(
      'div',
      { class: 'so-head' },
      el(
        'div',
        { class: 'so-heading' },
        el(
          'p',
          { class: 'so-title' },
          el('span', { class: 'so-severity' }, text.severityLabel),
          el('span', { class: 'so-name', 'data-testid': 'banner-title' }, text.title),
          text.more && el('span', { class: 'so-more' }, text.more),
        ),
        summary,
      ),
      button('so-dismiss', text.dismissLabel, '×', onDismiss),
    ),
    el(
      'div',
      { class: 'so-details' },
      ...rest,
      el(
        'p',
        { class: 'so-meta' },
        ...text.meta.map((m) => el('span', {}, m)),
        text.incidentLink && link(text.incidentLink, onLink),
        text.report &&
          handlers?.onReport &&
          button('so-link-button so-report', text.report.label, text.report.label, handlers.onReport, {
            'data-testid': 'banner-report',
          }),
      ),
      text.alternatives.length > 0 &&
        el(
          'p',
          { class: 'so-alternatives', 'data-testid': 'banner-alternatives' },
          el('span', {}, text.alternativesLabel),
          ...text.alternatives.map((l) => link(l, onLink)),
        ),
      handlers && actionRow(text.actions, handlers),
      toggle('so-toggle', { 'data-testid': 'banner-toggle' }),
    ),
  );
  // The colour of its kind (core/verdict/kind-look.ts), through the CSSOM, which no page's CSP blocks.
  section.style.setProperty('--so-colour', `light-dark(${text.colour.light}, ${text.colour.dark})`);
  // Escape dismisses, like the ×, once the keyboard is in the banner: the banner never takes the
  // focus, so Escape elsewhere stays the page's own (its menus and dialogs use it).
  section.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !event.isTrusted) return;
    event.stopPropagation();
    onDismiss();
  });
  return section;
}

/**
 * Where the focus goes when the control that had it is gone after a redraw: from "Tell me when
 * it's back" to "Stop watching" once the watch is on, and back when it is off, rather than
 * falling to the page's <body>.
 */
const FOCUS_NEXT: Readonly<Record<string, string>> = {
  'banner-watch': 'banner-watch-cancel',
  'banner-watch-cancel': 'banner-watch',
};

/** Replaces the banner in `container`, keeping focus on the control that had it. */
export function renderBanner(container: HTMLElement, props: BannerProps): void {
  const root = container.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  const focused = active?.className;
  // The action buttons share a class: find the one that had focus by its test id.
  const action = focused === 'so-action' ? active?.getAttribute('data-testid') : null;
  container.replaceChildren(buildBanner(props));
  if (action) {
    const byId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    (byId(action) ?? byId(FOCUS_NEXT[action] ?? action))?.focus();
  } else if (focused === 'so-link-button so-report') container.querySelector<HTMLElement>('.so-report')?.focus();
  else if (focused === 'so-link-button' || focused === 'so-dismiss' || focused === 'so-toggle')
    container.querySelector<HTMLElement>(`.${focused}`)?.focus();
}
