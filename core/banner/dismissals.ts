/** What the user dismissed, stored so a dismissed banner stays away across tabs and restarts. */
import * as z from 'zod/mini';
import { CAPACITY_SNOOZE_MS } from '../claude-page/signal-timing';
import { SEVERITIES, type Severity, severityRank } from '../status-page/severity';
import type { Snapshot } from '../status-page/status-model';
import { agedStamp } from '../time/clock';
import { DAY_MS } from '../time/time';

export const dismissalsSchema = z.object({
  /** Incident id (or `component:<id>` for a component down without incident) -> severity when dismissed. */
  incidents: z.record(z.string(), z.enum(SEVERITIES)),
  capacityDismissedAt: z.nullable(z.string()),
  /**
   * Key -> when it was dismissed (ISO), for pruning (version 2). Optional: a version 1 value is a
   * valid version 2 value, and its entries get a time at the first prune.
   */
  dismissedAt: z.optional(z.record(z.string(), z.string())),
});
export type Dismissals = z.infer<typeof dismissalsSchema>;

export const EMPTY_DISMISSALS: Dismissals = { incidents: {}, capacityDismissedAt: null };

export const DISMISSALS_VERSION = 2;
/** Version 1 to 2 adds the optional `dismissedAt`: a version 1 value passes unchanged. */
export const DISMISSALS_MIGRATIONS: Record<number, (old: unknown) => unknown> = { 2: (old) => old };

/**
 * A dismissal is kept at most this long even for an incident that stays listed: storage stays
 * bounded whatever the status page does, and an incident listed for a month is worth showing again.
 */
export const DISMISSAL_MAX_AGE_MS = 30 * DAY_MS;

/** Keeps at most this many incident dismissals, newest last; old incidents are long resolved. */
const MAX_DISMISSED = 100;

export function isDismissed(dismissals: Dismissals, key: string, severity: Severity): boolean {
  const at = dismissals.incidents[key];
  // Shows again when the incident got worse than when it was dismissed.
  return at !== undefined && severityRank(severity) <= severityRank(at);
}

export function withDismissedIncidents(
  dismissals: Dismissals,
  entries: Record<string, Severity>,
  nowMs: number,
): Dismissals {
  // Keys dismissed again move to the end (newest), so the cap below drops the truly oldest.
  const older = Object.entries(dismissals.incidents).filter(([key]) => !Object.hasOwn(entries, key));
  const merged = { ...Object.fromEntries(older), ...entries };
  const keys = Object.keys(merged);
  const kept = keys.slice(Math.max(0, keys.length - MAX_DISMISSED));
  const now = new Date(nowMs).toISOString();
  const times = dismissals.dismissedAt ?? {};
  return {
    ...dismissals,
    incidents: Object.fromEntries(kept.map((k) => [k, merged[k] as Severity])),
    dismissedAt: Object.fromEntries(
      kept.map((k) => [k, Object.hasOwn(entries, k) || !Object.hasOwn(times, k) ? now : (times[k] as string)]),
    ),
  };
}

/** What the status page still lists: the ids a dismissal may belong to that are not yet resolved. */
export interface LiveOnStatusPage {
  /** Incidents and maintenances listed (resolutions from incidents.json applied), and incidents
   * gone for less than the notifications' reappear window (they may come back as the same one). */
  ids: ReadonlySet<string>;
  /** Components not operational. */
  components: ReadonlySet<string>;
}

/**
 * What is live after a successful poll: the snapshot as surfaces read it (incidents.json's
 * resolutions applied), plus `recentlyGone`, the incidents the notifications still remember.
 */
export function liveOnStatusPage(snapshot: Snapshot, recentlyGone: Iterable<string>): LiveOnStatusPage {
  return {
    ids: new Set([...snapshot.incidents.map((i) => i.id), ...snapshot.maintenances.map((m) => m.id), ...recentlyGone]),
    components: new Set(snapshot.services.filter((s) => s.state !== 'operational').map((s) => s.id)),
  };
}

/** A status-page key that is resolved; keys of claude.ai's own signals and of failure episodes are judged by age only. */
function resolved(key: string, live: LiveOnStatusPage): boolean {
  if (key.startsWith('component:')) return !live.components.has(key.slice('component:'.length));
  // Statuspage ids are letters and digits; every other kind of key has a colon.
  return !key.includes(':') && !live.ids.has(key);
}

/**
 * Dismissals whose banner can no longer come back are dropped: an incident, maintenance or
 * component that is resolved, and any dismissal older than DISMISSAL_MAX_AGE_MS. Entries without
 * a time (stored by version 1) or with one in the future (a clock set back) start counting now.
 * The same object when nothing changes, so nothing is written.
 */
export function prunedDismissals(dismissals: Dismissals, live: LiveOnStatusPage, nowMs: number): Dismissals {
  const times = dismissals.dismissedAt ?? {};
  let changed = false;
  const incidents: Dismissals['incidents'] = {};
  const dismissedAt: Record<string, string> = {};
  for (const [key, severity] of Object.entries(dismissals.incidents)) {
    const stamp = Object.hasOwn(times, key) ? times[key] : undefined;
    const kept = resolved(key, live) ? null : agedStamp(stamp, nowMs, DISMISSAL_MAX_AGE_MS);
    if (kept === null) {
      changed = true;
      continue;
    }
    incidents[key] = severity;
    dismissedAt[key] = kept;
    if (kept !== stamp) changed = true;
  }
  if (Object.keys(times).length !== Object.keys(dismissedAt).length) changed = true;
  return changed ? { ...dismissals, incidents, dismissedAt } : dismissals;
}

export function capacitySnoozed(dismissals: Dismissals, detectedAtMs: number): boolean {
  const at = dismissals.capacityDismissedAt ? Date.parse(dismissals.capacityDismissedAt) : Number.NaN;
  if (Number.isNaN(at)) return false;
  // Dismissed, then seen again only within the snooze: stay away. Seen after it: show again.
  return detectedAtMs <= at + CAPACITY_SNOOZE_MS;
}
