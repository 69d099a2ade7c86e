/**
 * assess(): site x status fixture x local signals -> banner or none, and which alternatives.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../core/banner/banner-decision';
import { EMPTY_DISMISSALS, withDismissedIncidents } from '../../core/banner/dismissals';
import { EMPTY_SIGNALS } from '../../core/claude-page/detections';
import { EMPTY_FAILURE_LOG, type FaultVerdict } from '../../core/claude-page/fault';
import {
  CAPACITY_BANNER_MS,
  INCOMPLETE_BANNER_MS,
  MODEL_UNAVAILABLE_BANNER_MS,
  OUTAGE_SCREEN_BANNER_MS,
  RETRY_BANNER_MS,
} from '../../core/claude-page/signal-timing';
import { parseModelLabel } from '../../core/models/claude-models';
import { DEFAULT_SETTINGS } from '../../core/settings/settings';
import { type SiteId, siteById } from '../../core/sites/sites';
import { SERVICE_IDS } from '../../core/status-page/services';
import { EMPTY_HEALTH } from '../../core/status-page/status-model';
import { siteView } from '../../core/verdict/site-view';
import { loadSnapshot, type SummaryFixture } from './fixtures';

const NOW = Date.parse('2026-11-20T14:00:00Z');
const NONE: FaultVerdict = { kind: 'none' };

function decide(site: SiteId, fixture: SummaryFixture | null, extra: Partial<Parameters<typeof assess>[0]> = {}) {
  return assess({
    site: siteById(site),
    snapshot: fixture ? loadSnapshot(fixture) : null,
    stale: false,
    capacitySeenAt: null,
    dismissals: EMPTY_DISMISSALS,
    now: NOW,
    fault: NONE,
    ...extra,
  });
}

describe('assess: status page only', () => {
  it.each([
    // site, fixture, banner kind (null: no banner), role
    ['claude-ai', 'healthy', null, null],
    ['claude-ai', 'added-component', null, null],
    ['claude-ai', 'claude-ai-partial', 'incident', 'alert'],
    ['claude-ai', 'major-outage', 'incident', 'alert'],
    ['claude-ai', 'many-models', 'incident', 'alert'],
    ['claude-ai', 'cowork-only', null, null],
    ['claude-ai', 'api-outage', null, null],
    ['claude-ai', 'maintenance', null, null],
    ['platform', 'healthy', null, null],
    ['platform', 'claude-ai-partial', null, null],
    ['platform', 'api-outage', 'incident', 'alert'],
    ['platform', 'maintenance', 'maintenance', 'status'],
    ['platform', 'cowork-only', null, null],
  ] as const)('%s with %s -> %s', (site, fixture, kind, role) => {
    const banner = decide(site, fixture);
    expect(banner?.kind ?? null).toBe(kind);
    expect(banner?.role ?? null).toBe(role);
  });

  it('names the worst incident of the site and links to it', () => {
    const banner = decide('claude-ai', 'claude-ai-partial');
    expect(banner?.incident?.name).toBe('Elevated errors on claude.ai');
    expect(banner?.url).toMatch(/^https:\/\/stspg\.io\//);
    expect(banner?.latestUpdate?.body.length).toBeGreaterThan(0);
  });

  it('offers what still works: API down -> no Workbench, no API-key apps; Bedrock and Vertex stay', () => {
    const ids = decide('claude-ai', 'major-outage')?.alternatives.map((a) => a.id);
    expect(ids).toEqual(['bedrock', 'vertex', 'openrouter']);
  });

  it('offers the Workbench first when only claude.ai is down', () => {
    expect(decide('claude-ai', 'claude-ai-partial')?.alternatives.map((a) => a.id)).toEqual([
      'workbench',
      'bedrock',
      'vertex',
    ]);
  });

  it('never sends someone on platform.claude.com to the Workbench', () => {
    const ids = decide('platform', 'api-outage')?.alternatives.map((a) => a.id) ?? [];
    expect(ids).not.toContain('workbench');
    expect(ids.length).toBeGreaterThan(0);
  });
});

describe('assess: dismissals', () => {
  it('a dismissed incident stays away until it gets worse', () => {
    const first = decide('claude-ai', 'claude-ai-partial');
    if (first?.dismiss.kind !== 'incidents') throw new Error('expected an incident banner');
    const dismissed = withDismissedIncidents(EMPTY_DISMISSALS, first.dismiss.entries, NOW);
    expect(decide('claude-ai', 'claude-ai-partial', { dismissals: dismissed })).toBeNull();
    const worse = loadSnapshot('claude-ai-partial');
    const incident = worse.incidents[0];
    if (!incident) throw new Error('fixture without incident');
    incident.severity = 'major_outage';
    expect(decide('claude-ai', null, { snapshot: worse, dismissals: dismissed })?.kind).toBe('incident');
  });

  it('a new incident shows although another was dismissed', () => {
    const first = decide('claude-ai', 'claude-ai-partial');
    if (first?.dismiss.kind !== 'incidents') throw new Error('expected an incident banner');
    const dismissed = withDismissedIncidents(EMPTY_DISMISSALS, first.dismiss.entries, NOW);
    expect(decide('claude-ai', 'major-outage', { dismissals: dismissed })?.kind).toBe('incident');
  });
});

describe('assess: capacity errors seen on the page', () => {
  it.each([
    ['seen just now on a healthy day', 'healthy', 0, 'capacity'],
    ['seen 14 minutes ago', 'healthy', 14 * 60_000, 'capacity'],
    ['seen longer ago than the banner lasts', 'healthy', CAPACITY_BANNER_MS + 1, null],
    ['seen during a Cowork-only incident', 'cowork-only', 0, 'capacity'],
    ['seen during a major claude.ai outage: the incident wins', 'major-outage', 0, 'incident'],
  ] as const)('%s -> %s', (_name, fixture, ago, kind) => {
    expect(decide('claude-ai', fixture, { capacitySeenAt: NOW - ago })?.kind ?? null).toBe(kind);
  });

  it('is never raised on platform.claude.com', () => {
    expect(decide('platform', 'healthy', { capacitySeenAt: NOW })).toBeNull();
  });

  it('a dismissed capacity banner stays away 30 minutes unless the error appears again after that', () => {
    const dismissals = { ...EMPTY_DISMISSALS, capacityDismissedAt: new Date(NOW - 10 * 60_000).toISOString() };
    expect(decide('claude-ai', 'healthy', { capacitySeenAt: NOW - 60_000, dismissals })).toBeNull();
    const later = { ...EMPTY_DISMISSALS, capacityDismissedAt: new Date(NOW - 31 * 60_000).toISOString() };
    expect(decide('claude-ai', 'healthy', { capacitySeenAt: NOW, dismissals: later })?.kind).toBe('capacity');
  });
});

describe("assess: claude.ai's outage screen and retry notice", () => {
  const screen = (ago: number, code: string | null = null) => ({ outageScreen: { at: NOW - ago, code } });
  const retry = (ago: number) => ({ retrySeenAt: NOW - ago });

  it.each([
    // name, fixture, extra input, banner kind, role
    ['the outage screen on a green day: an alert', 'healthy', screen(0), 'outage-screen', 'alert'],
    ['the outage screen 14 minutes ago', 'healthy', screen(14 * 60_000), 'outage-screen', 'alert'],
    ['the outage screen longer ago than its banner lasts', 'healthy', screen(OUTAGE_SCREEN_BANNER_MS + 1), null, null],
    [
      'the outage screen during a major incident: the incident, with its name and link',
      'major-outage',
      screen(0),
      'incident',
      'alert',
    ],
    [
      'the outage screen beats the capacity banner',
      'healthy',
      { ...screen(0), capacitySeenAt: NOW },
      'outage-screen',
      'alert',
    ],
    ['the retry notice on a green day: informational', 'healthy', retry(0), 'retry', 'status'],
    ['the retry notice 6 minutes ago', 'healthy', retry(RETRY_BANNER_MS + 60_000), null, null],
    [
      'the retry notice with a capacity error: capacity',
      'healthy',
      { ...retry(0), capacitySeenAt: NOW },
      'capacity',
      'alert',
    ],
    ['the retry notice during an incident: the incident', 'claude-ai-partial', retry(0), 'incident', 'alert'],
  ] as const)('%s -> %s', (_name, fixture, extra, kind, role) => {
    const banner = decide('claude-ai', fixture, extra);
    expect(banner?.kind ?? null).toBe(kind);
    expect(banner?.role ?? null).toBe(role);
  });

  it('carries the error code the screen showed, and offers alternatives', () => {
    const banner = decide('claude-ai', 'healthy', screen(0, '1034YMZ'));
    expect(banner?.errorCode).toBe('1034YMZ');
    expect(banner?.alternatives.length).toBeGreaterThan(0);
    expect(decide('claude-ai', 'healthy', screen(0))?.errorCode).toBeUndefined();
  });

  it('is never raised on platform.claude.com', () => {
    expect(decide('platform', 'healthy', { ...screen(0), ...retry(0) })).toBeNull();
  });

  it('dismissed, it stays away until claude.ai shows the screen again', () => {
    const banner = decide('claude-ai', 'healthy', screen(60_000));
    if (banner?.dismiss.kind !== 'incidents') throw new Error('expected an incidents dismissal');
    const dismissals = withDismissedIncidents(EMPTY_DISMISSALS, banner.dismiss.entries, NOW);
    expect(decide('claude-ai', 'healthy', { ...screen(60_000), dismissals })).toBeNull();
    expect(decide('claude-ai', 'healthy', { ...screen(0), dismissals })?.kind).toBe('outage-screen');
  });

  it('site view: read from the stored detections, and the page is told when to look again', () => {
    const view = siteView({
      siteId: 'claude-ai',
      status: {
        snapshot: loadSnapshot('healthy'),
        health: { ...EMPTY_HEALTH, lastSuccessAt: new Date(NOW).toISOString() },
      },
      signals: {
        detections: [
          { at: new Date(NOW - 1000).toISOString(), site: 'claude-ai', kind: 'outage-screen', code: 'AB12' },
        ],
      },
      dismissals: EMPTY_DISMISSALS,
      failures: EMPTY_FAILURE_LOG,
      now: NOW,
      intervalMs: 60_000,
      online: true,
      settings: DEFAULT_SETTINGS,
    });
    expect(view.banner?.kind).toBe('outage-screen');
    expect(view.banner?.errorCode).toBe('AB12');
    expect(view.recheckAt).toBe(NOW - 1000 + OUTAGE_SCREEN_BANNER_MS);
  });
});

describe("assess: a reply cut off, a model unavailable (claude.ai's own screen, 2026)", () => {
  const cut = (ago: number) => ({ incompleteSeenAt: NOW - ago });
  const unavailable = (ago: number) => ({ modelUnavailableSeenAt: NOW - ago });

  it.each([
    // name, fixture, extra input, banner kind, role
    ['a reply cut off on a green day: an alert', 'healthy', cut(0), 'incomplete', 'alert'],
    ['a reply cut off longer ago than its banner lasts', 'healthy', cut(INCOMPLETE_BANNER_MS + 1), null, null],
    ['a model unavailable on a green day: an alert', 'healthy', unavailable(0), 'model-unavailable', 'alert'],
    [
      'a model unavailable longer ago than its banner lasts',
      'healthy',
      unavailable(MODEL_UNAVAILABLE_BANNER_MS + 1),
      null,
      null,
    ],
    ['a capacity error beats a reply cut off', 'healthy', { ...cut(0), capacitySeenAt: NOW }, 'capacity', 'alert'],
    [
      'the outage screen beats a model unavailable',
      'healthy',
      { ...unavailable(0), outageScreen: { at: NOW, code: null } },
      'outage-screen',
      'alert',
    ],
    ['a major incident beats both', 'major-outage', { ...cut(0), ...unavailable(0) }, 'incident', 'alert'],
  ] as const)('%s -> %s', (_name, fixture, extra, kind, role) => {
    const banner = decide('claude-ai', fixture, extra);
    expect(banner?.kind ?? null).toBe(kind);
    expect(banner?.role ?? null).toBe(role);
  });

  it('a reply cut off offers the alternatives; a model unavailable offers another model instead', () => {
    expect(decide('claude-ai', 'healthy', cut(0))?.alternatives.length).toBeGreaterThan(0);
    const banner = decide('claude-ai', 'healthy', {
      ...unavailable(0),
      currentModel: parseModelLabel('Opus 4.8 High'),
    });
    expect(banner?.alternatives).toEqual([]);
    expect(banner?.models?.current?.label).toBe('Opus 4.8');
    expect(banner?.models?.switchTo?.label).toBe('Sonnet 4.6');
    // Without the model in use, no advice of models: the words say "another model".
    expect(decide('claude-ai', 'healthy', unavailable(0))?.models).toBeNull();
  });

  it('is never raised on platform.claude.com', () => {
    expect(decide('platform', 'healthy', { ...cut(0), ...unavailable(0) })).toBeNull();
  });

  it('site view: read from the stored detections; a model unavailable asks the page for its model', () => {
    const view = siteView({
      siteId: 'claude-ai',
      status: {
        snapshot: loadSnapshot('healthy'),
        health: { ...EMPTY_HEALTH, lastSuccessAt: new Date(NOW).toISOString() },
      },
      signals: {
        detections: [{ at: new Date(NOW - 1000).toISOString(), site: 'claude-ai', kind: 'model-unavailable' }],
      },
      dismissals: EMPTY_DISMISSALS,
      failures: EMPTY_FAILURE_LOG,
      now: NOW,
      intervalMs: 60_000,
      online: true,
      settings: DEFAULT_SETTINGS,
    });
    expect(view.banner?.kind).toBe('model-unavailable');
    expect(view.needsModel).toBe(true);
    expect(view.recheckAt).toBe(NOW - 1000 + MODEL_UNAVAILABLE_BANNER_MS);
  });
});

describe('assess: models named by incidents', () => {
  const opusIncident = () => {
    const snapshot = loadSnapshot('claude-ai-partial');
    const incident = snapshot.incidents[0];
    if (!incident) throw new Error('fixture without incident');
    incident.name = 'Elevated errors on Claude Opus 4.6';
    incident.updates = [];
    // The model is named, claude.ai itself is not down.
    snapshot.services = snapshot.services.map((s) => ({ ...s, state: 'operational' }));
    incident.serviceIds = [snapshot.services[0]?.id ?? ''];
    return snapshot;
  };

  it('on the affected model: alert, and switch to a model the incident does not name', () => {
    const banner = decide('claude-ai', null, { snapshot: opusIncident(), currentModel: parseModelLabel('Opus 4.6') });
    expect(banner?.role).toBe('alert');
    expect(banner?.models?.affected.map((m) => m.label)).toEqual(['Opus 4.6']);
    expect(banner?.models?.switchTo?.label).toBe('Sonnet 4.6');
  });

  it('on another model: the quieter informational style', () => {
    const banner = decide('claude-ai', null, { snapshot: opusIncident(), currentModel: parseModelLabel('Sonnet 4.6') });
    expect(banner?.role).toBe('status');
    expect(banner?.models?.currentAffected).toBe(false);
  });

  it('"many models" and nothing narrower: no model advice', () => {
    const snapshot = opusIncident();
    const incident = snapshot.incidents[0];
    if (!incident) throw new Error('fixture without incident');
    incident.name = 'Elevated errors across many models';
    const banner = decide('claude-ai', null, { snapshot, currentModel: parseModelLabel('Opus 4.6') });
    expect(banner?.kind).toBe('incident');
    expect(banner?.role).toBe('alert');
    expect(banner?.models).toBeNull();
  });

  it('an update that narrows "many models" to three wins over the title', () => {
    const banner = decide('claude-ai', 'many-models', { currentModel: parseModelLabel('Sonnet 4.5') });
    expect(banner?.models?.affected.map((m) => m.label)).toEqual(['Sonnet 4.0', 'Sonnet 4.5', 'Opus 4.5']);
    expect(banner?.models?.currentAffected).toBe(true);
    expect(banner?.role).toBe('alert');
  });
});

describe('assess: claude.ai failing for this user', () => {
  it.each([
    [
      'claude failing, status healthy',
      { kind: 'claude', since: NOW - 60_000, confidence: 'likely', failures: 2 },
      'failing',
      'alert',
      true,
    ],
    ['connection', { kind: 'connection', since: NOW - 60_000 }, 'connection', 'status', false],
    ['unknown', { kind: 'unknown', failures: 1 }, null, null, false],
    [
      'capacity alone (no failures) is the capacity banner, not this',
      { kind: 'claude', since: NOW, confidence: 'likely', failures: 0 },
      null,
      null,
      false,
    ],
  ] as const)('%s -> %s', (_name, fault, kind, role, alternatives) => {
    const banner = decide('claude-ai', 'healthy', { fault: fault as FaultVerdict });
    expect(banner?.kind ?? null).toBe(kind);
    expect(banner?.role ?? null).toBe(role);
    expect((banner?.alternatives.length ?? 0) > 0).toBe(alternatives);
  });

  it('when the API is down too, only alternatives that do not need it', () => {
    const banner = decide('claude-ai', 'api-outage', {
      fault: { kind: 'claude', since: NOW - 60_000, confidence: 'likely', failures: 3 },
    });
    expect(banner?.kind).toBe('failing');
    expect(banner?.alternatives.map((a) => a.id)).toEqual(['bedrock', 'vertex', 'openrouter']);
  });
});

describe('siteView', () => {
  it('combines status, signals and failures, and says when to look again', () => {
    const view = siteView({
      siteId: 'claude-ai',
      status: {
        snapshot: loadSnapshot('healthy'),
        health: { ...EMPTY_HEALTH, lastSuccessAt: new Date(NOW).toISOString() },
      },
      signals: { detections: [{ at: new Date(NOW - 1000).toISOString(), site: 'claude-ai', kind: 'capacity' }] },
      dismissals: EMPTY_DISMISSALS,
      failures: EMPTY_FAILURE_LOG,
      now: NOW,
      intervalMs: 60_000,
      online: true,
      settings: DEFAULT_SETTINGS,
    });
    expect(view.banner?.kind).toBe('capacity');
    expect(view.recheckAt).toBe(NOW - 1000 + CAPACITY_BANNER_MS);
  });

  it('no banner and no recheck on a healthy day', () => {
    const view = siteView({
      siteId: 'claude-ai',
      status: {
        snapshot: loadSnapshot('healthy'),
        health: { ...EMPTY_HEALTH, lastSuccessAt: new Date(NOW).toISOString() },
      },
      signals: EMPTY_SIGNALS,
      dismissals: EMPTY_DISMISSALS,
      failures: EMPTY_FAILURE_LOG,
      now: NOW,
      intervalMs: 60_000,
      online: true,
      settings: DEFAULT_SETTINGS,
    });
    expect(view).toEqual({
      banner: null,
      lastSuccessAt: new Date(NOW).toISOString(),
      recheckAt: null,
      detectCapacity: true,
      needsModel: false,
      language: 'auto',
      theme: 'auto',
      watching: false,
    });
  });
});

describe('siteView with settings', () => {
  const base = () => ({
    siteId: 'claude-ai' as const,
    status: {
      snapshot: loadSnapshot('claude-ai-partial'),
      health: { ...EMPTY_HEALTH, lastSuccessAt: new Date(NOW).toISOString() },
    },
    signals: {
      detections: [{ at: new Date(NOW - 1000).toISOString(), site: 'claude-ai' as const, kind: 'capacity' as const }],
    },
    dismissals: EMPTY_DISMISSALS,
    failures: EMPTY_FAILURE_LOG,
    now: NOW,
    intervalMs: 60_000,
    online: true,
  });

  it('the banner turned off for the site: none, whatever happens', () => {
    const view = siteView({ ...base(), settings: { ...DEFAULT_SETTINGS, banner: { 'claude-ai': false } } });
    expect(view.banner).toBeNull();
  });

  it('capacity detection turned off: the page is told not to look, and past detections are ignored', () => {
    const healthy = { ...base(), status: { ...base().status, snapshot: loadSnapshot('healthy') } };
    const view = siteView({ ...healthy, settings: { ...DEFAULT_SETTINGS, capacityDetection: false } });
    expect(view.detectCapacity).toBe(false);
    expect(view.banner).toBeNull();
  });

  it('asks the page for its model only when the banner names models', () => {
    const named = loadSnapshot('many-models');
    const withModels = { ...base(), status: { ...base().status, snapshot: named }, signals: EMPTY_SIGNALS };
    expect(siteView({ ...withModels, settings: DEFAULT_SETTINGS }).needsModel).toBe(true);
    // An incident that names no model, and a banner turned off: the model does not matter.
    expect(siteView({ ...base(), signals: EMPTY_SIGNALS, settings: DEFAULT_SETTINGS }).needsModel).toBe(false);
    const off = { ...DEFAULT_SETTINGS, banner: { 'claude-ai': false } };
    expect(siteView({ ...withModels, settings: off }).needsModel).toBe(false);
  });

  it('the request signal turned off: failed requests raise nothing', () => {
    const healthy = {
      ...base(),
      status: { ...base().status, snapshot: loadSnapshot('healthy') },
      signals: EMPTY_SIGNALS,
    };
    const failures = {
      minutes: [
        { minute: Math.floor(NOW / 60_000), completionFailures: 3, otherFailures: 0, networkErrors: 0, successes: 0 },
      ],
      lastCompletionSuccessAt: null,
      firstFailureAt: NOW - 30_000,
      lastFailureAt: NOW - 10_000,
      lastBlockedAt: null,
    };
    expect(siteView({ ...healthy, failures, settings: DEFAULT_SETTINGS }).banner?.kind).toBe('failing');
    expect(
      siteView({ ...healthy, failures, settings: { ...DEFAULT_SETTINGS, requestSignal: false } }).banner,
    ).toBeNull();
  });
});

describe('assess: services I care about, and alternatives only where they help', () => {
  it.each([
    // site, fixture, muted, banner kind (null: none)
    ['claude-ai', 'claude-ai-partial', [], 'incident'],
    ['claude-ai', 'claude-ai-partial', [SERVICE_IDS.claudeAi], null],
    ['claude-ai', 'major-outage', [SERVICE_IDS.cowork], 'incident'],
    ['platform', 'maintenance', [SERVICE_IDS.console], null],
    ['platform', 'api-outage', [SERVICE_IDS.console], 'incident'],
    ['platform', 'api-outage', [SERVICE_IDS.console, SERVICE_IDS.api], null],
  ] as const)('%s with %s, muted %j -> %s', (site, fixture, muted, kind) => {
    expect(decide(site, fixture, { mutedServices: muted })?.kind ?? null).toBe(kind);
  });

  it('a muted service still keeps the alternatives that depend on it away', () => {
    const banner = decide('claude-ai', 'major-outage', { mutedServices: [SERVICE_IDS.api] });
    expect(banner?.kind).toBe('incident');
    expect(banner?.alternatives.map((a) => a.id)).not.toContain('workbench');
  });

  it.each([
    ['retry notice', { retrySeenAt: NOW - 60_000 }],
    ['local connection', { fault: { kind: 'connection', since: NOW - 60_000 } as FaultVerdict }],
  ] as const)('an informational banner (%s) carries no alternatives', (_what, extra) => {
    const banner = decide('claude-ai', 'healthy', extra);
    expect(banner?.role).toBe('status');
    expect(banner?.alternatives).toEqual([]);
  });

  it('a model incident that spares the model in use: informational, no alternatives', () => {
    const snapshot = loadSnapshot('claude-ai-partial');
    const incident = snapshot.incidents[0];
    if (!incident) throw new Error('fixture has an incident');
    const named = {
      ...snapshot,
      services: snapshot.services.map((s) => ({ ...s, state: 'operational' as const })),
      incidents: [{ ...incident, name: 'Elevated errors on Claude Opus 4.6', models: undefined, reach: undefined }],
    };
    const banner = assess({
      site: siteById('claude-ai'),
      snapshot: named,
      stale: false,
      capacitySeenAt: null,
      dismissals: EMPTY_DISMISSALS,
      now: NOW,
      fault: NONE,
      currentModel: parseModelLabel('Sonnet 4.6'),
    });
    expect(banner?.role).toBe('status');
    expect(banner?.alternatives).toEqual([]);
  });

  it('a component down without an incident links to the status page', () => {
    const snapshot = loadSnapshot('claude-ai-partial');
    const banner = assess({
      site: siteById('claude-ai'),
      snapshot: { ...snapshot, incidents: [] },
      stale: false,
      capacitySeenAt: null,
      dismissals: EMPTY_DISMISSALS,
      now: NOW,
      fault: NONE,
    });
    expect(banner?.kind).toBe('outage');
    expect(banner?.url).toBe('https://status.claude.com');
  });
});

describe('siteView: services I care about reach the banner', () => {
  it('claude.ai muted: no banner for its incident on claude.ai', () => {
    const input = {
      siteId: 'claude-ai' as const,
      status: {
        snapshot: loadSnapshot('claude-ai-partial'),
        health: { ...EMPTY_HEALTH, lastSuccessAt: new Date(NOW).toISOString() },
      },
      signals: EMPTY_SIGNALS,
      dismissals: EMPTY_DISMISSALS,
      failures: EMPTY_FAILURE_LOG,
      now: NOW,
      intervalMs: 60_000,
      online: true,
    };
    expect(siteView({ ...input, settings: DEFAULT_SETTINGS }).banner?.kind).toBe('incident');
    const muted = { ...DEFAULT_SETTINGS, mutedServices: [SERVICE_IDS.claudeAi] };
    expect(siteView({ ...input, settings: muted }).banner).toBeNull();
  });
});
