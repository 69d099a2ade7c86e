/**
 * What an incident reaches and names, as stored with it when the snapshot was built: read without
 * the text rules of core/status-page/incident-scope.ts and core/models/claude-models.ts, which the popup cannot afford.
 */

import type { ModelScope } from '../models/claude-models';
import type { Incident } from './status-model';

type Reach = NonNullable<Incident['reach']>;

/** Snapshots stored before these were kept fall back to what the components say. */
export function storedReach(incident: Pick<Incident, 'reach' | 'serviceIds'>): Reach {
  return incident.reach ?? { surfaces: incident.serviceIds.length > 0 ? 'named' : 'all', platforms: [] };
}

export function storedModels(incident: Pick<Incident, 'models'>): ModelScope {
  return incident.models ?? { kind: 'none' };
}

/** The scope names specific models (not none, not the whole fleet): another model may help. */
export function namesModels(scope: ModelScope): boolean {
  return scope.kind === 'models' || scope.kind === 'fleet-except';
}
