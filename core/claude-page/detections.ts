/**
 * Local signals the status page never shows: when claude.ai displayed one of its own failure
 * messages (capacity, outage screen, retry, a reply cut off, a model unavailable;
 * core/claude-page/page-facts.ts), and whether the page still shows the markers the watcher relies
 * on. Only the kind, the time, the site, the outage screen's support error code and, for the
 * "Wrong banner?" report, the structure around the matched element (tag names, test ids, roles,
 * class names, depth) are kept, never page content.
 */
import * as z from 'zod/mini';
import { SITE_IDS, type SiteId } from '../sites/site-hosts';
import { DAY_MS } from '../time/time';
import {
  ERROR_CODE,
  MARKER_NAMES,
  type MarkerName,
  PAGE_SIGNAL_KINDS,
  type PageShape,
  type PageSignal,
  type PageSignalKind,
  SURFACES,
} from './page-facts';
import { DETECTION_DEDUPE_MS } from './signal-timing';

/** A token of text that is no page text: a tag name, a kebab-case test id, a role, a class name. */
const token = (max: number, pattern: RegExp) => z.string().check(z.maxLength(max), z.regex(pattern));

/** The structure around a matched element, as the page reader describes it (entrypoints/claude.content/page-read.ts). */
export const pageShapeSchema = z.object({
  surface: z.enum(SURFACES),
  /** Only shown in the report, rounded and clamped there (a number is never page text). */
  depth: z.number(),
  path: z
    .array(
      z.object({
        tag: token(20, /^[a-z][a-z0-9-]*$/),
        testid: z.optional(token(40, /^[a-z]+(?:-[a-z]+)+$/)),
        role: z.optional(token(24, /^[a-z]{2,24}$/)),
        classes: z.optional(z.array(token(40, /^[^\s"'`<\\]+$/)).check(z.maxLength(6))),
      }),
    )
    .check(z.maxLength(8)),
});

export const detectionSchema = z.object({
  at: z.string(),
  site: z.enum(SITE_IDS),
  kind: z.enum(PAGE_SIGNAL_KINDS),
  code: z.optional(z.string().check(z.regex(ERROR_CODE))),
  /** Kept on the latest detection of each kind only. */
  shape: z.optional(pageShapeSchema),
});
export type Detection = z.infer<typeof detectionSchema>;

/** The last check of a claude.ai conversation page's markers: which it lacked (none: all there). */
export const markersSchema = z.object({
  at: z.string(),
  missing: z.array(z.enum(MARKER_NAMES)).check(z.maxLength(MARKER_NAMES.length)),
});
export type Markers = z.infer<typeof markersSchema>;

export const signalsSchema = z.object({
  detections: z.array(detectionSchema),
  /** Absent or null until a conversation page was checked. */
  markers: z.optional(z.nullable(markersSchema)),
});
export type Signals = z.infer<typeof signalsSchema>;

export const EMPTY_SIGNALS: Signals = { detections: [] };

const KEEP_MS = DAY_MS;
const MAX_DETECTIONS = 500;

/**
 * `signals` with the detection recorded at `nowMs`. The same kind on the same site within a
 * minute of the last one is not recorded again: the very same object comes back, so the caller
 * can skip the write.
 */
export function withDetection(
  signals: Signals,
  seen: PageSignal & { site: SiteId; shape?: PageShape },
  nowMs: number,
): Signals {
  const last = lastDetection(signals, seen.site, seen.kind);
  if (last && nowMs - Date.parse(last.at) < DETECTION_DEDUPE_MS && nowMs >= Date.parse(last.at)) return signals;
  // Detections ahead of the clock (it was set back since) cannot be placed in time: dropped. Only
  // the newest of a kind keeps its structure: 500 structures would fill the storage for nothing.
  const recent = signals.detections
    .filter((d) => {
      const age = nowMs - Date.parse(d.at);
      return age >= 0 && age < KEEP_MS;
    })
    .map((d) => (d.shape && d.kind === seen.kind && d.site === seen.site ? withoutShape(d) : d));
  const detection: Detection = { at: new Date(nowMs).toISOString(), site: seen.site, kind: seen.kind };
  if (seen.code !== undefined && ERROR_CODE.test(seen.code)) detection.code = seen.code;
  if (seen.shape && z.safeParse(pageShapeSchema, seen.shape).success) detection.shape = seen.shape;
  const next = [...recent, detection];
  return { ...signals, detections: next.slice(Math.max(0, next.length - MAX_DETECTIONS)) };
}

function withoutShape({ shape: _shape, ...rest }: Detection): Detection {
  return rest;
}

/**
 * `signals` with the markers a conversation page lacks (none: all there), checked at `nowMs`; the
 * very same object when nothing changed, so the caller can skip the write.
 */
export function withMarkers(signals: Signals, missing: readonly MarkerName[], nowMs: number): Signals {
  // In MARKER_NAMES' order, whatever the order sent: the same answer is the same list.
  const known = MARKER_NAMES.filter((name) => missing.includes(name));
  const before = signals.markers?.missing ?? [];
  if (signals.markers && before.join() === known.join()) return signals;
  return { ...signals, markers: { at: new Date(nowMs).toISOString(), missing: known } };
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

/** The latest detection of any kind on `site`; unreadable times are skipped. */
export function latestDetection(signals: Signals, site: SiteId): Detection | null {
  let latest: Detection | null = null;
  for (const kind of PAGE_SIGNAL_KINDS) {
    const last = lastDetection(signals, site, kind);
    if (last && (!latest || Date.parse(last.at) > Date.parse(latest.at))) latest = last;
  }
  return latest;
}

export function lastDetectionAt(signals: Signals, site: SiteId, kind: PageSignalKind = 'capacity'): number | null {
  const last = lastDetection(signals, site, kind);
  return last ? Date.parse(last.at) : null;
}

/**
 * Stored version 2 added the kind (version 1 held capacity detections only); version 3 the kinds
 * incomplete and model-unavailable, the structure of a detection, and the page's markers.
 */
export const SIGNALS_VERSION = 3;

/**
 * Version 1 `{ capacity: [{ at, site }] }` to 2; what cannot be read is dropped, never kept as
 * garbage, and only the MAX_DETECTIONS latest are kept, as every write keeps them (a version 1 of
 * 50,000 detections was kept whole).
 */
export function migrateSignalsV1toV2(old: unknown): unknown {
  // A value stored without its version mark is taken for version 1; a version 2 passes through.
  if (Array.isArray((old as { detections?: unknown } | null)?.detections)) return old;
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

/**
 * Version 2 `{ detections }` to 3: every version 2 detection is a version 3 one (the new kinds and
 * the structure are additions); the markers are not known yet. What cannot be read is dropped. A
 * version 3 value stored without its version mark (storage cleared of the marks only) keeps its
 * markers: @wxt-dev/storage takes a value without a mark for version 1 and runs every migration.
 */
export function migrateSignalsV2toV3(old: unknown): unknown {
  const { detections, markers } = (old ?? {}) as { detections?: unknown; markers?: unknown };
  const kept = (Array.isArray(detections) ? detections : []).filter((d) => z.safeParse(detectionSchema, d).success);
  return z.safeParse(markersSchema, markers).success ? { detections: kept, markers } : { detections: kept };
}

export const SIGNALS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: migrateSignalsV1toV2,
  3: migrateSignalsV2toV3,
};
