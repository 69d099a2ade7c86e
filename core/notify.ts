/**
 * Which desktop notifications a new snapshot calls for, given what was already announced:
 * an incident starts, gets worse, or is resolved on a service the user cares about (and, in
 * "every change" mode, each new update). Never twice for the same incident update: what was
 * announced is stored, so worker and browser restarts do not repeat anything.
 */

import * as z from 'zod/mini';
import type { Incident, Snapshot } from './model';
import { storedReach } from './reach';
import { caresAbout, type Settings } from './settings';
import { SEVERITIES, type Severity, severityRank } from './severity';

export const announcedSchema = z.object({
  severity: z.enum(SEVERITIES),
  updateId: z.string(),
  name: z.string(),
  url: z.nullable(z.string()),
});

export const notifiedSchema = z.object({
  /** Active incidents as last announced (or silently recorded), by incident id. */
  incidents: z.record(z.string(), announcedSchema),
  /** Notification id -> the incident page it opens when clicked. */
  links: z.record(z.string(), z.string()),
});
export type Notified = z.infer<typeof notifiedSchema>;

export const EMPTY_NOTIFIED: Notified = { incidents: {}, links: {} };

export type NoticeKind = 'started' | 'worse' | 'resolved' | 'update';

export interface Notice {
  /** Unique per incident update and kind: the notification id. */
  id: string;
  kind: NoticeKind;
  incidentId: string;
  name: string;
  severity: Severity;
  /** The latest update's text, plain. */
  body: string;
  url: string | null;
}

/** Links of notifications older than this many are forgotten. */
const MAX_LINKS = 50;

function concerns(incident: Incident, settings: Settings): boolean {
  if (settings.notifications === 'all') return true;
  const { surfaces } = storedReach(incident);
  // About no product, or only about Bedrock or Vertex: none of the page's services.
  if (surfaces === 'none') return false;
  // An incident that names no service may touch any of them.
  return surfaces === 'all' || incident.serviceIds.some((id) => caresAbout(settings, id));
}

export function noticesFor(
  previous: Notified,
  snapshot: Snapshot,
  settings: Settings,
): { notices: Notice[]; next: Notified } {
  const notices: Notice[] = [];
  const incidents: Notified['incidents'] = {};
  for (const incident of snapshot.incidents) {
    const update = incident.updates[0];
    const updateId = update?.id || `${incident.updatedAt ?? ''}`;
    const before = previous.incidents[incident.id];
    incidents[incident.id] = { severity: incident.severity, updateId, name: incident.name, url: incident.url };
    if (settings.notifications === 'off' || !concerns(incident, settings)) continue;
    let kind: NoticeKind | null = null;
    if (!before) kind = 'started';
    else if (severityRank(incident.severity) > severityRank(before.severity)) kind = 'worse';
    else if (settings.notifications === 'all' && before.updateId !== updateId) kind = 'update';
    if (kind) {
      notices.push({
        id: `${incident.id}:${updateId}:${kind}`,
        kind,
        incidentId: incident.id,
        name: incident.name,
        severity: incident.severity,
        body: update?.body ?? '',
        url: incident.url,
      });
    }
  }
  for (const [id, before] of Object.entries(previous.incidents)) {
    if (incidents[id] || settings.notifications === 'off') continue;
    // Gone from the unresolved list: resolved (or removed), announced once, then forgotten.
    notices.push({
      id: `${id}:${before.updateId}:resolved`,
      kind: 'resolved',
      incidentId: id,
      name: before.name,
      severity: 'operational',
      body: '',
      url: before.url,
    });
  }
  const links = { ...previous.links };
  for (const notice of notices) if (notice.url) links[notice.id] = notice.url;
  const linkIds = Object.keys(links);
  const keptLinks = Object.fromEntries(
    linkIds.slice(Math.max(0, linkIds.length - MAX_LINKS)).map((id) => [id, links[id] as string]),
  );
  return { notices, next: { incidents, links: keptLinks } };
}
