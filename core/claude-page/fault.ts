/**
 * "Is it me or Claude?". The background watches the outcome of claude.ai's own API
 * requests (status code or connection error, never bodies, never URLs) and this module turns those
 * outcomes, the browser's connectivity hints and the in-page capacity text into one verdict.
 *
 * Only per-minute counts are kept: enough to tell "several failures close together" from "one blip"
 * and to answer the popup's "failures seen in the last 10 minutes", and nothing that could say which
 * conversation a user had open. The price is minute resolution, noted where it matters below.
 *
 * Pure: every time is passed in, nothing reads the clock, the browser or the page.
 */
import * as z from 'zod/mini';
import { CLAUDE_AI_HOST } from '../sites/site-hosts';
import { MINUTE_MS } from '../time/time';

const API_PREFIX = '/api/';
/**
 * Buckets kept: the longest window anything reads is the popup's 10 minutes; 15 leaves room for a
 * longer popup window or a late re-assessment without keeping an hour of history.
 */
const RETENTION_MINUTES = 15;
/**
 * claude.ai can deliver the capacity error as an error event inside a 200 stream (docs/claude-page.md), so
 * the request that carried the capacity text completes "ok" within moments of the text appearing. A
 * completion success this close to the capacity text is taken to be that stream, not a recovery.
 * 10 s covers the page's detection delay and message passing either way round; a genuine retry
 * rarely completes this fast, because the user has to read the error, click, and the reply has to
 * stream before the request completes. Getting it wrong that way only leaves the banner up until the
 * next success or until the capacity window ends.
 */
const CAPACITY_STREAM_GRACE_MS = 10_000;

/**
 * Figures chosen for the verdict; the tests in tests/unit/fault.test.ts pin each of them.
 *
 * - completionFailures 2: one failed completion is a blip (claude.ai and users retry, and a single
 *   5xx from a healthy service happens); two on the kind of request that produces replies is what a
 *   user experiences as "it's broken". Three would need a third manual retry, which many users do
 *   not make before leaving, so the banner would come too late to help.
 * - windowMs 2 min: the time for a user to notice a failed reply and retry once or twice. Failures
 *   further apart than that are more likely independent blips than one outage. With minute buckets,
 *   two failures at most 2 minutes apart always count together, and up to 3 minutes apart may.
 * - quietMs 5 min: with no new failure for this long there is no fresh evidence, and a banner that
 *   outlives its evidence teaches users to ignore it; the status page (polled every minute) covers
 *   longer incidents. Kept below the popup's 10 minutes so that the popup still shows what happened.
 * - capacityWindowMs 5 min: the capacity text says "try again soon"; after as long as the quiet
 *   period it is no more evidence than an old failure, so both signals expire alike.
 */
export const FAULT_THRESHOLDS: {
  completionFailures: number;
  windowMs: number;
  quietMs: number;
  capacityWindowMs: number;
} = Object.freeze({
  completionFailures: 2,
  windowMs: 2 * MINUTE_MS,
  quietMs: 5 * MINUTE_MS,
  capacityWindowMs: 5 * MINUTE_MS,
});

export type RequestKind = 'completion' | 'other';

/** Segment-exact, so that a path such as `/completion_status` stays 'other'. */
const COMPLETION_TAIL = /\/(?:retry_)?completion\/?$/;
/** The per-conversation completion endpoint, also when the app appends a sub-path to it. */
const CONVERSATION_COMPLETION = /\/chat_conversations\/[^/]+\/(?:retry_)?completion(?:\/|$)/;

/**
 * Classify a claude.ai API URL without keeping it: completion-type = paths ending in /completion or
 * /retry_completion or containing /chat_conversations/<id>/completion (docs/claude-page.md: "a completion
 * endpoint per conversation"). null when the URL is not under https://claude.ai/api/.
 */
export function requestKindOf(url: string): RequestKind | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Exact host and default port: look-alike hosts and `https://claude.ai@other.host/` are not claude.ai.
  if (parsed.protocol !== 'https:' || parsed.hostname !== CLAUDE_AI_HOST || parsed.port !== '') return null;
  const path = parsed.pathname;
  if (!path.startsWith(API_PREFIX)) return null;
  return COMPLETION_TAIL.test(path) || CONVERSATION_COMPLETION.test(path) ? 'completion' : 'other';
}

/** 'local': the user's network or region was turned away (blockedLocally), not Claude failing. */
export type Outcome = 'ok' | 'server-error' /* 5xx incl 529 */ | 'network-error' | 'local';

/**
 * 5xx (529 "overloaded" included) is the server failing. 4xx is 'ok' for this purpose: the server
 * answered on purpose (a 429 is the user's usage limit, a 401 a lapsed login), so it is not Claude
 * being in trouble, and it shows the service is reachable. No valid status means no HTTP answer
 * arrived, which is a connection-level failure whatever the caller flagged.
 * Requests the user or the page cancelled (net::ERR_ABORTED, ERR_BLOCKED_BY_CLIENT) are not
 * failures of anything; the caller should not pass them as network errors.
 */
export function outcomeOf(statusCode: number | null, networkError: boolean): Outcome {
  if (networkError || statusCode === null || !Number.isInteger(statusCode)) return 'network-error';
  if (statusCode < 100 || statusCode > 599) return 'network-error';
  return statusCode >= 500 ? 'server-error' : 'ok';
}

/** The path of claude.ai's region-unavailable page (docs/claude-page.md). */
const REGION_UNAVAILABLE = /\/app-unavailable-in-region(?:[/?#]|$)/;

/**
 * Was this answer the user's network or region being turned away rather than Claude failing?
 * - a 403 carrying `cf-mitigated: challenge`: Cloudflare asks this network (a datacentre or VPN
 *   address) to prove it is a person;
 * - a redirect to claude.ai's "app-unavailable-in-region" page: the region is not served.
 * Only the status, that one header's value and the redirect target's path are looked at; none is kept.
 */
export function blockedLocally(answer: {
  statusCode?: number | null;
  cfMitigated?: string | null;
  redirectUrl?: string | null;
}): boolean {
  if (answer.statusCode === 403 && answer.cfMitigated?.trim().toLowerCase() === 'challenge') return true;
  if (!answer.redirectUrl) return false;
  try {
    return REGION_UNAVAILABLE.test(new URL(answer.redirectUrl).pathname);
  } catch {
    return false;
  }
}

export interface OutcomeEvent {
  at: number /* ms */;
  kind: RequestKind;
  outcome: Outcome;
}

/**
 * One minute of outcomes. A network error counts in its kind's failure counter and in
 * `networkErrors` too (which says how many of those failures were connection-level), so that the
 * failures of a minute are `completionFailures + otherFailures` and nothing is counted twice.
 */
export const failureMinuteSchema = z.object({
  /** Epoch minute. */
  minute: z.number(),
  completionFailures: z.number(),
  otherFailures: z.number(),
  networkErrors: z.number(),
  successes: z.number(),
});
export type FailureMinute = z.infer<typeof failureMinuteSchema>;

/** What we store: counts per minute bucket, no URLs. */
export const failureLogSchema = z.object({
  minutes: z.array(failureMinuteSchema),
  lastCompletionSuccessAt: z.nullable(z.number()),
  /** First failure of the latest episode: failures with no completion success between them and no gap of quietMs. */
  firstFailureAt: z.nullable(z.number()),
  lastFailureAt: z.nullable(z.number()),
  /** Latest answer that turned the user's network or region away (outcome 'local'). */
  lastBlockedAt: z.nullable(z.number()),
});
export type FailureLog = z.infer<typeof failureLogSchema>;

export const EMPTY_FAILURE_LOG: FailureLog = Object.freeze({
  minutes: [],
  lastCompletionSuccessAt: null,
  firstFailureAt: null,
  lastFailureAt: null,
  lastBlockedAt: null,
});

/** Stored version 2 added lastBlockedAt. */
export const FAILURES_VERSION = 2;

export function migrateFailuresV1toV2(old: unknown): unknown {
  if (z.safeParse(failureLogSchema, old).success) return old;
  const v1 = typeof old === 'object' && old !== null ? old : {};
  const migrated = { ...v1, lastBlockedAt: null };
  return z.safeParse(failureLogSchema, migrated).success ? migrated : EMPTY_FAILURE_LOG;
}

export const FAILURES_MIGRATIONS: Record<number, (old: unknown) => unknown> = { 2: migrateFailuresV1toV2 };

function minuteOf(ms: number): number {
  return Math.floor(ms / MINUTE_MS);
}

function counted(bucket: FailureMinute, event: OutcomeEvent): FailureMinute {
  if (event.outcome === 'ok') return { ...bucket, successes: bucket.successes + 1 };
  const network = event.outcome === 'network-error' ? 1 : 0;
  return event.kind === 'completion'
    ? { ...bucket, completionFailures: bucket.completionFailures + 1, networkErrors: bucket.networkErrors + network }
    : { ...bucket, otherFailures: bucket.otherFailures + 1, networkErrors: bucket.networkErrors + network };
}

/** Pure: returns a new log with the event counted and buckets older than 15 minutes dropped. */
export function recordOutcome(log: FailureLog, event: OutcomeEvent): FailureLog {
  if (!Number.isFinite(event.at)) return log;
  if (event.outcome === 'local') {
    // Not a failure of Claude, so not counted with them: only when it last happened.
    return { ...log, lastBlockedAt: Math.max(log.lastBlockedAt ?? event.at, event.at) };
  }
  const minute = minuteOf(event.at);
  // Buckets far ahead of the event mean the clock was set back: their counts belong to a time that
  // has not come, and would otherwise be kept until it does.
  const kept = log.minutes.filter((b) => Math.abs(b.minute - minute) <= RETENTION_MINUTES);
  const existing = kept.find((b) => b.minute === minute);
  const minutes = existing
    ? kept.map((b) => (b === existing ? counted(b, event) : b))
    : [
        ...kept,
        counted({ minute, completionFailures: 0, otherFailures: 0, networkErrors: 0, successes: 0 }, event),
      ].sort((a, b) => a.minute - b.minute);

  if (event.outcome === 'ok') {
    const lastCompletionSuccessAt =
      event.kind === 'completion'
        ? Math.max(log.lastCompletionSuccessAt ?? event.at, event.at)
        : log.lastCompletionSuccessAt;
    return { ...log, minutes, lastCompletionSuccessAt };
  }

  const { firstFailureAt, lastFailureAt, lastCompletionSuccessAt: lastOk } = log;
  const afterSuccess = lastOk !== null && lastFailureAt !== null && lastOk >= lastFailureAt && event.at > lastOk;
  const startsEpisode =
    firstFailureAt === null ||
    lastFailureAt === null ||
    event.at - lastFailureAt >= FAULT_THRESHOLDS.quietMs ||
    afterSuccess;
  return {
    ...log,
    minutes,
    firstFailureAt: startsEpisode || firstFailureAt === null ? event.at : Math.min(firstFailureAt, event.at),
    lastFailureAt: lastFailureAt === null ? event.at : Math.max(lastFailureAt, event.at),
  };
}

export interface ConnectivityHints {
  online: boolean;
  otherSitesFailing: boolean;
}

export type FaultVerdict =
  | { kind: 'none' }
  | { kind: 'claude'; since: number; confidence: 'likely' | 'confirmed'; failures: number }
  /** blocked: the network or region was turned away (blockedLocally), rather than connections failing. */
  | { kind: 'connection'; since: number; blocked?: boolean }
  | { kind: 'unknown'; failures: number };

const NONE: FaultVerdict = { kind: 'none' };

function failuresOf(b: FailureMinute): number {
  return b.completionFailures + b.otherFailures;
}

/**
 * The verdict, in this order:
 * 0. An answer that turned the user's network or region away (outcome 'local') within quietMs, with
 *    no completion success after it: 'connection', blocked. It is never 'claude'.
 * 1. A completion success after the last failure ends the episode ("clears itself"); so does
 *    quietMs without a failure. Only completion successes count: side endpoints (conversation
 *    lists, settings) can answer while replies fail, so their successes prove nothing.
 * 2. Connection-level errors in the episode while the browser is offline or other sites fail too:
 *    'connection'. It wins over everything else because nothing, alternatives included, works
 *    until the connection does.
 * 3. completionFailures completion failures within windowMs anywhere in the episode: 'claude'.
 *    Once raised it stays until rule 1 clears it, so the banner does not flicker between retries.
 *    5xx count whenever they happened (the server answered, so the fault is the server's). Network
 *    errors count only while recent: the hints describe the present, so they can attribute a recent
 *    connection error to claude.ai but not one from before the user came back online.
 * 4. The capacity text within capacityWindowMs: 'claude' on its own ('likely', failures possibly
 *    0), because it is claude.ai itself saying so; with at least one completion failure, or with
 *    rule 3, 'confirmed'. Making the capacity signal a verdict here keeps one place that combines
 *    the signals and applies the same clearing rule to both. A completion success after the text
 *    clears it, except the 200 stream that carried it (see CAPACITY_STREAM_GRACE_MS).
 * 5. Any other failure in the episode, non-completion 5xx included: 'unknown'. Non-completion
 *    failures alone never make 'claude': they can be one side endpoint having a bad minute.
 */
export function assessFault(
  log: FailureLog,
  hints: ConnectivityHints,
  capacitySeenAt: number | null,
  now: number,
): FaultVerdict {
  const limits = FAULT_THRESHOLDS;
  const lastOk = log.lastCompletionSuccessAt;
  const carriedCapacity =
    lastOk !== null && capacitySeenAt !== null && Math.abs(lastOk - capacitySeenAt) <= CAPACITY_STREAM_GRACE_MS;
  const success = carriedCapacity ? null : lastOk;
  const capacityAt =
    capacitySeenAt !== null &&
    now - capacitySeenAt <= limits.capacityWindowMs &&
    !(success !== null && success > capacitySeenAt)
      ? capacitySeenAt
      : null;

  // The network or region turned away: nothing works until that changes, so it wins like rule 2.
  const blocked = log.lastBlockedAt;
  if (blocked !== null && now - blocked < limits.quietMs && !(success !== null && success > blocked)) {
    return { kind: 'connection', since: blocked, blocked: true };
  }

  const lastFail = log.lastFailureAt;
  const failing = lastFail !== null && now - lastFail < limits.quietMs && !(success !== null && success >= lastFail);
  if (!failing) {
    return capacityAt === null ? NONE : { kind: 'claude', since: capacityAt, confidence: 'likely', failures: 0 };
  }

  // Minute resolution: the first bucket may also hold failures from just before a success in the
  // same minute. Counting them errs towards the banner one failure early, where leaving the bucket
  // out would miss two real failures in that minute.
  const episodeStart = Math.min(log.firstFailureAt ?? lastFail, lastFail);
  const fromMinute = minuteOf(episodeStart);
  const nowMinute = minuteOf(now);
  const episode = log.minutes.filter((b) => b.minute >= fromMinute && b.minute <= nowMinute);
  const failures = episode.reduce((sum, b) => sum + failuresOf(b), 0);
  if (failures === 0)
    return capacityAt === null ? NONE : { kind: 'claude', since: capacityAt, confidence: 'likely', failures };

  const networkMinutes = episode.filter((b) => b.networkErrors > 0).map((b) => b.minute);
  if (networkMinutes.length > 0 && (!hints.online || hints.otherSitesFailing)) {
    return { kind: 'connection', since: Math.max(episodeStart, Math.min(...networkMinutes) * MINUTE_MS) };
  }

  const recentFromMinute = minuteOf(now - limits.windowMs);
  // The buckets do not say which kind a network error hit, so for old buckets this is a lower bound.
  const attributable = (b: FailureMinute): number =>
    b.minute >= recentFromMinute ? b.completionFailures : Math.max(0, b.completionFailures - b.networkErrors);
  const spanMinutes = Math.ceil(limits.windowMs / MINUTE_MS);
  const peak = Math.max(
    ...episode.map((start) =>
      episode
        .filter((b) => b.minute >= start.minute && b.minute <= start.minute + spanMinutes)
        .reduce((sum, b) => sum + attributable(b), 0),
    ),
  );
  const completionFailures = episode.reduce((sum, b) => sum + attributable(b), 0);
  const since = capacityAt === null ? episodeStart : Math.min(episodeStart, capacityAt);

  if (peak >= limits.completionFailures) {
    return { kind: 'claude', since, confidence: capacityAt === null ? 'likely' : 'confirmed', failures };
  }
  if (capacityAt !== null) {
    return { kind: 'claude', since, confidence: completionFailures >= 1 ? 'confirmed' : 'likely', failures };
  }
  return { kind: 'unknown', failures };
}

/**
 * Failures (server and connection errors, all kinds) in the buckets overlapping the last `ms`, for
 * the popup's "failures seen in the last 10 minutes". Minute resolution: the oldest bucket may
 * start up to a minute before the window, which overstates slightly rather than hiding a failure.
 */
export function failuresInLast(log: FailureLog, ms: number, now: number): number {
  if (!(ms > 0)) return 0;
  const fromMinute = minuteOf(now - ms);
  const nowMinute = minuteOf(now);
  return log.minutes
    .filter((b) => b.minute >= fromMinute && b.minute <= nowMinute)
    .reduce((sum, b) => sum + failuresOf(b), 0);
}
