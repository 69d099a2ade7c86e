/**
 * Resolutions that summary.json is late to show. summary.json was seen listing an incident for 29
 * minutes after incidents.json had marked it resolved (docs/status-page-wordings.md, "Late
 * resolutions"). While an incident that can raise a banner is listed, the background confirms it
 * through incidents.json at most every RESOLUTION_CHECK_GAP_MS, and a resolution found there wins
 * when the status is read: the incident is dropped, and the components it listed are taken as
 * operational unless another active incident lists them.
 */
import * as z from 'zod/mini';
import { waiting } from '../polling/poll-gate';
import { MINUTE_MS } from '../time/time';
import { msOf } from './dates';
import { storedReach } from './reach';
import { type Severity, worst } from './severity';
import { type Incident, type Snapshot, type StatusState, validatorsSchema } from './status-model';
import { type IncidentsList, isClosed } from './statuspage';

export const RESOLUTION_CHECK_GAP_MS = 5 * MINUTE_MS;

export const resolutionSchema = z.object({
  id: z.string(),
  /** When incidents.json says it was resolved (its resolved_at, or when we saw it, if absent). */
  resolvedAt: z.string(),
});
export type Resolution = z.infer<typeof resolutionSchema>;

export const resolutionsSchema = z.object({
  /** The last attempt, successful or not: the gap counts from it. */
  checkedAt: z.nullable(z.string()),
  /** incidents.json's own validators, apart from summary.json's. */
  validators: z.nullable(validatorsSchema),
  /** Incidents the snapshot still lists that incidents.json says are resolved. */
  resolved: z.array(resolutionSchema),
  /** incidents.json asked us (429 or 503 with Retry-After) to wait until then. Since version 2. */
  retryAfterUntil: z.nullable(z.string()),
});
export type Resolutions = z.infer<typeof resolutionsSchema>;

export const EMPTY_RESOLUTIONS: Resolutions = {
  checkedAt: null,
  validators: null,
  resolved: [],
  retryAfterUntil: null,
};

/** Version 2 adds `retryAfterUntil` (no wait); a value already of version 2 passes through. */
export const RESOLUTIONS_VERSION = 2;
export const RESOLUTIONS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: (old) =>
    typeof old === 'object' && old !== null && !('retryAfterUntil' in old) ? { ...old, retryAfterUntil: null } : old,
};

/** Whether a check is worth making now: an incident that may raise a banner, the gap passed, no Retry-After running. */
export function resolutionCheckDue(resolutions: Resolutions, snapshot: Snapshot | null, nowMs: number): boolean {
  if (!snapshot || waiting(resolutions.retryAfterUntil, nowMs)) return false;
  const known = new Set(resolutions.resolved.map((r) => r.id));
  const open = snapshot.incidents.some((i) => !known.has(i.id) && storedReach(i).surfaces !== 'none');
  if (!open) return false;
  const last = msOf(resolutions.checkedAt);
  // A clock set back leaves `last` in the future: check rather than wait for it.
  return last === null || last > nowMs || nowMs - last >= RESOLUTION_CHECK_GAP_MS;
}

/**
 * After an attempt: what incidents.json says of the incidents the snapshot lists (list null: a 304
 * or a failure, nothing new). Entries for incidents the snapshot no longer lists are dropped.
 * `waitMs`: what a 429 or 503 asked for (history.ts incidentsWait), waited before the next check.
 */
export function recordResolutions(
  before: Resolutions,
  list: IncidentsList | null,
  snapshot: Snapshot | null,
  validators: Resolutions['validators'],
  nowMs: number,
  waitMs = 0,
): Resolutions {
  const listed = new Set(snapshot?.incidents.map((i) => i.id) ?? []);
  const resolved = before.resolved.filter((r) => listed.has(r.id));
  for (const incident of list?.incidents ?? []) {
    if (!isClosed(incident.status) || !listed.has(incident.id) || resolved.some((r) => r.id === incident.id)) continue;
    const at = msOf(incident.resolved_at ?? null) ?? msOf(incident.updated_at ?? null) ?? nowMs;
    // A resolution ahead of the clock cannot be placed in time: no later update could reopen it.
    resolved.push({ id: incident.id, resolvedAt: new Date(Math.min(at, nowMs)).toISOString() });
  }
  const retryAfterUntil = waitMs > 0 ? new Date(nowMs + waitMs).toISOString() : null;
  return { checkedAt: new Date(nowMs).toISOString(), validators, resolved, retryAfterUntil };
}

/** summary.json posted an update after the resolution: the incident is open again, summary wins. */
function reopened(incident: Incident, resolvedAt: string): boolean {
  const latest = msOf(incident.updates[0]?.at ?? null);
  const resolved = msOf(resolvedAt);
  return latest !== null && resolved !== null && latest > resolved;
}

/** The snapshot with the resolutions applied; the same object when none applies. */
export function withResolutions(snapshot: Snapshot, resolutions: Resolutions): Snapshot {
  const gone = new Set(
    resolutions.resolved
      .filter((r) => snapshot.incidents.some((i) => i.id === r.id && !reopened(i, r.resolvedAt)))
      .map((r) => r.id),
  );
  if (gone.size === 0) return snapshot;
  const incidents = snapshot.incidents.filter((i) => !gone.has(i.id));
  const stillListed = new Set(incidents.flatMap((i) => i.serviceIds));
  const cleared = new Set(
    snapshot.incidents.filter((i) => gone.has(i.id)).flatMap((i) => i.serviceIds.filter((id) => !stillListed.has(id))),
  );
  const services = snapshot.services.map((s) =>
    cleared.has(s.id) && s.state !== 'maintenance' ? { ...s, state: 'operational' as const } : s,
  );
  // The page indicator is as late as the incident list, so it is left out of the severity.
  const severity = worst(
    'operational',
    ...services.map((s) => s.state),
    ...incidents.map((i) => i.severity),
    ...snapshot.maintenances.filter((m) => m.inProgress).map((): Severity => 'maintenance'),
  );
  return { ...snapshot, incidents, services, severity };
}

/** The stored status as every surface should read it. */
export function resolvedStatus(status: StatusState, resolutions: Resolutions): StatusState {
  if (!status.snapshot) return status;
  const snapshot = withResolutions(status.snapshot, resolutions);
  return snapshot === status.snapshot ? status : { ...status, snapshot };
}
