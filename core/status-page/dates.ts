/** ISO timestamps as they come from Statuspage: kept as strings, checked, never trusted. */

/**
 * The times a date may fall in to count as one: 2000 to 2100. JavaScript's Date reaches year
 * 275760, and a page sending `resolved_at` "+275760-09-13T00:00:00.000Z" made a resolution that
 * no later update could ever follow, so it hid an incident summary.json had reopened (issue #27).
 * Statuspage itself started in 2013; nothing it sends about Claude can be older or a lifetime ahead.
 */
export const EARLIEST_DATE_MS = Date.UTC(2000, 0, 1);
export const LATEST_DATE_MS = Date.UTC(2100, 0, 1);

/** The form toISOString() writes, which Statuspage already sends: no need to write it again. */
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Milliseconds of `raw` when it is a date in the sane range, else null. */
function saneMs(raw: string): number | null {
  const ms = Date.parse(raw);
  return Number.isNaN(ms) || ms < EARLIEST_DATE_MS || ms >= LATEST_DATE_MS ? null : ms;
}

/** A valid ISO date string in the sane range, normalised to UTC ISO, or null. */
export function isoOrNull(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const ms = saneMs(raw);
  if (ms === null) return null;
  return CANONICAL.test(raw) ? raw : new Date(ms).toISOString();
}

/** Milliseconds of an ISO date in the sane range, or null. */
export function msOf(iso: string | null | undefined): number | null {
  return iso ? saneMs(iso) : null;
}
