/**
 * The browser's storage refused a write for lack of space (entrypoints/background/storage/write-queue.ts
 * made room by dropping what it can rebuild). Recorded so that the popup says so: the user can
 * free space, and knows why the history strip or the typical durations went empty.
 */
import * as z from 'zod/mini';
import { HOUR_MS } from '../time/time';

export const storageFullSchema = z.nullable(
  z.object({
    /** When the last write was refused (ISO). */
    at: z.string(),
    /** Whether that write got through after making room (false: the status could not be saved). */
    stored: z.boolean(),
  }),
);
export type StorageFull = z.infer<typeof storageFullSchema>;

/** Said in the popup this long after the last refusal: long enough to be seen, not forever after space was freed. */
const STORAGE_FULL_SHOWN_MS = HOUR_MS;

export function storageFullShown(record: StorageFull, nowMs: number): boolean {
  if (!record) return false;
  const at = Date.parse(record.at);
  return !Number.isNaN(at) && nowMs - at < STORAGE_FULL_SHOWN_MS && at <= nowMs;
}
