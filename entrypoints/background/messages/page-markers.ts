/** `page-markers`: which of the markers the watcher relies on a claude.ai conversation page lacks; only their names are stored. */
import type { Handler } from './handler';

export const pageMarkers: Handler<'page-markers'> = async (message, _from, background) => {
  if (message.site === 'claude-ai') await background.recordMarkers(message.missing);
};
