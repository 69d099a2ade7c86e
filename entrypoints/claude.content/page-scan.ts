/**
 * The always-on part of reading claude.ai's page: finds the few text nodes that may be one of
 * claude.ai's own failure messages (core/claude-page/page-facts.ts, MAYBE_SIGNAL), outside
 * everything that never counts (SELECTORS.neverCounts: the composer, the user's messages, code,
 * buttons, the page header, hidden parts), and hands each to `onCandidate`. Whether one is
 * claude.ai's own message is the page reader's to say (page-read.ts), loaded only when there is a
 * candidate. Plain DOM, no library.
 */
import { MAYBE_SIGNAL, SELECTORS } from '../../core/claude-page/page-facts';

/**
 * Each slice of a scan ends after this many ms. Well under the 16 ms that a frame takes, so
 * that a garbage collection landing in a slice still leaves it short.
 */
const SLICE_MS = 5;

const TEXT = 3;
const ELEMENT = 1;

/** A text node that may be claude.ai's message: its words, and not inside what never counts. */
function candidate(text: Text): boolean {
  return MAYBE_SIGNAL.test(text.data) && !text.parentElement?.closest(SELECTORS.neverCounts);
}

/**
 * Walks `root`'s text, skipping whole subtrees that never count; null when `root` is in one.
 * The walk also stops on an element once the deadline has passed, so that a long stretch of nodes
 * without a candidate (a hundred thousand empty elements) cannot make one long task.
 */
function walkerOf(root: Node, budget: { deadline: number }): TreeWalker | null {
  const start = root.nodeType === ELEMENT ? (root as Element) : root.parentElement;
  if (!start || start.closest(SELECTORS.neverCounts)) return null;
  let visited = 0;
  return document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => {
      if (n.nodeType === ELEMENT) {
        if ((n as Element).matches(SELECTORS.neverCounts)) return NodeFilter.FILTER_REJECT;
        // Accepting an element only pauses the walk: its children are walked when it resumes.
        if ((++visited & 63) === 0 && performance.now() > budget.deadline) return NodeFilter.FILTER_ACCEPT;
        return NodeFilter.FILTER_SKIP;
      }
      return MAYBE_SIGNAL.test((n as Text).data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
}

export interface Scanner {
  /** Queues a node (added or changed) to be scanned after `delayMs`, or `soon`: in the next task. */
  add(node: Node, soon?: boolean): void;
  stop(): void;
}

/**
 * Scans queued nodes in slices of at most `sliceMs`, each slice its own task, so a long
 * conversation or a huge code block never blocks the page; a walk resumes where it stopped.
 * `onCandidate` runs inside the slice: it must be short (the reader's work is bounded by nodes).
 */
export function createScanner(
  onCandidate: (text: Text) => void,
  { delayMs = 100, sliceMs = SLICE_MS }: { delayMs?: number; sliceMs?: number } = {},
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
    batchDone = false;
    budget.deadline = performance.now() + sliceMs;
    for (;;) {
      if (!walker) {
        const next = queue.values().next();
        if (next.done) break;
        queue.delete(next.value);
        // A removed node (the page re-rendered it) is not on screen any more.
        if (!next.value.isConnected) continue;
        if (next.value.nodeType === TEXT) {
          if (candidate(next.value as Text)) onCandidate(next.value as Text);
          continue;
        }
        walker = walkerOf(next.value, budget);
        if (!walker) continue;
      }
      const n = walker.nextNode();
      if (!n) walker = null;
      else if (n.nodeType === TEXT) onCandidate(n as Text);
      if (performance.now() > budget.deadline) {
        schedule(0);
        return;
      }
    }
    batchDone = true;
  }

  return {
    add(node, soon = false) {
      queue.add(node);
      schedule(batchDone && !soon ? delayMs : 0);
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      queue.clear();
      walker = null;
    },
  };
}
