/**
 * The one door to the status page: every trigger asks here, core/polling/poll-gate.ts decides from the
 * stored health and the clock, and only a poll the gate lets through reaches the poller.
 */

import { type GateVerdict, gate, type PollReason } from '../../../core/polling/poll-gate';
import type { StatusState } from '../../../core/status-page/status-model';
import type { createPoller } from './poller';

export interface PollGateDeps {
  poller: ReturnType<typeof createPoller>;
  read: () => Promise<StatusState>;
  now: () => number;
  /** The interval the cadence wants now (core/polling/cadence.ts). */
  intervalMs: () => Promise<number> | number;
}

export interface GateResult {
  state: StatusState;
  verdict: GateVerdict;
}

export function createPollGate(deps: PollGateDeps) {
  return {
    async request(reason: PollReason): Promise<GateResult> {
      // A poll under way answers every request that arrives meanwhile: it is the freshest there is.
      if (deps.poller.busy) return { state: await deps.poller.run(reason), verdict: { run: true } };
      const [state, interval] = await Promise.all([deps.read(), deps.intervalMs()]);
      const verdict = gate(reason, state.health, deps.now(), interval);
      if (!verdict.run) return { state, verdict };
      return { state: await deps.poller.run(reason), verdict };
    },
  };
}
