/** The "claude.ai is back" note (core/back-watch/back-watch.ts) as a banner: quiet, short, no advice. */
import type { Banner } from '../banner/banner-decision';
import { type Dismissals, isDismissed } from '../banner/dismissals';

/** The note for `backAt`, or null once the user dismissed it (its key is built here only). */
export function backBanner(backAt: string, dismissals: Dismissals): Banner | null {
  const key = `back:${backAt}`;
  if (isDismissed(dismissals, key, 'operational')) return null;
  return {
    kind: 'back',
    role: 'status',
    severity: 'operational',
    incident: null,
    moreIncidents: 0,
    services: [],
    maintenance: null,
    startedAt: null,
    latestUpdate: null,
    url: null,
    alternatives: [],
    dismiss: { kind: 'incidents', entries: { [key]: 'operational' } },
    models: null,
    fault: null,
    stale: false,
  };
}
