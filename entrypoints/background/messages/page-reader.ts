/** `page-reader`: a claude.ai page found text that may be claude.ai's own message; its reader is loaded first. */
import type { Handler } from './handler';

export const pageReader: Handler<'page-reader'> = async (_message, { facts }, background) => {
  await background.injectReader(facts);
};
