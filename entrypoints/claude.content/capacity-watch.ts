/**
 * Watches the conversation for claude.ai's capacity error as it appears. Cheap by design: it
 * only looks at added nodes, batches them, pre-filters text with one cheap test, and matches
 * what passes against core/page-signals.
 */
import { matchCapacityText } from '../../core/page-signals';

/** Mutations are batched at most this often; the error must still show within a second. */
const BATCH_MS = 100;
/** The words every capacity pattern contains; most text nodes fail this at once. */
const MAYBE = /capacity|overloaded|529/i;

/** The id of the capacity pattern found in `node`'s text, or null. Text nodes are tested one by one. */
function scan(node: Node): string | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const text = (node as Text).data;
    return MAYBE.test(text) ? matchCapacityText(node.parentElement?.textContent ?? text) : null;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    // The paragraph, not the text node: the sentence may be split around a link.
    if (MAYBE.test((text as Text).data)) {
      const id = matchCapacityText(text.parentElement?.textContent ?? (text as Text).data);
      if (id) return id;
    }
  }
  return null;
}

export function watchCapacityErrors(
  root: Node,
  onDetected: (patternId: string) => void,
  /** Called after each batch of changes, e.g. to notice a new model in the model menu button. */
  onBatch: () => void = () => undefined,
): () => void {
  let pending: Node[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    timer = null;
    const nodes = pending;
    pending = [];
    onBatch();
    for (const node of nodes) {
      // A removed node (the page re-rendered it) is not on screen any more.
      if (!node.isConnected) continue;
      const id = scan(node);
      if (id) {
        onDetected(id);
        return;
      }
    }
  };

  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') pending.push(mutation.target);
      else for (const node of mutation.addedNodes) pending.push(node);
    }
    if (pending.length > 0 && timer === null) timer = setTimeout(flush, BATCH_MS);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });

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
  };
}
