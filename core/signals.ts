/**
 * Local signals the status page never shows: when claude.ai displayed a capacity error.
 * Only the fact, the time and the site are kept, never page content.
 */
import * as z from 'zod/mini';
import type { SiteId } from './sites';

export const detectionSchema = z.object({ at: z.string(), site: z.enum(['claude-ai', 'platform']) });
export type Detection = z.infer<typeof detectionSchema>;

export const signalsSchema = z.object({ capacity: z.array(detectionSchema) });
export type Signals = z.infer<typeof signalsSchema>;

export const EMPTY_SIGNALS: Signals = { capacity: [] };

const KEEP_MS = 24 * 60 * 60_000;
const MAX_DETECTIONS = 500;
/** One error stays on screen while the observer sees it re-rendered; count it once a minute at most. */
export const DETECTION_DEDUPE_MS = 60_000;

/**
 * Adds a detection; within a minute of the site's last one, returns `signals` itself (the same
 * reference, so that the caller can skip the storage write: one stored detection per minute).
 */
export function withDetection(signals: Signals, site: SiteId, nowMs: number): Signals {
  const last = lastDetectionAt(signals, site);
  if (last !== null && nowMs >= last && nowMs - last < DETECTION_DEDUPE_MS) return signals;
  const recent = signals.capacity.filter((d) => nowMs - Date.parse(d.at) < KEEP_MS);
  const next = [...recent, { at: new Date(nowMs).toISOString(), site }];
  return { capacity: next.slice(Math.max(0, next.length - MAX_DETECTIONS)) };
}

export function detectionsSince(signals: Signals, sinceMs: number, site?: SiteId): number {
  return signals.capacity.filter((d) => Date.parse(d.at) >= sinceMs && (!site || d.site === site)).length;
}

export function lastDetectionAt(signals: Signals, site: SiteId): number | null {
  let latest: number | null = null;
  for (const d of signals.capacity) {
    const at = Date.parse(d.at);
    if (d.site === site && !Number.isNaN(at) && (latest === null || at > latest)) latest = at;
  }
  return latest;
}
