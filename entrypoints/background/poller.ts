/**
 * Polls the status page: primary first, fallback when the primary fails in any way, one fetch
 * at a time, and the outcome folded into the stored state by core/health.
 */
import { applyOutcome, type FailureOutcome, type FetchOutcome, inBackoff } from '../../core/health';
import type { StatusState, Validators } from '../../core/model';
import { type FetchFn, fetchSummary } from './fetch-summary';

export interface PollerDeps {
  fetch: FetchFn;
  now: () => number;
  random: () => number;
  read: () => Promise<StatusState>;
  write: (state: StatusState) => Promise<void>;
  timeoutMs?: number;
}

/** `user`: the refresh button (always runs); `page`: a content script's hint (rate limited). */
export type PollReason = 'alarm' | 'start' | 'user' | 'page';

/** A page's hint (a capacity error, claude.ai opened with old data) waits this long after the last attempt. */
export const MIN_FORCED_GAP_MS = 5_000;

function combine(primary: FailureOutcome, fallback: FailureOutcome): FailureOutcome {
  const retry = Math.max(primary.retryAfterMs ?? 0, fallback.retryAfterMs ?? 0);
  return {
    kind: 'failure',
    errorKind: primary.errorKind,
    message: `status.claude.com: ${primary.message}; anthropic.statuspage.io: ${fallback.message}`,
    retryAfterMs: retry > 0 ? retry : null,
  };
}

export function createPoller(deps: PollerDeps) {
  let inflight: Promise<StatusState> | null = null;

  /** Primary first, the fallback when the primary fails in any way. */
  async function attempt(validators: Validators | null): Promise<FetchOutcome> {
    const primary = await fetchSummary('primary', validators, deps.fetch, deps.now(), deps.timeoutMs);
    if (primary.kind === 'success') return primary;
    const fallback = await fetchSummary('fallback', validators, deps.fetch, deps.now(), deps.timeoutMs);
    return fallback.kind === 'success' ? fallback : combine(primary, fallback);
  }

  async function run(): Promise<StatusState> {
    const before = await deps.read();
    // Validators are only worth sending with the snapshot they validate.
    let outcome = await attempt(before.snapshot ? before.health.validators : null);
    // Read again: another path may have written (or storage been cleared) while we waited.
    let current = await deps.read();
    if (outcome.kind === 'success' && outcome.snapshot === null && !current.snapshot) {
      // A 304 confirmed a snapshot that is gone now: fetch it in full rather than store nothing.
      outcome = await attempt(null);
      current = await deps.read();
    }
    const next = applyOutcome(current, outcome, deps.now(), deps.random());
    await deps.write(next);
    return next;
  }

  return {
    /** Single flight: a call while a fetch runs joins it instead of starting another. */
    async poll(reason: PollReason): Promise<StatusState> {
      if (inflight) return inflight;
      if (reason === 'alarm' || reason === 'page') {
        const state = await deps.read();
        if (reason === 'alarm' && inBackoff(state, deps.now())) return state;
        const last = state.health.lastAttemptAt ? Date.parse(state.health.lastAttemptAt) : 0;
        if (reason === 'page' && deps.now() - last < MIN_FORCED_GAP_MS) return state;
        // Another call may have started a fetch while we read.
        if (inflight) return inflight;
      }
      // Only a real fetch is shared: a skipped poll never stands in for a refresh someone asked for.
      inflight = run().finally(() => {
        inflight = null;
      });
      return inflight;
    },
    get busy(): boolean {
      return inflight !== null;
    },
  };
}
