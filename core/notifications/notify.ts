/**
 * Which desktop notifications a new snapshot calls for, given what was already announced:
 * an incident starts, gets worse, or is resolved on a service the user cares about (and, in
 * "every change" mode, each new update). Never twice for the same incident update: what was
 * announced is stored, so worker and browser restarts do not repeat anything.
 */

import * as z from 'zod/mini';
import { caresAbout, type Settings } from '../settings/settings';
import { storedReach } from '../status-page/reach';
import { SEVERITIES, type Severity, severityRank } from '../status-page/severity';
import { STATUS_PAGE_URL } from '../status-page/sources';
import type { Incident, Snapshot } from '../status-page/status-model';
import { agedStamp } from '../time/clock';
import { DAY_MS, MINUTE_MS } from '../time/time';

export const announcedSchema = z.object({
  severity: z.enum(SEVERITIES),
  updateId: z.string(),
  name: z.string(),
  url: z.nullable(z.string()),
  /** When it left the unresolved list (ISO); null while listed. */
  goneSince: z.nullable(z.string()),
  /** Successful polls in a row that did not list it. */
  gonePolls: z.number(),
});

export const notifiedSchema = z.object({
  /** Active incidents as last announced (or silently recorded), by incident id. */
  incidents: z.record(z.string(), announcedSchema),
  /** Notification id -> the incident page it opens when clicked. */
  links: z.record(z.string(), z.string()),
  /** Notification id -> when it was shown (ISO), so its link can be forgotten after LINK_MAX_AGE_MS. Since version 3. */
  linkedAt: z.optional(z.record(z.string(), z.string())),
});
export type Notified = z.infer<typeof notifiedSchema>;

export const EMPTY_NOTIFIED: Notified = { incidents: {}, links: {} };

/** `more`: the one notification that counts the changes beyond MAX_NOTICES - 1 in one poll. */
export type NoticeKind = 'started' | 'worse' | 'resolved' | 'update' | 'more';

/**
 * Hysteresis: a status page that lists and unlists the same incident on alternate
 * polls must not announce "started" and "resolved" each time. An incident away for fewer than
 * GONE_POLLS_TO_RESOLVE polls may come back silently; "resolved" is announced when incidents.json
 * says so (`resolvedIds`) or after that many polls; and one that comes back within REAPPEAR_MS of
 * leaving is the same incident, not a new start.
 */
export const GONE_POLLS_TO_RESOLVE = 2;
export const REAPPEAR_MS = 10 * MINUTE_MS;

/** Version 1 (no hysteresis fields) to 2: every recorded incident is listed. */
export function migrateNotifiedV1toV2(old: unknown): unknown {
  if (z.safeParse(notifiedSchema, old).success) return old;
  const v1 = (typeof old === 'object' && old !== null ? old : {}) as { incidents?: unknown; links?: unknown };
  const incidents = typeof v1.incidents === 'object' && v1.incidents !== null ? v1.incidents : {};
  return {
    incidents: Object.fromEntries(
      Object.entries(incidents).map(([id, a]) => [id, { ...(a as object), goneSince: null, gonePolls: 0 }]),
    ),
    links: v1.links ?? {},
  };
}

/**
 * Version 2 to 3 adds `linkedAt`, optional: a version 2 value is a valid version 3 value, and its
 * links, whose time is unknown, start counting at the next announcement (linksKept()).
 */
export const NOTIFIED_VERSION = 3;
export const NOTIFIED_MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: migrateNotifiedV1toV2,
  3: (old) => old,
};

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
  /** `more` only: how many changes it stands for. */
  count?: number;
}

/**
 * The most notifications one poll shows. A status page listing 50 new incidents asked for 50 at
 * once; beyond MAX_NOTICES, the MAX_NOTICES - 1 that matter most are shown (worse and new first,
 * by severity, then resolved, then other updates) and one more says how many others changed, with
 * a link to the status page. All of them are recorded as announced.
 */
export const MAX_NOTICES = 3;

const KIND_ORDER: Record<NoticeKind, number> = { worse: 0, started: 0, resolved: 1, update: 2, more: 3 };

function mostImportantFirst(notices: readonly Notice[]): Notice[] {
  return [...notices].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || severityRank(b.severity) - severityRank(a.severity),
  );
}

function capped(notices: readonly Notice[], nowMs: number): Notice[] {
  if (notices.length <= MAX_NOTICES) return [...notices];
  const sorted = mostImportantFirst(notices);
  const shown = sorted.slice(0, MAX_NOTICES - 1);
  const rest = sorted.slice(MAX_NOTICES - 1);
  const more: Notice = {
    id: `more:${new Date(nowMs).toISOString()}`,
    kind: 'more',
    incidentId: '',
    name: '',
    severity: rest.reduce<Severity>(
      (w, n) => (severityRank(n.severity) > severityRank(w) ? n.severity : w),
      'operational',
    ),
    body: '',
    url: STATUS_PAGE_URL,
    count: rest.length,
  };
  return [...shown, more];
}

/**
 * A notification's link is kept while the notification may still be on screen or in the
 * system's list: at most LINK_MAX_AGE_MS, and only the MAX_LINKS newest, so storage stays small.
 */
export const LINK_MAX_AGE_MS = 30 * DAY_MS;
export const MAX_LINKS = 50;

/**
 * The links to keep after `added` were shown at `nowMs`: none older than LINK_MAX_AGE_MS, at most
 * MAX_LINKS, newest last. A link without a time (stored by version 2) or with one in the future
 * (a clock set back) starts counting now.
 */
function linksKept(previous: Notified, added: readonly Notice[], nowMs: number): Pick<Notified, 'links' | 'linkedAt'> {
  const now = new Date(nowMs).toISOString();
  const links = { ...previous.links };
  const times = previous.linkedAt ?? {};
  const linkedAt: Record<string, string> = {};
  for (const id of Object.keys(links)) {
    const kept = agedStamp(Object.hasOwn(times, id) ? times[id] : undefined, nowMs, LINK_MAX_AGE_MS);
    if (kept === null) delete links[id];
    else linkedAt[id] = kept;
  }
  for (const notice of added) {
    if (!notice.url) continue;
    // Re-added at the end: the newest link is the last one the cap keeps.
    delete links[notice.id];
    links[notice.id] = notice.url;
    linkedAt[notice.id] = now;
  }
  const kept = Object.keys(links).slice(-MAX_LINKS);
  return {
    links: Object.fromEntries(kept.map((id) => [id, links[id] as string])),
    linkedAt: Object.fromEntries(kept.map((id) => [id, linkedAt[id] as string])),
  };
}

function concerns(incident: Incident, settings: Settings): boolean {
  if (settings.notifications === 'all') return true;
  const { surfaces } = storedReach(incident);
  // About no product, or only about Bedrock or Vertex: none of the page's services. Posted with
  // impact "none": informational (a model-naming one gets an informational banner, not an alert).
  if (surfaces === 'none' || incident.impact === 'none') return false;
  // An incident that names no service may touch any of them.
  return surfaces === 'all' || incident.serviceIds.some((id) => caresAbout(settings, id));
}

export function noticesFor(
  previous: Notified,
  snapshot: Snapshot,
  settings: Settings,
  nowMs: number,
  /** Incidents incidents.json says are resolved: announced at once, without waiting for two polls. */
  resolvedIds: ReadonlySet<string> = new Set(),
): { notices: Notice[]; next: Notified } {
  const notices: Notice[] = [];
  const incidents: Notified['incidents'] = {};
  const present = new Set(snapshot.incidents.map((i) => i.id));
  for (const incident of snapshot.incidents) {
    const update = incident.updates[0];
    const updateId = update?.id || `${incident.updatedAt ?? ''}`;
    const before = previous.incidents[incident.id];
    // Not remembered while it concerns only muted services, so its end is never announced either;
    // with notifications off everything is remembered, so turning them on announces nothing old.
    if (settings.notifications !== 'off' && !concerns(incident, settings)) continue;
    incidents[incident.id] = {
      severity: incident.severity,
      updateId,
      name: incident.name,
      url: incident.url,
      goneSince: null,
      gonePolls: 0,
    };
    if (settings.notifications === 'off') continue;
    let kind: NoticeKind | null = null;
    // Back after "resolved" was announced: the same incident, but people were told it ended.
    const resolvedBefore = before !== undefined && before.gonePolls >= GONE_POLLS_TO_RESOLVE;
    if (!before) kind = 'started';
    else if (resolvedBefore) kind = severityRank(incident.severity) > severityRank(before.severity) ? 'worse' : null;
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
    if (present.has(id)) continue;
    const goneSince = before.goneSince ?? new Date(nowMs).toISOString();
    const gonePolls = before.gonePolls + 1;
    const announced = before.gonePolls >= GONE_POLLS_TO_RESOLVE;
    const due = !announced && (gonePolls >= GONE_POLLS_TO_RESOLVE || resolvedIds.has(id));
    const goneFor = nowMs - Date.parse(goneSince);
    // Kept while it may still come back as the same incident; forgotten after that.
    if (!(goneFor >= REAPPEAR_MS && (announced || due))) {
      incidents[id] = {
        ...before,
        goneSince,
        gonePolls: due ? Math.max(gonePolls, GONE_POLLS_TO_RESOLVE) : gonePolls,
      };
    }
    if (!due || settings.notifications === 'off') continue;
    // Gone from the unresolved list for long enough (or resolved in incidents.json): announced once.
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
  const shown = capped(notices, nowMs);
  const next: Notified = { incidents, ...linksKept(previous, shown, nowMs) };
  // Nothing new (the usual poll): the same object back, so the background writes nothing and
  // no storage change event reaches the open tabs.
  const before: Notified = { incidents: previous.incidents, links: previous.links, linkedAt: previous.linkedAt ?? {} };
  return { notices: shown, next: JSON.stringify(next) === JSON.stringify(before) ? previous : next };
}
