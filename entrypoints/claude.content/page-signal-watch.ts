/**
 * Watches the page for text that may be one of claude.ai's own failure messages (capacity, outage
 * screen, retry, a reply cut off, a model unavailable) as it appears, and hands each candidate on
 * (page-scan.ts); whether it is one is the page reader's to say. Cheap by design:
 * - while a reply streams (issue #29), the page-wide observer is disconnected: claude.ai re-renders
 *   the reply many times a second, and even a callback that drops each change at once cost about
 *   10 ms per 6 s reply. One observer of the streaming attribute alone notices the reply stop, and
 *   a timer looks at the end of the streaming reply twice a second for a notice standing in it; when every
 *   reply has stopped, the page-wide observer is connected again and what it missed is read once;
 * - otherwise, changes inside subtrees that cannot hold such a message (the composer, code:
 *   QUIET_SUBTREE) are dropped before anything else, at the cost of one `closest()` per changed
 *   parent;
 * - what is left is batched and handed to page-scan.ts, which reads it in slices so that a long
 *   conversation (the first scan, or claude.ai rendering one on navigation) never blocks the page.
 *   Many nodes added at once (a whole conversation) are queued as their parent, never one by one.
 */
import {
  MAX_SURFACE_CHARS,
  mayBeSignal,
  NOTICE_SURFACES,
  QUIET_SUBTREE,
  SELECTORS,
  STREAMING_REPLY,
} from '../../core/claude-page/page-facts';
import { SECOND_MS } from '../../core/time/time';
import { createScanner } from './page-scan';

/** Mutations are batched at most this often; the error must still show within a second. */
const BATCH_MS = 100;
/**
 * How often a streaming reply is looked at for a notice standing in it: issue #29 asks for it
 * within a second, and after the look come the page reader and the background. Each look is a
 * callback into the extension's world, which costs far more than the look itself (about 3 µs):
 * as few as that allows.
 */
const STREAM_LOOK_MS = 500;
/** How many of a streaming reply's last text nodes a look reads: a notice's sentences, split by inline markup. */
const LAST_TEXTS = 3;
/** Above this many nodes added by one mutation, their parent is queued instead. */
const MANY_ADDED = 64;

function elementOf(node: Node): Element | null {
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

/** A reply streaming now; any other node (a text node among what was added, say) is not. */
const isStreaming = (node: Node | null): node is Element =>
  node?.nodeType === Node.ELEMENT_NODE && (node as Element).getAttribute(SELECTORS.streamingAttribute) === 'true';

export function watchPageSignals(
  root: Element,
  onCandidate: (text: Text) => void,
  /**
   * Called once per batch of changes anywhere in the page, quiet parts included (the model menu
   * button is in the page header, which is never read), at most every BATCH_MS: e.g. to notice a
   * new model in the model menu button. Not called while a reply streams.
   */
  onBatch: () => void = () => undefined,
): { stop(): void; rescan(node: Node): void } {
  /** The replies streaming now; while there is one, only `streamObserver` and `look` run. */
  const streaming = new Set<Element>();
  const scanner = createScanner(onCandidate, {
    delayMs: BATCH_MS,
    // A notice found by a look starts a batch too: not one of the page's changes.
    onBatch: () => {
      if (streaming.size === 0) onBatch();
    },
  });
  const changed = () => scanner.touch();
  let look: ReturnType<typeof setInterval> | null = null;

  const pageObserver = new MutationObserver((mutations) => read(mutations));
  const pageOptions: MutationObserverInit = {
    childList: true,
    subtree: true,
    characterData: true,
    attributeFilter: [SELECTORS.streamingAttribute],
  };
  // Attribute changes of one name, on the streaming replies only: claude.ai's re-renders never call it.
  const streamObserver = new MutationObserver((mutations) => {
    const ended: Element[] = [];
    for (const { target } of mutations) {
      if (isStreaming(target)) streaming.add(target);
      else if (streaming.delete(target as Element)) ended.push(target as Element);
    }
    stopped(ended);
  });

  /**
   * Replies that stopped streaming (or left the page) are read once, whole; when none streams
   * any more, the page-wide observer comes back, and what it may have missed while away is read:
   * claude.ai's notice band and alerts, or the whole page when a reply left it (claude.ai
   * navigated or rendered the conversation again).
   */
  function stopped(ended: Element[]): void {
    if (ended.length === 0) return;
    const left = ended.some((reply) => !reply.isConnected);
    // The scanner passes over a node that left the page (page-scan.ts).
    const readAll = (nodes: Iterable<Node>) => {
      for (const node of nodes) scanner.add(node);
    };
    if (streaming.size > 0) {
      readAll(ended);
      return;
    }
    streamObserver.disconnect();
    if (look !== null) clearInterval(look);
    look = null;
    pageObserver.observe(root, pageOptions);
    if (left) scanner.add(root);
    else readAll([...ended, ...root.querySelectorAll(NOTICE_SURFACES)]);
    changed();
  }

  function streamStarts(reply: Element): void {
    streaming.add(reply);
    // The reply's own attribute, not the page's subtree: the page's own changes then never look
    // for our observer (a subtree observer, even of one attribute, is consulted on every change below it).
    streamObserver.observe(reply, { attributeFilter: [SELECTORS.streamingAttribute] });
    if (streaming.size > 1) return;
    // What the page observer still holds is dropped with it: what matters is read in `stopped`.
    pageObserver.disconnect();
    look = setInterval(lookAtStreams, STREAM_LOOK_MS);
  }

  /**
   * A notice can stand in a streaming reply (the retry notice in place of the words, the note
   * under a reply cut off): it is the reply's last text, so only its last few text nodes (the end
   * of each, a notice's length) are looked at, and a look costs the same however long the reply
   * grows; one with the words is a candidate. A reply that left the page without stopping (claude.ai
   * navigated) has stopped.
   */
  function lookAtStreams(): void {
    const ended: Element[] = [];
    for (const reply of streaming) {
      if (!reply.isConnected || !isStreaming(reply)) {
        streaming.delete(reply);
        ended.push(reply);
        continue;
      }
      const walker = document.createTreeWalker(reply, NodeFilter.SHOW_TEXT);
      let words = 0;
      // White space between elements (markup written with indents) is passed over, a few dozen at most.
      for (let text = walker.lastChild(), seen = 0; text && words < LAST_TEXTS && seen < 32; seen++) {
        const data = (text as Text).data;
        if (data.trim()) {
          words++;
          if (mayBeSignal(data.slice(-MAX_SURFACE_CHARS))) scanner.add(text, true);
        }
        text = walker.previousNode();
      }
    }
    stopped(ended);
  }

  function read(mutations: MutationRecord[]): void {
    // Many mutations of one callback share their parent (a re-rendered reply): test it once.
    let lastTarget: Node | null = null;
    let lastQuiet: Element | null = null;
    // A batch starts once the callback is over, unless a reply started streaming in it (the batch would do nothing then).
    let touched = false;
    for (const mutation of mutations) {
      if (streaming.size > 0) return;
      const target = mutation.target;
      if (mutation.type === 'attributes') {
        // A reply that stops streaming while the page is watched (it was never seen streaming) is read once, whole.
        if (isStreaming(target)) streamStarts(target);
        else scanner.add(target);
        touched = true;
        continue;
      }
      if (target !== lastTarget) {
        lastTarget = target;
        lastQuiet = elementOf(target)?.closest(QUIET_SUBTREE) ?? null;
        if (isStreaming(lastQuiet)) {
          streamStarts(lastQuiet);
          continue;
        }
        touched = true;
      }
      if (lastQuiet) continue;
      if (mutation.type === 'characterData' || mutation.addedNodes.length > MANY_ADDED) scanner.add(target);
      else {
        for (const node of mutation.addedNodes) {
          // A new streaming reply: watched as above. A new code block or composer: never read.
          if (isStreaming(node)) streamStarts(node);
          else if (node.nodeType !== Node.ELEMENT_NODE || !(node as Element).matches(QUIET_SUBTREE)) scanner.add(node);
        }
      }
    }
    if (touched && streaming.size === 0) changed();
  }

  // A reply may be streaming already (a reload in the middle of one).
  const already = root.querySelector(STREAMING_REPLY);
  pageObserver.observe(root, pageOptions);
  if (already) streamStarts(already);

  // The error may already be on the page when we start (a reload right after it appeared). That
  // scan walks the page in slices, and starts when the page is idle, off its load path, in that
  // very callback (each call into the extension's script costs more than a short page's walk). It
  // covers what the page changed meanwhile: whatever was queued is dropped, not read twice.
  const idle = globalThis.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
  let initial: number | ReturnType<typeof setTimeout> | null = idle(
    () => {
      initial = null;
      scanner.scanWhole(root);
    },
    { timeout: SECOND_MS },
  );

  return {
    stop() {
      pageObserver.disconnect();
      streamObserver.disconnect();
      scanner.stop();
      streaming.clear();
      if (look !== null) clearInterval(look);
      if (initial !== null) (globalThis.cancelIdleCallback ?? clearTimeout)(initial as never);
    },
    /** Queues a node again (a candidate kept while the page reader loaded). */
    rescan: (node) => scanner.add(node),
  };
}
