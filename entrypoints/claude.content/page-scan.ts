/**
 * Which page text counts as claude.ai's own capacity error: the scan of a node the watcher hands
 * over. The watcher (capacity-watch.ts) decides which nodes are worth scanning; this file only
 * reads their text and matches it against core/page-signals.
 */
import { matchCapacityText } from '../../core/page-signals';

/** The words every capacity pattern contains; most text nodes fail this at once. */
const MAYBE = /capacity|overloaded|529/i;

/** The id of the capacity pattern found in `node`'s text, or null. Text nodes are tested one by one. */
export function scan(node: Node): string | null {
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
