/** Recorded Statuspage bodies (tests/fixtures/statuspage) loaded through the real parser. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSnapshot } from '../../core/status-page/snapshot';
import type { Snapshot } from '../../core/status-page/status-model';
import { type IncidentsList, parseIncidentsList, parseSummary, type Summary } from '../../core/status-page/statuspage';

export const SUMMARY_FIXTURES = [
  'healthy',
  'added-component',
  'api-outage',
  'claude-ai-partial',
  'cowork-only',
  'hostile',
  'maintenance',
  'major-outage',
  'many-models',
  'unknown-enums',
] as const;
export type SummaryFixture = (typeof SUMMARY_FIXTURES)[number];

// Paths, not URLs: happy-dom replaces the global URL with one that knows no file: scheme.
const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'statuspage');

/** The raw text of tests/fixtures/statuspage/<file>. */
export function fixtureText(file: string): string {
  return readFileSync(join(DIR, file), 'utf8');
}

/** The JSON value of tests/fixtures/statuspage/<name>.json, unparsed by our schemas. */
export function fixtureJson(name: string): unknown {
  return JSON.parse(fixtureText(`${name}.json`)) as unknown;
}

export function loadSummary(name: SummaryFixture): Summary {
  const result = parseSummary(fixtureJson(name));
  if (!result.ok) throw new Error(`fixture ${name} does not parse: ${result.kind} ${result.message}`);
  return result.value;
}

export function loadSnapshot(name: SummaryFixture): Snapshot {
  return buildSnapshot(loadSummary(name));
}

export function loadIncidents(): IncidentsList {
  const result = parseIncidentsList(fixtureJson('incidents'));
  if (!result.ok) throw new Error(`fixture incidents does not parse: ${result.kind} ${result.message}`);
  return result.value;
}

export interface IncidentVariant {
  name: string;
  /** Statuspage's impact: none, minor, major, critical (the fixture's own when absent). */
  impact?: string;
  /** Component ids the incident lists (none: the title is the only word on what it touches). */
  components?: string[];
  /** The status the page shows for the listed components; every other one is operational. */
  state?: string;
  /** Every update's body ("We are currently investigating this issue." by default). */
  body?: string;
}

/**
 * claude-ai-partial with its incident as the real page posts others (docs/status-page-wordings.md):
 * a title, an impact, the components it lists and their state, then parsed and built like a poll.
 * The same shape as tests/e2e/scenarios.ts serves to the browsers.
 */
export function incidentVariant(variant: IncidentVariant): Snapshot {
  const summary = fixtureJson('claude-ai-partial') as {
    components: { id: string; status: string }[];
    incidents: {
      name: string;
      impact: string;
      components: unknown[];
      incident_updates: { body: string; affected_components: unknown }[];
    }[];
  };
  const incident = summary.incidents[0];
  if (!incident) throw new Error('claude-ai-partial has an incident');
  const listed = variant.components ?? [];
  incident.name = variant.name;
  incident.impact = variant.impact ?? incident.impact;
  for (const component of summary.components) {
    component.status = listed.includes(component.id) ? (variant.state ?? 'degraded_performance') : 'operational';
  }
  incident.components = summary.components.filter((c) => listed.includes(c.id));
  for (const update of incident.incident_updates) {
    update.body = variant.body ?? 'We are currently investigating this issue.';
    update.affected_components = null;
  }
  const parsed = parseSummary(summary);
  if (!parsed.ok) throw new Error(`variant does not parse: ${parsed.kind}`);
  return buildSnapshot(parsed.value);
}
