import { describe, expect, it } from 'vitest';
import {
  assessFault,
  blockedLocally,
  type ConnectivityHints,
  EMPTY_FAILURE_LOG,
  FAULT_THRESHOLDS,
  type FailureLog,
  type FaultVerdict,
  failuresInLast,
  migrateFailuresV1toV2,
  type Outcome,
  outcomeOf,
  type RequestKind,
  recordOutcome,
  requestKindOf,
} from '../../core/claude-page/fault';

/** A whole minute, so that the bucket boundaries in the tables fall on round numbers of seconds. */
const T0 = Date.UTC(2026, 9, 1, 12, 0, 0);
const at = (seconds: number): number => T0 + seconds * 1000;

const C: RequestKind = 'completion';
const O: RequestKind = 'other';
/** [seconds after T0, kind, HTTP status or 'net' for a connection-level error] */
type Step = [number, RequestKind, number | 'net'];

const ONLINE: ConnectivityHints = { online: true, otherSitesFailing: false };
const OFFLINE: ConnectivityHints = { online: false, otherSitesFailing: false };
const OTHERS_FAILING: ConnectivityHints = { online: true, otherSitesFailing: true };

function logOf(steps: Step[]): FailureLog {
  return steps.reduce(
    (log, [seconds, kind, status]) =>
      recordOutcome(log, {
        at: at(seconds),
        kind,
        outcome: status === 'net' ? outcomeOf(null, true) : outcomeOf(status, false),
      }),
    EMPTY_FAILURE_LOG,
  );
}

/** "me" is the user's connection; the rest name the verdict, its confidence and failure count. */
function summary(v: FaultVerdict): string {
  switch (v.kind) {
    case 'none':
      return 'none';
    case 'connection':
      return 'me';
    case 'unknown':
      return `unknown (${v.failures})`;
    case 'claude':
      return `claude ${v.confidence} (${v.failures})`;
  }
}

describe('requestKindOf', () => {
  const conv =
    'https://claude.ai/api/organizations/1b4e28ba-2fa1-11d2-883f-0016d3cca427/chat_conversations/6fa459ea-ee8a-3ca4-894e-db77e160355e';
  it.each([
    [`${conv}/completion`, 'completion'],
    [`${conv}/retry_completion`, 'completion'],
    [`${conv}/completion?rendering_mode=messages`, 'completion'],
    [`${conv}/completion/`, 'completion'],
    [`${conv}/completion/stream`, 'completion'],
    ['https://claude.ai/api/append_message/completion', 'completion'],
    [`${conv}/completion_status`, 'other'],
    [conv, 'other'],
    ['https://claude.ai/api/organizations', 'other'],
    ['https://claude.ai/api/bootstrap', 'other'],
    ['https://CLAUDE.AI:443/api/organizations', 'other'],
    ['https://example.com/api/x', null],
    ['https://claude.ai/chat/x', null],
    ['https://claude.ai/api', null],
    ['http://claude.ai/api/organizations', null],
    ['https://claude.ai:8443/api/organizations', null],
    ['https://www.claude.ai/api/organizations', null],
    ['https://claude.ai.example.com/api/x/completion', null],
    ['https://claude.ai@example.com/api/x/completion', null],
    ['not a url', null],
    ['', null],
  ] as const)('%s -> %s', (url, kind) => {
    expect(requestKindOf(url)).toBe(kind);
  });
});

describe('outcomeOf', () => {
  it.each([
    [200, false, 'ok'],
    [204, false, 'ok'],
    [304, false, 'ok'],
    [401, false, 'ok'],
    [404, false, 'ok'],
    [429, false, 'ok'],
    [500, false, 'server-error'],
    [502, false, 'server-error'],
    [503, false, 'server-error'],
    [529, false, 'server-error'],
    [599, false, 'server-error'],
    [null, true, 'network-error'],
    [200, true, 'network-error'],
    [null, false, 'network-error'],
    [0, false, 'network-error'],
    [600, false, 'network-error'],
    [Number.NaN, false, 'network-error'],
  ] as const)('status %s, network error %s -> %s', (status, networkError, outcome) => {
    expect(outcomeOf(status, networkError)).toBe(outcome);
  });
});

describe("blockedLocally: the user's network or region turned away, not Claude failing", () => {
  it.each<[string, Parameters<typeof blockedLocally>[0], boolean]>([
    ['403 with cf-mitigated: challenge', { statusCode: 403, cfMitigated: 'challenge' }, true],
    ['the header value in other casing and spacing', { statusCode: 403, cfMitigated: ' Challenge ' }, true],
    ['403 without the header (a refused action, the server answered on purpose)', { statusCode: 403 }, false],
    ['403 with another cf-mitigated value', { statusCode: 403, cfMitigated: 'block' }, false],
    ['200 after a passed challenge, header still set', { statusCode: 200, cfMitigated: 'challenge' }, false],
    ["429: the usage limit, the user's own", { statusCode: 429 }, false],
    ['529 overloaded: Claude, not the user', { statusCode: 529 }, false],
    ['a redirect to the region-unavailable page', { redirectUrl: 'https://claude.ai/app-unavailable-in-region' }, true],
    [
      'the same page with a query string',
      { redirectUrl: 'https://www.anthropic.com/app-unavailable-in-region?from=claude.ai' },
      true,
    ],
    ['a redirect to the login page', { redirectUrl: 'https://claude.ai/login?returnTo=%2Fnew' }, false],
    ['a path that only starts the same', { redirectUrl: 'https://claude.ai/app-unavailable-in-region-faq' }, false],
    ['the words in a query, not the path', { redirectUrl: 'https://claude.ai/new?q=app-unavailable-in-region' }, false],
    ['a redirect target that is not a URL', { redirectUrl: 'not a url' }, false],
    ['nothing', {}, false],
  ])('%s -> %s', (_label, answer, expected) => {
    expect(blockedLocally(answer)).toBe(expected);
  });
});

describe("the 'local' outcome: the looks-local note, never 'Claude is failing'", () => {
  const blockedAt = (log: FailureLog, seconds: number) =>
    recordOutcome(log, { at: at(seconds), kind: O, outcome: 'local' satisfies Outcome });

  it.each<[string, FailureLog, ConnectivityHints, number | null, number, string]>([
    ['a challenge just now', blockedAt(EMPTY_FAILURE_LOG, 0), ONLINE, null, 5, 'me'],
    ['a challenge 4 minutes ago', blockedAt(EMPTY_FAILURE_LOG, 0), ONLINE, null, 240, 'me'],
    ['a challenge 5 minutes ago: over', blockedAt(EMPTY_FAILURE_LOG, 0), ONLINE, null, 300, 'none'],
    [
      'a challenge, then a reply streamed',
      recordOutcome(blockedAt(EMPTY_FAILURE_LOG, 0), { at: at(30), kind: C, outcome: 'ok' }),
      ONLINE,
      null,
      40,
      'none',
    ],
    [
      'a challenge beats two 529s: nothing works until the network passes',
      blockedAt(
        logOf([
          [0, C, 529],
          [10, C, 529],
        ]),
        20,
      ),
      ONLINE,
      null,
      25,
      'me',
    ],
    ['a challenge beats the capacity text', blockedAt(EMPTY_FAILURE_LOG, 10), ONLINE, 5, 15, 'me'],
    [
      '429s only (usage limit): nothing at all',
      logOf([
        [0, C, 429],
        [10, C, 429],
        [20, C, 429],
      ]),
      ONLINE,
      null,
      25,
      'none',
    ],
  ])('%s -> %s', (_label, log, hints, capacitySeconds, nowSeconds, expected) => {
    const verdict = assessFault(log, hints, capacitySeconds === null ? null : at(capacitySeconds), at(nowSeconds));
    expect(summary(verdict)).toBe(expected);
    if (expected === 'me') expect(verdict).toMatchObject({ blocked: true });
  });

  it('a challenge started after a completion success', () => {
    const log = blockedAt(logOf([[0, C, 200]]), 10);
    expect(assessFault(log, ONLINE, null, at(20))).toEqual({ kind: 'connection', since: at(10), blocked: true });
  });

  it('is not counted as a failure', () => {
    const log = blockedAt(blockedAt(EMPTY_FAILURE_LOG, 0), 10);
    expect(failuresInLast(log, 600_000, at(20))).toBe(0);
    expect(log.lastBlockedAt).toBe(at(10));
    expect(log.minutes).toEqual([]);
  });
});

describe('stored failures: version 1 -> 2', () => {
  it.each<[string, unknown, FailureLog]>([
    [
      'a v1 log gains lastBlockedAt: null',
      { minutes: [], lastCompletionSuccessAt: 5, firstFailureAt: null, lastFailureAt: null },
      { minutes: [], lastCompletionSuccessAt: 5, firstFailureAt: null, lastFailureAt: null, lastBlockedAt: null },
    ],
    ['garbage becomes the empty log', 'garbage', EMPTY_FAILURE_LOG],
    ['null becomes the empty log', null, EMPTY_FAILURE_LOG],
    [
      'a v2 log passes through untouched',
      { ...EMPTY_FAILURE_LOG, lastBlockedAt: 7 },
      { ...EMPTY_FAILURE_LOG, lastBlockedAt: 7 },
    ],
  ])('%s', (_label, old, expected) => {
    expect(migrateFailuresV1toV2(old)).toEqual(expected);
  });
});

describe('FAULT_THRESHOLDS', () => {
  it('holds the figures the tables below are written for', () => {
    expect(FAULT_THRESHOLDS).toEqual({
      completionFailures: 2,
      windowMs: 120_000,
      quietMs: 300_000,
      capacityWindowMs: 300_000,
    });
  });
});

describe('assessFault', () => {
  it.each<[string, Step[], ConnectivityHints, number | null, number, string]>([
    // name, outcomes, hints, capacity text seen at (s), now (s), verdict
    ['nothing seen', [], ONLINE, null, 0, 'none'],
    [
      'successes only',
      [
        [0, C, 200],
        [10, O, 200],
      ],
      ONLINE,
      null,
      20,
      'none',
    ],
    [
      '4xx answers are not failures',
      [
        [0, C, 429],
        [10, C, 429],
      ],
      ONLINE,
      null,
      20,
      'none',
    ],
    ['one completion 529 is a blip', [[0, C, 529]], ONLINE, null, 10, 'unknown (1)'],
    [
      'two completion 529 within the window',
      [
        [0, C, 529],
        [40, C, 529],
      ],
      ONLINE,
      null,
      45,
      'claude likely (2)',
    ],
    [
      '500 then 529',
      [
        [0, C, 500],
        [30, C, 529],
      ],
      ONLINE,
      null,
      35,
      'claude likely (2)',
    ],
    [
      'two failures exactly 2 minutes apart',
      [
        [0, C, 529],
        [120, C, 529],
      ],
      ONLINE,
      null,
      121,
      'claude likely (2)',
    ],
    [
      'failures 3m20s apart, beyond the window',
      [
        [0, C, 529],
        [200, C, 529],
      ],
      ONLINE,
      null,
      201,
      'unknown (2)',
    ],
    [
      'three failures spread 3m20s apart',
      [
        [0, C, 529],
        [200, C, 529],
        [400, C, 529],
      ],
      ONLINE,
      null,
      401,
      'unknown (3)',
    ],
    [
      'completion success after the failures',
      [
        [0, C, 529],
        [30, C, 529],
        [60, C, 200],
      ],
      ONLINE,
      null,
      61,
      'none',
    ],
    [
      'other success does not clear',
      [
        [0, C, 529],
        [30, C, 529],
        [60, O, 200],
      ],
      ONLINE,
      null,
      61,
      'claude likely (2)',
    ],
    [
      'one failure after the success starts over',
      [
        [0, C, 529],
        [30, C, 529],
        [60, C, 200],
        [70, C, 529],
      ],
      ONLINE,
      null,
      71,
      'unknown (1)',
    ],
    [
      'raised banner holds between retries',
      [
        [0, C, 529],
        [30, C, 529],
      ],
      ONLINE,
      null,
      270,
      'claude likely (2)',
    ],
    [
      'just before the quiet period ends',
      [
        [0, C, 529],
        [30, C, 529],
      ],
      ONLINE,
      null,
      329,
      'claude likely (2)',
    ],
    [
      'quiet period clears',
      [
        [0, C, 529],
        [30, C, 529],
      ],
      ONLINE,
      null,
      330,
      'none',
    ],
    ['quiet period clears unknown too', [[0, O, 503]], ONLINE, null, 300, 'none'],
    ['capacity text + one completion failure', [[0, C, 529]], ONLINE, 5, 10, 'claude confirmed (1)'],
    [
      'capacity text + two completion failures',
      [
        [0, C, 529],
        [20, C, 529],
      ],
      ONLINE,
      25,
      30,
      'claude confirmed (2)',
    ],
    ['capacity text alone', [], ONLINE, 0, 60, 'claude likely (0)'],
    ['capacity text too old', [], ONLINE, 0, 301, 'none'],
    [
      'capacity text old, failures go on',
      [
        [290, C, 529],
        [300, C, 529],
      ],
      ONLINE,
      0,
      310,
      'claude likely (2)',
    ],
    ['completion success after the capacity text', [[30, C, 200]], ONLINE, 0, 40, 'none'],
    ['the 200 stream that carried the capacity text', [[1, C, 200]], ONLINE, 0, 5, 'claude likely (0)'],
    [
      'failures, then the capacity text in a 200 stream',
      [
        [0, C, 529],
        [30, C, 200],
      ],
      ONLINE,
      29,
      35,
      'claude confirmed (1)',
    ],
    ['capacity text + other 5xx only', [[0, O, 503]], ONLINE, 5, 10, 'claude likely (1)'],
    [
      'network errors while offline',
      [
        [0, C, 'net'],
        [20, C, 'net'],
      ],
      OFFLINE,
      null,
      25,
      'me',
    ],
    ['one network error while offline', [[0, O, 'net']], OFFLINE, null, 5, 'me'],
    [
      'network errors while other sites fail',
      [
        [0, C, 'net'],
        [20, O, 'net'],
      ],
      OTHERS_FAILING,
      null,
      25,
      'me',
    ],
    ['connection beats the capacity text', [[0, C, 'net']], OFFLINE, 5, 10, 'me'],
    [
      '5xx, then network errors while offline',
      [
        [0, C, 529],
        [30, C, 529],
        [130, C, 'net'],
      ],
      OFFLINE,
      null,
      135,
      'me',
    ],
    [
      '5xx while the browser says offline',
      [
        [0, C, 529],
        [30, C, 529],
      ],
      OFFLINE,
      null,
      35,
      'claude likely (2)',
    ],
    ['one network error online', [[0, C, 'net']], ONLINE, null, 5, 'unknown (1)'],
    [
      'two completion network errors online',
      [
        [0, C, 'net'],
        [20, C, 'net'],
      ],
      ONLINE,
      null,
      25,
      'claude likely (2)',
    ],
    [
      'network error + 529 online',
      [
        [0, C, 'net'],
        [20, C, 529],
      ],
      ONLINE,
      null,
      25,
      'claude likely (2)',
    ],
    [
      'network errors on other requests online',
      [
        [0, O, 'net'],
        [20, O, 'net'],
      ],
      ONLINE,
      null,
      25,
      'unknown (2)',
    ],
    [
      'old network errors judged by present hints',
      [
        [0, C, 'net'],
        [20, C, 'net'],
      ],
      ONLINE,
      null,
      200,
      'unknown (2)',
    ],
    [
      'non-completion 5xx only',
      [
        [0, O, 500],
        [10, O, 502],
        [20, O, 503],
        [30, O, 529],
      ],
      ONLINE,
      null,
      35,
      'unknown (4)',
    ],
    [
      'one completion + one other 5xx',
      [
        [0, C, 529],
        [10, O, 500],
      ],
      ONLINE,
      null,
      15,
      'unknown (2)',
    ],
  ])('%s', (_name, steps, hints, capacitySeconds, nowSeconds, expected) => {
    const verdict = assessFault(
      logOf(steps),
      hints,
      capacitySeconds === null ? null : at(capacitySeconds),
      at(nowSeconds),
    );
    expect(summary(verdict)).toBe(expected);
  });

  it.each<[string, Step[], ConnectivityHints, number | null, number, number]>([
    // name, outcomes, hints, capacity text seen at (s), now (s), since (s)
    [
      'claude: the first failure of the episode',
      [
        [0, O, 500],
        [60, C, 529],
        [70, C, 529],
      ],
      ONLINE,
      null,
      75,
      0,
    ],
    [
      'claude: not failures before a success',
      [
        [0, C, 529],
        [10, C, 200],
        [100, C, 529],
        [110, C, 529],
      ],
      ONLINE,
      null,
      115,
      100,
    ],
    ['claude: the capacity text when it came first', [[20, C, 529]], ONLINE, 5, 25, 5],
    [
      'claude: a new episode after a quiet period',
      [
        [0, C, 529],
        [400, C, 529],
        [410, C, 529],
      ],
      ONLINE,
      null,
      415,
      400,
    ],
    [
      'connection: the first minute with network errors',
      [
        [0, C, 529],
        [30, C, 529],
        [130, C, 'net'],
      ],
      OFFLINE,
      null,
      135,
      120,
    ],
    ['connection: the first failure when that was a network error', [[10, C, 'net']], OFFLINE, null, 15, 10],
  ])('since, %s', (_name, steps, hints, capacitySeconds, nowSeconds, sinceSeconds) => {
    const verdict = assessFault(
      logOf(steps),
      hints,
      capacitySeconds === null ? null : at(capacitySeconds),
      at(nowSeconds),
    );
    expect(verdict).toHaveProperty('since', at(sinceSeconds));
  });
});

describe('recordOutcome', () => {
  it('keeps counts per minute and nothing else', () => {
    const log = logOf([
      [0, C, 529],
      [10, O, 500],
      [20, C, 'net'],
      [30, O, 'net'],
      [40, C, 200],
      [70, O, 200],
    ]);
    expect(log).toEqual({
      minutes: [
        { minute: T0 / 60_000, completionFailures: 2, otherFailures: 2, networkErrors: 2, successes: 1 },
        { minute: T0 / 60_000 + 1, completionFailures: 0, otherFailures: 0, networkErrors: 0, successes: 1 },
      ],
      lastCompletionSuccessAt: at(40),
      firstFailureAt: at(0),
      lastFailureAt: at(30),
      lastBlockedAt: null,
    });
  });

  it('does not change the log it is given', () => {
    const before = logOf([[0, C, 529]]);
    const copy = structuredClone(before);
    recordOutcome(before, { at: at(10), kind: C, outcome: 'server-error' });
    recordOutcome(before, { at: at(100), kind: O, outcome: 'ok' });
    expect(before).toEqual(copy);
    expect(EMPTY_FAILURE_LOG).toEqual({
      minutes: [],
      lastCompletionSuccessAt: null,
      firstFailureAt: null,
      lastFailureAt: null,
      lastBlockedAt: null,
    });
  });

  it.each<[string, Step[], number[]]>([
    // name, outcomes, minutes kept (relative to T0)
    [
      '15 minutes old is kept',
      [
        [0, C, 529],
        [15 * 60, C, 529],
      ],
      [0, 15],
    ],
    [
      '16 minutes old is pruned',
      [
        [0, C, 529],
        [16 * 60, C, 529],
      ],
      [16],
    ],
    [
      'a success prunes too',
      [
        [0, C, 529],
        [60, O, 529],
        [17 * 60, O, 200],
      ],
      [17],
    ],
    [
      'a few seconds late across a minute boundary',
      [
        [61, C, 529],
        [59, C, 529],
      ],
      [0, 1],
    ],
    [
      'buckets from before the clock was set back an hour',
      [
        [3600, C, 529],
        [0, C, 529],
      ],
      [0],
    ],
  ])('pruning: %s', (_name, steps, minutes) => {
    expect(logOf(steps).minutes.map((b) => b.minute - T0 / 60_000)).toEqual(minutes);
  });

  it.each<[string, Step[], number | null, number | null]>([
    // name, outcomes, firstFailureAt (s), lastFailureAt (s)
    ['no failure', [[0, C, 200]], null, null],
    [
      'one episode',
      [
        [0, C, 529],
        [100, O, 500],
        [200, C, 'net'],
      ],
      0,
      200,
    ],
    [
      'a completion success starts a new episode',
      [
        [0, C, 529],
        [10, C, 200],
        [20, C, 529],
      ],
      20,
      20,
    ],
    [
      'an other success does not',
      [
        [0, C, 529],
        [10, O, 200],
        [20, C, 529],
      ],
      0,
      20,
    ],
    [
      'a quiet period starts a new episode',
      [
        [0, C, 529],
        [300, C, 529],
      ],
      300,
      300,
    ],
    [
      'just under the quiet period does not',
      [
        [0, C, 529],
        [299, C, 529],
      ],
      0,
      299,
    ],
    [
      'a late failure from before the success',
      [
        [0, C, 529],
        [20, C, 200],
        [15, C, 529],
      ],
      0,
      15,
    ],
  ])('episode: %s', (_name, steps, first, last) => {
    const log = logOf(steps);
    expect([log.firstFailureAt, log.lastFailureAt]).toEqual([
      first === null ? null : at(first),
      last === null ? null : at(last),
    ]);
  });

  it('ignores an event without a usable time', () => {
    const log = logOf([[0, C, 529]]);
    expect(recordOutcome(log, { at: Number.NaN, kind: C, outcome: 'server-error' })).toBe(log);
  });
});

describe('failuresInLast', () => {
  const log = logOf([
    [0, C, 529],
    [100, O, 'net'],
    [300, C, 200],
    [500, O, 502],
    [700, C, 529],
    [710, C, 'net'],
  ]);
  it.each<[string, number, number, number]>([
    // name, window (ms), now (s), failures
    ['last 10 minutes', 600_000, 710, 4],
    ['last 10 minutes, later', 600_000, 900, 3],
    ['last 5 minutes', 300_000, 710, 3],
    ['last minute', 60_000, 710, 2],
    ['a bucket overlapping the window by a second counts', 600_000, 719, 4],
    ['a bucket ending where the window starts does not', 600_000, 720, 3],
    ['not buckets after now', 600_000, 200, 2],
    ['all retained buckets', Number.POSITIVE_INFINITY, 710, 5],
    ['an empty window', 0, 710, 0],
  ])('%s', (_name, ms, nowSeconds, failures) => {
    expect(failuresInLast(log, ms, at(nowSeconds))).toBe(failures);
  });

  it('is 0 before anything was recorded', () => {
    expect(failuresInLast(EMPTY_FAILURE_LOG, 600_000, at(0))).toBe(0);
  });
});
