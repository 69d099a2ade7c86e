/**
 * The few extension APIs the scripts in claude.ai's pages use, straight from the browser's own
 * global: Firefox's promise-based `browser`, or Chrome's `chrome` (promise-based too for these
 * calls in MV3). Not `wxt/browser`: the @wxt-dev/webextension-polyfill module aliases it to the
 * polyfill, about 3 KB gzip that would run on every claude.ai page (docs/benchmarks.md).
 */
import type { PageShape, PageSignal } from '../../core/claude-page/page-facts';
import type { Message, PageView, ReplyTo } from '../../core/messages/messages';

export type { PageView };

type StorageListener = (changes: Record<string, unknown>, area: string) => void;

export interface PageApi {
  /** Typed by the message contract (core/messages/messages.ts): types only, no bytes in the page's script. */
  runtime: { id?: string; sendMessage<M extends Message>(message: M): Promise<ReplyTo<M>> };
  storage: {
    onChanged: { addListener(listener: StorageListener): void; removeListener(listener: StorageListener): void };
  };
}

const scope = globalThis as { browser?: PageApi; chrome?: PageApi };
export const pageApi = (scope.browser ?? scope.chrome) as PageApi;

/**
 * What the banner script (entrypoints/claude-banner.ts) leaves on the content scripts' global once
 * the background has injected it. That global is the extension's isolated world, shared by the
 * watcher and the banner script and invisible to the page.
 */
export interface BannerController {
  /** Shows (or redraws) the banner; `refresh` asks the background again (relative times). */
  show(view: PageView, refresh: () => void): void;
  /** Removes the banner's host from the page; the script stays loaded for the next one. */
  hide(): void;
}

export const BANNER_GLOBAL = '__statusOverlayBanner';

export function bannerController(): BannerController | undefined {
  return (globalThis as Record<string, unknown>)[BANNER_GLOBAL] as BannerController | undefined;
}

/**
 * What the page reader (entrypoints/claude-read.ts) leaves on the same global once the background
 * has injected it: whether a candidate text is claude.ai's own message (entrypoints/claude.content/page-read.ts).
 */
export interface PageReader {
  read(text: Text): (PageSignal & { shape: PageShape }) | null;
}

export const READER_GLOBAL = '__statusOverlayReader';

export function pageReader(): PageReader | undefined {
  return (globalThis as Record<string, unknown>)[READER_GLOBAL] as PageReader | undefined;
}
