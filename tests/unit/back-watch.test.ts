/**
 * stepBackWatch(): each way claude.ai comes back, what is not "back" yet, and the 12-hour expiry.
 */
import { describe, expect, it } from 'vitest';
import {
  BACK_NOTE_MS,
  BACK_WATCH_MS,
  type BackInput,
  type BackWatch,
  backNoteUntil,
  CAPACITY_QUIET_MS,
  COMPLETION_GRACE_MS,
  cancelWatch,
  EMPTY_BACK_WATCH,
  startWatch,
  stepBackWatch,
  type WatchReason,
  watchOffered,
  withCompletionOk,
} from '../../core/back-watch/back-watch';
import { EMPTY_DISMISSALS, withDismissedIncidents } from '../../core/banner/dismissals';
import { EMPTY_SIGNALS, withDetection } from '../../core/claude-page/detections';
import { EMPTY_FAILURE_LOG } from '../../core/claude-page/fault';
import { DEFAULT_SETTINGS } from '../../core/settings/settings';
import { siteById } from '../../core/sites/sites';
import { SERVICE_IDS } from '../../core/status-page/services';
import { EMPTY_HEALTH } from '../../core/status-page/status-model';
import { MINUTE_MS as MIN } from '../../core/time/time';
import type { LocalKind } from '../../core/verdict/overall';
import { siteView } from '../../core/verdict/site-view';
import { loadSnapshot, type SummaryFixture } from './fixtures';

const START = Date.parse('2026-11-20T14:00:00Z');
const CLAUDE_AI = siteById('claude-ai').serviceIds;

function input(fixture: SummaryFixture | null, extra: Partial<BackInput> = {}): BackInput {
  return {
    snapshot: fixture ? loadSnapshot(fixture) : null,
    serviceIds: CLAUDE_AI,
    lastCapacityAt: null,
    lastPageErrorAt: null,
    ...extra,
  };
}

const watching = (reason: WatchReason): BackWatch => startWatch(EMPTY_BACK_WATCH, reason, START);

/** Steps the watch through `steps` (minutes after START, status fixture, extra input). */
function run(state: BackWatch, steps: [number, SummaryFixture | null, Partial<BackInput>?][]) {
  const events: string[] = [];
  let current = state;
  for (const [minutes, fixture, extra] of steps) {
    const step = stepBackWatch(current, input(fixture, extra), START + minutes * MIN);
    current = step.state;
    events.push(step.event ?? '-');
  }
  return { state: current, events };
}

describe('stepBackWatch: the ways of coming back', () => {
  it.each([
    // name, reason, steps, events
    [
      'the incident is resolved and the claude.ai component operational',
      'outage',
      [
        [1, 'claude-ai-partial'],
        [2, 'claude-ai-partial'],
        [3, 'healthy'],
      ],
      ['-', '-', 'back'],
    ],
    [
      'a major outage ends',
      'outage',
      [
        [1, 'major-outage'],
        [30, 'healthy'],
      ],
      ['-', 'back'],
    ],
    [
      'capacity: ten minutes without a new capacity error while the status page is green',
      'capacity',
      [
        [5, 'healthy', { lastCapacityAt: START }],
        [CAPACITY_QUIET_MS / MIN, 'healthy', { lastCapacityAt: START }],
      ],
      ['-', 'back'],
    ],
    [
      'capacity: a new error restarts the ten minutes',
      'capacity',
      [
        [8, 'healthy', { lastCapacityAt: START + 6 * MIN }],
        [12, 'healthy', { lastCapacityAt: START + 6 * MIN }],
        [16, 'healthy', { lastCapacityAt: START + 6 * MIN }],
      ],
      ['-', '-', 'back'],
    ],
    [
      'capacity: not while the status page shows claude.ai in trouble, then back when it is resolved',
      'capacity',
      [
        [20, 'claude-ai-partial', { lastCapacityAt: START }],
        [25, 'healthy', { lastCapacityAt: START }],
      ],
      ['-', 'back'],
    ],
  ] as [string, WatchReason, [number, SummaryFixture | null, Partial<BackInput>?][], string[]][])(
    '%s',
    (_name, reason, steps, events) => {
      const result = run(watching(reason), steps);
      expect(result.events).toEqual(events);
      expect(result.state.watch).toBeNull();
      expect(result.state.backAt).not.toBeNull();
    },
  );

  it('a completion that succeeds, once claude.ai has shown no error for a while', () => {
    const ok = withCompletionOk(watching('outage'), START + 2 * MIN);
    const early = stepBackWatch(ok, input('claude-ai-partial'), START + 2 * MIN + COMPLETION_GRACE_MS - 1);
    expect(early.event).toBeNull();
    const later = stepBackWatch(early.state, input('claude-ai-partial'), START + 2 * MIN + COMPLETION_GRACE_MS);
    expect(later.event).toBe('back');
    expect(later.state).toEqual({ watch: null, backAt: new Date(START + 2 * MIN + COMPLETION_GRACE_MS).toISOString() });
  });
});

describe('stepBackWatch: not back yet', () => {
  it.each([
    ['the status page was green from the start (outage screen): green alone proves nothing', 'outage', 'healthy', {}],
    ['the incident is still listed', 'outage', 'claude-ai-partial', {}],
    ['no status data at all', 'capacity', null, {}],
    ['capacity: under ten minutes since the last error', 'capacity', 'healthy', { lastCapacityAt: START + 60 * MIN }],
  ] as [string, WatchReason, SummaryFixture | null, Partial<BackInput>][])('%s', (_name, reason, fixture, extra) => {
    const step = stepBackWatch(watching(reason), input(fixture, extra), START + 61 * MIN);
    expect(step.event).toBeNull();
    expect(step.state.watch).not.toBeNull();
  });

  it('a completion followed by claude.ai showing an error again is not back', () => {
    const ok = withCompletionOk(watching('capacity'), START + 2 * MIN);
    const step = stepBackWatch(ok, input(null, { lastPageErrorAt: START + 2 * MIN + 5_000 }), START + 5 * MIN);
    expect(step.event).toBeNull();
  });

  it('a completion from before the watch started does not count', () => {
    expect(withCompletionOk(watching('outage'), START - 1)).toEqual(watching('outage'));
    expect(withCompletionOk(EMPTY_BACK_WATCH, START)).toBe(EMPTY_BACK_WATCH);
  });
});

describe('stepBackWatch: the end of a watch', () => {
  it('expires after 12 hours, announcing nothing', () => {
    const just = stepBackWatch(watching('outage'), input('major-outage'), START + BACK_WATCH_MS - 1);
    expect(just.event).toBeNull();
    const step = stepBackWatch(just.state, input('major-outage'), START + BACK_WATCH_MS);
    expect(step).toEqual({ state: { watch: null, backAt: null }, event: 'expired' });
  });

  it('a cancelled watch announces nothing, whatever happens next', () => {
    const cancelled = cancelWatch(run(watching('outage'), [[1, 'claude-ai-partial']]).state);
    expect(cancelled.watch).toBeNull();
    expect(run(cancelled, [[5, 'healthy']]).events).toEqual(['-']);
  });

  it('asking again while a watch is on keeps its start', () => {
    const first = watching('capacity');
    expect(startWatch(first, 'outage', START + 5 * MIN)).toBe(first);
  });

  it('an unchanged step returns the same state, so the caller can skip the write', () => {
    const seen = run(watching('outage'), [[1, 'claude-ai-partial']]).state;
    expect(stepBackWatch(seen, input('claude-ai-partial'), START + 2 * MIN).state).toBe(seen);
  });
});

describe('backNoteUntil', () => {
  const backAt = new Date(START).toISOString();
  it.each([
    [START - 1, null],
    [START, START + BACK_NOTE_MS],
    [START + BACK_NOTE_MS - 1, START + BACK_NOTE_MS],
    [START + BACK_NOTE_MS, null],
  ])('at %i: %s', (now, until) => {
    expect(backNoteUntil({ watch: null, backAt }, now)).toBe(until);
  });
});

describe('siteView with a watch', () => {
  const base = {
    siteId: 'claude-ai' as const,
    status: { snapshot: loadSnapshot('healthy'), health: EMPTY_HEALTH },
    signals: EMPTY_SIGNALS,
    dismissals: EMPTY_DISMISSALS,
    failures: EMPTY_FAILURE_LOG,
    intervalMs: 60_000,
    online: true,
    settings: DEFAULT_SETTINGS,
  };
  const capacityAt = START - 2 * MIN;
  const signals = withDetection(EMPTY_SIGNALS, { site: 'claude-ai', kind: 'capacity' }, capacityAt);

  it('says the watch is on, so the banner shows it instead of offering it', () => {
    const view = siteView({ ...base, signals, now: START, backWatch: watching('capacity') });
    expect(view.banner?.kind).toBe('capacity');
    expect(view.watching).toBe(true);
  });

  it('shows the "back" note for its time, asks again when it ends, then shows nothing', () => {
    const backWatch = { watch: null, backAt: new Date(START).toISOString() };
    const during = siteView({ ...base, signals, now: START + 1_000, backWatch });
    expect(during.banner?.kind).toBe('back');
    expect(during.banner?.role).toBe('status');
    expect(during.recheckAt).toBe(START + BACK_NOTE_MS);
    // The capacity error from before claude.ai came back no longer raises its banner.
    const after = siteView({ ...base, signals, now: START + BACK_NOTE_MS, backWatch });
    expect(after.banner).toBeNull();
  });

  it('a dismissed "back" note stays away; platform.claude.com never shows it', () => {
    const backAt = new Date(START).toISOString();
    const backWatch = { watch: null, backAt };
    const dismissals = withDismissedIncidents(EMPTY_DISMISSALS, { [`back:${backAt}`]: 'operational' }, START);
    expect(siteView({ ...base, dismissals, now: START + 1_000, backWatch }).banner).toBeNull();
    expect(siteView({ ...base, siteId: 'platform', now: START + 1_000, backWatch }).banner).toBeNull();
  });
});

describe('watchOffered(): the popup offers "Tell me when it\'s back" while the verdict has claude.ai in trouble', () => {
  const cases: {
    name: string;
    local: LocalKind | null;
    fixture: SummaryFixture | null;
    muted?: string[];
    offered: boolean;
  }[] = [
    { name: 'all green, nothing on screen', local: null, fixture: 'healthy', offered: false },
    { name: 'no status yet, nothing on screen', local: null, fixture: null, offered: false },
    { name: 'a capacity error on screen, page green', local: 'capacity', fixture: 'healthy', offered: true },
    { name: 'the outage screen', local: 'outage-screen', fixture: null, offered: true },
    { name: "claude.ai's own requests failing", local: 'failing', fixture: 'healthy', offered: true },
    { name: "only the user's connection", local: 'connection', fixture: 'healthy', offered: false },
    // Issue #26's kinds: claude.ai answers, so neither banner offers the watch, nor does the popup.
    { name: 'a reply cut off, page green', local: 'incomplete', fixture: 'healthy', offered: false },
    { name: 'a model unavailable, page green', local: 'model-unavailable', fixture: 'healthy', offered: false },
    {
      name: 'a reply cut off while the status page shows claude.ai in trouble',
      local: 'incomplete',
      fixture: 'claude-ai-partial',
      offered: true,
    },
    { name: 'the status page shows claude.ai in trouble', local: null, fixture: 'claude-ai-partial', offered: true },
    {
      name: 'claude.ai in trouble but muted by the user',
      local: null,
      fixture: 'claude-ai-partial',
      muted: [SERVICE_IDS.claudeAi],
      offered: false,
    },
    { name: 'only the API in trouble', local: null, fixture: 'api-outage', offered: false },
    { name: 'only Cowork in trouble', local: null, fixture: 'cowork-only', offered: false },
  ];
  it.each(cases)('$name: $offered', ({ local, fixture, muted = [], offered }) => {
    expect(watchOffered(local, fixture ? loadSnapshot(fixture) : null, muted)).toBe(offered);
  });
});
