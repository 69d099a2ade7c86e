/**
 * Recent history from incidents.json (the 50 latest incidents, resolved ones too): what the
 * popup shows as "last 7 days", a list with durations and a per-service strip of days.
 *
 * Stored pruned (only what overlaps the window, only the fields shown) and parsed with the
 * schema below on every read, like every stored item.
 *
 * Days are the user's local calendar days, not the status page's (Etc/UTC): the strip is read
 * by a person in their own day, "today" should end at their midnight, and every time the popup
 * shows is local too. The status page's own uptime bars use UTC, so near midnight a cell here
 * can differ from status.claude.com's by the offset. Tests pass the zone explicitly.
 */
import * as z from 'zod/mini';
import { MAX_RETRY_WAIT_MS } from '../polling/health';
import { waiting } from '../polling/poll-gate';
import { DAY_MS, MINUTE_MS } from '../time/time';
import { jsonBytes, MAX_HISTORY_BYTES, rowsWithin } from './budget';
import { isoOrNull, msOf } from './dates';
import { fromImpact, SEVERITIES, type Severity, worst } from './severity';
import { affectedServiceIds, serviceNameMatcher, shortServiceName } from './snapshot';
import { safeStatusLink } from './sources';
import { fetchErrorKindSchema, type Service, sourceIdSchema } from './status-model';
import { type IncidentsList, isClosed, MAX_ROWS, type StatuspageIncident } from './statuspage';
import { cleanText, MAX_NAME } from './text';

export const HISTORY_DAYS = 7;
/** The popup asks for history when it opens; the background fetches at most this often unless forced. */
export const HISTORY_MIN_GAP_MS = 10 * MINUTE_MS;
/** incidents.json lists at most 50; keep no more than that whatever a page sends. */
const MAX_HISTORY = 50;
/** Kept beyond the window so a popup opened later without a new fetch still fills its oldest day. */
const HISTORY_KEEP_MS = (HISTORY_DAYS + 1) * DAY_MS;

export const historyIncidentSchema = z.object({
  id: z.string(),
  name: z.string(),
  severity: z.enum(SEVERITIES),
  startedAt: z.string(),
  /** null while unresolved. */
  resolvedAt: z.nullable(z.string()),
  /** Page order; empty when the page names none (then it may have touched any). */
  serviceIds: z.array(z.string()),
  url: z.nullable(z.string()),
});
export type HistoryIncident = z.infer<typeof historyIncidentSchema>;

export const historySchema = z.object({
  /** Last successful fetch. */
  fetchedAt: z.nullable(z.string()),
  lastAttemptAt: z.nullable(z.string()),
  lastErrorKind: z.nullable(fetchErrorKindSchema),
  source: z.nullable(sourceIdSchema),
  /** Newest start first. */
  incidents: z.array(historyIncidentSchema),
  /** incidents.json asked us (429 or 503 with Retry-After) to wait until then: no fetch before, not even a forced one. Since version 2. */
  retryAfterUntil: z.nullable(z.string()),
});
export type History = z.infer<typeof historySchema>;

export const EMPTY_HISTORY: History = {
  fetchedAt: null,
  lastAttemptAt: null,
  lastErrorKind: null,
  source: null,
  incidents: [],
  retryAfterUntil: null,
};

/** Version 2 adds `retryAfterUntil` (no wait); a value already of version 2 passes through. */
export const HISTORY_VERSION = 2;
export const HISTORY_MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: (old) =>
    typeof old === 'object' && old !== null && !('retryAfterUntil' in old) ? { ...old, retryAfterUntil: null } : old,
};

/** How long incidents.json asked us to wait, from now: a 429 without Retry-After waits the usual gap. */
export function incidentsWait(kind: History['lastErrorKind'], retryAfterMs: number | null): number {
  const asked = retryAfterMs ?? (kind === 'rate-limited' ? HISTORY_MIN_GAP_MS : 0);
  return Math.min(Math.max(0, asked), MAX_RETRY_WAIT_MS);
}

function endOf(incident: StatuspageIncident): string | null {
  const resolved = isoOrNull(incident.resolved_at);
  if (resolved) return resolved;
  // A resolved incident without resolved_at ended at its last update at the latest.
  return isClosed(incident.status) ? isoOrNull(incident.updated_at) : null;
}

/**
 * incidents.json -> the incidents that overlap the last days, newest first. `services` are the
 * snapshot's (for names in titles); the incidents' own components count too.
 */
export function historyFromIncidents(
  list: IncidentsList,
  services: readonly Service[],
  nowMs: number,
): HistoryIncident[] {
  // At most MAX_ROWS.components, as in a snapshot: each is looked for in every title.
  const known: Service[] = services.slice(0, MAX_ROWS.components);
  const ids = new Set(known.map((s) => s.id));
  for (const incident of list.incidents) {
    for (const c of incident.components) {
      if (known.length >= MAX_ROWS.components) break;
      if (!ids.has(c.id)) {
        ids.add(c.id);
        known.push({ id: c.id, name: c.name, state: 'operational', position: known.length + 1, groupId: null });
      }
    }
  }
  // One matcher for the whole list: compiling name patterns per incident costs seconds on a hostile list.
  const namedIn = serviceNameMatcher(known);
  const seen = new Set<string>();
  const rows: HistoryIncident[] = [];
  for (const incident of list.incidents) {
    const startedAt = isoOrNull(incident.started_at) ?? isoOrNull(incident.created_at);
    const start = msOf(startedAt);
    if (!startedAt || start === null || start > nowMs || seen.has(incident.id)) continue;
    const resolvedAt = endOf(incident);
    if ((msOf(resolvedAt) ?? nowMs) < nowMs - HISTORY_KEEP_MS) continue;
    seen.add(incident.id);
    rows.push({
      id: incident.id,
      name: cleanText(incident.name, MAX_NAME) || incident.id,
      severity: fromImpact(incident.impact),
      startedAt,
      resolvedAt,
      serviceIds: affectedServiceIds(incident, known, namedIn),
      url: safeStatusLink(incident.shortlink),
    });
  }
  rows.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
  // Stored: the newest that fit in MAX_HISTORY_BYTES (a hostile list can name hundreds of services in each).
  return [...rowsWithin(rows.slice(0, MAX_HISTORY), jsonBytes(EMPTY_HISTORY), MAX_HISTORY_BYTES).rows];
}

export function historySuccess(incidents: HistoryIncident[], source: History['source'], nowMs: number): History {
  const now = new Date(nowMs).toISOString();
  return { fetchedAt: now, lastAttemptAt: now, lastErrorKind: null, source, incidents, retryAfterUntil: null };
}

/**
 * A failed fetch keeps what we had: old history beats none. `waitMs`: what a 429 or 503 asked
 * for (incidentsWait), waited by whatever asks for the history, forced or not.
 */
export function historyFailure(history: History, kind: History['lastErrorKind'], nowMs: number, waitMs = 0): History {
  return {
    ...history,
    lastAttemptAt: new Date(nowMs).toISOString(),
    lastErrorKind: kind,
    retryAfterUntil: waitMs > 0 ? new Date(nowMs + waitMs).toISOString() : null,
  };
}

export function historyDue(history: History, nowMs: number, force: boolean): boolean {
  // Nobody skips a Retry-After, not even the popup's forced refresh.
  if (waiting(history.retryAfterUntil, nowMs)) return false;
  if (force) return true;
  const last = msOf(history.lastAttemptAt);
  // A clock set back leaves `last` in the future: fetch rather than wait for it.
  return last === null || last > nowMs || nowMs - last >= HISTORY_MIN_GAP_MS;
}

export interface RecentIncident {
  incident: HistoryIncident;
  durationMs: number;
  ongoing: boolean;
}

/** The incidents of the last HISTORY_DAYS days with their durations (so far, when ongoing), newest first. */
export function recentIncidents(history: History, nowMs: number): RecentIncident[] {
  const from = nowMs - HISTORY_DAYS * DAY_MS;
  const recent: RecentIncident[] = [];
  for (const incident of history.incidents) {
    const start = Date.parse(incident.startedAt);
    const end = msOf(incident.resolvedAt);
    if (Number.isNaN(start) || start > nowMs || (end ?? nowMs) < from) continue;
    recent.push({ incident, durationMs: Math.max(0, (end ?? nowMs) - start), ongoing: end === null });
  }
  return recent;
}

export type DayZone = 'local' | 'utc';

/** Start of the calendar day holding `ms`, `offsetDays` days later (DST-safe in local time). */
export function dayStart(ms: number, offsetDays: number, zone: DayZone): number {
  const d = new Date(ms);
  return zone === 'utc'
    ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + offsetDays)
    : new Date(d.getFullYear(), d.getMonth(), d.getDate() + offsetDays).getTime();
}

export interface DayCell {
  /** Start of the day, ms. */
  start: number;
  /** Worst impact of the incidents that touched the service that day; null when none did. */
  worst: Severity | null;
  incidents: HistoryIncident[];
}

export interface StripRow {
  service: Service;
  shortName: string;
  cells: DayCell[];
}

export interface DayStrip {
  /** Start of each day, oldest first; the last is today. */
  days: number[];
  rows: StripRow[];
}

/**
 * One row per service (page order), one cell per day of the last HISTORY_DAYS days, today
 * last. An incident counts on every day it overlapped, on the services it named (all of them
 * when it named none, as everywhere else), with its impact.
 */
export function dayStrip(
  incidents: readonly HistoryIncident[],
  services: readonly Service[],
  nowMs: number,
  zone: DayZone = 'local',
): DayStrip {
  const days = Array.from({ length: HISTORY_DAYS }, (_, i) => dayStart(nowMs, i - (HISTORY_DAYS - 1), zone));
  const rows = services.map((service) => ({
    service,
    shortName: shortServiceName(service.name) || service.name,
    cells: days.map((start, i) => {
      const end = i + 1 < days.length ? (days[i + 1] as number) : dayStart(nowMs, 1, zone);
      const touching = incidents.filter((incident) => {
        const from = Date.parse(incident.startedAt);
        const to = msOf(incident.resolvedAt) ?? nowMs;
        const named = incident.serviceIds.length === 0 || incident.serviceIds.includes(service.id);
        return named && from < end && to >= start;
      });
      return {
        start,
        worst: touching.length > 0 ? worst(...touching.map((t) => t.severity)) : null,
        incidents: touching,
      };
    }),
  }));
  return { days, rows };
}

/** "1 hr 29 min", "45 min", "2 days 3 hr": units through Intl, no hand-made plurals. */
export function formatDuration(ms: number, locale?: string): string {
  const minutes = Math.max(1, Math.round(ms / MINUTE_MS));
  const parts: [Intl.NumberFormatOptions['unit'], number][] = [
    ['day', Math.floor(minutes / 1440)],
    ['hour', Math.floor((minutes % 1440) / 60)],
    ['minute', minutes % 60],
  ];
  const shown = parts.filter(([, value]) => value > 0).slice(0, 2);
  return shown
    .map(([unit, value]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value))
    .join(' ');
}
