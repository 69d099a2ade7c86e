/** What the user dismissed, stored so a dismissed banner stays away across tabs and restarts. */
import * as z from 'zod/mini';
import { SEVERITIES, type Severity, severityRank } from './severity';

export const dismissalsSchema = z.object({
  /** Incident id (or `component:<id>` for a component down without incident) -> severity when dismissed. */
  incidents: z.record(z.string(), z.enum(SEVERITIES)),
  capacityDismissedAt: z.nullable(z.string()),
});
export type Dismissals = z.infer<typeof dismissalsSchema>;

export const EMPTY_DISMISSALS: Dismissals = { incidents: {}, capacityDismissedAt: null };

/** A dismissed capacity banner stays away this long unless the error appears again after it (issue #3). */
export const CAPACITY_SNOOZE_MS = 30 * 60_000;

/** Keeps at most this many incident dismissals, newest last; old incidents are long resolved. */
const MAX_DISMISSED = 100;

export function isDismissed(dismissals: Dismissals, key: string, severity: Severity): boolean {
  const at = dismissals.incidents[key];
  // Shows again when the incident got worse than when it was dismissed.
  return at !== undefined && severityRank(severity) <= severityRank(at);
}

export function withDismissedIncidents(dismissals: Dismissals, entries: Record<string, Severity>): Dismissals {
  // Keys dismissed again move to the end (newest), so the cap below drops the truly oldest.
  const older = Object.entries(dismissals.incidents).filter(([key]) => !Object.hasOwn(entries, key));
  const merged = { ...Object.fromEntries(older), ...entries };
  const keys = Object.keys(merged);
  const kept = keys.slice(Math.max(0, keys.length - MAX_DISMISSED));
  return { ...dismissals, incidents: Object.fromEntries(kept.map((k) => [k, merged[k] as Severity])) };
}

export function capacitySnoozed(dismissals: Dismissals, detectedAtMs: number): boolean {
  const at = dismissals.capacityDismissedAt ? Date.parse(dismissals.capacityDismissedAt) : Number.NaN;
  if (Number.isNaN(at)) return false;
  // Dismissed, then seen again only within the snooze: stay away. Seen after it: show again.
  return detectedAtMs <= at + CAPACITY_SNOOZE_MS;
}
