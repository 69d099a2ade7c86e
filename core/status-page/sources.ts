/**
 * Where the status comes from. status.claude.com is the primary; the same Statuspage page is
 * served at anthropic.statuspage.io, used when the primary answers with a CDN challenge page
 * (seen in autumn 2026, see docs/status-page.md) or fails in any other way.
 */
const PRIMARY_ORIGIN = 'https://status.claude.com';
const FALLBACK_ORIGIN = 'https://anthropic.statuspage.io';
export const STATUS_ORIGINS = [PRIMARY_ORIGIN, FALLBACK_ORIGIN] as const;

export type StatusOrigin = (typeof STATUS_ORIGINS)[number];

export type SourceId = 'primary' | 'fallback';

export const SOURCES: readonly { id: SourceId; origin: StatusOrigin }[] = [
  { id: 'primary', origin: PRIMARY_ORIGIN },
  { id: 'fallback', origin: FALLBACK_ORIGIN },
];

export const SUMMARY_PATH = '/api/v2/summary.json';
export const INCIDENTS_PATH = '/api/v2/incidents.json';

/** The public status page users are sent to. */
export const STATUS_PAGE_URL = PRIMARY_ORIGIN;

/** Statuspage short links, as used in `shortlink` (https://stspg.io/...). */
const SHORT_LINK_HOSTS = ['stspg.io'];

const STATUS_HOSTS = [...STATUS_ORIGINS.map((origin) => new URL(origin).host), ...SHORT_LINK_HOSTS];

/**
 * The only links to remote pages we open from status data: https on the status origins or
 * Statuspage short links. Anything else (javascript:, data:, other hosts) is dropped.
 */
export function safeStatusLink(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return null;
  if (!STATUS_HOSTS.includes(url.host)) return null;
  return url.href;
}
