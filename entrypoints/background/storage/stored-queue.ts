/**
 * The background's one write queue (./write-queue.ts) over the stored items: when storage is full
 * it drops the history (fetched again when the popup opens), then the failure counts, so the
 * status itself is still written, and it notes the event for the popup to say so.
 */
import { failuresItem, historyItem, storageFullItem } from '../../../shell/stored-items';
import { createWriteQueue, type WriteQueue } from './write-queue';

export function createStoredQueue(): WriteQueue {
  return createWriteQueue({
    relief: [historyItem, failuresItem],
    onFull: (report) => {
      console.warn('[status-overlay] storage full:', report);
      // Session storage has a quota of its own; written directly, since this runs inside a queued write.
      void storageFullItem.set({ at: new Date().toISOString(), stored: report.stored }).catch(() => undefined);
    },
  });
}
