/**
 * incidents.json, for everything that reads it: the resolution check (./resolution-check.ts), the
 * past durations (./past-durations.ts) and the popup's history (./history.ts). Each caller keeps
 * its own validators, so that each one's unchanged list is a 304 (the history sends none).
 *
 * What a 429 or 503 asks for is said here once for all three (issue #28, finding 8): a failure
 * carries the wait its Retry-After asked for (core/status-page/history.ts incidentsWait; a 429
 * without one waits the history's usual gap), which each caller stores and waits out; and after a
 * 429 the mirror is not asked, being the same service asking us to slow down.
 */
import { incidentsWait } from '../../../core/status-page/history';
import { INCIDENTS_PATH, type SourceId } from '../../../core/status-page/sources';
import type { FetchErrorKind, Validators } from '../../../core/status-page/status-model';
import { type IncidentsList, parseIncidentsList, parseJsonText } from '../../../core/status-page/statuspage';
import { type FetchFn, fetchStatusText, keptValidator } from './fetch-summary';

export interface IncidentsFetchDeps {
  fetch: FetchFn;
  now: () => number;
  timeoutMs?: number;
}

/**
 * list null with ok: a 304, nothing new since `kept`. A failure says what went wrong and how long
 * the status page asked us to wait (ms; 0 when it asked nothing).
 */
export type IncidentsAnswer =
  | { ok: true; source: SourceId; list: IncidentsList | null; validators: Validators | null }
  | { ok: false; kind: FetchErrorKind; waitMs: number };

/** One origin's answer; `kept` are the validators last stored (only the same origin's are sent back). */
export async function fetchIncidentsList(
  source: SourceId,
  kept: Validators | null,
  deps: IncidentsFetchDeps,
): Promise<IncidentsAnswer> {
  const headers: Record<string, string> = {};
  const validators = kept?.source === source ? kept : null;
  if (validators?.etag) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
  const answer = await fetchStatusText(source, INCIDENTS_PATH, headers, deps.fetch, deps.now(), deps.timeoutMs);
  if (answer.kind === 'failure') {
    return { ok: false, kind: answer.errorKind, waitMs: incidentsWait(answer.errorKind, answer.retryAfterMs ?? null) };
  }
  // A 304 to a request without validators is a broken server: no answer.
  if (answer.kind === 'not-modified') {
    return validators ? { ok: true, source, list: null, validators } : noAnswer('http');
  }
  const json = parseJsonText(answer.text);
  if (!json.ok) return noAnswer(json.kind);
  const list = parseIncidentsList(json.value);
  if (!list.ok) return noAnswer(list.kind);
  return {
    ok: true,
    source,
    list: list.value,
    validators: {
      source,
      etag: keptValidator(answer.headers.get('etag')),
      lastModified: keptValidator(answer.headers.get('last-modified')),
    },
  };
}

function noAnswer(kind: FetchErrorKind): IncidentsAnswer {
  return { ok: false, kind, waitMs: 0 };
}

/**
 * The primary origin first, the fallback when it fails, unless it answered 429: the status page
 * asking us to slow down (the history fetch asked the mirror 0.1 s after a 429). Two failures:
 * the primary's kind, and the longer of the two waits.
 */
export async function fetchIncidentsFromEither(
  kept: Validators | null,
  deps: IncidentsFetchDeps,
): Promise<IncidentsAnswer> {
  const primary = await fetchIncidentsList('primary', kept, deps);
  if (primary.ok || primary.kind === 'rate-limited') return primary;
  const fallback = await fetchIncidentsList('fallback', kept, deps);
  return fallback.ok ? fallback : { ...primary, waitMs: Math.max(primary.waitMs, fallback.waitMs) };
}
