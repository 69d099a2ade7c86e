/**
 * Fetches incidents.json for "how long will it last" (core/status-page/typical-duration.ts): after
 * a poll, at most once an hour and only while an incident is listed, never while the status page
 * asked us to wait (Retry-After); conditional requests with its own validators, so an unchanged
 * history costs a 304; primary first, the fallback when it fails. One fetch at a time, apart from
 * the poller: it never delays or fails a poll's own request. At most 24 requests on a day with an
 * incident all day, none on a quiet day (docs/benchmarks.md, "Polite at internet scale").
 */
import { retryAfterUntil } from '../../../core/polling/poll-gate';
import { INCIDENTS_PATH, type SourceId } from '../../../core/status-page/sources';
import type { StatusState, Validators } from '../../../core/status-page/status-model';
import { parseIncidentsList, parseJsonText } from '../../../core/status-page/statuspage';
import {
  type PastDurations,
  type PastIncident,
  pastDurationsDue,
  pastIncidentsFrom,
} from '../../../core/status-page/typical-duration';
import { type FetchFn, fetchStatusText } from './fetch-summary';

export interface PastDurationsDeps {
  fetch: FetchFn;
  now: () => number;
  read: () => Promise<PastDurations>;
  write: (past: PastDurations) => Promise<void>;
  status: () => Promise<StatusState>;
  timeoutMs?: number;
}

/** incidents null with ok: a 304, nothing new. */
type Attempt = { ok: true; incidents: PastIncident[] | null; validators: Validators | null } | { ok: false };

async function attempt(source: SourceId, before: PastDurations, deps: PastDurationsDeps): Promise<Attempt> {
  const headers: Record<string, string> = {};
  const validators = before.validators?.source === source ? before.validators : null;
  if (validators?.etag) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
  const answer = await fetchStatusText(source, INCIDENTS_PATH, headers, deps.fetch, deps.now(), deps.timeoutMs);
  if (answer.kind === 'failure') return { ok: false };
  if (answer.kind === 'not-modified') return validators ? { ok: true, incidents: null, validators } : { ok: false };
  const json = parseJsonText(answer.text);
  if (!json.ok) return { ok: false };
  const list = parseIncidentsList(json.value);
  if (!list.ok) return { ok: false };
  const services = (await deps.status()).snapshot?.services ?? [];
  return {
    ok: true,
    incidents: pastIncidentsFrom(list.value, services, deps.now()),
    validators: { source, etag: answer.headers.get('etag'), lastModified: answer.headers.get('last-modified') },
  };
}

export function createPastDurations(deps: PastDurationsDeps) {
  let inflight: Promise<PastDurations> | null = null;

  async function run(): Promise<PastDurations> {
    const before = await deps.read();
    const { snapshot, health } = await deps.status();
    const now = deps.now();
    if (!pastDurationsDue(before, snapshot, now) || retryAfterUntil(health, now) !== null) return before;
    let result = await attempt('primary', before, deps);
    if (!result.ok) result = await attempt('fallback', before, deps);
    // A failure keeps what we had (old figures beat none) and waits the hour like a success.
    const next: PastDurations = {
      checkedAt: new Date(deps.now()).toISOString(),
      validators: result.ok ? result.validators : before.validators,
      incidents: result.ok && result.incidents ? result.incidents : before.incidents,
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
