/**
 * What incidents reach when their components do not say (issue #14): services named loosely in
 * titles, incidents about no product, incidents about another platform; and the banner decisions
 * that follow, with the page's real titles verbatim.
 */
import { describe, expect, it } from 'vitest';
import { ALTERNATIVES, chooseAlternatives, failingServiceIds } from '../../core/advice/alternatives';
import { assess } from '../../core/banner/banner-decision';
import { EMPTY_DISMISSALS } from '../../core/banner/dismissals';
import { parseModelLabel } from '../../core/models/claude-models';
import { type SiteId, siteById } from '../../core/sites/sites';
import { incidentReach, platformsNamedIn, titleServiceIds } from '../../core/status-page/incident-scope';
import { storedModels, storedReach } from '../../core/status-page/reach';
import { PLATFORM_IDS, SERVICE_IDS } from '../../core/status-page/services';
import {
  EMPTY_HEALTH,
  type Snapshot,
  STATUS_MIGRATIONS,
  STATUS_VERSION,
  statusStateSchema,
} from '../../core/status-page/status-model';
import { type IncidentVariant, incidentVariant } from './fixtures';

const { api, claudeAi, console: consoleId, cowork } = SERVICE_IDS;
const NOW = Date.parse('2026-11-20T14:00:00Z');

/** claude-ai-partial with its incident as the page posts others, impact minor unless given. */
const snapshotWith = (variant: IncidentVariant): Snapshot => incidentVariant({ impact: 'minor', ...variant });

function decide(site: SiteId, snapshot: Snapshot, model?: string) {
  return assess({
    site: siteById(site),
    snapshot,
    stale: false,
    capacitySeenAt: null,
    dismissals: EMPTY_DISMISSALS,
    now: NOW,
    currentModel: model ? parseModelLabel(model) : null,
    fault: { kind: 'none' },
  });
}

describe('titleServiceIds: services named the way titles name them', () => {
  it.each<[string, string[]]>([
    ['Elevated error rates on API and claude.ai', [api, claudeAi]],
    ['Elevated errors on the Anthropic API', [api]],
    ['Claude API degraded', [api]],
    ['Console unavailable', [consoleId]],
    ['Errors logging in to platform', [consoleId]],
    ['Workbench is slow', [consoleId]],
    ['cowork sessions failing', [cowork]],
    ['Claude App login errors', [claudeAi]],
    ['Claude Desktop fails to start', [claudeAi]],
    ['Elevated errors on apps', [claudeAi]],
    ['Elevated errors on Claude Opus 4.6', []],
    ['Rapid API calls', [api]],
    ['Errors on api-docs pages', []],
    ['Opus in Vertex Complete Outage', []],
    // Issue #27, item 5: "Claude" as an item of a list of services is claude.ai.
    ['Elevated error rates on API, Claude, and Console', [api, consoleId, claudeAi]],
    ['Elevated errors on the API and Claude', [api, claudeAi]],
    ['Elevated errors on Claude and the API', [api, claudeAi]],
    ['Elevated errors on Claude', []],
    ['Elevated errors on Claude models', []],
    ['Elevated errors for requests to Claude 4, 4.5 Sonnet and 4.5 Haiku', []],
    ['Elevated errors on Claude Code and the API', [api]],
  ])('%s', (title, expected) => {
    expect(titleServiceIds(title)).toEqual(expected);
  });
});

describe('platformsNamedIn', () => {
  it.each<[string, string[]]>([
    ['Opus in Vertex Complete Outage', ['vertex']],
    ['Opus in Bedrock Complete Outage', ['bedrock']],
    ['Elevated errors on Claude in Amazon Bedrock and Google Vertex AI', ['bedrock', 'vertex']],
    ['Elevated errors on Claude Opus 4.6', []],
  ])('%s', (title, expected) => {
    expect(platformsNamedIn(title)).toEqual(expected);
  });
});

describe('incidentReach', () => {
  it.each<[IncidentVariant, 'named' | 'all' | 'none', string[]]>([
    [{ name: 'Elevated error rates on API and claude.ai' }, 'named', []],
    [{ name: 'Elevated errors on Claude Opus 4.6' }, 'all', []],
    [{ name: 'Elevated errors' }, 'all', []],
    [{ name: 'Unauthorized post from @AnthropicAI X.com account' }, 'none', []],
    [{ name: 'Elevated errors on documentation site in Europe' }, 'none', []],
    [{ name: 'Issues reaching status.claude.com' }, 'none', []],
    [{ name: 'Elevated errors on claude.ai', impact: 'none', components: [claudeAi] }, 'none', []],
    // Issue #27, item 5: impact none that names models reaches its services, for an informational banner.
    [{ name: 'Elevated errors on Opus 4.6', impact: 'none', components: [claudeAi] }, 'named', []],
    [{ name: 'Elevated errors on Opus 4.6', impact: 'none' }, 'all', []],
    [{ name: 'Elevated errors on Claude models', impact: 'none' }, 'none', []],
    [{ name: 'Opus in Vertex Complete Outage' }, 'none', ['vertex']],
    [{ name: 'Opus in Bedrock Complete Outage' }, 'none', ['bedrock']],
    [{ name: 'Elevated errors on the API and Vertex' }, 'named', ['vertex']],
    // A product word beside a non-product one: the product wins.
    [{ name: 'Documentation links broken in claude.ai' }, 'named', []],
    [{ name: 'Status page shows stale data for Claude Code' }, 'named', []],
    [{ name: 'Elevated errors on docs for Opus 4.6' }, 'all', []],
  ])('%j', (variant, surfaces, platforms) => {
    const incident = snapshotWith(variant).incidents[0];
    if (!incident) throw new Error('no incident');
    expect(incidentReach(incident)).toEqual({ surfaces, platforms });
  });
});

describe('assess: incidents the page titles loosely', () => {
  it('a title-only "API and claude.ai" incident: a banner on both sites', () => {
    const snapshot = snapshotWith({ name: 'Elevated error rates on API and claude.ai' });
    expect(snapshot.incidents[0]?.serviceIds).toEqual([claudeAi, api]);
    expect(decide('platform', snapshot)?.kind).toBe('incident');
    expect(decide('claude-ai', snapshot)?.kind).toBe('incident');
  });

  it('a title-only Cowork incident: no banner on either site', () => {
    const snapshot = snapshotWith({ name: 'cowork sessions failing to start' });
    expect(decide('platform', snapshot)).toBeNull();
    expect(decide('claude-ai', snapshot)).toBeNull();
  });

  it('listed components win over title words', () => {
    const snapshot = snapshotWith({ name: 'API errors in Claude Code', components: [SERVICE_IDS.code] });
    expect(snapshot.incidents[0]?.serviceIds).toEqual([SERVICE_IDS.code]);
    expect(decide('platform', snapshot)).toBeNull();
  });

  it.each([
    'Unauthorized post from @AnthropicAI X.com account',
    'Elevated errors on documentation site in Europe',
    'Issues reaching status.claude.com',
  ])('no product (%s): no banner anywhere, no alternative marked affected', (name) => {
    const snapshot = snapshotWith({ name });
    expect(decide('claude-ai', snapshot)).toBeNull();
    expect(decide('platform', snapshot)).toBeNull();
    expect(failingServiceIds(snapshot).size).toBe(0);
  });

  it('impact none: no banner, even on a service it names', () => {
    const snapshot = snapshotWith({ name: 'Elevated errors on claude.ai', impact: 'none', components: [claudeAi] });
    snapshot.services = snapshot.services.map((s) => ({ ...s, state: 'operational' }));
    expect(decide('claude-ai', snapshot)).toBeNull();
  });

  it('impact none naming no model, in the title or the updates: no banner', () => {
    const snapshot = snapshotWith({
      name: 'Delayed usage reporting in Claude Console',
      impact: 'none',
      components: [consoleId],
      state: 'operational',
    });
    expect(decide('platform', snapshot)).toBeNull();
  });

  it('"Elevated error rates on API, Claude, and Console" with the API and the Console listed: claude.ai too', () => {
    const snapshot = snapshotWith({
      name: 'Elevated error rates on API, Claude, and Console',
      components: [api, consoleId],
    });
    expect(snapshot.incidents[0]?.serviceIds).toEqual([claudeAi, consoleId, api]);
    expect(decide('claude-ai', snapshot)?.kind).toBe('incident');
    expect(decide('platform', snapshot)?.kind).toBe('incident');
  });

  it('a model-only title still touches every site', () => {
    const snapshot = snapshotWith({ name: 'Elevated errors on Claude Opus 4.6' });
    expect(decide('claude-ai', snapshot)?.kind).toBe('incident');
    expect(decide('platform', snapshot)?.kind).toBe('incident');
  });

  it('a Vertex-only incident: no banner on claude.ai, Vertex affected among the alternatives', () => {
    const snapshot = snapshotWith({ name: 'Opus in Vertex Complete Outage', impact: 'major' });
    expect(decide('claude-ai', snapshot)).toBeNull();
    expect(decide('platform', snapshot)).toBeNull();
    const failing = failingServiceIds(snapshot);
    expect([...failing]).toEqual([PLATFORM_IDS.vertex]);
    const choice = chooseAlternatives(ALTERNATIVES, failing);
    expect(choice.affected.map((a) => a.id)).toEqual(['vertex']);
    expect(choice.recommended.map((a) => a.id)).toContain('bedrock');
  });

  it('a Bedrock-only incident marks Bedrock, not Vertex', () => {
    const snapshot = snapshotWith({ name: 'Opus in Bedrock Complete Outage', impact: 'major' });
    expect(chooseAlternatives(ALTERNATIVES, failingServiceIds(snapshot)).affected.map((a) => a.id)).toEqual([
      'bedrock',
    ]);
  });
});

// On the real page a model incident marks the components it touches along with it (issue #14, 5).
describe('assess: a model incident with its components degraded', () => {
  const opus = { name: 'Elevated errors on Claude Opus 4.6', components: [claudeAi], state: 'degraded_performance' };

  it('on another model: informational, although claude.ai is degraded', () => {
    const banner = decide('claude-ai', snapshotWith(opus), 'Sonnet 4.6');
    expect(banner?.role).toBe('status');
    expect(banner?.models?.currentAffected).toBe(false);
  });

  it('on the named model: alert with the switch', () => {
    const banner = decide('claude-ai', snapshotWith(opus), 'Opus 4.6');
    expect(banner?.role).toBe('alert');
    expect(banner?.models?.switchTo?.label).toBe('Sonnet 4.6');
  });

  it('a component down that the model incident does not list: alert', () => {
    const snapshot = snapshotWith(opus);
    snapshot.services = snapshot.services.map((s) => (s.id === consoleId ? { ...s, state: 'major_outage' } : s));
    expect(decide('platform', snapshot, 'Sonnet 4.6')?.role).toBe('alert');
  });

  it('a second incident on the site that names no model: alert', () => {
    const snapshot = snapshotWith(opus);
    const first = snapshot.incidents[0];
    if (!first) throw new Error('no incident');
    snapshot.incidents = [first, { ...first, id: 'other', name: 'Elevated errors on claude.ai' }];
    expect(decide('claude-ai', snapshot, 'Sonnet 4.6')?.role).toBe('alert');
  });

  it('the fast mode of Opus 4.6, on ordinary Opus 4.6: informational, and the banner says so', () => {
    const banner = decide(
      'claude-ai',
      snapshotWith({ ...opus, name: 'Elevated errors on Opus 4.6 Fast Mode' }),
      'Opus 4.6',
    );
    expect(banner?.role).toBe('status');
    expect(banner?.models?.affected.map((m) => m.label)).toEqual(['Opus 4.6 Fast mode']);
  });

  it('a whole family, on a model of it: alert, switch to another family', () => {
    const banner = decide('claude-ai', snapshotWith({ ...opus, name: 'Increase error rates on Opus' }), 'Opus 4.5');
    expect(banner?.role).toBe('alert');
    expect(banner?.models?.switchTo?.label).toBe('Sonnet 4.6');
  });

  it('all models except Sonnet 4.0: alert on Opus 4.6, suggesting Sonnet 4.0', () => {
    const name = 'Elevated errors on all models except Sonnet 4.0';
    const banner = decide('claude-ai', snapshotWith({ ...opus, name }), 'Opus 4.6');
    expect(banner?.role).toBe('alert');
    expect(banner?.models?.switchTo?.label).toBe('Sonnet 4.0');
  });
});

// Real case, April 2026 (issue #27, item 5): "Elevated errors on Opus 4.6", impact none, with
// claude.ai, the Console, the API, Claude Code and Cowork listed.
describe('assess: an incident without impact that names a model', () => {
  const april = {
    name: 'Elevated errors on Opus 4.6',
    impact: 'none',
    components: [claudeAi, consoleId, api, SERVICE_IDS.code, cowork],
    state: 'operational',
  };

  it.each<[string, SiteId, string | undefined, string | null]>([
    ['claude.ai on Sonnet 4.6: informational, "not named"', 'claude-ai', 'Sonnet 4.6', null],
    ['claude.ai on Opus 4.6: informational, with the switch', 'claude-ai', 'Opus 4.6', 'Sonnet 4.6'],
    ['claude.ai, model unknown: informational, with the switch', 'claude-ai', undefined, 'Sonnet 4.6'],
    ['platform.claude.com: informational, with the switch', 'platform', undefined, 'Sonnet 4.6'],
  ])('%s', (_what, site, model, switchTo) => {
    const banner = decide(site, snapshotWith(april), model);
    expect(banner?.kind).toBe('incident');
    expect(banner?.role).toBe('status');
    expect(banner?.alternatives).toEqual([]);
    expect(banner?.models?.affected.map((m) => m.label)).toEqual(['Opus 4.6']);
    expect(banner?.models?.switchTo?.label ?? null).toBe(switchTo);
  });

  it('its components shown degraded with it: still informational', () => {
    const banner = decide('claude-ai', snapshotWith({ ...april, state: 'degraded_performance' }), 'Opus 4.6');
    expect(banner?.role).toBe('status');
  });

  it('beside an incident with impact on the same site: the alert of that one', () => {
    const snapshot = snapshotWith(april);
    const first = snapshot.incidents[0];
    if (!first) throw new Error('no incident');
    const other = {
      ...first,
      id: 'other',
      name: 'Elevated errors on claude.ai',
      impact: 'major',
      severity: 'partial_outage' as const,
    };
    snapshot.incidents = [first, other];
    expect(decide('claude-ai', snapshot, 'Sonnet 4.6')?.role).toBe('alert');
  });
});

describe('readings stored with each incident (status item version 2)', () => {
  it('buildSnapshot stores what an incident names and reaches', () => {
    const incident = snapshotWith({ name: 'Opus in Vertex Complete Outage', impact: 'major' }).incidents[0];
    expect(incident?.reach).toEqual({ surfaces: 'none', platforms: ['vertex'] });
    expect(incident?.models).toEqual({ kind: 'models', models: [], families: ['Opus'] });
  });

  it('a version 1 snapshot (no readings) still parses; its components decide, and no models are named', () => {
    const built = snapshotWith({ name: 'Elevated errors on Claude Opus 4.6' });
    const old = {
      ...built,
      incidents: built.incidents.map(({ models, reach, ...rest }) => rest),
    };
    const parsed = statusStateSchema.parse({ snapshot: old, health: EMPTY_HEALTH });
    const incident = parsed.snapshot?.incidents[0];
    if (!incident) throw new Error('no incident');
    expect(storedReach(incident)).toEqual({ surfaces: 'all', platforms: [] });
    expect(storedModels(incident)).toEqual({ kind: 'none' });
  });

  it('the migration to version 2 keeps the snapshot and drops the validators, so the next poll rebuilds it', () => {
    expect(STATUS_VERSION).toBe(3);
    expect(Object.keys(STATUS_MIGRATIONS).map(Number)).toEqual([2, 3]);
    const [toV2, toV3] = [STATUS_MIGRATIONS[2], STATUS_MIGRATIONS[3]];
    if (!toV2 || !toV3) throw new Error('no migration');
    const migrate = (old: unknown) => toV3(toV2(old));
    const snapshot = snapshotWith({ name: 'Elevated errors on claude.ai', components: [claudeAi] });
    const v1 = {
      snapshot,
      health: { ...EMPTY_HEALTH, validators: { source: 'primary', etag: '"v1"', lastModified: null } },
    };
    const v3 = statusStateSchema.parse(migrate(v1));
    expect(v3.snapshot).toEqual(snapshot);
    expect(v3.health.validators).toEqual([]);
    // Garbage becomes a clean state, never a crash.
    for (const garbage of [null, 'x', {}, { health: null }])
      expect(statusStateSchema.parse(migrate(garbage))).toEqual({ snapshot: null, health: EMPTY_HEALTH });
  });
});
