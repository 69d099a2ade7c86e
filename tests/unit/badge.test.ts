import { describe, expect, it } from 'vitest';
import { applyOutcome, DEFAULT_INTERVAL_MS, STALE_AFTER_INTERVALS } from '../../core/polling/health';
import { SEVERITIES, type Severity } from '../../core/status-page/severity';
import { buildSnapshot } from '../../core/status-page/snapshot';
import { EMPTY_STATUS, type Snapshot, type StatusState } from '../../core/status-page/status-model';
import { type BadgeKind, badgeFor, badgeStyle } from '../../core/verdict/badge';
import { LOOK_KINDS } from '../../core/verdict/kind-look';
import { loadSnapshot, loadSummary, type SummaryFixture } from './fixtures';

const T0 = Date.UTC(2026, 10, 20, 14, 0, 0);
const I = DEFAULT_INTERVAL_MS;

/** `snapshot` as fetched successfully at `atMs`. */
function stateWith(snapshot: Snapshot, atMs = T0): StatusState {
  return applyOutcome(EMPTY_STATUS, { kind: 'success', source: 'primary', snapshot, validators: null }, atMs, 0.5);
}

const GREY = '#6b7280';

describe('badgeFor: one look per severity', () => {
  // [fixture, kind, text]
  it.each<[SummaryFixture, BadgeKind, string]>([
    ['healthy', 'operational', ''],
    ['added-component', 'operational', ''],
    ['maintenance', 'maintenance', 'M'],
    ['cowork-only', 'degraded', '!'],
    ['claude-ai-partial', 'partial_outage', '!!'],
    ['many-models', 'partial_outage', '!!'],
    ['unknown-enums', 'partial_outage', '!!'],
    ['hostile', 'partial_outage', '!!'],
    ['api-outage', 'major_outage', '!!!'],
    ['major-outage', 'major_outage', '!!!'],
  ])('%s -> %s %j', (name, kind, text) => {
    const badge = badgeFor(stateWith(loadSnapshot(name)), T0, I);
    expect(badge.kind).toBe(kind);
    expect(badge.text).toBe(text);
    expect(badge.color).toBe(badgeStyle(kind).color);
    expect(badge.lastSuccessAt).toBe(new Date(T0).toISOString());
  });

  it.each<Severity>([...SEVERITIES])('severity %s is shown as itself', (severity) => {
    const snapshot: Snapshot = { ...loadSnapshot('healthy'), severity };
    const badge = badgeFor(stateWith(snapshot), T0, I);
    expect(badge.kind).toBe(severity);
    expect({ text: badge.text, color: badge.color }).toEqual(badgeStyle(severity));
  });

  it('every kind has its own colour and its own text (not colour alone)', () => {
    const kinds: BadgeKind[] = [...LOOK_KINDS];
    expect(kinds.sort()).toEqual(
      [
        ...SEVERITIES,
        'stale',
        'capacity',
        'model-unavailable',
        'incomplete',
        'failing',
        'outage-screen',
        'connection',
      ].sort(),
    );
    const colours = kinds.map((k) => badgeStyle(k).color.toLowerCase());
    const texts = kinds.map((k) => badgeStyle(k).text);
    expect(new Set(colours).size).toBe(kinds.length);
    expect(new Set(texts).size).toBe(kinds.length);
    for (const colour of colours) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    // Badges hold about four characters.
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(4);
  });
});

describe('badgeFor: stale data', () => {
  it("no snapshot -> '?' grey", () => {
    const badge = badgeFor(EMPTY_STATUS, T0, I);
    expect(badge).toMatchObject({ kind: 'stale', text: '?', color: GREY, affected: [], lastSuccessAt: null });
  });

  it(`older than ${STALE_AFTER_INTERVALS} intervals -> '?' grey, still naming what was affected`, () => {
    const state = stateWith(loadSnapshot('major-outage'), T0);
    expect(badgeFor(state, T0 + STALE_AFTER_INTERVALS * I, I).kind).toBe('major_outage');
    const stale = badgeFor(state, T0 + STALE_AFTER_INTERVALS * I + 1, I);
    expect(stale).toMatchObject({ kind: 'stale', text: '?', color: GREY });
    expect(stale.affected).toHaveLength(4);
    expect(stale.lastSuccessAt).toBe(new Date(T0).toISOString());
  });

  it('failing fetches with an old snapshot turn the badge stale, a success clears it', () => {
    let state = stateWith(loadSnapshot('healthy'), T0);
    for (let i = 1; i <= 5; i++) {
      state = applyOutcome(state, { kind: 'failure', errorKind: 'network', message: 'offline' }, T0 + i * I, 0.5);
    }
    expect(badgeFor(state, T0 + 5 * I, I).kind).toBe('stale');
    state = applyOutcome(
      state,
      { kind: 'success', source: 'fallback', snapshot: null, validators: null },
      T0 + 6 * I,
      0.5,
    );
    expect(badgeFor(state, T0 + 6 * I, I).kind).toBe('operational');
  });
});

describe('badgeFor: affected names', () => {
  it.each<[SummaryFixture, string[]]>([
    ['healthy', []],
    ['cowork-only', ['Claude Cowork']],
    ['api-outage', ['Claude Console (platform.claude.com)', 'Claude API (api.anthropic.com)']],
    ['maintenance', ['Claude Console (platform.claude.com)']],
    ['major-outage', ['claude.ai', 'Claude API (api.anthropic.com)', 'Claude Code', 'Claude Cowork']],
    ['unknown-enums', ['claude.ai', 'Claude Code']],
  ])('%s -> %j', (name, affected) => {
    expect(badgeFor(stateWith(loadSnapshot(name)), T0, I).affected).toEqual(affected);
  });

  it('names services an incident names even while their component says operational', () => {
    const summary = loadSummary('major-outage');
    const allGreen = buildSnapshot({
      ...summary,
      components: summary.components.map((c) => ({ ...c, status: 'operational' as const })),
    });
    expect(allGreen.services.every((s) => s.state === 'operational')).toBe(true);
    const badge = badgeFor(stateWith(allGreen), T0, I);
    expect(badge.affected).toEqual(['claude.ai', 'Claude API (api.anthropic.com)', 'Claude Code', 'Claude Cowork']);
    expect(badge.kind).toBe('partial_outage');
  });
});
