/**
 * The one verdict of core/verdict/overall.ts that the badge, its tooltip and the popup's header show: the
 * user's own claude.ai screen counts as much as the status page, the status page only for the
 * services the user cares about, and alternatives show only when they help.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_FAILURE_LOG, type FailureLog, type Outcome, recordOutcome } from '../../core/claude-page/fault';
import type { PageSignalKind } from '../../core/claude-page/page-facts';
import { CAPACITY_BANNER_MS } from '../../core/claude-page/signal-timing';
import { applyOutcome, DEFAULT_INTERVAL_MS, STALE_AFTER_INTERVALS } from '../../core/polling/health';
import { DEFAULT_SETTINGS } from '../../core/settings/settings';
import { SERVICE_IDS } from '../../core/status-page/services';
import { EMPTY_STATUS, type StatusState } from '../../core/status-page/status-model';
import { MINUTE_MS as MIN } from '../../core/time/time';
import { badgeFor, badgeStyle } from '../../core/verdict/badge';
import { caredSnapshot } from '../../core/verdict/cared';
import { type OverallContext, overallFor } from '../../core/verdict/overall';
import { loadSnapshot, type SummaryFixture } from './fixtures';

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
  /** A claude.ai page signal seen `ago` ms before now. */
  seen?: { kind: PageSignalKind; ago: number };
  failed?: [number, Outcome][];
  online?: boolean;
  settings?: Partial<typeof DEFAULT_SETTINGS>;
  /** Minutes since the last successful check. */
  checkedAgoMin?: number;
}

function context(c: Case): OverallContext {
  return {
    signals: {
      detections: c.seen ? [{ at: new Date(T0 - c.seen.ago).toISOString(), site: 'claude-ai', kind: c.seen.kind }] : [],
    },
    failures: c.failed ? failures(c.failed) : EMPTY_FAILURE_LOG,
    settings: { ...DEFAULT_SETTINGS, ...c.settings },
    online: c.online ?? true,
  };
}

const run = (c: Case) => overallFor(statusOf(c.status, T0 - (c.checkedAgoMin ?? 0) * MIN), T0, I, context(c));

describe('overallFor: the status page and the user’s own screen, one verdict', () => {
  // [what, case, kind, alternatives help]
  it.each<[string, Case, string, boolean]>([
    ['a healthy day', { status: 'healthy' }, 'operational', false],
    [
      'capacity error now, the page green',
      { status: 'healthy', seen: { kind: 'capacity', ago: MIN } },
      'capacity',
      true,
    ],
    [
      'capacity error past its window',
      { status: 'healthy', seen: { kind: 'capacity', ago: CAPACITY_BANNER_MS + 1 } },
      'operational',
      false,
    ],
    [
      'capacity error, detection off',
      { status: 'healthy', seen: { kind: 'capacity', ago: MIN }, settings: { capacityDetection: false } },
      'operational',
      false,
    ],
    [
      'capacity error beside a degraded Cowork: the screen wins the tie',
      { status: 'cowork-only', seen: { kind: 'capacity', ago: MIN } },
      'capacity',
      true,
    ],
    [
      'capacity error beside a partial outage: the page is worse',
      { status: 'claude-ai-partial', seen: { kind: 'capacity', ago: MIN } },
      'partial_outage',
      true,
    ],
    [
      'the outage screen, the page green',
      { status: 'healthy', seen: { kind: 'outage-screen', ago: MIN } },
      'outage-screen',
      true,
    ],
    [
      'the outage screen during a major outage',
      { status: 'major-outage', seen: { kind: 'outage-screen', ago: MIN } },
      'major_outage',
      true,
    ],
    [
      'the retry notice alone is no verdict',
      { status: 'healthy', seen: { kind: 'retry', ago: MIN } },
      'operational',
      false,
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
      true,
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
      false,
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
      false,
    ],
    [
      'capacity error while the data is stale: the screen still speaks',
      {
        status: 'claude-ai-partial',
        seen: { kind: 'capacity', ago: MIN },
        checkedAgoMin: STALE_AFTER_INTERVALS * 5 + 1,
      },
      'capacity',
      true,
    ],
    [
      'stale data, nothing on screen: the last known trouble still points elsewhere',
      { status: 'claude-ai-partial', checkedAgoMin: STALE_AFTER_INTERVALS * 5 + 1 },
      'stale',
      true,
    ],
    ['claude.ai in partial outage', { status: 'claude-ai-partial' }, 'partial_outage', true],
    ['a Cowork-only incident: nothing to use instead', { status: 'cowork-only' }, 'degraded', false],
    ['Console maintenance: nothing to use instead', { status: 'maintenance' }, 'maintenance', false],
    ['an API-only outage while claude.ai is fine', { status: 'api-outage' }, 'major_outage', false],
    [
      'Cowork muted: its incident leaves the badge',
      { status: 'cowork-only', settings: { mutedServices: [SERVICE_IDS.cowork] } },
      'operational',
      false,
    ],
    [
      'claude.ai muted: its incident leaves the badge, the local signal does not',
      {
        status: 'claude-ai-partial',
        seen: { kind: 'capacity', ago: MIN },
        settings: { mutedServices: [SERVICE_IDS.claudeAi] },
      },
      'capacity',
      true,
    ],
  ])('%s', (_what, c, kind, alternatives) => {
    const view = run(c);
    expect(view.kind).toBe(kind);
    expect(view.alternatives).toBe(alternatives);
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
