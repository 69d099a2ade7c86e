/**
 * The page reader: whether a text on claude.ai is claude.ai's own failure message, and where it
 * stands. Loaded into the tab by the background only when the always-on watcher found a candidate
 * (entrypoints/claude-read.ts), so none of this weighs on a healthy page. Plain DOM, no library.
 *
 * A text counts only on one of claude.ai's own surfaces (core/claude-page/page-facts.ts,
 * SURFACE_SELECTORS; docs/claude-page.md, "When a text counts"), positive evidence rather than a
 * list of what to avoid:
 * - the notice band above the composer; an element announced as an alert or a status; claude.ai's
 *   own parts of a reply's turn (outside the reply's body): the element holds the message and
 *   little else (buttons, hidden parts and the screen-reader headings left out);
 * - a reply that failed: the reply's body is the error and nothing else (no "Sure!" before it);
 * - a page of its own (the outage screen): no conversation in the document, and the largest block
 *   that holds only the message is not one paragraph among others. Only there does the outage
 *   screen count, and only from there does its error code travel.
 * Between the text and its surface stand only plain blocks and inline text: never a list, a table,
 * `<details>`, a quotation or code. What is visually hidden (not rendered, invisible, clipped to
 * nothing, 1 px: Tailwind's `sr-only`) never counts, nor does the watcher's `neverCounts`.
 * Every measure is bounded by characters and by nodes (MAX_SURFACE_CHARS, MAX_SURFACE_NODES).
 */
import {
  classifyNotice,
  MAX_SURFACE_NODES,
  mayBeSignal,
  type PageShape,
  type PageSignal,
  type PageSignalKind,
  SELECTORS,
  type ShapeStep,
  STREAMING_REPLY,
  SURFACE_SELECTORS,
  type Surface,
} from '../../core/claude-page/page-facts';

/** Elements that are part of a sentence rather than a block of their own. */
const INLINE = /^(?:A|SPAN|STRONG|EM|B|I|U|S|SMALL|MARK|SUB|SUP|ABBR|TIME)$/;
/** Siblings that make a block one part of a longer text. */
const PROSE = /^(?:P|UL|OL|DL|PRE|BLOCKQUOTE|TABLE|HR|H\d|DETAILS)$/;
/** Never read as text, even when measuring a surface's text. */
const NOT_TEXT = /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SVG|BUTTON)$/i;
/** What may stand between a message's text and its surface. */
const PLAIN = /^(?:DIV|P|SPAN|A|STRONG|EM|B|I|U|SMALL|H[1-6]|SECTION|ARTICLE|MAIN)$/;
/** Inside a reply's body, only what a failed reply is made of: a heading or a list there is Claude writing. */
const PLAIN_REPLY = /^(?:DIV|P|SPAN|A|STRONG|EM|B|I)$/;
/** How far a page of its own grows its surface upwards, at most. */
const MAX_LEVELS = 12;
/** Ancestors the "Wrong banner?" report describes, innermost first. */
const SHAPE_STEPS = 8;

/** Which kinds each surface may show: the outage screen only as a page of its own, a cut-off reply's note never as Claude's words. */
const KINDS_ON: Record<Surface, readonly PageSignalKind[]> = {
  band: ['capacity', 'retry', 'incomplete', 'model-unavailable'],
  reply: ['capacity', 'retry', 'model-unavailable'],
  turn: ['capacity', 'retry', 'incomplete', 'model-unavailable'],
  alert: ['capacity', 'retry', 'incomplete', 'model-unavailable'],
  page: ['capacity', 'outage-screen', 'retry', 'incomplete', 'model-unavailable'],
};

/**
 * Whether this one element hides what it holds: not rendered, invisible, or visually hidden the way
 * screen-reader-only text is (Tailwind's `sr-only`: 1 × 1 px with its overflow hidden, and
 * `clip: rect(0, 0, 0, 0)` or, since Tailwind 4, `clip-path: inset(50%)`). Not `checkVisibility()`:
 * it says false for a `display: contents` wrapper (claude.ai wraps turns in `div.contents`), whose
 * children are visible. https://developer.mozilla.org/en-US/docs/Web/API/Element/checkVisibility
 */
function hides(el: Element): boolean {
  if (el.classList.contains('sr-only') || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true')
    return true;
  const style = getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return true;
  if (style.getPropertyValue('content-visibility') === 'hidden') return true;
  if (/^rect\(\s*0/.test(style.clip) || /inset\(\s*50%/.test(style.clipPath)) return true;
  return parseFloat(style.width) <= 1 && parseFloat(style.height) <= 1 && /hidden|clip/.test(style.overflow);
}

/** `el` or an ancestor hides it. */
function hidden(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (hides(e)) return true;
  return false;
}

/**
 * The rendered text of `root` as a reader sees it: buttons and hidden parts left out, and what
 * never counts too unless `skipNever` is false; null when it holds more than MAX_SURFACE_NODES
 * nodes (visited, not skipped) or more characters than any message.
 */
function textOf(root: Element, skipNever = true): string | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.nodeType === Node.ELEMENT_NODE &&
      (NOT_TEXT.test((n as Element).tagName) ||
        (skipNever && (n as Element).matches(SELECTORS.neverCounts)) ||
        hides(n as Element))
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  let out = '';
  let nodes = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (++nodes > MAX_SURFACE_NODES) return null;
    if (n.nodeType !== Node.TEXT_NODE) continue;
    out += ` ${(n as Text).data}`;
    if (out.length > 1_200) return null;
  }
  return out;
}

/** Every element from `from` up to `to` (excluded) is a plain block or inline text. */
function plainPath(from: Element, to: Element, plain: RegExp): boolean {
  for (let e: Element | null = from; e && e !== to; e = e.parentElement) if (!plain.test(e.tagName)) return false;
  return true;
}

/** The surface `block` stands on, and the element whose text must be the message; null when on none. */
function surfaceOf(block: Element): [Surface, Element] | null {
  const band = block.closest(SURFACE_SELECTORS.band);
  if (band) return ['band', band];
  const body = block.closest(SURFACE_SELECTORS.replyBody);
  if (body) return ['reply', body];
  const turn = block.closest(SURFACE_SELECTORS.replyTurn);
  if (turn) {
    // claude.ai's own part of the turn: the turn's child that holds the text.
    let part = block;
    while (part.parentElement && part.parentElement !== turn) part = part.parentElement;
    return ['turn', part];
  }
  const alert = block.closest(SURFACE_SELECTORS.alert);
  if (alert) return ['alert', alert];
  // A page of its own: nothing of a conversation in it, and not a shared conversation's page.
  if (document.querySelector(SURFACE_SELECTORS.conversation) || location.pathname.startsWith('/share/')) return null;
  return ['page', block];
}

/** The largest element above `block` that still holds only the same message, and its signal (a page of its own). */
function grow(block: Element, first: PageSignal): [Element, PageSignal] | null {
  let surface = block;
  let signal = first;
  let up = block.parentElement;
  for (let level = 0; up && up !== document.documentElement && level < MAX_LEVELS; level++) {
    // Every word of a wider element counts here, code and quotations too: they make it a longer text.
    const wider = textOf(up, false);
    const next = wider === null ? null : classifyNotice(wider);
    if (!next || next.kind !== signal.kind) break;
    surface = up;
    signal = next;
    up = up.parentElement;
  }
  // A visible paragraph, list, heading, table or code block beside it makes it one part of a longer
  // text. At most MAX_SURFACE_NODES siblings are looked at: a heap of elements is no prose.
  let seen = 0;
  for (let s = surface.parentElement?.firstElementChild; s && seen++ < MAX_SURFACE_NODES; s = s.nextElementSibling) {
    if (s !== surface && PROSE.test(s.tagName) && !hidden(s)) return null;
  }
  return [surface, signal];
}

/** A token of a class attribute as the report may carry it: short, printable, no quotes. */
const CLASS_TOKEN = /^[^\s"'`<\\]{1,40}$/;

/** The structure around `el` for the "Wrong banner?" report: tag names, test ids, roles, class names, depth; never text. */
function shapeOf(el: Element, surface: Surface): PageShape {
  const path: ShapeStep[] = [];
  let depth = 0;
  for (let e: Element | null = el; e; e = e.parentElement) {
    depth++;
    if (path.length >= SHAPE_STEPS) continue;
    const step: ShapeStep = { tag: e.tagName.toLowerCase().slice(0, 20) };
    // Only a kebab-case test id: claude.ai names some by the file a user attached.
    const testid = e.getAttribute('data-testid');
    if (testid && /^[a-z]+(?:-[a-z]+)+$/.test(testid) && testid.length <= 40) step.testid = testid;
    const role = e.getAttribute('role');
    if (role && /^[a-z]{2,24}$/.test(role)) step.role = role;
    const classes = [...e.classList].filter((c) => CLASS_TOKEN.test(c)).slice(0, 6);
    if (classes.length > 0) step.classes = classes;
    path.push(step);
  }
  return { surface, depth: Math.min(depth, 500), path };
}

/** The signal `text` shows as claude.ai's own message, with the structure around it; null when it is not one. */
export function readSignal(text: Text): (PageSignal & { shape: PageShape }) | null {
  const parent = text.parentElement;
  if (!parent || !mayBeSignal(text.data) || parent.closest(SELECTORS.neverCounts)) return null;
  // The block that holds the text: links and emphasis are part of its sentence.
  let block: Element = parent;
  while (INLINE.test(block.tagName) && block.parentElement) block = block.parentElement;
  if (hidden(block)) return null;
  const found = surfaceOf(block);
  if (!found) return null;
  const [surface, root] = found;
  if (!plainPath(block, root, surface === 'reply' ? PLAIN_REPLY : PLAIN)) return null;
  const own = textOf(root);
  // Claude's words count only when they are the error and nothing else.
  let signal = own === null ? null : classifyNotice(own, surface === 'reply' ? 0 : undefined);
  if (signal && surface === 'page') signal = grow(root, signal)?.[1] ?? null;
  if (!signal || !KINDS_ON[surface].includes(signal.kind)) return null;
  // A reply still streaming is Claude writing: its body is a failed reply only once it stops (the
  // watcher reads it again then); meanwhile only claude.ai's retry notice stands in it.
  if (surface === 'reply' && signal.kind !== 'retry' && root.closest(STREAMING_REPLY)) return null;
  const shape = shapeOf(block, surface);
  // The outage screen's code, and only when it is a page of its own.
  return signal.code && surface === 'page'
    ? { kind: signal.kind, code: signal.code, shape }
    : { kind: signal.kind, shape };
}

/** The first signal in `root`, read synchronously: for tests and small subtrees. */
export function scan(root: Node): (PageSignal & { shape: PageShape }) | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const signal = readSignal(n as Text);
    if (signal) return signal;
  }
  return null;
}
