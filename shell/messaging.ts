/** Sends a typed message to the background; a missing background (extension reloading) is not an error. */
import { browser } from 'wxt/browser';
import type { Message } from '../core/messages';

export async function send(message: Message): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch (error) {
    console.warn('[status-overlay] background did not answer:', (error as Error).message);
  }
}
