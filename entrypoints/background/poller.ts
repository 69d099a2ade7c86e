/**
 * Polls the status page: primary first, fallback when the primary fails in any way, one fetch
 * at a time, and the outcome folded into the stored state by core/health.
 */
import { applyOutcome, type FailureOutcome, type FetchOutcome, inBackoff } from '../../core/health';
import type { StatusState } from '../../core/model';
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

  async function run(): Promise<StatusState> {
    const before = await deps.read();
    const primary = await fetchSummary('primary', before.health.validators, deps.fetch, deps.now(), deps.timeoutMs);
    let outcome: FetchOutcome = primary;
    if (primary.kind === 'failure') {
      const fallback = await fetchSummary('fallback', before.health.validators, deps.fetch, deps.now(), deps.timeoutMs);
      outcome = fallback.kind === 'success' ? fallback : combine(primary, fallback);
    }
    // Read again: another writer path (a message handler) may have run while we waited.
    const current = await deps.read();
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
