/**
 * The background's one write queue (./write-queue.ts) over the stored items: when storage is full
 * it drops the history (fetched again when the popup opens), then the past durations (fetched
 * again at the next poll during an incident; meanwhile no typical duration is shown), then the
 * resolutions (checked again after the next poll), so the status itself is still written, and it
 * notes the event for the popup to say so. Never the failure counts nor claude.ai's own messages:
 * they are what still works when the status page does not, and a hostile status origin that
 * filled the storage would otherwise erase them at every poll (issue #28).
 */
import { historyItem, pastDurationsItem, resolutionsItem, storageFullItem } from '../../../shell/stored-items';
import { createWriteQueue, type WriteQueue } from './write-queue';

/** What the queue may drop to make room, least important first: only what the background fetches again. */
export const RELIEF = [historyItem, pastDurationsItem, resolutionsItem] as const;

export function createStoredQueue(): WriteQueue {
  return createWriteQueue({
    relief: RELIEF,
    onFull: (report) => {
      console.warn('[status-overlay] storage full:', report);
      // Session storage has a quota of its own; written directly, since this runs inside a queued write.
      void storageFullItem.set({ at: new Date().toISOString(), stored: report.stored }).catch(() => undefined);
    },
  });
}
