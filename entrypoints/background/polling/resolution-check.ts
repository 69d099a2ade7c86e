/**
 * Confirms active incidents through incidents.json (core/status-page/resolutions.ts): after a poll, at most
 * every RESOLUTION_CHECK_GAP_MS and only while an incident may raise a banner; conditional
 * requests with incidents.json's own validators; primary first, the fallback when it fails. One
 * check at a time. Apart from the poller on purpose: it must never delay or fail a poll.
 */

import { retryAfterUntil } from '../../../core/polling/poll-gate';
import { type Resolutions, recordResolutions, resolutionCheckDue } from '../../../core/status-page/resolutions';
import type { StatusState } from '../../../core/status-page/status-model';
import type { FetchFn } from './fetch-summary';
import { fetchIncidentsFromEither } from './incidents-list';

export interface ResolutionCheckDeps {
  fetch: FetchFn;
  now: () => number;
  read: () => Promise<Resolutions>;
  write: (resolutions: Resolutions) => Promise<void>;
  status: () => Promise<StatusState>;
  timeoutMs?: number;
}

export function createResolutionCheck(deps: ResolutionCheckDeps) {
  let inflight: Promise<Resolutions> | null = null;

  async function run(): Promise<Resolutions> {
    const before = await deps.read();
    const { snapshot, health } = await deps.status();
    // The status page asked summary.json's readers to wait (Retry-After): incidents.json waits too.
    if (!resolutionCheckDue(before, snapshot, deps.now()) || retryAfterUntil(health, deps.now())) return before;
    const result = await fetchIncidentsFromEither(before.validators, deps);
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
