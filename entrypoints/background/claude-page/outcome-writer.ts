/**
 * Folds claude.ai's request outcomes into the stored failure log at the pace core/write-pace
 * sets: a burst is collected for a moment, then written at once if it changes the verdict and
 * otherwise within the minute. Writes are chained so none is lost to a read-modify-write race.
 */
import { type FailureLog, type OutcomeEvent, recordOutcome } from '../../../core/claude-page/fault';
import { writeAt } from '../../../core/polling/write-pace';

/** Outcomes arriving together (a page retrying, several tabs) become one fold. */
export const BURST_MS = 500;

export interface OutcomeWriterDeps {
  read: () => Promise<FailureLog>;
  write: (log: FailureLog) => Promise<void>;
  now: () => number;
  /** Whether outcomes are recorded at all (the user's setting), checked when a burst is folded. */
  enabled: () => Promise<boolean>;
  /** Called once per burst that held a failure. */
  onFailures: () => void;
}

export function createOutcomeWriter(deps: OutcomeWriterDeps) {
  let pending: OutcomeEvent[] = [];
  let unsaved: FailureLog | null = null;
  let lastWriteMs: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let chain: Promise<void> = Promise.resolve();

  let timerDue = 0;

  /** Flushes after `delayMs`, or sooner if a flush is already due sooner. */
  function schedule(delayMs: number): void {
    const due = deps.now() + delayMs;
    if (timer !== null) {
      if (timerDue <= due) return;
      clearTimeout(timer);
    }
    timerDue = due;
    timer = setTimeout(() => {
      timer = null;
      chain = chain.then(flush).catch((error) => console.warn('[status-overlay] failures:', error));
    }, delayMs);
  }

  async function flush(): Promise<void> {
    const events = pending;
    pending = [];
    if (!(await deps.enabled())) {
      unsaved = null;
      return;
    }
    const stored = await deps.read();
    let log = unsaved ?? stored;
    for (const event of events) {
      // Successes matter only to end an episode; otherwise they are not worth a storage write.
      if (event.outcome === 'ok' && (event.kind !== 'completion' || log.lastFailureAt === null)) continue;
      log = recordOutcome(log, event);
    }
    const now = deps.now();
    const at = writeAt(stored, log, lastWriteMs, now);
    if (at <= now) {
      await deps.write(log);
      lastWriteMs = now;
      unsaved = null;
    } else if (Number.isFinite(at)) {
      unsaved = log;
      schedule(at - now);
    }
    if (events.some((event) => event.outcome !== 'ok')) deps.onFailures();
  }

  return {
    record(event: OutcomeEvent): void {
      pending.push(event);
      schedule(BURST_MS);
    },
  };
}
