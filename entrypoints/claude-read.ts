/**
 * The page reader (entrypoints/claude.content/page-read.ts), injected by the background
 * (entrypoints/background/claude-page/reader-injector.ts) into a claude.ai tab only when the always-on
 * watcher found text that may be claude.ai's own message, into the same isolated world as the
 * watcher, which then calls it through READER_GLOBAL. Injected twice, it keeps the first.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { READER_GLOBAL } from './claude.content/page-api';
import { readSignal } from './claude.content/page-read';

export default defineUnlistedScript(() => {
  const scope = globalThis as Record<string, unknown>;
  scope[READER_GLOBAL] ??= { read: readSignal };
});
