/**
 * Watches the page for text that may be one of claude.ai's own failure messages (capacity, outage
 * screen, retry, a reply cut off, a model unavailable) as it appears, and hands each candidate on
 * (page-scan.ts); whether it is one is the page reader's to say. Cheap by design:
 * - changes inside subtrees that cannot hold such a message (the composer, code:
 *   QUIET_SUBTREE) are dropped before anything else, at the cost of one `closest()` per
 *   changed parent;
 * - a streaming reply is handled apart, in `streamWatch` below (one place to change how
 *   streaming is watched);
 * - what is left is batched and handed to page-scan.ts, which reads it in slices so that a long
 *   conversation (the first scan, or claude.ai rendering one on navigation) never blocks the page.
 *   Many nodes added at once (a whole conversation) are queued as their parent, never one by one.
 */
import { MAX_SURFACE_CHARS, QUIET_SUBTREE, SELECTORS } from '../../core/claude-page/page-facts';
import { SECOND_MS } from '../../core/time/time';
import { createScanner, type Scanner } from './page-scan';

/** Mutations are batched at most this often; the error must still show within a second. */
const BATCH_MS = 100;
/** How often a streaming reply is looked at for a notice standing in its place. */
const STREAM_LOOK_MS = SECOND_MS;
/** Above this many nodes added by one mutation, their parent is queued instead. */
const MANY_ADDED = 64;

function elementOf(node: Node): Element | null {
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

/**
 * Replies while they stream (`div[data-is-streaming="true"]`, re-rendered many times a second):
 * each is read whole once, when it stops streaming (its attribute flips, see the observer), and
 * meanwhile looked at no more than once every STREAM_LOOK_MS, and only while it is short enough to
 * be a notice (claude.ai's retry notice can stand where the reply will be).
 */
function streamWatch(scanner: Scanner) {
  const changed = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const look = () => {
    timer = null;
    for (const reply of changed) {
      // textContent of a short notice is cheap; a real reply is longer than any notice.
      if (reply.isConnected && (reply.textContent?.length ?? 0) <= MAX_SURFACE_CHARS) scanner.add(reply);
    }
    changed.clear();
  };
  return {
    /** Notes a quiet element that changed; a streaming reply among them is looked at soon. Whether it is one. */
    note(element: Element | null): boolean {
      if (element?.getAttribute(SELECTORS.streamingAttribute) !== 'true') return false;
      changed.add(element);
      timer ??= setTimeout(look, STREAM_LOOK_MS);
      return true;
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      changed.clear();
    },
  };
}

export function watchPageSignals(
  root: Node,
  onCandidate: (text: Text) => void,
  /**
   * Called once per batch of changes anywhere in the page, quiet parts included (the model menu
   * button is in the page header, which is never read), at most every BATCH_MS: e.g. to notice a
   * new model in the model menu button.
   */
  onBatch: () => void = () => undefined,
): { stop(): void; rescan(node: Node): void } {
  const scanner = createScanner(onCandidate, { delayMs: BATCH_MS });
  const streams = streamWatch(scanner);
  let batch: ReturnType<typeof setTimeout> | null = null;
  const changed = () => {
    batch ??= setTimeout(() => {
      batch = null;
      onBatch();
    }, BATCH_MS);
  };

  const observer = new MutationObserver((mutations) => {
    // Many mutations of one callback share their parent (a re-rendered reply): test it once.
    let lastTarget: Node | null = null;
    let lastQuiet: Element | null = null;
    for (const mutation of mutations) {
      const target = mutation.target;
      if (mutation.type === 'attributes') {
        // A reply that stops streaming is read once, whole.
        if ((target as Element).getAttribute(SELECTORS.streamingAttribute) !== 'true') scanner.add(target);
        changed();
        continue;
      }
      if (target !== lastTarget) {
        lastTarget = target;
        lastQuiet = elementOf(target)?.closest(QUIET_SUBTREE) ?? null;
        // A streaming reply's changes are its own (streamWatch); any other change is a batch.
        if (!streams.note(lastQuiet)) changed();
      }
      if (lastQuiet) continue;
      if (mutation.type === 'characterData' || mutation.addedNodes.length > MANY_ADDED) scanner.add(target);
      else {
        for (const node of mutation.addedNodes) {
          // A new code block or composer: never read. A new streaming reply: looked at as above.
          if (node.nodeType === Node.ELEMENT_NODE && (node as Element).matches(QUIET_SUBTREE))
            streams.note(node as Element);
          else scanner.add(node);
        }
      }
    }
  });
  observer.observe(root, {
    childList: true,
    subtree: true,
    characterData: true,
    attributeFilter: [SELECTORS.streamingAttribute],
  });

  // The error may already be on the page when we start (a reload right after it appeared). That
  // scan walks the page in slices, and starts when the page is idle, off its load path.
  const idle = globalThis.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
  let initial: number | ReturnType<typeof setTimeout> | null = idle(
    () => {
      initial = null;
      scanner.add(root);
      changed();
    },
    { timeout: SECOND_MS },
  );

  return {
    stop() {
      observer.disconnect();
      scanner.stop();
      streams.stop();
      if (batch !== null) clearTimeout(batch);
      if (initial !== null) (globalThis.cancelIdleCallback ?? clearTimeout)(initial as never);
    },
    /** Queues a node again (a candidate kept while the page reader loaded). */
    rescan: (node) => scanner.add(node),
  };
}
