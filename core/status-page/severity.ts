/**
 * One scale for everything that can be wrong, from the status page's indicator, a component's
 * status or an incident's impact. Ordered: a later entry is worse.
 */
import type { ComponentStatus, Impact, Indicator } from './statuspage';

export const SEVERITIES = ['operational', 'maintenance', 'degraded', 'partial_outage', 'major_outage'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function worst(...severities: Severity[]): Severity {
  let result: Severity = 'operational';
  for (const s of severities) if (severityRank(s) > severityRank(result)) result = s;
  return result;
}

/** An unknown component status counts as degraded: something is off, we do not know what. */
export function fromComponentStatus(status: ComponentStatus): Severity {
  switch (status) {
    case 'operational':
      return 'operational';
    case 'under_maintenance':
      return 'maintenance';
    case 'partial_outage':
      return 'partial_outage';
    case 'major_outage':
      return 'major_outage';
    default:
      return 'degraded';
  }
}

/** Statuspage: minor = "Minor Service Outage", major = "Partial System Outage", critical = "Major System Outage". */
export function fromIndicator(indicator: Indicator): Severity {
  switch (indicator) {
    case 'none':
      return 'operational';
    case 'maintenance':
      return 'maintenance';
    case 'major':
      return 'partial_outage';
    case 'critical':
      return 'major_outage';
    default:
      return 'degraded';
  }
}

/**
 * An unresolved incident is never "operational": Statuspage incidents are often opened with
 * impact `none` while still being investigated, so `none` and unknown count as degraded.
 */
export function fromImpact(impact: Impact): Severity {
  switch (impact) {
    case 'maintenance':
      return 'maintenance';
    case 'major':
      return 'partial_outage';
    case 'critical':
      return 'major_outage';
    default:
      return 'degraded';
  }
}
