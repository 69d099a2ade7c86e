/**
 * What a site's content script needs from stored state: the banner decision, made once by the
 * background with assess() and sent over, so the page never parses storage itself.
 */

import type { Dismissals } from './dismissals';
import { isStale } from './health';
import type { StatusState } from './model';
import { lastDetectionAt, type Signals } from './signals';
import { type SiteId, siteById } from './sites';
import { assess, type Banner, CAPACITY_BANNER_MS } from './verdict';

export interface SiteView {
  banner: Banner | null;
  lastSuccessAt: string | null;
  /** When the banner may change without new data (a capacity banner expiring), ms; null if never. */
  recheckAt: number | null;
}

export function siteView(
  siteId: SiteId,
  status: StatusState,
  signals: Signals,
  dismissals: Dismissals,
  now: number,
  intervalMs: number,
): SiteView {
  const site = siteById(siteId);
  const capacitySeenAt = lastDetectionAt(signals, siteId);
  const banner = assess({
    site,
    snapshot: status.snapshot,
    stale: isStale(status, now, intervalMs),
    capacitySeenAt,
    dismissals,
    now,
  });
  const expiry = capacitySeenAt === null ? null : capacitySeenAt + CAPACITY_BANNER_MS;
  return {
    banner,
    lastSuccessAt: status.health.lastSuccessAt,
    recheckAt: expiry !== null && expiry > now ? expiry : null,
  };
}
