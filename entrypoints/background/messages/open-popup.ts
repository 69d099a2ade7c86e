/** `open-popup`: the banner cannot ask for the notification permission; the popup, opened here, can. */
import type { Handler } from './handler';

export const openPopup: Handler<'open-popup'> = async (_message, _from, background) => {
  await background.openPopup();
};
