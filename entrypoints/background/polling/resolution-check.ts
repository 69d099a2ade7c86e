/**
 * Confirms active incidents through incidents.json (core/status-page/resolutions.ts): after a poll, at most
 * every RESOLUTION_CHECK_GAP_MS and only while an incident may raise a banner; conditional
 * requests with incidents.json's own validators; primary first, the fallback when it fails. One
 * check at a time. Apart from the poller on purpose: it must never delay or fail a poll.
 */

import { retryAfterUntil } from '../../../core/polling/poll-gate';
import { incidentsWait } from '../../../core/status-page/history';
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

/** list null with ok: a 304, nothing new. A failure says what it asked for: rate-limited, and a wait. */
type Attempt =
  | { ok: true; list: IncidentsList | null; validators: Validators | null }
  | { ok: false; limited: boolean; waitMs: number };

const NO_ANSWER: Attempt = { ok: false, limited: false, waitMs: 0 };

async function attempt(source: SourceId, before: Resolutions, deps: ResolutionCheckDeps): Promise<Attempt> {
  const headers: Record<string, string> = {};
  const validators = before.validators?.source === source ? before.validators : null;
  if (validators?.etag) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
  const answer = await fetchStatusText(source, INCIDENTS_PATH, headers, deps.fetch, deps.now(), deps.timeoutMs);
  if (answer.kind === 'failure') {
    const limited = answer.errorKind === 'rate-limited';
    return { ok: false, limited, waitMs: incidentsWait(answer.errorKind, answer.retryAfterMs ?? null) };
  }
  if (answer.kind === 'not-modified') return validators ? { ok: true, list: null, validators } : NO_ANSWER;
  const json = parseJsonText(answer.text);
  if (!json.ok) return NO_ANSWER;
  const list = parseIncidentsList(json.value);
  if (!list.ok) return NO_ANSWER;
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
    const { snapshot, health } = await deps.status();
    // The status page asked summary.json's readers to wait (Retry-After): incidents.json waits too.
    if (!resolutionCheckDue(before, snapshot, deps.now()) || retryAfterUntil(health, deps.now())) return before;
    let result = await attempt('primary', before, deps);
    // A 429 is the status page asking us to slow down: its mirror is the same service, so it waits too.
    if (!result.ok && !result.limited) {
      const fallback = await attempt('fallback', before, deps);
      result = fallback.ok ? fallback : { ...fallback, waitMs: Math.max(result.waitMs, fallback.waitMs) };
    }
    // Read again: the snapshot may have changed while the request ran.
    const current = (await deps.status()).snapshot;
    const next = result.ok
      ? recordResolutions(before, result.list, current, result.validators, deps.now())
      : recordResolutions(before, null, current, before.validators, deps.now(), result.waitMs);
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
