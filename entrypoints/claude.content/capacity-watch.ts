/**
 * Watches the conversation for claude.ai's capacity error as it appears. Cheap by design: it
 * only looks at added nodes, batches them, and tests their text against core/page-signals.
 */
import { matchCapacityText } from '../../core/page-signals';

/** Mutations are batched at most this often; the error must still show within a second. */
const BATCH_MS = 100;

export function watchCapacityErrors(root: Node, onDetected: (patternId: string) => void): () => void {
  let pending: Node[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    timer = null;
    const nodes = pending;
    pending = [];
    for (const node of nodes) {
      // A removed node (the page re-rendered it) is not on screen any more.
      if (!node.isConnected) continue;
      const text = node.textContent;
      if (!text) continue;
      const id = matchCapacityText(text);
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

  // The error may already be on the page when we start (a reload right after it appeared).
  pending.push(root);
  timer = setTimeout(flush, 0);

  return () => {
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
    pending = [];
  };
}
