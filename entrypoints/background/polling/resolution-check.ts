/**
 * Confirms active incidents through incidents.json (core/status-page/resolutions.ts): after a poll, at most
 * every RESOLUTION_CHECK_GAP_MS and only while an incident may raise a banner; conditional
 * requests with incidents.json's own validators; primary first, the fallback when it fails. One
 * check at a time. Apart from the poller on purpose: it must never delay or fail a poll.
 */

import { type Resolutions, recordResolutions, resolutionCheckDue } from '../../../core/status-page/resolutions';
import { INCIDENTS_PATH, type SourceId } from '../../../core/status-page/sources';
import type { StatusState, Validators } from '../../../core/status-page/status-model';
import { type IncidentsList, parseIncidentsList, parseJsonText } from '../../../core/status-page/statuspage';
import { type FetchFn, fetchStatusText } from './fetch-summary';

export interface ResolutionCheckDeps {
  fetch: FetchFn;
  now: () => number;
  read: () => Promise<Resolutions>;
  write: (resolutions: Resolutions) => Promise<void>;
  status: () => Promise<StatusState>;
  timeoutMs?: number;
}

/** list null with ok: a 304, nothing new. */
type Attempt = { ok: true; list: IncidentsList | null; validators: Validators | null } | { ok: false };

async function attempt(source: SourceId, before: Resolutions, deps: ResolutionCheckDeps): Promise<Attempt> {
  const headers: Record<string, string> = {};
  const validators = before.validators?.source === source ? before.validators : null;
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

export function createResolutionCheck(deps: ResolutionCheckDeps) {
  let inflight: Promise<Resolutions> | null = null;

  async function run(): Promise<Resolutions> {
    const before = await deps.read();
    const { snapshot } = await deps.status();
    if (!resolutionCheckDue(before, snapshot, deps.now())) return before;
    let result = await attempt('primary', before, deps);
    if (!result.ok) result = await attempt('fallback', before, deps);
    // Read again: the snapshot may have changed while the request ran.
    const current = (await deps.status()).snapshot;
    const next = result.ok
      ? recordResolutions(before, result.list, current, result.validators, deps.now())
      : recordResolutions(before, null, current, before.validators, deps.now());
    await deps.write(next);
    return next;
  }

  return {
    /** Single flight: a call while a check runs joins it. */
    check(): Promise<Resolutions> {
      inflight ??= run().finally(() => {
        inflight = null;
      });
      return inflight;
    },
  };
}
