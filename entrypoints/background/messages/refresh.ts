/** `refresh`: a person asked (the popup's button); only the extension's pages may send it (core/messages/message-senders.ts). */
import type { Handler } from './handler';

export const refresh: Handler<'refresh'> = async (_message, _from, background) => {
  await background.poll('user');
};
