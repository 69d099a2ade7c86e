/**
 * Firefox lets users withhold host permissions. A fetch to a status origin then fails like a
 * network error; this wrapper tells the two apart, so the stored health says 'permission' and
 * the popup can offer to grant access instead of "unreachable".
 */
import { browser } from 'wxt/browser';
import { type FetchFn, MissingPermissionError } from './fetch-summary';

type Contains = (origins: string[]) => Promise<boolean>;

const contains: Contains = (origins) => browser.permissions.contains({ origins });

export function withPermissionCheck(fetchFn: FetchFn, granted: Contains = contains): FetchFn {
  return async (input, init) => {
    try {
      return await fetchFn(input, init);
    } catch (error) {
      // A timeout is a timeout, whatever the permissions.
      if (init.signal?.aborted) throw error;
      let allowed = true;
      try {
        allowed = await granted([`${new URL(input).origin}/*`]);
      } catch {
        // No permissions API (or it failed): say what we know, a network error.
      }
      if (!allowed) throw new MissingPermissionError(`no host permission for ${new URL(input).host}`);
      throw error;
    }
  };
}
