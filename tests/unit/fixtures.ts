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
