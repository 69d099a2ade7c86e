/**
 * How long incidents like an ongoing one lasted, from the status page's own history
 * (incidents.json: the 50 most recent incidents, resolved ones too). Comparable: resolved in the
 * last 90 days, with the same impact, naming one of the same services (or, like it, none). No
 * figure from fewer than 5: a range of two or three incidents says nothing (issue #27, "how long
 * will it last"). The background fetches the history for this at most once an hour, and only while
 * an incident is listed (entrypoints/background/polling/past-durations.ts); the popup and the banner
 * each call typicalDuration() on what it stored, so both give the same figure.
 */
import * as z from 'zod/mini';
import { DAY_MS, HOUR_MS } from '../time/time';
import { jsonBytes, MAX_PAST_DURATIONS_BYTES, rowsWithin } from './budget';
import { isoOrNull, msOf } from './dates';
import { affectedServiceIds, serviceNameMatcher } from './snapshot';
import { type Incident, type Service, type Snapshot, validatorsSchema } from './status-model';
import { type IncidentsList, isClosed } from './statuspage';

/** How far back incidents count. */
export const TYPICAL_WINDOW_MS = 90 * DAY_MS;
/** Fewer comparable incidents than this give no figure. */
export const TYPICAL_MIN_COUNT = 5;
/** The history is fetched for this at most this often. */
export const PAST_DURATIONS_GAP_MS = HOUR_MS;
/** incidents.json lists at most 50; keep no more than that whatever a page sends. */
const MAX_PAST = 50;

export const pastIncidentSchema = z.object({
  id: z.string(),
  /** Statuspage's impact as the page wrote it: none, minor, major, critical. */
  impact: z.string(),
  /** Page order; empty when the incident named none. */
  serviceIds: z.array(z.string()),
  resolvedAt: z.string(),
  durationMs: z.number(),
});
export type PastIncident = z.infer<typeof pastIncidentSchema>;

export const pastDurationsSchema = z.object({
  /** The last attempt, successful or not: the next one comes PAST_DURATIONS_GAP_MS later. */
  checkedAt: z.nullable(z.string()),
  /** incidents.json's validators for this fetch, so an unchanged history is a 304. */
  validators: z.nullable(validatorsSchema),
  /** Resolved incidents of the last TYPICAL_WINDOW_MS, newest first. */
  incidents: z.array(pastIncidentSchema),
});
export type PastDurations = z.infer<typeof pastDurationsSchema>;

export const EMPTY_PAST_DURATIONS: PastDurations = { checkedAt: null, validators: null, incidents: [] };

/**
 * Whether to fetch the history now: an incident is listed, and the last attempt is an hour old.
 * The hour is also the longest Retry-After honoured (core/polling/health.ts MAX_RETRY_WAIT_MS),
 * so whatever incidents.json asked for at the last attempt has run out by then.
 */
export function pastDurationsDue(past: PastDurations, snapshot: Snapshot | null, nowMs: number): boolean {
  if (!snapshot || snapshot.incidents.length === 0) return false;
  const last = msOf(past.checkedAt);
  // A clock set back leaves `last` in the future: fetch rather than wait for it.
  return last === null || last > nowMs || nowMs - last >= PAST_DURATIONS_GAP_MS;
}

/**
 * incidents.json -> the resolved incidents of the window, with their durations, newest first.
 * `services` are the snapshot's (for names in titles), so that service ids compare with the
 * ongoing incidents'. An incident without a start, without an end, ending before it starts or
 * ahead of the clock has no duration to learn from.
 */
export function pastIncidentsFrom(list: IncidentsList, services: readonly Service[], nowMs: number): PastIncident[] {
  // One matcher for the whole list: compiling name patterns per incident costs seconds on a hostile list.
  const namedIn = serviceNameMatcher(services);
  const seen = new Set<string>();
  const rows: PastIncident[] = [];
  for (const incident of list.incidents) {
    if (!isClosed(incident.status) || seen.has(incident.id)) continue;
    const start = msOf(isoOrNull(incident.started_at) ?? isoOrNull(incident.created_at));
    // A resolved incident without resolved_at ended at its last update at the latest.
    const end = msOf(isoOrNull(incident.resolved_at) ?? isoOrNull(incident.updated_at));
    if (start === null || end === null || end < start || end > nowMs || nowMs - end > TYPICAL_WINDOW_MS) continue;
    seen.add(incident.id);
    rows.push({
      id: incident.id,
      impact: incident.impact,
      serviceIds: affectedServiceIds(incident, services, namedIn),
      resolvedAt: new Date(end).toISOString(),
      durationMs: end - start,
    });
  }
  rows.sort((a, b) => Date.parse(b.resolvedAt) - Date.parse(a.resolvedAt));
  // Stored: the newest that fit in MAX_PAST_DURATIONS_BYTES (a hostile list can name hundreds of services in each).
  return [...rowsWithin(rows.slice(0, MAX_PAST), jsonBytes(EMPTY_PAST_DURATIONS), MAX_PAST_DURATIONS_BYTES).rows];
}

export interface Typical {
  /** How many comparable incidents the figures come from (at least TYPICAL_MIN_COUNT). */
  count: number;
  minMs: number;
  medianMs: number;
  maxMs: number;
}

/** The same services: one in common, or none named by either. */
function sameServices(a: readonly string[], b: readonly string[]): boolean {
  return a.length === 0 && b.length === 0 ? true : a.some((id) => b.includes(id));
}

/** How long incidents like `incident` lasted, or null when fewer than TYPICAL_MIN_COUNT compare. */
export function typicalDuration(
  incident: Pick<Incident, 'id' | 'impact' | 'serviceIds'>,
  past: PastDurations,
  nowMs: number,
): Typical | null {
  const durations = past.incidents
    .filter((p) => {
      const end = msOf(p.resolvedAt);
      return (
        p.id !== incident.id &&
        p.impact === incident.impact &&
        sameServices(p.serviceIds, incident.serviceIds) &&
        end !== null &&
        end <= nowMs &&
        nowMs - end <= TYPICAL_WINDOW_MS &&
        Number.isFinite(p.durationMs) &&
        p.durationMs >= 0
      );
    })
    .map((p) => p.durationMs)
    .sort((a, b) => a - b);
  const count = durations.length;
  if (count < TYPICAL_MIN_COUNT) return null;
  const middle = Math.floor(count / 2);
  const medianMs =
    count % 2 === 1
      ? (durations[middle] as number)
      : ((durations[middle - 1] as number) + (durations[middle] as number)) / 2;
  return { count, minMs: durations[0] as number, medianMs, maxMs: durations[count - 1] as number };
}
