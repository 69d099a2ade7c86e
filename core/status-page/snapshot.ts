/**
 * summary.json -> the status model every surface reads: services in page order, the overall
 * severity, active incidents with the services they touch, and maintenance windows.
 */

import { incidentModelScope } from '../models/claude-models';
import { jsonBytes, MAX_SNAPSHOT_BYTES, NO_BUDGET, rowsWithin, type WorkBudget } from './budget';
import { isoOrNull, msOf } from './dates';
import { incidentReach, listedServiceIds, titleServiceIds } from './incident-scope';
import { fromComponentStatus, fromImpact, fromIndicator, type Severity, worst } from './severity';
import { safeStatusLink } from './sources';
import type { Incident, IncidentUpdate, Maintenance, Service, Snapshot } from './status-model';
import { isClosed, MAX_ROWS, type StatuspageComponent, type StatuspageIncident, type Summary } from './statuspage';
import { cleanText, head, MAX_BODY, MAX_NAME, plainBody } from './text';

/** Sorts in place by a key computed once per row (dates are parsed once, not once per comparison). */
function sortBy<T>(rows: T[], key: (row: T) => number): void {
  const keys = new Map(rows.map((row) => [row, key(row)]));
  rows.sort((a, b) => (keys.get(a) ?? 0) - (keys.get(b) ?? 0));
}

export const MAX_UPDATES = 20;
/** Services and groups kept, in page order: the rows the parser reads (real page: 6). */
const MAX_SERVICES = MAX_ROWS.components;
/**
 * A service's (and a group's) name as shown: one line in the popup. Real names are at most 52
 * characters ("platform.claude.com (formerly console.anthropic.com)").
 */
export const MAX_SERVICE_NAME = 120;
/** A name longer than this is not looked for in incident texts (titles use the short forms). */
const MAX_MATCHED_NAME = 40;
/** Unresolved incidents (and maintenances) kept; a real page has a handful. */
const MAX_INCIDENTS = 50;
/**
 * Distinct texts matched against service names per snapshot. Each lookup tests every service, so
 * without a bound a hostile page under the size cap (2000 components, 60,000 affected-component
 * names) kept the background busy for minutes.
 */
const MAX_NAME_LOOKUPS = 200;

/** "Claude API (api.anthropic.com)" -> "Claude API": the form incident titles use. */
export function shortServiceName(name: string): string {
  // No `\s*` before `\(` and no `)` or `(` inside: tried from every space or `(` of a long name,
  // either would read the rest of the name again each time (tests/unit/fuzz-regex.test.ts).
  return name.replace(/\([^()]*\)\s*$/, '').trim();
}

/** `(^|[^\w.])name(?!\w|\.\w)`: the name at `at` stands as whole words (not "api" in "rapid", nor "claude.ai" in "claude.ai.evil"). */
function wholeWordsAt(text: string, at: number, length: number): boolean {
  const before = at > 0 ? text.charAt(at - 1) : '';
  if (/[\w.]/.test(before)) return false;
  const after = text.charAt(at + length);
  return !(/\w/.test(after) || (after === '.' && /\w/.test(text.charAt(at + length + 1))));
}

/**
 * Whether `name` (lower case) stands in `text` (lower case) as whole words. A string search, not a
 * pattern built from the name: a name from the status page would make a pattern that compares
 * it at every position of a text (tests/unit/fuzz-regex.test.ts).
 */
function namedInText(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    if (wholeWordsAt(text, at, name.length)) return true;
  }
  return false;
}

/** `title`: an incident's own name, always looked up (there are at most 2 × MAX_INCIDENTS). */
export type NameMatcher = (text: string, title?: boolean) => string[];

/**
 * servicesNamedIn for one service list: names lower-cased once, answers cached per text, texts
 * cut at MAX_NAME (what a reader sees), at most MAX_NAME_LOOKUPS distinct other texts, and none
 * once the work budget is spent.
 */
export function serviceNameMatcher(services: readonly Service[], budget: WorkBudget = NO_BUDGET): NameMatcher {
  const names = services.map((service) => ({
    id: service.id,
    names: [...new Set([service.name, shortServiceName(service.name)].map((n) => n.toLowerCase()))].filter(
      (n) => n.length >= 3 && n.length <= MAX_MATCHED_NAME,
    ),
  }));
  const cache = new Map<string, string[]>();
  let lookups = 0;
  return (raw, title = false) => {
    const text = raw.slice(0, MAX_NAME).toLowerCase();
    const cached = cache.get(text);
    if (cached) return cached;
    if (!title && (++lookups > MAX_NAME_LOOKUPS || budget.spent())) return [];
    const found = names.filter((s) => s.names.some((name) => namedInText(text, name))).map((s) => s.id);
    cache.set(text, found);
    return found;
  };
}

/** Services whose (short) name stands in `text` as whole words. */
export function servicesNamedIn(text: string, services: readonly Service[]): string[] {
  return serviceNameMatcher(services)(text);
}

function toService(component: StatuspageComponent, index: number): Service {
  return {
    id: component.id,
    name: cleanText(component.name, MAX_SERVICE_NAME) || cleanText(component.id, MAX_SERVICE_NAME),
    state: fromComponentStatus(component.status),
    position: component.position ?? index + 1,
    groupId: component.group_id ?? null,
  };
}

/**
 * The most update text a snapshot keeps, over all incidents: a valid page with
 * thousands of updates was stored whole (1.9 MB, redrawn in every open tab). Every incident keeps
 * its latest update; older ones are kept newest first, round by round, while this allows.
 */
export const MAX_STORED_UPDATE_CHARS = 64_000;

function updatesOf(incident: StatuspageIncident): { updates: IncidentUpdate[]; dropped: boolean } {
  const dated = incident.incident_updates.map((update) => ({
    update,
    at: isoOrNull(update.display_at) ?? isoOrNull(update.created_at),
  }));
  // Newest first; undated updates keep their place after dated ones.
  sortBy(dated, (d) => -(msOf(d.at) ?? Number.NEGATIVE_INFINITY));
  const seen = new Set<string>();
  const unique = dated.filter((d) => (d.update.id ? !seen.has(d.update.id) && seen.add(d.update.id) : true));
  // Only the kept updates are turned into text: the cost of a huge page stops at the cap.
  const updates = unique.slice(0, MAX_UPDATES).map(({ update, at }) => ({
    id: update.id,
    status: update.status,
    body: plainBody(update.body, MAX_BODY),
    at,
  }));
  return { updates, dropped: unique.length > MAX_UPDATES };
}

/** Keeps every incident's latest update, then older ones round by round while the text budget lasts. */
function withinBudget(incidents: Incident[]): { incidents: Incident[]; dropped: boolean } {
  let left = MAX_STORED_UPDATE_CHARS;
  const kept: IncidentUpdate[][] = incidents.map(() => []);
  const rounds = Math.max(0, ...incidents.map((i) => i.updates.length));
  let dropped = false;
  for (let round = 0; round < rounds; round++) {
    incidents.forEach((incident, i) => {
      const update = incident.updates[round];
      if (!update) return;
      if (round > 0 && update.body.length > left) {
        dropped = true;
        return;
      }
      left -= update.body.length;
      kept[i]?.push(update);
    });
  }
  return { incidents: incidents.map((incident, i) => ({ ...incident, updates: kept[i] ?? [] })), dropped };
}

/**
 * Services an incident touches: its components, its updates' affected components, its title. A
 * title may name services loosely ("API", "Console", "apps"); those words count only when the
 * incident lists no components, as the only word on what it touches (core/status-page/incident-scope.ts).
 */
export function affectedServiceIds(
  incident: StatuspageIncident,
  services: readonly Service[],
  namedIn: NameMatcher = serviceNameMatcher(services),
): string[] {
  const known = new Set(services.map((s) => s.id));
  const ids = new Set<string>();
  for (const component of incident.components) if (known.has(component.id)) ids.add(component.id);
  for (const update of incident.incident_updates) {
    for (const affected of update.affected_components ?? []) {
      if (known.has(affected.code)) ids.add(affected.code);
      else for (const id of namedIn(affected.name)) ids.add(id);
    }
  }
  const listed = ids.size > 0;
  for (const id of namedIn(incident.name, true)) ids.add(id);
  for (const id of listedServiceIds(incident.name)) if (known.has(id)) ids.add(id);
  if (!listed) for (const id of titleServiceIds(incident.name)) if (known.has(id)) ids.add(id);
  // Page order, so every surface lists them alike.
  return services.filter((s) => ids.has(s.id)).map((s) => s.id);
}

function toIncident(
  incident: StatuspageIncident,
  services: readonly Service[],
  namedIn: NameMatcher,
): Incident & { dropped: boolean } {
  const { updates, dropped } = updatesOf(incident);
  const built = baseIncident(incident, services, namedIn, updates);
  // Read here, once, and stored: the popup shows them without the text rules (core/status-page/reach.ts).
  return { ...built, models: incidentModelScope(built), reach: incidentReach(built), dropped };
}

function baseIncident(
  incident: StatuspageIncident,
  services: readonly Service[],
  namedIn: NameMatcher,
  updates: IncidentUpdate[],
): Incident {
  return {
    id: incident.id,
    name: cleanText(incident.name, MAX_NAME) || cleanText(incident.id, MAX_NAME),
    status: incident.status,
    severity: fromImpact(incident.impact),
    impact: incident.impact,
    startedAt: isoOrNull(incident.started_at) ?? isoOrNull(incident.created_at),
    updatedAt: isoOrNull(incident.updated_at),
    url: safeStatusLink(incident.shortlink),
    serviceIds: affectedServiceIds(incident, services, namedIn),
    updates,
  };
}

function toMaintenance(m: StatuspageIncident, services: readonly Service[], namedIn: NameMatcher): Maintenance {
  return {
    id: m.id,
    name: cleanText(m.name, MAX_NAME) || cleanText(m.id, MAX_NAME),
    status: m.status,
    scheduledFor: isoOrNull(m.scheduled_for),
    scheduledUntil: isoOrNull(m.scheduled_until),
    serviceIds: affectedServiceIds(m, services, namedIn),
    url: safeStatusLink(m.shortlink),
    inProgress: m.status === 'in_progress' || m.status === 'verifying',
  };
}

function uniqueById<T extends { id: string }>(rows: readonly T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.id) && seen.add(row.id));
}

export function buildSnapshot(summary: Summary): Snapshot {
  return buildSnapshotWithin(summary, NO_BUDGET).snapshot;
}

/** `make` for each row while the budget lasts, and always for the first. */
function buildWhile<T, R>(rows: readonly T[], budget: WorkBudget, make: (row: T) => R): R[] {
  const built: R[] = [];
  for (const row of rows) {
    if (built.length > 0 && budget.spent()) break;
    built.push(make(row));
  }
  return built;
}

/** An update body cut to this when the latest updates alone are too much to store. */
const FIT_BODY = 1000;

function shorter(update: IncidentUpdate): IncidentUpdate {
  return update.body.length > FIT_BODY ? { ...update, body: `${head(update.body, FIT_BODY - 1).trimEnd()}…` } : update;
}

/**
 * The snapshot as stored: within MAX_SNAPSHOT_BYTES, the same object when it fits. Otherwise each
 * incident keeps only its latest update, cut to FIT_BODY if that is still too much; then as much
 * as fits is kept in this order: the services, the incidents (newest first), the maintenances in
 * progress, the scheduled ones.
 */
function fitToStorage(snapshot: Snapshot): { snapshot: Snapshot; reduced: boolean } {
  if (jsonBytes(snapshot) <= MAX_SNAPSHOT_BYTES) return { snapshot, reduced: false };
  let latestOnly = snapshot.incidents.map((i) => (i.updates.length > 1 ? { ...i, updates: i.updates.slice(0, 1) } : i));
  if (jsonBytes({ ...snapshot, incidents: latestOnly }) > MAX_SNAPSHOT_BYTES) {
    latestOnly = latestOnly.map((i) => ({ ...i, updates: i.updates.map(shorter) }));
  }
  let used = jsonBytes({ ...snapshot, services: [], incidents: [], maintenances: [], trimmed: true });
  const kept = <T>(rows: readonly T[]): T[] => {
    const fit = rowsWithin(rows, used, MAX_SNAPSHOT_BYTES);
    used += fit.bytes;
    return [...fit.rows];
  };
  const services = kept(snapshot.services);
  const incidents = kept(latestOnly);
  const maintenances = [
    ...kept(snapshot.maintenances.filter((m) => m.inProgress)),
    ...kept(snapshot.maintenances.filter((m) => !m.inProgress)),
  ];
  sortBy(maintenances, (m) => msOf(m.scheduledFor) ?? 0);
  return { snapshot: { ...snapshot, services, incidents, maintenances, trimmed: true }, reduced: true };
}

/**
 * buildSnapshot within a work budget and within MAX_SNAPSHOT_BYTES: what does not fit in either
 * is left out, and the snapshot says it was trimmed. `overBudget`: the time ran out or the
 * snapshot had to be reduced to be stored, the mark of an answer too heavy to take at every poll
 * (core/polling/health.ts backs off an origin that keeps sending it).
 */
export function buildSnapshotWithin(summary: Summary, budget: WorkBudget): { snapshot: Snapshot; overBudget: boolean } {
  const rows = uniqueById(summary.components).slice(0, MAX_SERVICES);
  const groupRows = rows.filter((c) => c.group === true || (c.components?.length ?? 0) > 0);
  const groupIds = new Set(groupRows.map((g) => g.id));
  const services = rows
    .filter((c) => !groupIds.has(c.id))
    .map(toService)
    // A component pointing at a group the page does not list is shown ungrouped.
    .map((s) => (s.groupId !== null && !groupIds.has(s.groupId) ? { ...s, groupId: null } : s))
    .sort((a, b) => a.position - b.position);
  const groups = groupRows
    .map((g, i) => ({
      id: g.id,
      name: cleanText(g.name, MAX_SERVICE_NAME) || cleanText(g.id, MAX_SERVICE_NAME),
      position: g.position ?? i + 1,
    }))
    .sort((a, b) => a.position - b.position);

  const namedIn = serviceNameMatcher(services, budget);
  const open = uniqueById(summary.incidents).filter((i) => !isClosed(i.status));
  const active = open.slice(0, MAX_INCIDENTS);
  const built = buildWhile(active, budget, (i) => toIncident(i, services, namedIn));
  const scheduled = uniqueById(summary.scheduled_maintenances)
    .filter((m) => !isClosed(m.status))
    .slice(0, MAX_INCIDENTS);
  const maintenances = buildWhile(scheduled, budget, (m) => toMaintenance(m, services, namedIn));
  const outOfTime = built.length < active.length || maintenances.length < scheduled.length;
  const capped = built.some((i) => i.dropped) || open.length > MAX_INCIDENTS;
  sortBy(built, (i) => -(msOf(i.startedAt) ?? 0));
  const updates = withinBudget(built.map(({ dropped: _, ...incident }) => incident));
  const incidents = updates.incidents;
  sortBy(maintenances, (m) => msOf(m.scheduledFor) ?? 0);

  // The indicator can understate (minor while components are in partial outage): take the worst.
  const severity = worst(
    fromIndicator(summary.status.indicator),
    ...services.map((s) => s.state),
    ...incidents.map((i) => i.severity),
    ...maintenances.filter((m) => m.inProgress).map((): Severity => 'maintenance'),
  );

  const fitted = fitToStorage({
    pageName: cleanText(summary.page.name, MAX_NAME),
    pageUpdatedAt: isoOrNull(summary.page.updated_at),
    indicator: summary.status.indicator,
    description: cleanText(summary.status.description, MAX_NAME),
    severity,
    services,
    groups,
    incidents,
    maintenances,
    // Said in the popup: older updates are on the status page, not here.
    trimmed: capped || outOfTime || updates.dropped,
  });
  return { snapshot: fitted.snapshot, overBudget: outOfTime || fitted.reduced };
}
