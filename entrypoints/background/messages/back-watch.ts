/** `back-watch`: "Tell me when it's back" on or off, from the popup or the banner's trusted click. */
import type { Handler } from './handler';

export const backWatch: Handler<'back-watch'> = async (message, _from, background) => {
  await background.backWatch(message.on);
};
