/**
 * Fetches incidents.json for the popup's "last 7 days": primary first, fallback when it fails,
 * one fetch at a time, at most every HISTORY_MIN_GAP_MS unless forced. Not part of the poll:
 * history changes slowly and the file is larger than summary.json.
 */
import { waiting } from '../../../core/polling/poll-gate';
import {
  type History,
  historyDue,
  historyFailure,
  historyFromIncidents,
  historySuccess,
} from '../../../core/status-page/history';
import type { Service } from '../../../core/status-page/status-model';
import type { FetchFn } from './fetch-summary';
import { fetchIncidentsFromEither } from './incidents-list';

export interface HistoryDeps {
  fetch: FetchFn;
  now: () => number;
  read: () => Promise<History>;
  write: (history: History) => Promise<void>;
  /** The services of the last snapshot, to match incident titles against. */
  services: () => Promise<Service[]>;
  /** Until when summary.json asked us to wait (its Retry-After), if it did: the whole status page waits. */
  statusWait: () => Promise<string | null>;
  timeoutMs?: number;
}

export function createHistoryFetcher(deps: HistoryDeps) {
  let inflight: Promise<History> | null = null;

  async function run(force: boolean): Promise<History> {
    const before = await deps.read();
    if (!historyDue(before, deps.now(), force) || waiting(await deps.statusWait(), deps.now())) return before;
    // No validators: the history is asked for rarely, and a 304 would leave nothing to show.
    const result = await fetchIncidentsFromEither(null, deps);
    const now = deps.now();
    const next =
      result.ok && result.list
        ? historySuccess(historyFromIncidents(result.list, await deps.services(), now), result.source, now)
        : historyFailure(await deps.read(), result.ok ? 'http' : result.kind, now, result.ok ? 0 : result.waitMs);
    await deps.write(next);
    return next;
  }

  return {
    /** Single flight: a call while a fetch runs joins it. */
    refresh(force = false): Promise<History> {
      inflight ??= run(force).finally(() => {
        inflight = null;
      });
      return inflight;
    },
  };
}
