/** "Services I care about" applied to the status page: what the badge, the banner and notifications weigh. */

import { storedReach } from '../status-page/reach';
import { type Severity, worst } from '../status-page/severity';
import type { Snapshot } from '../status-page/status-model';

/**
 * The snapshot as the user's choice of services sees it: muted services, incidents that name
 * only muted services and maintenance on only those are left out, and the severity follows.
 * Incidents that name no service, or no product, stay: they are not about a muted service.
 */
export function caredSnapshot(snapshot: Snapshot, muted: readonly string[]): Snapshot {
  if (muted.length === 0) return snapshot;
  const cares = (id: string) => !muted.includes(id);
  const services = snapshot.services.filter((s) => cares(s.id));
  const incidents = snapshot.incidents.filter(
    (i) => storedReach(i).surfaces !== 'named' || i.serviceIds.length === 0 || i.serviceIds.some(cares),
  );
  const maintenances = snapshot.maintenances.filter((m) => m.serviceIds.length === 0 || m.serviceIds.some(cares));
  const severity = worst(
    ...services.map((s) => s.state),
    ...incidents.map((i) => i.severity),
    ...maintenances.filter((m) => m.inProgress).map((): Severity => 'maintenance'),
  );
  return { ...snapshot, services, incidents, maintenances, severity };
}
