/**
 * The always-on part of reading claude.ai's page: finds the few text nodes that may be one of
 * claude.ai's own failure messages (core/claude-page/page-facts.ts, mayBeSignal), outside
 * everything that never counts (SELECTORS.neverCounts: the composer, the user's messages, code,
 * buttons, the page header, hidden parts), and hands each to `onCandidate`. Whether one is
 * claude.ai's own message is the page reader's to say (page-read.ts), loaded only when there is a
 * candidate. Plain DOM, no library.
 */
import { mayBeSignal, SELECTORS } from '../../core/claude-page/page-facts';

/**
 * Each slice of a scan ends after this many ms. Well under the 16 ms that a frame takes, so
 * that a garbage collection landing in a slice still leaves it short.
 */
const SLICE_MS = 5;
/** The clock is read once per this many nodes walked. */
const CLOCK_EVERY = 64;

const TEXT = 3;
const ELEMENT = 1;

/** A text node that may be claude.ai's message: its words, and not inside what never counts. */
function candidate(text: Text): boolean {
  return mayBeSignal(text.data) && !text.parentElement?.closest(SELECTORS.neverCounts);
}

/**
 * The node after `node` in document order, inside `root`: its first child, unless its subtree is
 * stepped over (`past`); null at the end. Plain node links rather than a TreeWalker: one kind of
 * object fewer for the browser to build in the extension's world on every page load.
 */
function following(node: Node, root: Node, past: boolean): Node | null {
  if (!past && node.firstChild) return node.firstChild;
  for (let at: Node | null = node; at && at !== root; at = at.parentNode) if (at.nextSibling) return at.nextSibling;
  return null;
}

export interface Scanner {
  /** Queues a node (added or changed) to be scanned after `delayMs`, or `soon`: in the next task. */
  add(node: Node, soon?: boolean): void;
  /**
   * Scans the whole of `root` now, in this task, for one slice; the rest in later slices. What is
   * queued, or a walk in progress, is dropped: every node ever queued must be inside `root`.
   */
  scanWhole(root: Node): void;
  /** Starts a batch after `delayMs` (for `onBatch`) with nothing to scan: a change in what is never read. */
  touch(): void;
  stop(): void;
}

/**
 * Scans queued nodes in slices of at most `sliceMs`, each slice its own task, so a long
 * conversation or a huge code block never blocks the page; a walk resumes where it stopped.
 * `onCandidate` runs inside the slice: it must be short (the reader's work is bounded by nodes).
 *
 * Every node the script touches costs its first time in a page (the browser builds the script's
 * view of the node, and of its kind of element, in the extension's world): a walk of a page of a
 * few dozen elements just loaded measured about a millisecond. So what never counts is stepped
 * over whole, unread. (Stepping over every subtree whose joined text, `textContent`, holds none of
 * the words touched fewer nodes, but made one call of 20 ms on a 3,000-message conversation with
 * a 5,000-line code block: the browser joins a subtree's text in one go.)
 *
 * The walk is driven from here, one node at a time, with no filter function (a call from the
 * browser into the script for every node), and the clock is read between nodes, so that a long run
 * of elements (a hundred thousand spans) is cut into slices too.
 */
export function createScanner(
  onCandidate: (text: Text) => void,
  {
    delayMs = 100,
    sliceMs = SLICE_MS,
    onBatch = () => undefined,
  }: {
    delayMs?: number;
    sliceMs?: number;
    /**
     * Called as each batch starts, in the same task (one timer for both, so a batch of the page's
     * changes costs one call into the extension's script, not two).
     */
    onBatch?: () => void;
  } = {},
): Scanner {
  const queue = new Set<Node>();
  /** The root of the walk in progress, and the node it reads next (null: the walk is over). */
  let walked: Node | null = null;
  let at: Node | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let batchDone = true;

  const schedule = (ms: number) => {
    if (timer === null) timer = setTimeout(run, ms);
  };

  /** Starts the walk of a queued node, or reads a queued text node at once; false when none is queued. */
  function next(): boolean {
    const first = queue.values().next();
    if (first.done) return false;
    const node = first.value;
    queue.delete(node);
    // A removed node (the page re-rendered it) is not on screen any more.
    if (!node.isConnected) return true;
    if (node.nodeType === TEXT) {
      if (candidate(node as Text)) onCandidate(node as Text);
      return true;
    }
    const start = node.nodeType === ELEMENT ? (node as Element) : node.parentElement;
    if (start && !start.closest(SELECTORS.neverCounts)) {
      walked = node;
      at = node.firstChild;
    }
    return true;
  }

  function run(): void {
    timer = null;
    if (batchDone) onBatch();
    batchDone = false;
    const deadline = performance.now() + sliceMs;
    for (let steps = 1; ; steps++) {
      if (walked && at) {
        const node = at;
        // Stepped over whole: the texts of what never counts are never read.
        const past = node.nodeType === ELEMENT && (node as Element).matches(SELECTORS.neverCounts);
        if (!past && node.nodeType === TEXT && mayBeSignal((node as Text).data)) onCandidate(node as Text);
        at = following(node, walked, past);
      } else {
        walked = null;
        if (!next()) break;
      }
      if (steps % CLOCK_EVERY === 0 && performance.now() > deadline) {
        schedule(0);
        return;
      }
    }
    batchDone = true;
  }

  /** Drops the slice to come, the walk in progress and whatever is queued. */
  function reset(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    queue.clear();
    walked = null;
    at = null;
  }

  return {
    add(node, soon = false) {
      queue.add(node);
      schedule(batchDone && !soon ? delayMs : 0);
    },
    touch() {
      schedule(batchDone ? delayMs : 0);
    },
    scanWhole(root) {
      reset();
      queue.add(root);
      run();
    },
    stop: reset,
  };
}
