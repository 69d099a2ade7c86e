/**
 * Everything that asks the status page, built on one permission-checked fetch and writing through
 * the write queue: the poll gate in front of the poller (every trigger asks the gate; none calls
 * the poller itself), the history the popup shows, the resolution check on incidents.json, and
 * the past durations for "how long will it last".
 */
import { retryAfterUntil } from '../../../core/polling/poll-gate';
import { historyItem, pastDurationsItem, resolutionsItem, statusItem } from '../../../shell/stored-items';
import type { WriteQueue } from '../storage/write-queue';
import { createHistoryFetcher } from './history';
import { createPastDurations } from './past-durations';
import { withPermissionCheck } from './permissions';
import { createPollGate } from './poll-gate';
import { createPoller } from './poller';
import { createResolutionCheck } from './resolution-check';
import type { StatusReads } from './status-reads';

export function createStatusFetchers(queue: WriteQueue, reads: StatusReads) {
  const statusFetch = withPermissionCheck((input, init) => fetch(input, init));
  const poller = createPoller({
    fetch: statusFetch,
    now: Date.now,
    random: Math.random,
    read: statusItem.get,
    write: (state) => queue.write(statusItem, state),
  });
  return {
    pollGate: createPollGate({ poller, read: statusItem.get, now: Date.now, intervalMs: reads.period }),
    history: createHistoryFetcher({
      fetch: statusFetch,
      now: Date.now,
      read: historyItem.get,
      write: (history) => queue.write(historyItem, history),
      services: async () => (await statusItem.get()).snapshot?.services ?? [],
      statusWait: async () => retryAfterUntil((await statusItem.get()).health, Date.now()),
    }),
    resolutions: createResolutionCheck({
      fetch: statusFetch,
      now: Date.now,
      read: resolutionsItem.get,
      write: (resolved) => queue.write(resolutionsItem, resolved),
      status: statusItem.get,
    }),
    pastDurations: createPastDurations({
      fetch: statusFetch,
      now: Date.now,
      read: pastDurationsItem.get,
      write: (past) => queue.write(pastDurationsItem, past),
      status: statusItem.get,
    }),
  };
}

export type StatusFetchers = ReturnType<typeof createStatusFetchers>;
