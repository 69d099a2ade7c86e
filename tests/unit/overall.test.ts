/**
 * The one verdict of core/verdict/overall.ts that the badge, its tooltip and the popup's header show: the
 * user's own claude.ai screen counts as much as the status page, the status page only for the
 * services the user cares about, and alternatives show only when they help.
 */
import { describe, expect, it } from 'vitest';
import type { WorkSurface } from '../../core/advice/alternatives';
import { EMPTY_DISMISSALS } from '../../core/banner/dismissals';
import { EMPTY_FAILURE_LOG, type FailureLog, type Outcome, recordOutcome } from '../../core/claude-page/fault';
import type { PageSignalKind } from '../../core/claude-page/page-facts';
import {
  CAPACITY_BANNER_MS,
  INCOMPLETE_BANNER_MS,
  MODEL_UNAVAILABLE_BANNER_MS,
} from '../../core/claude-page/signal-timing';
import { type ModelName, parseModelLabel } from '../../core/models/claude-models';
import { applyOutcome, DEFAULT_INTERVAL_MS, STALE_AFTER_INTERVALS } from '../../core/polling/health';
import { DEFAULT_SETTINGS } from '../../core/settings/settings';
import { SERVICE_IDS } from '../../core/status-page/services';
import { EMPTY_STATUS, type StatusState } from '../../core/status-page/status-model';
import { MINUTE_MS as MIN } from '../../core/time/time';
import { badgeFor, badgeStyle } from '../../core/verdict/badge';
import { caredSnapshot } from '../../core/verdict/cared';
import { type OverallContext, overallFor, PAGE_ONLY } from '../../core/verdict/overall';
import { siteView } from '../../core/verdict/site-view';
import { type IncidentVariant, incidentVariant, loadSnapshot, type SummaryFixture } from './fixtures';

const T0 = Date.UTC(2026, 10, 20, 14, 0, 0);
const I = DEFAULT_INTERVAL_MS;

function statusOf(name: SummaryFixture, atMs = T0): StatusState {
  return applyOutcome(
    EMPTY_STATUS,
    { kind: 'success', source: 'primary', snapshot: loadSnapshot(name), validators: null },
    atMs,
    0.5,
  );
}

function failures(events: [number, Outcome][]): FailureLog {
  return events.reduce(
    (log, [at, outcome]) => recordOutcome(log, { at, kind: 'completion', outcome }),
    EMPTY_FAILURE_LOG,
  );
}

interface Case {
  status: SummaryFixture;
  /** claude.ai page signals, each seen `ago` ms before now. */
  seen?: { kind: PageSignalKind; ago: number } | { kind: PageSignalKind; ago: number }[];
  failed?: [number, Outcome][];
  online?: boolean;
  settings?: Partial<typeof DEFAULT_SETTINGS>;
  /** Minutes since the last successful check. */
  checkedAgoMin?: number;
}

function context(c: Case): OverallContext {
  return {
    signals: {
      detections: [c.seen ?? []]
        .flat()
        .map(({ kind, ago }) => ({ at: new Date(T0 - ago).toISOString(), site: 'claude-ai' as const, kind })),
    },
    failures: c.failed ? failures(c.failed) : EMPTY_FAILURE_LOG,
    settings: { ...DEFAULT_SETTINGS, ...c.settings },
    online: c.online ?? true,
  };
}

const run = (c: Case) => overallFor(statusOf(c.status, T0 - (c.checkedAgoMin ?? 0) * MIN), T0, I, context(c));

describe('overallFor: the status page and the user’s own screen, one verdict', () => {
  // [what, case, kind, the surfaces where somewhere else to work helps]
  it.each<[string, Case, string, WorkSurface[]]>([
    ['a healthy day', { status: 'healthy' }, 'operational', []],
    [
      'capacity error now, the page green',
      { status: 'healthy', seen: { kind: 'capacity', ago: MIN } },
      'capacity',
      ['claude-ai'],
    ],
    [
      'capacity error past its window',
      { status: 'healthy', seen: { kind: 'capacity', ago: CAPACITY_BANNER_MS + 1 } },
      'operational',
      [],
    ],
    [
      'capacity error, detection off',
      { status: 'healthy', seen: { kind: 'capacity', ago: MIN }, settings: { capacityDetection: false } },
      'operational',
      [],
    ],
    [
      'capacity error beside a degraded Cowork: the screen wins the tie',
      { status: 'cowork-only', seen: { kind: 'capacity', ago: MIN } },
      'capacity',
      ['claude-ai'],
    ],
    [
      'capacity error beside a partial outage: the page is worse',
      { status: 'claude-ai-partial', seen: { kind: 'capacity', ago: MIN } },
      'partial_outage',
      ['claude-ai'],
    ],
    [
      'the outage screen, the page green',
      { status: 'healthy', seen: { kind: 'outage-screen', ago: MIN } },
      'outage-screen',
      ['claude-ai'],
    ],
    [
      'the outage screen during a major outage',
      { status: 'major-outage', seen: { kind: 'outage-screen', ago: MIN } },
      'major_outage',
      ['claude-ai', 'platform', 'code'],
    ],
    // Issue #26's kinds, as their banners tell them: a model unavailable is claude.ai's own signal,
    // like capacity, with another model as the advice (no alternatives); a reply cut off offers them.
    [
      'a model unavailable now, the page green: the advice is another model',
      { status: 'healthy', seen: { kind: 'model-unavailable', ago: MIN } },
      'model-unavailable',
      [],
    ],
    [
      'a model unavailable past its window',
      { status: 'healthy', seen: { kind: 'model-unavailable', ago: MODEL_UNAVAILABLE_BANNER_MS + 1 } },
      'operational',
      [],
    ],
    [
      'a model unavailable beside a degraded Cowork: the screen wins the tie',
      { status: 'cowork-only', seen: { kind: 'model-unavailable', ago: MIN } },
      'model-unavailable',
      [],
    ],
    [
      'a model unavailable during a claude.ai partial outage: the page is worse, and its alternatives stay',
      { status: 'claude-ai-partial', seen: { kind: 'model-unavailable', ago: MIN } },
      'partial_outage',
      ['claude-ai'],
    ],
    [
      'a reply cut off now, the page green',
      { status: 'healthy', seen: { kind: 'incomplete', ago: MIN } },
      'incomplete',
      ['claude-ai'],
    ],
    [
      'a reply cut off past its window',
      { status: 'healthy', seen: { kind: 'incomplete', ago: INCOMPLETE_BANNER_MS + 1 } },
      'operational',
      [],
    ],
    [
      'a reply cut off, detection off',
      { status: 'healthy', seen: { kind: 'incomplete', ago: MIN }, settings: { capacityDetection: false } },
      'operational',
      [],
    ],
    [
      'a reply cut off beside a partial outage: the page is worse',
      { status: 'claude-ai-partial', seen: { kind: 'incomplete', ago: MIN } },
      'partial_outage',
      ['claude-ai'],
    ],
    [
      'a reply cut off and a model unavailable: the model first, as the banner ranks them',
      {
        status: 'healthy',
        seen: [
          { kind: 'incomplete', ago: MIN },
          { kind: 'model-unavailable', ago: 2 * MIN },
        ],
      },
      'model-unavailable',
      [],
    ],
    [
      'a capacity error and a model unavailable: capacity first, as the banner ranks them',
      {
        status: 'healthy',
        seen: [
          { kind: 'model-unavailable', ago: MIN },
          { kind: 'capacity', ago: 2 * MIN },
        ],
      },
      'capacity',
      ['claude-ai'],
    ],
    [
      'a reply cut off beside two failed replies: the reply, as the banner shows it',
      {
        status: 'healthy',
        seen: { kind: 'incomplete', ago: MIN },
        failed: [
          [T0 - 30_000, 'server-error'],
          [T0 - 10_000, 'server-error'],
        ],
      },
      'incomplete',
      ['claude-ai'],
    ],
    [
      'the retry notice alone is no verdict',
      { status: 'healthy', seen: { kind: 'retry', ago: MIN } },
      'operational',
      [],
    ],
    [
      'two failed replies, the page green',
      {
        status: 'healthy',
        failed: [
          [T0 - 30_000, 'server-error'],
          [T0 - 10_000, 'server-error'],
        ],
      },
      'failing',
      ['claude-ai'],
    ],
    [
      'two failed replies, request signal off',
      {
        status: 'healthy',
        failed: [
          [T0 - 30_000, 'server-error'],
          [T0 - 10_000, 'server-error'],
        ],
        settings: { requestSignal: false },
      },
      'operational',
      [],
    ],
    [
      'connection errors while offline: local, no alternatives',
      {
        status: 'healthy',
        failed: [
          [T0 - 30_000, 'network-error'],
          [T0 - 10_000, 'network-error'],
        ],
        online: false,
      },
      'connection',
      [],
    ],
    [
      'capacity error while the data is stale: the screen still speaks',
      {
        status: 'claude-ai-partial',
        seen: { kind: 'capacity', ago: MIN },
        checkedAgoMin: STALE_AFTER_INTERVALS * 5 + 1,
      },
      'capacity',
      ['claude-ai'],
    ],
    [
      'stale data, nothing on screen: the last known trouble still points elsewhere',
      { status: 'claude-ai-partial', checkedAgoMin: STALE_AFTER_INTERVALS * 5 + 1 },
      'stale',
      ['claude-ai'],
    ],
    ['claude.ai in partial outage', { status: 'claude-ai-partial' }, 'partial_outage', ['claude-ai']],
    ['a Cowork-only incident: nothing to use instead', { status: 'cowork-only' }, 'degraded', []],
    ['Console maintenance: nothing to use instead', { status: 'maintenance' }, 'maintenance', []],
    // Issue #27, item 9: what the platform.claude.com banner offers, never "instead of claude.ai".
    [
      'an API-only outage while claude.ai is fine: platform.claude.com only',
      { status: 'api-outage' },
      'major_outage',
      ['platform'],
    ],
    [
      'Cowork muted: its incident leaves the badge',
      { status: 'cowork-only', settings: { mutedServices: [SERVICE_IDS.cowork] } },
      'operational',
      [],
    ],
    [
      'claude.ai muted: its incident leaves the badge, the local signal does not',
      {
        status: 'claude-ai-partial',
        seen: { kind: 'capacity', ago: MIN },
        settings: { mutedServices: [SERVICE_IDS.claudeAi] },
      },
      'capacity',
      ['claude-ai'],
    ],
  ])('%s', (_what, c, kind, surfaces) => {
    const view = run(c);
    expect(view.kind).toBe(kind);
    expect(view.surfaces).toEqual(surfaces);
    expect(view.alternatives).toBe(surfaces.length > 0);
  });

  it('a capacity error on a green page gives a badge of its own, with its own colour', () => {
    const badge = badgeFor(
      statusOf('healthy'),
      T0,
      I,
      context({ status: 'healthy', seen: { kind: 'capacity', ago: MIN } }),
    );
    expect(badge.text).toBe('CAP');
    expect(badge.color).toBe(badgeStyle('capacity').color);
    expect(badge.local).toBe('capacity');
  });

  it('names the services in trouble and those that work', () => {
    const view = run({ status: 'claude-ai-partial' });
    expect(view.affected).toEqual(['claude.ai']);
    expect(view.working).toEqual(['Claude API (api.anthropic.com)', 'Claude Code']);
    expect(run({ status: 'healthy' }).working).toEqual([]);
  });
});

describe('caredSnapshot', () => {
  it('nothing muted: the snapshot itself', () => {
    const snapshot = loadSnapshot('major-outage');
    expect(caredSnapshot(snapshot, [])).toBe(snapshot);
  });

  it('drops muted services and the incidents that name only them; the severity follows', () => {
    const snapshot = caredSnapshot(loadSnapshot('cowork-only'), [SERVICE_IDS.cowork]);
    expect(snapshot.services.map((s) => s.id)).not.toContain(SERVICE_IDS.cowork);
    expect(snapshot.incidents).toEqual([]);
    expect(snapshot.severity).toBe('operational');
  });

  it('keeps an incident that also names a cared-about service', () => {
    const full = loadSnapshot('major-outage');
    const snapshot = caredSnapshot(full, [SERVICE_IDS.cowork]);
    expect(snapshot.incidents.map((i) => i.id)).toEqual(full.incidents.map((i) => i.id));
    expect(snapshot.severity).toBe('major_outage');
  });
});

/** claude.ai's status and page as the banner and the badge are given them, both at T0. */
function bothAt(c: Case & { lastSuccessAt?: number }) {
  const status = statusOf(c.status, c.lastSuccessAt ?? T0);
  const ctx = context(c);
  const overall = overallFor(status, T0, I, ctx);
  const view = siteView({
    siteId: 'claude-ai',
    status,
    signals: ctx.signals,
    dismissals: EMPTY_DISMISSALS,
    failures: ctx.failures,
    now: T0,
    intervalMs: I,
    online: ctx.online,
    settings: { ...DEFAULT_SETTINGS, ...c.settings },
  });
  return { overall, banner: view.banner, badge: badgeFor(status, T0, I, ctx) };
}

describe('issue #27, item 4: the badge’s verdict and the banner read the same present inputs', () => {
  // [what, case, verdict kind, badge text, banner kind (null: none)]
  it.each<[string, Case & { lastSuccessAt?: number }, string, string, string | null]>([
    [
      'a capacity error a minute ago',
      { status: 'healthy', seen: { kind: 'capacity', ago: MIN } },
      'capacity',
      'CAP',
      'capacity',
    ],
    [
      'a model unavailable a minute ago',
      { status: 'healthy', seen: { kind: 'model-unavailable', ago: MIN } },
      'model-unavailable',
      'MOD',
      'model-unavailable',
    ],
    [
      'a reply cut off a minute ago',
      { status: 'healthy', seen: { kind: 'incomplete', ago: MIN } },
      'incomplete',
      'CUT',
      'incomplete',
    ],
    [
      'a reply cut off beside a partial outage: the incident on both',
      { status: 'claude-ai-partial', seen: { kind: 'incomplete', ago: MIN } },
      'partial_outage',
      '!!',
      'incident',
    ],
    [
      'a reply cut off and a model unavailable: the model on both',
      {
        status: 'healthy',
        seen: [
          { kind: 'incomplete', ago: MIN },
          { kind: 'model-unavailable', ago: 2 * MIN },
        ],
      },
      'model-unavailable',
      'MOD',
      'model-unavailable',
    ],
    [
      'a model unavailable stamped 5 min ahead of the clock',
      { status: 'healthy', seen: { kind: 'model-unavailable', ago: -5 * MIN } },
      'operational',
      '',
      null,
    ],
    [
      'a capacity error stamped 5 min ahead of the clock',
      { status: 'healthy', seen: { kind: 'capacity', ago: -5 * MIN } },
      'operational',
      '',
      null,
    ],
    [
      'the outage screen stamped an hour ahead',
      { status: 'healthy', seen: { kind: 'outage-screen', ago: -60 * MIN } },
      'operational',
      '',
      null,
    ],
    [
      'failed replies stamped ahead of the clock',
      {
        status: 'healthy',
        failed: [
          [T0 + 10 * MIN, 'server-error'],
          [T0 + 11 * MIN, 'server-error'],
        ],
      },
      'operational',
      '',
      null,
    ],
    [
      'two failed replies just now (the control)',
      {
        status: 'healthy',
        failed: [
          [T0 - 30_000, 'server-error'],
          [T0 - 10_000, 'server-error'],
        ],
      },
      'failing',
      'ERR',
      'failing',
    ],
    [
      'a last check stamped ahead of the clock counts as now, not as stale',
      { status: 'claude-ai-partial', lastSuccessAt: T0 + 60 * MIN },
      'partial_outage',
      '!!',
      'incident',
    ],
  ])('%s', (_what, c, kind, text, bannerKind) => {
    const { overall, banner, badge } = bothAt(c);
    expect(overall.kind).toBe(kind);
    expect(badge.text).toBe(text);
    expect(banner?.kind ?? null).toBe(bannerKind);
    // Never a time ahead of the clock on any surface.
    expect(Date.parse(overall.lastSuccessAt ?? '')).toBeLessThanOrEqual(T0);
  });
});

describe('issue #27, item 2: an unknown status keeps what was known last, and never says what works', () => {
  it('stale after a claude.ai incident: the last known severity, nothing working', () => {
    const view = run({ status: 'claude-ai-partial', checkedAgoMin: STALE_AFTER_INTERVALS * 5 + 1 });
    expect(view.kind).toBe('stale');
    expect(view.lastKnown).toBe('partial_outage');
    expect(view.affected).toEqual(['claude.ai']);
    expect(view.working).toEqual([]);
  });

  it('fresh: no "last known", and what works is named', () => {
    const view = run({ status: 'claude-ai-partial' });
    expect(view.lastKnown).toBeNull();
    expect(view.working).toEqual(['Claude API (api.anthropic.com)', 'Claude Code']);
  });

  it('stale on a healthy day: the last known is operational, still unknown now', () => {
    const view = run({ status: 'healthy', checkedAgoMin: STALE_AFTER_INTERVALS * 5 + 1 });
    expect(view.kind).toBe('stale');
    expect(view.lastKnown).toBe('operational');
  });

  it('never fetched: unknown, nothing known', () => {
    const view = overallFor(EMPTY_STATUS, T0, I);
    expect(view.kind).toBe('stale');
    expect(view.lastKnown).toBeNull();
  });
});

describe('issue #27, item 3: services the user does not care about are named, never counted', () => {
  it('the API and the Console muted during an API outage: operational for the badge, their trouble named', () => {
    const view = run({ status: 'api-outage', settings: { mutedServices: [SERVICE_IDS.api, SERVICE_IDS.console] } });
    expect(view.kind).toBe('operational');
    expect(view.surfaces).toEqual([]);
    expect(view.mutedTrouble).toEqual(['Claude Console (platform.claude.com)', 'Claude API (api.anthropic.com)']);
  });

  it('muted but healthy: nothing named', () => {
    expect(run({ status: 'claude-ai-partial', settings: { mutedServices: [SERVICE_IDS.api] } }).mutedTrouble).toEqual(
      [],
    );
  });
});

describe('issue #27, items 1 and 5: the popup’s alternatives follow the banner’s model advice', () => {
  const { claudeAi, console: consoleId, api, code, cowork } = SERVICE_IDS;
  const OPUS = parseModelLabel('Opus 4.6');
  const SONNET = parseModelLabel('Sonnet 4.6');
  const statusWith = (variant: IncidentVariant): StatusState =>
    applyOutcome(
      EMPTY_STATUS,
      { kind: 'success', source: 'primary', snapshot: incidentVariant(variant), validators: null },
      T0,
      0.5,
    );
  const surfaces = (variant: IncidentVariant, currentModel: ModelName | null) =>
    overallFor(statusWith(variant), T0, I, { ...PAGE_ONLY, currentModel }).surfaces;

  // [what, incident as the page posts it, the model claude.ai shows, surfaces]
  it.each<[string, IncidentVariant, ModelName | null, WorkSurface[]]>([
    [
      'Opus 4.6 named, claude.ai degraded with it, the page on Sonnet 4.6: no alternatives (the banner is informational)',
      { name: 'Elevated errors on Claude Opus 4.6', components: [claudeAi] },
      SONNET,
      [],
    ],
    [
      'the same on Opus 4.6: claude.ai’s alternatives, as its alert offers',
      { name: 'Elevated errors on Claude Opus 4.6', components: [claudeAi] },
      OPUS,
      ['claude-ai'],
    ],
    [
      'the same, the model in use unknown: claude.ai’s alternatives, as its alert offers',
      { name: 'Elevated errors on Claude Opus 4.6', components: [claudeAi] },
      null,
      ['claude-ai'],
    ],
    [
      'April 2026, impact none, five services listed, on Opus 4.6: informational everywhere, no alternatives',
      {
        name: 'Elevated errors on Opus 4.6',
        impact: 'none',
        components: [claudeAi, consoleId, api, code, cowork],
        state: 'operational',
      },
      OPUS,
      [],
    ],
    [
      'impact none naming Opus 4.6 while its components show degraded: still informational',
      { name: 'Elevated errors on Opus 4.6', impact: 'none', components: [claudeAi, api] },
      SONNET,
      [],
    ],
    [
      'Opus 4.6 named on claude.ai and the API, impact minor, on Sonnet 4.6: platform.claude.com’s alert still offers them',
      { name: 'Elevated errors on Claude Opus 4.6', impact: 'minor', components: [claudeAi, api] },
      SONNET,
      ['platform'],
    ],
    [
      'no model named: claude.ai’s alternatives whatever the model',
      { name: 'Elevated errors on claude.ai', components: [claudeAi] },
      SONNET,
      ['claude-ai'],
    ],
  ])('%s', (_what, variant, model, expected) => {
    expect(surfaces(variant, model)).toEqual(expected);
  });
});
