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
import { INCIDENTS_PATH, type SourceId } from '../../../core/status-page/sources';
import type { Service } from '../../../core/status-page/status-model';
import { parseIncidentsList, parseJsonText } from '../../../core/status-page/statuspage';
import { type FetchFn, fetchStatusText } from './fetch-summary';

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

type Attempt =
  | { ok: true; history: History }
  | { ok: false; kind: NonNullable<History['lastErrorKind']>; retryAfterMs: number | null };

async function attempt(source: SourceId, deps: HistoryDeps): Promise<Attempt> {
  const answer = await fetchStatusText(source, INCIDENTS_PATH, {}, deps.fetch, deps.now(), deps.timeoutMs);
  if (answer.kind === 'failure') {
    return { ok: false, kind: answer.errorKind, retryAfterMs: answer.retryAfterMs ?? null };
  }
  // No validators are sent, so a 304 would be a broken server: treat it as no answer.
  if (answer.kind === 'not-modified') return { ok: false, kind: 'http', retryAfterMs: null };
  const json = parseJsonText(answer.text);
  if (!json.ok) return { ok: false, kind: json.kind, retryAfterMs: null };
  const list = parseIncidentsList(json.value);
  if (!list.ok) return { ok: false, kind: list.kind, retryAfterMs: null };
  const now = deps.now();
  return {
    ok: true,
    history: historySuccess(historyFromIncidents(list.value, await deps.services(), now), source, now),
  };
}

export function createHistoryFetcher(deps: HistoryDeps) {
  let inflight: Promise<History> | null = null;

  async function run(force: boolean): Promise<History> {
    const before = await deps.read();
    if (!historyDue(before, deps.now(), force) || waiting(await deps.statusWait(), deps.now())) return before;
    let result = await attempt('primary', deps);
    // A 429 is the status page asking us to slow down: its mirror is the same service, so it waits
    // too (the fallback was asked 0.1 s after a 429). Any other failure tries the fallback.
    if (!result.ok && result.kind !== 'rate-limited') {
      const fallback = await attempt('fallback', deps);
      const asked = Math.max(result.retryAfterMs ?? 0, fallback.ok ? 0 : (fallback.retryAfterMs ?? 0));
      result = fallback.ok ? fallback : { ...result, retryAfterMs: asked > 0 ? asked : null };
    }
    const next = result.ok
      ? result.history
      : historyFailure(await deps.read(), result.kind, deps.now(), result.retryAfterMs);
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
