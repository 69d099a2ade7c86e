/** The "claude.ai is back" note (core/back-watch.ts) as a banner: quiet, short, no advice. */
import type { Banner } from './banner-decision';

export function backBanner(backAt: string): Banner {
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
    dismiss: { kind: 'incidents', entries: { [`back:${backAt}`]: 'operational' } },
    models: null,
    fault: null,
    stale: false,
  };
}
