/** ISO timestamps as they come from Statuspage: kept as strings, checked, never trusted. */

/** A valid ISO date string normalised to UTC ISO, or null. */
/** The form toISOString() writes, which Statuspage already sends: no need to write it again. */
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function isoOrNull(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const ms = Date.parse(raw);
  if (CANONICAL.test(raw)) return Number.isNaN(ms) ? null : raw;
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString();
}

export function msOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}
