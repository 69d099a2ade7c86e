/**
 * assess(): the one decision of what to show on a site, from the status snapshot, the local
 * capacity signal and the user's dismissals. The banner and the popup both use it, so they
 * never disagree.
 */
import { type Alternative, SHOWN_ALTERNATIVES, siteAlternatives as siteCatalogue } from '../advice/alternatives';
import type { FaultVerdict } from '../claude-page/fault';
import {
  CAPACITY_BANNER_MS,
  INCOMPLETE_BANNER_MS,
  MODEL_UNAVAILABLE_BANNER_MS,
  OUTAGE_SCREEN_BANNER_MS,
  RETRY_BANNER_MS,
} from '../claude-page/signal-timing';
import { incidentModelScope, type ModelAdvice, type ModelName, unavailableModelAdvice } from '../models/claude-models';
import type { Site } from '../sites/sites';
import { incidentReach } from '../status-page/incident-scope';
import { type Severity, severityRank, worst } from '../status-page/severity';
import { STATUS_PAGE_URL } from '../status-page/sources';
import type { Incident, IncidentUpdate, Maintenance, Service, Snapshot } from '../status-page/status-model';
import { caredSnapshot } from '../verdict/cared';
import { type IncidentReader, surfaceTrouble } from '../verdict/surface-trouble';
import { capacitySnoozed, type Dismissals, isDismissed } from './dismissals';

/**
 * incident / outage: the status page says the site's services are in trouble; capacity: the page
 * showed claude.ai's capacity error; failing: claude.ai's own requests fail for this user before the
 * status page says so; connection: those requests fail because the user's connection does;
 * maintenance: planned work on the site's services; outage-screen: claude.ai showed its own outage
 * screen; retry: claude.ai showed its retry notice; incomplete: a server error cut a reply off;
 * model-unavailable: claude.ai says the model chosen is unavailable; back: claude.ai is usable
 * again after the user asked to hear it (core/back-watch/back-watch.ts), a short note.
 */
export type BannerKind =
  | 'incident'
  | 'outage'
  | 'capacity'
  | 'failing'
  | 'connection'
  | 'maintenance'
  | 'outage-screen'
  | 'retry'
  | 'incomplete'
  | 'model-unavailable'
  | 'back';

export interface Banner {
  kind: BannerKind;
  /**
   * `alert` for outages, capacity and failures; `status` (the quieter informational style) for
   * maintenance, a local connection problem, and an incident that does not name the model in use.
   */
  role: 'alert' | 'status';
  severity: Severity;
  /** The worst incident touching the site (kind incident). */
  incident: Incident | null;
  /** More incidents touch the site than the one named. */
  moreIncidents: number;
  /** Site services not operational (kind outage, or with an incident). */
  services: Service[];
  maintenance: Maintenance | null;
  startedAt: string | null;
  latestUpdate: IncidentUpdate | null;
  url: string | null;
  alternatives: Alternative[];
  /** What dismissing this banner records. */
  dismiss: { kind: 'incidents'; entries: Record<string, Severity> } | { kind: 'capacity' };
  /** Which models the incidents name, and which model to switch to (null: no model advice). */
  models: ModelAdvice | null;
  /** claude.ai's own requests failing for this user (kinds failing, connection, and capacity when they fail too). */
  fault: FaultVerdict | null;
  /** The status data is stale: say when it was last checked. */
  stale: boolean;
  /** The support error code claude.ai's outage screen showed (kind outage-screen). */
  errorCode?: string;
}

export interface AssessInput {
  site: Site;
  snapshot: Snapshot | null;
  stale: boolean;
  /** Latest time this site showed a capacity error, ms. */
  capacitySeenAt: number | null;
  dismissals: Dismissals;
  now: number;
  /** The model the page shows as selected, when it could be read. */
  currentModel?: ModelName | null;
  /** What claude.ai's own request outcomes say (core/claude-page/fault.ts). */
  fault?: FaultVerdict;
  /** Latest time this site showed claude.ai's outage screen, ms, with the error code it showed. */
  outageScreen?: { at: number; code: string | null } | null;
  /** Latest time this site showed claude.ai's retry notice, ms. */
  retrySeenAt?: number | null;
  /** Latest time this site showed a reply cut off by a server error, ms. */
  incompleteSeenAt?: number | null;
  /** Latest time this site showed claude.ai saying a model is unavailable, ms. */
  modelUnavailableSeenAt?: number | null;
  /** Services the user does not care about: their troubles raise no banner (alternatives still avoid them). */
  mutedServices?: readonly string[];
}

function touchesSite(serviceIds: readonly string[], site: Site): boolean {
  // An incident naming no service may touch any: better a banner too many than a silent outage.
  return serviceIds.length === 0 || serviceIds.some((id) => site.serviceIds.includes(id));
}

/**
 * The banner reads an incident's reach and models from its words (core/status-page/incident-scope.ts,
 * core/models/claude-models.ts), the rules the snapshot stored them with.
 */
const FROM_WORDS: IncidentReader = { reach: incidentReach, models: incidentModelScope };

function siteAlternatives(snapshot: Snapshot | null, site: Site): Alternative[] {
  return siteCatalogue(snapshot, site.id).slice(0, SHOWN_ALTERNATIVES);
}

function incidentBanner(input: AssessInput, snapshot: Snapshot): Banner | null {
  const { site, dismissals } = input;
  const trouble = surfaceTrouble(site.serviceIds, snapshot, input.currentModel ?? null, FROM_WORDS);
  if (!trouble) return null;
  const { incidents, services, models } = trouble;
  const entries: Record<string, Severity> = {};
  for (const incident of incidents) entries[incident.id] = incident.severity;
  // A component down without an incident still deserves a banner; it gets a key of its own.
  if (incidents.length === 0) for (const s of services) entries[`component:${s.id}`] = s.state;
  const keys = Object.keys(entries);
  if (keys.every((key) => isDismissed(dismissals, key, entries[key] as Severity))) return null;

  const ranked = [...incidents].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  const incident = ranked[0] ?? null;
  const severity = worst(...incidents.map((i) => i.severity), ...services.map((s) => s.state));
  // Every incident names models, posted without impact or sparing the model in use, and the
  // site's services are down only as part of them: a quieter note (core/verdict/surface-trouble.ts).
  const quiet = trouble.quiet;
  return {
    kind: incident ? 'incident' : 'outage',
    role: quiet ? 'status' : 'alert',
    severity,
    incident,
    moreIncidents: Math.max(0, incidents.length - 1),
    services,
    maintenance: null,
    startedAt: incident?.startedAt ?? null,
    latestUpdate: incident?.updates[0] ?? null,
    // A component down without an incident: the status page is where its state is shown.
    url: incident ? incident.url : STATUS_PAGE_URL,
    alternatives: siteAlternatives(input.snapshot, site),
    dismiss: { kind: 'incidents', entries },
    models,
    fault: null,
    stale: input.stale,
  };
}

function capacityBanner(input: AssessInput): Banner | null {
  const { site, capacitySeenAt, now, snapshot } = input;
  if (!site.detectsCapacity || capacitySeenAt === null) return null;
  if (now - capacitySeenAt > CAPACITY_BANNER_MS) return null;
  if (capacitySnoozed(input.dismissals, capacitySeenAt)) return null;
  return {
    kind: 'capacity',
    role: 'alert',
    severity: 'degraded',
    incident: null,
    moreIncidents: 0,
    services: [],
    maintenance: null,
    startedAt: new Date(capacitySeenAt).toISOString(),
    latestUpdate: null,
    url: null,
    alternatives: siteAlternatives(snapshot, site),
    dismiss: { kind: 'capacity' },
    models: null,
    // Failed requests alongside the capacity text make it a confirmed failure.
    fault: input.fault?.kind === 'claude' && input.fault.failures > 0 ? input.fault : null,
    stale: input.stale,
  };
}

function maintenanceBanner(input: AssessInput, snapshot: Snapshot): Banner | null {
  const { site, dismissals } = input;
  const maintenance = snapshot.maintenances.find((m) => m.inProgress && touchesSite(m.serviceIds, site));
  const undermaintenance = snapshot.services.filter((s) => site.serviceIds.includes(s.id) && s.state === 'maintenance');
  if (!maintenance && undermaintenance.length === 0) return null;
  const key = maintenance ? maintenance.id : `component:${undermaintenance[0]?.id}`;
  if (isDismissed(dismissals, key, 'maintenance')) return null;
  return {
    kind: 'maintenance',
    role: 'status',
    severity: 'maintenance',
    incident: null,
    moreIncidents: 0,
    services: undermaintenance,
    maintenance: maintenance ?? null,
    startedAt: maintenance?.scheduledFor ?? null,
    latestUpdate: null,
    url: maintenance?.url ?? null,
    alternatives: [],
    dismiss: { kind: 'incidents', entries: { [key]: 'maintenance' } },
    models: null,
    fault: null,
    stale: input.stale,
  };
}

/** claude.ai failing for this user (or their connection), from its own request outcomes. */
function faultBanner(input: AssessInput): Banner | null {
  const { fault, site, snapshot, dismissals } = input;
  if (!fault || !site.detectsCapacity) return null;
  const failing = fault.kind === 'claude' && fault.failures > 0;
  if (!failing && fault.kind !== 'connection') return null;
  const since = fault.kind === 'claude' || fault.kind === 'connection' ? fault.since : input.now;
  // One key per episode, so a dismissed episode stays away and a new one shows again.
  const key = `${fault.kind}:${since}`;
  if (isDismissed(dismissals, key, 'degraded')) return null;
  return {
    kind: failing ? 'failing' : 'connection',
    role: failing ? 'alert' : 'status',
    severity: 'degraded',
    incident: null,
    moreIncidents: 0,
    services: [],
    maintenance: null,
    startedAt: new Date(since).toISOString(),
    latestUpdate: null,
    url: null,
    // A local connection problem: nothing else would work either.
    alternatives: failing ? siteAlternatives(snapshot, site) : [],
    dismiss: { kind: 'incidents', entries: { [key]: 'degraded' } },
    models: null,
    fault,
    stale: input.stale,
  };
}

/** claude.ai's own failure messages other than capacity, each with its banner's style and how long a sighting keeps it up. */
type PageMessageKind = 'outage-screen' | 'retry' | 'incomplete' | 'model-unavailable';
const PAGE_MESSAGE_BANNERS: Record<PageMessageKind, { ms: number; role: Banner['role']; severity: Severity }> = {
  'outage-screen': { ms: OUTAGE_SCREEN_BANNER_MS, role: 'alert', severity: 'partial_outage' },
  retry: { ms: RETRY_BANNER_MS, role: 'status', severity: 'degraded' },
  incomplete: { ms: INCOMPLETE_BANNER_MS, role: 'alert', severity: 'degraded' },
  'model-unavailable': { ms: MODEL_UNAVAILABLE_BANNER_MS, role: 'alert', severity: 'degraded' },
};

function seenOf(input: AssessInput, kind: PageMessageKind): { at: number; code?: string | null } | null {
  const at =
    kind === 'retry'
      ? input.retrySeenAt
      : kind === 'incomplete'
        ? input.incompleteSeenAt
        : input.modelUnavailableSeenAt;
  return kind === 'outage-screen' ? (input.outageScreen ?? null) : at ? { at } : null;
}

/**
 * claude.ai's own failure messages other than capacity (core/claude-page/page-facts.ts). The outage screen
 * is an alert: claude.ai itself says it is down, whatever the status page says. The retry notice
 * is informational: claude.ai is still trying, and the notice does not say whose fault the delay
 * is (a slow connection shows it too), so it informs without alarming; failed requests alongside
 * it raise the 'failing' alert of their own. A reply cut off by a server error is an alert with
 * the alternatives (the partial reply can be copied); a model unavailable is an alert whose advice
 * is another model (the model in use, when the page shows it, is the one named), not another service.
 */
function pageMessageBanner(input: AssessInput, kind: PageMessageKind): Banner | null {
  const { site, now, snapshot, dismissals } = input;
  const seen = seenOf(input, kind);
  const { ms, role, severity } = PAGE_MESSAGE_BANNERS[kind];
  if (!site.detectsCapacity || !seen || now - seen.at > ms) return null;
  // One key per sighting: a dismissed screen stays away until claude.ai shows it again.
  const key = `${kind}:${seen.at}`;
  if (isDismissed(dismissals, key, severity)) return null;
  const code = seen.code ?? null;
  const unavailable = kind === 'model-unavailable';
  return {
    kind,
    role,
    severity,
    incident: null,
    moreIncidents: 0,
    services: [],
    maintenance: null,
    startedAt: new Date(seen.at).toISOString(),
    latestUpdate: null,
    url: null,
    alternatives: unavailable ? [] : siteAlternatives(snapshot, site),
    dismiss: { kind: 'incidents', entries: { [key]: severity } },
    models: unavailable ? unavailableModelAdvice(input.currentModel ?? null) : null,
    fault: null,
    stale: input.stale,
    ...(code ? { errorCode: code } : {}),
  };
}

/** The banner for a site, or null: on a healthy day with no local signal, always null. */
export function assess(input: AssessInput): Banner | null {
  const banner = decide(input);
  // An informational banner informs: nothing there says the user should go elsewhere.
  return banner && banner.role === 'status' && banner.alternatives.length > 0
    ? { ...banner, alternatives: [] }
    : banner;
}

function decide(input: AssessInput): Banner | null {
  const snapshot = input.snapshot && caredSnapshot(input.snapshot, input.mutedServices ?? []);
  const incident = snapshot ? incidentBanner(input, snapshot) : null;
  // What claude.ai shows the user right now outranks a minor incident; the outage screen first.
  const local =
    pageMessageBanner(input, 'outage-screen') ??
    capacityBanner(input) ??
    pageMessageBanner(input, 'model-unavailable') ??
    pageMessageBanner(input, 'incomplete');
  if (local && (!incident || severityRank(incident.severity) <= severityRank('degraded'))) {
    return { ...local, incident: incident?.incident ?? null, url: incident?.url ?? null };
  }
  if (incident) return incident;
  return (
    faultBanner(input) ?? pageMessageBanner(input, 'retry') ?? (snapshot ? maintenanceBanner(input, snapshot) : null)
  );
}
