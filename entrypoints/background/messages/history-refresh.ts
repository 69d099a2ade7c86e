/** `history-refresh`: the popup asks for the last 7 days (fetched at most every 10 min unless forced). */
import type { Handler } from './handler';

export const historyRefresh: Handler<'history-refresh'> = async (message, _from, background) => {
  await background.refreshHistory(message.force === true);
};
