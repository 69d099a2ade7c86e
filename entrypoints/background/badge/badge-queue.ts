/**
 * Badge draws, queued: each reads the state when its turn comes, so the last draw always shows the
 * latest state, whatever order the events that asked for them came in.
 */

import type { StatusState } from '../../../core/status-page/status-model';
import type { OverallContext } from '../../../core/verdict/overall';
import { renderBadge } from './badge';

export function createBadgeQueue(
  read: () => Promise<{ status: StatusState; staleMs: number; local?: OverallContext }>,
  now = Date.now,
) {
  let queue: Promise<void> = Promise.resolve();
  return function drawBadge(): Promise<void> {
    queue = queue
      .then(async () => {
        const { status, staleMs, local } = await read();
        await renderBadge(status, now(), staleMs, local);
      })
      .catch((error) => console.warn('[status-overlay] badge:', error));
    return queue;
  };
}
