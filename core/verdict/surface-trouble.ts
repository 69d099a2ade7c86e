/**
 * What the status page says about one surface (claude.ai, platform.claude.com, Claude Code): the
 * incidents that touch it, its services that are down, the model advice, and whether all of it is
 * only informational. The banner decides from it (core/banner/banner-decision.ts) and the popup's
 * "Where to keep working" follows the same answer (core/verdict/overall.ts), so a calm banner never
 * sits beside a popup that sends the user elsewhere (issue #27, item 1).
 */
import { type ModelAdvice, type ModelName, type ModelScope, modelAdvice } from '../models/claude-models';
import { namesModels, storedModels, storedReach } from '../status-page/reach';
import type { Incident, Service, Snapshot } from '../status-page/status-model';

/**
 * How an incident's reach and models are read: the banner reads them from the words again
 * (core/status-page/incident-scope.ts, core/models/claude-models.ts); the popup, which cannot
 * afford those text rules, reads what the snapshot stored when it was built with the same rules.
 */
export interface IncidentReader {
  reach(incident: Incident): NonNullable<Incident['reach']>;
  models(incident: Incident): ModelScope;
}

export const STORED_READER: IncidentReader = { reach: storedReach, models: storedModels };

export interface SurfaceTrouble {
  /** Incidents that touch the surface, page order. */
  incidents: Incident[];
  /** The surface's services in trouble (not operational, not under maintenance). */
  services: Service[];
  /** Which models the incidents name, and which to switch to (null: no model advice). */
  models: ModelAdvice | null;
  /**
   * Informational only: every incident names models and is either posted with impact "none" or
   * spares the model in use, and the surface's services are down only as part of them.
   */
  quiet: boolean;
}

/**
 * An incident touches a surface through the services it names, or every surface when it names
 * none; never when it is about no product, or only about another platform.
 */
function touches(incident: Incident, serviceIds: readonly string[], read: IncidentReader): boolean {
  const { surfaces } = read.reach(incident);
  if (surfaces === 'none') return false;
  // An incident naming no service may touch any: better a banner too many than a silent outage.
  return (
    surfaces === 'all' || incident.serviceIds.length === 0 || incident.serviceIds.some((id) => serviceIds.includes(id))
  );
}

/**
 * The trouble on the surface made of `serviceIds`, from a snapshot already filtered to the
 * services the user cares about; null when there is none. `current` is the model in use there,
 * when known (claude.ai's model menu).
 */
export function surfaceTrouble(
  serviceIds: readonly string[],
  snapshot: Snapshot,
  current: ModelName | null,
  read: IncidentReader = STORED_READER,
): SurfaceTrouble | null {
  const incidents = snapshot.incidents.filter((i) => touches(i, serviceIds, read));
  const services = snapshot.services.filter(
    (s) => serviceIds.includes(s.id) && s.state !== 'operational' && s.state !== 'maintenance',
  );
  if (incidents.length === 0 && services.length === 0) return null;
  const named = incidents.map((incident) => ({ incident, scope: read.models(incident) }));
  const models = modelAdvice(
    named.map((n) => n.scope),
    current,
  );
  const calm = ({ incident, scope }: (typeof named)[number]) =>
    namesModels(scope) && (incident.impact === 'none' || modelAdvice([scope], current)?.currentAffected === false);
  // The page marks the components a model incident touches along with it: their state says
  // nothing the model advice does not. A component down with no such incident is news of its own.
  const explained = services.every((s) =>
    named.some(({ incident, scope }) => namesModels(scope) && incident.serviceIds.includes(s.id)),
  );
  const quiet = named.length > 0 && named.every(calm) && explained;
  return { incidents, services, models, quiet };
}
