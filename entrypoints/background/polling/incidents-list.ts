/**
 * incidents.json asked conditionally, with the validators a caller keeps for it: the resolution
 * check (./resolution-check.ts) and the past durations (./past-durations.ts) each keep their own,
 * so that each one's unchanged list is a 304.
 */
import { INCIDENTS_PATH, type SourceId } from '../../../core/status-page/sources';
import type { Validators } from '../../../core/status-page/status-model';
import { type IncidentsList, parseIncidentsList, parseJsonText } from '../../../core/status-page/statuspage';
import { type FetchFn, fetchStatusText } from './fetch-summary';

export interface IncidentsFetchDeps {
  fetch: FetchFn;
  now: () => number;
  timeoutMs?: number;
}

/** list null with ok: a 304, nothing new since `kept`. */
export type IncidentsAnswer = { ok: true; list: IncidentsList | null; validators: Validators | null } | { ok: false };

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
  if (answer.kind === 'failure') return { ok: false };
  if (answer.kind === 'not-modified') return validators ? { ok: true, list: null, validators } : { ok: false };
  const json = parseJsonText(answer.text);
  if (!json.ok) return { ok: false };
  const list = parseIncidentsList(json.value);
  if (!list.ok) return { ok: false };
  return {
    ok: true,
    list: list.value,
    validators: { source, etag: answer.headers.get('etag'), lastModified: answer.headers.get('last-modified') },
  };
}
