/**
 * Watches the page for claude.ai's own failure messages (capacity, outage screen, retry) as they
 * appear. Cheap by design:
 * - changes inside subtrees that cannot hold such a message (the composer, code:
 *   QUIET_SUBTREE) are dropped before anything else, at the cost of one `closest()` per
 *   changed parent;
 * - a reply while it streams is re-rendered many times a second: it is read whole once, when it
 *   stops streaming, and meanwhile looked at no more than once every STREAM_LOOK_MS, and only while
 *   it is short enough to be a notice (claude.ai's retry notice can stand where the reply will be);
 * - what is left is batched and handed to page-scan.ts, which reads it in slices so that a long
 *   conversation (the first scan, or claude.ai rendering one on navigation) never blocks the page.
 */
import {
  MAX_SURFACE_CHARS,
  type PageSignal,
  type PageSignalKind,
  QUIET_SUBTREE,
  SELECTORS,
} from '../../core/claude-page/page-facts';
import { createScanner } from './page-scan';

/** Mutations are batched at most this often; the error must still show within a second. */
const BATCH_MS = 100;
/** How often a streaming reply is looked at for a notice standing in its place. */
const STREAM_LOOK_MS = 1_000;
/** One message stays on screen while the page re-renders it: each kind is reported once a minute at most. */
export const REPORT_EVERY_MS = 60_000;

function elementOf(node: Node): Element | null {
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

export function watchCapacityErrors(
  root: Node,
  onDetected: (signal: PageSignal) => void,
  /** Called before each batch of changes is scanned, e.g. to notice a new model in the model menu button. */
  onBatch: () => void = () => undefined,
): () => void {
  const reported = new Map<PageSignalKind, number>();
  const scanner = createScanner(
    (signal) => {
      const now = Date.now();
      // Never reported counts as reported at the epoch: long ago.
      if (now - (reported.get(signal.kind) ?? 0) < REPORT_EVERY_MS) return;
      reported.set(signal.kind, now);
      onDetected(signal);
    },
    { delayMs: BATCH_MS, onBatch },
  );

  /** Streaming replies changed since the last look. */
  const streaming = new Set<Element>();
  let streamLook: ReturnType<typeof setTimeout> | null = null;
  const lookAtStreams = () => {
    streamLook = null;
    for (const reply of streaming) {
      // textContent of a short notice is cheap; a real reply is longer than any notice.
      if (reply.isConnected && (reply.textContent?.length ?? 0) <= MAX_SURFACE_CHARS) scanner.add(reply);
    }
    streaming.clear();
  };
  /** Notes a quiet element that changed; a streaming reply among them is looked at soon. */
  const quiet = (element: Element | null): Element | null => {
    if (element?.getAttribute(SELECTORS.streamingAttribute) === 'true') {
      streaming.add(element);
      streamLook ??= setTimeout(lookAtStreams, STREAM_LOOK_MS);
    }
    return element;
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
        continue;
      }
      if (target !== lastTarget) {
        lastTarget = target;
        lastQuiet = quiet(elementOf(target)?.closest(QUIET_SUBTREE) ?? null);
      }
      if (lastQuiet) continue;
      if (mutation.type === 'characterData') scanner.add(target);
      else {
        for (const node of mutation.addedNodes) {
          // A new code block or composer: never read. A new streaming reply: looked at as above.
          if (node.nodeType === Node.ELEMENT_NODE && (node as Element).matches(QUIET_SUBTREE)) quiet(node as Element);
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
    },
    { timeout: 1_000 },
  );

  return () => {
    observer.disconnect();
    scanner.stop();
    if (streamLook !== null) clearTimeout(streamLook);
    streaming.clear();
    if (initial !== null) (globalThis.cancelIdleCallback ?? clearTimeout)(initial as never);
  };
}
