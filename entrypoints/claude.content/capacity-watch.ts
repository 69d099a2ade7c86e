/**
 * Watches the conversation for claude.ai's capacity error as it appears. Cheap by design: it
 * drops changes inside subtrees that cannot hold the error (a reply while it streams, the
 * composer, code: SELECTORS.quietSubtree) before anything else, so a streamed reply costs a
 * `closest()` per changed parent and no timer; what is left is batched and handed to
 * page-scan.ts text node by text node, in slices of at most SLICE_MS, so that reading a long
 * conversation (the first scan, or claude.ai rendering one on navigation) never blocks the page
 * for a frame. A reply is scanned once, when it stops streaming.
 */
import { SELECTORS } from '../../core/page-signals';
import { scan } from './page-scan';

/** Mutations are batched at most this often; the error must still show within a second. */
const BATCH_MS = 100;
/** Longest stretch of scanning before it yields to the page: half a 60 Hz frame. */
const SLICE_MS = 8;
/** Text nodes scanned between two looks at the clock. */
const CLOCK_EVERY = 64;

function elementOf(node: Node): Element | null {
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

export function watchCapacityErrors(
  root: Node,
  onDetected: (patternId: string) => void,
  /** Called after each batch of changes, e.g. to notice a new model in the model menu button. */
  onBatch: () => void = () => undefined,
): () => void {
  let pending: Node[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** The text nodes of an element being scanned across slices. */
  let walker: TreeWalker | null = null;
  let batched = false;

  const flush = () => {
    timer = null;
    if (!batched) {
      batched = true;
      onBatch();
    }
    const until = performance.now() + SLICE_MS;
    let count = 0;
    // The element being read was removed meanwhile: what is left of it is not on screen.
    if (walker && !walker.root.isConnected) walker = null;
    for (;;) {
      if (!walker) {
        const node = pending.shift();
        if (!node) break;
        // A removed node (the page re-rendered it) is not on screen any more.
        if (!node.isConnected) continue;
        if (node.nodeType !== Node.ELEMENT_NODE) {
          const id = scan(node);
          if (id) return detected(id);
          continue;
        }
        walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      }
      // An element is read text node by text node (page-scan reads each node's paragraph).
      const text = walker.nextNode();
      if (!text) {
        walker = null;
        continue;
      }
      const id = scan(text);
      if (id) return detected(id);
      if (++count % CLOCK_EVERY === 0 && performance.now() > until) {
        timer = setTimeout(flush, 0);
        return;
      }
    }
    batched = false;
  };

  const detected = (id: string) => {
    pending = [];
    walker = null;
    batched = false;
    onDetected(id);
  };

  const observer = new MutationObserver((mutations) => {
    // Many mutations of one callback share their parent (a re-rendered reply): test it once.
    let lastTarget: Node | null = null;
    let lastQuiet = false;
    for (const mutation of mutations) {
      const target = mutation.target;
      if (mutation.type === 'attributes') {
        // A reply that stops streaming is read once, whole.
        if ((target as Element).getAttribute(SELECTORS.streamingAttribute) !== 'true') pending.push(target);
        continue;
      }
      if (target !== lastTarget) {
        lastTarget = target;
        lastQuiet = elementOf(target)?.closest(SELECTORS.quietSubtree) != null;
      }
      if (lastQuiet) continue;
      if (mutation.type === 'characterData') pending.push(target);
      else {
        for (const node of mutation.addedNodes) {
          // A new streaming reply or code block: read later (when it stops streaming) or never.
          if (node.nodeType === Node.ELEMENT_NODE && (node as Element).matches(SELECTORS.quietSubtree)) continue;
          pending.push(node);
        }
      }
    }
    if (pending.length > 0 && timer === null) timer = setTimeout(flush, BATCH_MS);
  });
  observer.observe(root, {
    childList: true,
    subtree: true,
    characterData: true,
    attributeFilter: [SELECTORS.streamingAttribute],
  });

  // The error may already be on the page when we start (a reload right after it appeared). That
  // scan reads the whole conversation, so it waits until the page is idle, off its load path.
  const idle = globalThis.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
  let initial: number | ReturnType<typeof setTimeout> | null = idle(
    () => {
      initial = null;
      pending.push(root);
      if (timer === null) timer = setTimeout(flush, 0);
    },
    { timeout: 1_000 },
  );

  return () => {
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
    if (initial !== null) (globalThis.cancelIdleCallback ?? clearTimeout)(initial as never);
    pending = [];
    walker = null;
  };
}
