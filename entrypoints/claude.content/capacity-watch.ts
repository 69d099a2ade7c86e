/**
 * Watches the conversation for claude.ai's own failure messages (capacity, outage screen, retry)
 * as they appear. Cheap by design: it only looks at added or changed nodes, batches them, and
 * scans them in short slices with the rules of page-scan.ts.
 */
import type { PageSignal, PageSignalKind } from '../../core/page-signals';
import { createScanner } from './page-scan';

/** Mutations are batched at most this often; the error must still show within a second. */
const BATCH_MS = 100;
/** One message stays on screen while the page re-renders it: each kind is reported once a minute at most. */
export const REPORT_EVERY_MS = 60_000;

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
      const last = reported.get(signal.kind);
      if (last !== undefined && now - last < REPORT_EVERY_MS) return;
      reported.set(signal.kind, now);
      onDetected(signal);
    },
    { delayMs: BATCH_MS, onBatch },
  );

  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') scanner.add(mutation.target);
      else for (const node of mutation.addedNodes) scanner.add(node);
    }
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });

  // The error may already be on the page when we start (a reload right after it appeared). That
  // scan walks the whole page in slices, and starts when the page is idle, off its load path.
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
    if (initial !== null) (globalThis.cancelIdleCallback ?? clearTimeout)(initial as never);
  };
}
