/**
 * Which text on claude.ai is claude.ai's own failure message (docs/claude-page.md). Plain DOM, no
 * library: it is part of the always-on watcher.
 *
 * A text counts only when all of these hold:
 * - it is outside everything in SELECTORS.neverCounts (the composer, the user's messages, code,
 *   quotations, links and navigation such as the sidebar's titles, hidden and non-rendered parts);
 * - the element that carries it holds that message and little else (core/claude-page/page-facts.ts
 *   classifyNotice), read at most MAX_SURFACE_CHARS at a time, so a long reply or conversation is
 *   never read whole;
 * - that element is not one paragraph among others (a paragraph beside paragraphs, lists or code
 *   is part of a longer text), and inside a reply of Claude's it is the whole reply. The sibling
 *   rule holds without claude.ai's markers; the reply rule uses them when they are there;
 * - it is rendered visible.
 */
import {
  classifyNotice,
  MAX_SURFACE_CHARS,
  MAYBE_SIGNAL,
  type PageSignal,
  SELECTORS,
} from '../../core/claude-page/page-facts';

/** Elements that are part of a sentence rather than a block of their own. */
const INLINE = /^(?:A|SPAN|STRONG|EM|B|I|U|S|SMALL|MARK|SUB|SUP|ABBR|TIME)$/;
/** Siblings that make an element one part of a longer text. */
const PROSE = /^(?:P|UL|OL|DL|PRE|BLOCKQUOTE|TABLE|HR|H\d)$/;
/** Never read as text, even when measuring an element's text. */
const NOT_TEXT = /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/;

/**
 * Each slice of a scan ends after this many ms. Well under the 16 ms that a frame takes, so
 * that a garbage collection landing in a slice still leaves it short.
 */
const SLICE_MS = 5;

const TEXT = 3;
const ELEMENT = 1;

/** The rendered text of `root`, or null when it is longer than `max` characters. */
function textUpTo(root: Element, max: number): string | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.nodeType === ELEMENT && NOT_TEXT.test((n as Element).tagName)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  let out = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType !== TEXT) continue;
    out += ` ${(n as Text).data}`;
    if (out.length > max) return null;
  }
  return out;
}

/**
 * Rendered and visible. `visibilityProperty` (Chrome 121, Firefox 122) is the current name of the
 * older `checkVisibilityCSS`; the manifests ask for Chrome 123 and Firefox 140, so it alone is enough.
 * https://developer.mozilla.org/en-US/docs/Web/API/Element/checkVisibility
 */
function shown(el: Element): boolean {
  return el.checkVisibility({ visibilityProperty: true });
}

/** The signal `text` shows as claude.ai's own message, or null (the rules above). */
export function signalOfText(text: Text): PageSignal | null {
  const parent = text.parentElement;
  if (!parent || !MAYBE_SIGNAL.test(text.data) || parent.closest(SELECTORS.neverCounts)) return null;
  // The block that holds the text: links and emphasis are part of its sentence.
  let surface: Element = parent;
  while (INLINE.test(surface.tagName) && surface.parentElement) surface = surface.parentElement;
  const own = textUpTo(surface, MAX_SURFACE_CHARS);
  let signal = own === null ? null : classifyNotice(own);
  if (!signal) return null;
  // Grow to the largest element that still holds only this message.
  for (let up = surface.parentElement; up && up !== document.documentElement; ) {
    const wider = textUpTo(up, MAX_SURFACE_CHARS);
    const next = wider === null ? null : classifyNotice(wider);
    if (!next || next.kind !== signal.kind) break;
    surface = up;
    signal = next;
    up = up.parentElement;
  }
  const siblings = surface.parentElement?.children ?? [];
  for (const sibling of siblings) if (sibling !== surface && PROSE.test(sibling.tagName)) return null;
  const reply = parent.closest(SELECTORS.reply);
  if (reply && !surface.contains(reply)) return null;
  return shown(surface) ? signal : null;
}

/**
 * Walks `root`'s text, skipping whole subtrees that never count; null when `root` is in one.
 * With a `budget`, the walk also stops on an element once the deadline has passed, so that a
 * long stretch of nodes without a candidate cannot make one long task.
 */
function walkerOf(root: Node, budget?: { deadline: number }): TreeWalker | null {
  const start = root.nodeType === ELEMENT ? (root as Element) : root.parentElement;
  if (!start || start.closest(SELECTORS.neverCounts)) return null;
  let visited = 0;
  return document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => {
      if (n.nodeType === ELEMENT) {
        if ((n as Element).matches(SELECTORS.neverCounts)) return NodeFilter.FILTER_REJECT;
        // Accepting an element only pauses the walk: its children are walked when it resumes.
        if (budget && (++visited & 63) === 0 && performance.now() > budget.deadline) return NodeFilter.FILTER_ACCEPT;
        return NodeFilter.FILTER_SKIP;
      }
      return MAYBE_SIGNAL.test((n as Text).data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
}

/** The first signal in `node` (a text node or a subtree), or null. Synchronous: for small additions. */
export function scan(node: Node): PageSignal | null {
  if (node.nodeType === TEXT) return signalOfText(node as Text);
  const walker = walkerOf(node);
  if (!walker) return null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const signal = signalOfText(n as Text);
    if (signal) return signal;
  }
  return null;
}

export interface Scanner {
  /** Queues a node (added or changed) to be scanned after `delayMs`. */
  add(node: Node): void;
  stop(): void;
}

/**
 * Scans queued nodes in slices of at most `sliceMs`, each slice its own task, so a long
 * conversation or a huge code block never blocks the page; a walk resumes where it stopped.
 */
export function createScanner(
  onFound: (signal: PageSignal) => void,
  {
    delayMs = 100,
    sliceMs = SLICE_MS,
    onBatch = () => undefined,
  }: { delayMs?: number; sliceMs?: number; onBatch?: () => void } = {},
): Scanner {
  const queue = new Set<Node>();
  let walker: TreeWalker | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let batchDone = true;

  const schedule = (ms: number) => {
    if (timer === null) timer = setTimeout(run, ms);
  };

  const budget = { deadline: 0 };

  function run(): void {
    timer = null;
    if (batchDone) {
      batchDone = false;
      onBatch();
    }
    budget.deadline = performance.now() + sliceMs;
    for (;;) {
      if (!walker) {
        const next = queue.values().next();
        if (next.done) break;
        queue.delete(next.value);
        // A removed node (the page re-rendered it) is not on screen any more.
        if (!next.value.isConnected) continue;
        if (next.value.nodeType === TEXT) {
          const signal = signalOfText(next.value as Text);
          if (signal) onFound(signal);
          continue;
        }
        walker = walkerOf(next.value, budget);
        if (!walker) continue;
      }
      const n = walker.nextNode();
      if (!n) walker = null;
      else if (n.nodeType === TEXT) {
        const signal = signalOfText(n as Text);
        if (signal) onFound(signal);
      }
      if (performance.now() > budget.deadline) {
        schedule(0);
        return;
      }
    }
    batchDone = true;
  }

  return {
    add(node) {
      queue.add(node);
      schedule(batchDone ? delayMs : 0);
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      queue.clear();
      walker = null;
    },
  };
}
