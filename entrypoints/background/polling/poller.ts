/**
 * Fetches the status once: from the origin core/polling/sticky-source.ts picks (primary, else the fallback),
 * one fetch at a time, and the outcome folded into the stored state by core/polling/health.ts. Whether a
 * poll may run at all is decided before, by the gate (./poll-gate.ts).
 */
import { applyOutcome, type FailureOutcome, type FetchOutcome, validatorsFor } from '../../../core/polling/health';
import type { PollReason } from '../../../core/polling/poll-gate';
import { type PrimaryResult, sourcesToTry, withPrimaryResult } from '../../../core/polling/sticky-source';
import { SOURCES, type SourceId } from '../../../core/status-page/sources';
import type { FetchHealth, StatusState } from '../../../core/status-page/status-model';
import { type FetchFn, fetchSummary } from './fetch-summary';

export interface PollerDeps {
  fetch: FetchFn;
  now: () => number;
  random: () => number;
  read: () => Promise<StatusState>;
  write: (state: StatusState) => Promise<void>;
  timeoutMs?: number;
  /** The clock of a poll's work budget (ms); performance.now by default. */
  clock?: () => number;
}

/** Each source's host, as a failure message names it. */
const HOSTS = Object.fromEntries(SOURCES.map(({ id, origin }) => [id, new URL(origin).host])) as Record<
  SourceId,
  string
>;

function combine(primary: FailureOutcome, fallback: FailureOutcome): FailureOutcome {
  const retry = Math.max(primary.retryAfterMs ?? 0, fallback.retryAfterMs ?? 0);
  return {
    kind: 'failure',
    errorKind: primary.errorKind,
    message: `${HOSTS.primary}: ${primary.message}; ${HOSTS.fallback}: ${fallback.message}`,
    retryAfterMs: retry > 0 ? retry : null,
  };
}

/** Offline or no access: the fallback would say the same, and the primary is not to blame. */
const TRANSIENT: readonly FailureOutcome['errorKind'][] = ['network', 'timeout', 'permission'];

function primaryResult(outcome: FetchOutcome): PrimaryResult {
  if (outcome.kind === 'success') return 'ok';
  return TRANSIENT.includes(outcome.errorKind) ? 'transient' : 'avoid';
}

export function createPoller(deps: PollerDeps) {
  let inflight: Promise<StatusState> | null = null;

  /** The sources sticky-source picks, each with its own validators; `withValidators` false for a full fetch. */
  async function attempt(
    health: FetchHealth,
    withValidators: boolean,
  ): Promise<{ outcome: FetchOutcome; primary: PrimaryResult }> {
    // Like validators, a known heavy answer is only worth skipping while we hold its snapshot.
    const get = (source: SourceId) =>
      fetchSummary(source, withValidators ? validatorsFor(health, source) : null, deps.fetch, deps.now(), {
        ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
        ...(deps.clock ? { clock: deps.clock } : {}),
        heavyDigest: withValidators ? (health.heavy?.digest ?? null) : null,
      });
    const [first] = sourcesToTry(health, deps.now());
    if (first === 'fallback') return { outcome: await get('fallback'), primary: 'skipped' };
    const primary = await get('primary');
    const result = primaryResult(primary);
    // A 429 is the status page asking us to slow down: its mirror is the same service, so it waits too.
    if (primary.kind === 'success' || primary.errorKind === 'rate-limited')
      return { outcome: primary, primary: result };
    const fallback = await get('fallback');
    return { outcome: fallback.kind === 'success' ? fallback : combine(primary, fallback), primary: result };
  }

  async function run(reason: PollReason): Promise<StatusState> {
    const before = await deps.read();
    // Validators are only worth sending with the snapshot they validate.
    let { outcome, primary } = await attempt(before.health, before.snapshot !== null);
    // Read again: another path may have written (or storage been cleared) while we waited.
    let current = await deps.read();
    if (outcome.kind === 'success' && outcome.snapshot === null && !current.snapshot) {
      // A 304 confirmed a snapshot that is gone now: fetch it in full rather than store nothing.
      const full = await attempt(current.health, false);
      outcome = full.outcome;
      primary = full.primary === 'skipped' ? primary : full.primary;
      current = await deps.read();
    }
    const next = applyOutcome(current, outcome, deps.now(), deps.random());
    const health = withPrimaryResult(next.health, primary, deps.now());
    const hintedAt = reason === 'page' ? new Date(deps.now()).toISOString() : health.hintedAt;
    const state = { snapshot: next.snapshot, health: { ...health, hintedAt } };
    await deps.write(state);
    return state;
  }

  return {
    /** Single flight: a call while a fetch runs joins it instead of starting another. */
    run(reason: PollReason): Promise<StatusState> {
      inflight ??= run(reason).finally(() => {
        inflight = null;
      });
      return inflight;
    },
    get busy(): boolean {
      return inflight !== null;
    },
  };
}
