/**
 * Fetches incidents.json for "how long will it last" (core/status-page/typical-duration.ts): after
 * a poll, at most once an hour and only while an incident is listed, never while the status page
 * asked us to wait (Retry-After); conditional requests with its own validators, so an unchanged
 * history costs a 304; primary first, the fallback when it fails. One fetch at a time, apart from
 * the poller: it never delays or fails a poll's own request. At most 24 requests on a day with an
 * incident all day, none on a quiet day (docs/benchmarks.md, "Polite at internet scale"). What a
 * 429 or 503 asks for is waited (the hour is the longest wait honoured), and a 429 is not
 * followed by a request to the mirror (./incidents-list.ts).
 */
import { retryAfterUntil } from '../../../core/polling/poll-gate';
import type { StatusState } from '../../../core/status-page/status-model';
import { type PastDurations, pastDurationsDue, pastIncidentsFrom } from '../../../core/status-page/typical-duration';
import type { FetchFn } from './fetch-summary';
import { fetchIncidentsFromEither } from './incidents-list';

export interface PastDurationsDeps {
  fetch: FetchFn;
  now: () => number;
  read: () => Promise<PastDurations>;
  write: (past: PastDurations) => Promise<void>;
  status: () => Promise<StatusState>;
  timeoutMs?: number;
}

export function createPastDurations(deps: PastDurationsDeps) {
  let inflight: Promise<PastDurations> | null = null;

  async function run(): Promise<PastDurations> {
    const before = await deps.read();
    const { snapshot, health } = await deps.status();
    const now = deps.now();
    if (!pastDurationsDue(before, snapshot, now) || retryAfterUntil(health, now) !== null) return before;
    const result = await fetchIncidentsFromEither(before.validators, deps);
    // A failure keeps what we had (old figures beat none) and waits the hour like a success: at
    // least what a 429 or 503 asked for (pastDurationsDue).
    const next: PastDurations = {
      checkedAt: new Date(deps.now()).toISOString(),
      validators: result.ok ? result.validators : before.validators,
      incidents:
        result.ok && result.list
          ? pastIncidentsFrom(result.list, snapshot?.services ?? [], deps.now())
          : before.incidents,
    };
    await deps.write(next);
    return next;
  }

  return {
    /** Single flight: a call while a fetch runs joins it. */
    refresh(): Promise<PastDurations> {
      inflight ??= run().finally(() => {
        inflight = null;
      });
      return inflight;
    },
  };
}
