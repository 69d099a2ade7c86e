/**
 * The page reader on demand (entrypoints/claude-read.ts): the always-on watcher carries only the
 * cheap search for candidate text; when it finds one, the background injects the reader into that
 * frame, the way it injects the banner (../banner/banner-injector.ts), before answering.
 */
import type { Browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { injectScript } from '../banner/banner-injector';

/** The page reader as built (an unlisted script). */
export const READER_SCRIPT: ScriptPublicPath = '/claude-read.js';

export function injectReader(sender: Browser.runtime.MessageSender): Promise<void> {
  return injectScript(sender, READER_SCRIPT);
}
