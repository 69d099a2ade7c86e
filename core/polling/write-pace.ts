/**
 * How often the failure log reaches storage. Request outcomes come in bursts (five
 * tabs failing every few seconds); each storage write wakes every open tab and the popup. So the
 * log is written at once only when what it says changes (an episode starts, reaches the failure
 * count that raises the banner, or ends), and otherwise at most once a minute.
 */
import { FAULT_THRESHOLDS, type FailureLog } from '../claude-page/fault';
import { TEST_BUILD, TEST_TIMINGS } from '../time/test-build';
import { MINUTE_MS } from '../time/time';

export const WRITE_EVERY_MS = TEST_BUILD ? TEST_TIMINGS.paceMs : MINUTE_MS;

function episodeCompletionFailures(log: FailureLog): number {
  if (log.firstFailureAt === null) return 0;
  const first = Math.floor(log.firstFailureAt / MINUTE_MS);
  return log.minutes.filter((b) => b.minute >= first).reduce((sum, b) => sum + b.completionFailures, 0);
}

/**
 * A completion success that ends the episode: the first after the last failure. Every success
 * after it changes only when the last one was, which no surface reads: those wait their minute
 * like any other count (after a past failure, each success was written and woke every claude.ai
 * tab, 47 writes in 30 s).
 */
function endsEpisode(stored: FailureLog, next: FailureLog): boolean {
  const failure = stored.lastFailureAt;
  const before = stored.lastCompletionSuccessAt;
  const after = next.lastCompletionSuccessAt;
  return failure !== null && after !== null && after >= failure && (before === null || before < failure);
}

/** True when `next` tells the surfaces something `stored` does not: write it now. */
export function changesVerdict(stored: FailureLog, next: FailureLog): boolean {
  if (stored.firstFailureAt !== next.firstFailureAt) return true;
  if (endsEpisode(stored, next)) return true;
  const threshold = FAULT_THRESHOLDS.completionFailures;
  return episodeCompletionFailures(stored) < threshold && episodeCompletionFailures(next) >= threshold;
}

/** When the unsaved `next` may be written: now, or at the next minute after the last write. */
export function writeAt(stored: FailureLog, next: FailureLog, lastWriteMs: number | null, nowMs: number): number {
  if (next === stored) return Number.POSITIVE_INFINITY;
  if (lastWriteMs === null || changesVerdict(stored, next)) return nowMs;
  return Math.max(nowMs, lastWriteMs + WRITE_EVERY_MS);
}
