/**
 * Local signals the status page never shows: when claude.ai displayed one of its own failure
 * messages (capacity, outage screen, retry; core/claude-page/page-facts.ts). Only the kind, the time, the
 * site and the outage screen's support error code are kept, never page content.
 */
import * as z from 'zod/mini';
import { SITE_IDS, type SiteId } from '../sites/site-hosts';
import { DAY_MS } from '../time/time';
import { ERROR_CODE, PAGE_SIGNAL_KINDS, type PageSignal, type PageSignalKind } from './page-facts';
import { DETECTION_DEDUPE_MS } from './signal-timing';

export const detectionSchema = z.object({
  at: z.string(),
  site: z.enum(SITE_IDS),
  kind: z.enum(PAGE_SIGNAL_KINDS),
  code: z.optional(z.string().check(z.regex(ERROR_CODE))),
});
export type Detection = z.infer<typeof detectionSchema>;

export const signalsSchema = z.object({ detections: z.array(detectionSchema) });
export type Signals = z.infer<typeof signalsSchema>;

export const EMPTY_SIGNALS: Signals = { detections: [] };

const KEEP_MS = DAY_MS;
const MAX_DETECTIONS = 500;

/**
 * `signals` with the detection recorded at `nowMs`. The same kind on the same site within a
 * minute of the last one is not recorded again: the very same object comes back, so the caller
 * can skip the write.
 */
export function withDetection(signals: Signals, seen: PageSignal & { site: SiteId }, nowMs: number): Signals {
  const last = lastDetection(signals, seen.site, seen.kind);
  if (last && nowMs - Date.parse(last.at) < DETECTION_DEDUPE_MS && nowMs >= Date.parse(last.at)) return signals;
  // Detections ahead of the clock (it was set back since) cannot be placed in time: dropped.
  const recent = signals.detections.filter((d) => {
    const age = nowMs - Date.parse(d.at);
    return age >= 0 && age < KEEP_MS;
  });
  const detection: Detection = { at: new Date(nowMs).toISOString(), site: seen.site, kind: seen.kind };
  if (seen.code !== undefined && ERROR_CODE.test(seen.code)) detection.code = seen.code;
  const next = [...recent, detection];
  return { detections: next.slice(Math.max(0, next.length - MAX_DETECTIONS)) };
}

export function detectionsSince(
  signals: Signals,
  sinceMs: number,
  site?: SiteId,
  kind: PageSignalKind = 'capacity',
): number {
  return signals.detections.filter((d) => d.kind === kind && Date.parse(d.at) >= sinceMs && (!site || d.site === site))
    .length;
}

/** The latest detection of `kind` on `site`, whatever the storage order; unreadable times are skipped. */
export function lastDetection(signals: Signals, site: SiteId, kind: PageSignalKind = 'capacity'): Detection | null {
  let latest: Detection | null = null;
  let latestAt = Number.NEGATIVE_INFINITY;
  for (const d of signals.detections) {
    const at = Date.parse(d.at);
    if (d.site === site && d.kind === kind && !Number.isNaN(at) && at > latestAt) {
      latest = d;
      latestAt = at;
    }
  }
  return latest;
}

export function lastDetectionAt(signals: Signals, site: SiteId, kind: PageSignalKind = 'capacity'): number | null {
  const last = lastDetection(signals, site, kind);
  return last ? Date.parse(last.at) : null;
}

/** Stored version 2 added the kind (version 1 held capacity detections only). */
export const SIGNALS_VERSION = 2;

/**
 * Version 1 `{ capacity: [{ at, site }] }` to 2; what cannot be read is dropped, never kept as
 * garbage, and only the MAX_DETECTIONS latest are kept, as every write keeps them (a version 1 of
 * 50,000 detections was kept whole).
 */
export function migrateSignalsV1toV2(old: unknown): unknown {
  // A value stored without its version mark is taken for version 1; a version 2 passes through.
  if (z.safeParse(signalsSchema, old).success) return old;
  const capacity = (old as { capacity?: unknown } | null)?.capacity;
  const detections = (Array.isArray(capacity) ? capacity : [])
    .map((d) => ({ ...(d as object), kind: 'capacity' }))
    .filter((d) => z.safeParse(detectionSchema, d).success)
    .map((d) => ({ d, at: Date.parse((d as Detection).at) || Number.NEGATIVE_INFINITY }))
    .sort((a, b) => a.at - b.at)
    .slice(-MAX_DETECTIONS)
    .map(({ d }) => d);
  return { detections };
}

export const SIGNALS_MIGRATIONS: Record<number, (old: unknown) => unknown> = { 2: migrateSignalsV1toV2 };
