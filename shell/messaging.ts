/**
 * Sends a message to the background and returns its typed reply (core/messages/messages.ts); a missing
 * background (extension reloading) or a refusal is `undefined`, not an error.
 */
import { browser } from 'wxt/browser';
import type { Message, ReplyTo } from '../core/messages/messages';

export async function send<M extends Message>(message: M): Promise<ReplyTo<M>> {
  try {
    return (await browser.runtime.sendMessage(message)) as ReplyTo<M>;
  } catch (error) {
    console.warn('[status-overlay] background did not answer:', (error as Error).message);
    return undefined;
  }
}
