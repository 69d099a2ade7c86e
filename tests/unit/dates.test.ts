// @vitest-environment node
/**
 * Dates from the status page (core/status-page/dates.ts): a date outside 2000-2100 is not a date
 * (issue #27, item 4: a resolved_at in year 275760, the last day JavaScript's Date can hold).
 */
import { describe, expect, it } from 'vitest';
import { isoOrNull, msOf } from '../../core/status-page/dates';
import { buildSnapshot } from '../../core/status-page/snapshot';
import { parseSummary } from '../../core/status-page/statuspage';
import { fixtureJson } from './fixtures';

describe('isoOrNull and msOf: dates in a sane range only', () => {
  // [what, text, ISO it reads as (null: not a date)]
  it.each<[string, string | null | undefined, string | null]>([
    ['as Statuspage writes them', '2026-11-20T13:36:52.318Z', '2026-11-20T13:36:52.318Z'],
    ['with an offset', '2026-11-20T14:36:52+01:00', '2026-11-20T13:36:52.000Z'],
    ['the first moment counted', '2000-01-01T00:00:00.000Z', '2000-01-01T00:00:00.000Z'],
    ['the last moment before 2100', '2099-12-31T23:59:59.999Z', '2099-12-31T23:59:59.999Z'],
    ['year 275760, the most a Date holds', '+275760-09-13T00:00:00.000Z', null],
    ['year 2100', '2100-01-01T00:00:00.000Z', null],
    ['year 9999', '9999-12-31T23:59:59.000Z', null],
    ['before 2000', '1999-12-31T23:59:59.999Z', null],
    ['the epoch', '1970-01-01T00:00:00.000Z', null],
    ['year -271821', '-271821-04-20T00:00:00.000Z', null],
    ['not a date', 'soon', null],
    ['empty', '', null],
    ['null', null, null],
    ['missing', undefined, null],
  ])('%s: %s', (_what, raw, expected) => {
    expect(isoOrNull(raw)).toBe(expected);
    expect(msOf(raw)).toBe(expected === null ? null : Date.parse(expected));
  });
});

describe('a summary with dates out of range', () => {
  it('an incident starting in year 275760 has no start; its updates in range keep theirs', () => {
    const summary = fixtureJson('claude-ai-partial') as {
      incidents: { started_at: string; created_at: string; incident_updates: { display_at: string }[] }[];
    };
    const incident = summary.incidents[0];
    if (!incident) throw new Error('claude-ai-partial has an incident');
    incident.started_at = '+275760-09-13T00:00:00.000Z';
    incident.created_at = '+275760-09-13T00:00:00.000Z';
    const parsed = parseSummary(summary);
    if (!parsed.ok) throw new Error(parsed.message);
    const built = buildSnapshot(parsed.value).incidents[0];
    expect(built?.startedAt).toBeNull();
    expect(built?.updates.every((u) => u.at?.startsWith('2026-'))).toBe(true);
  });
});
