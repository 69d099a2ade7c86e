/**
 * One poll, from whatever asked for it: through the gate, then the badge, the resolution check,
 * the past durations, and after a successful check the announcements and the pruning of dismissals.
 */
import { liveOnStatusPage, prunedDismissals } from '../../../core/banner/dismissals';
import type { PollReason } from '../../../core/polling/poll-gate';
import type { Settings } from '../../../core/settings/settings';
import { type Resolutions, resolvedStatus } from '../../../core/status-page/resolutions';
import type { Snapshot } from '../../../core/status-page/status-model';
import { dismissalsItem, notifiedItem, statusItem } from '../../../shell/stored-items';
import { announce } from '../notifications/notify';
import type { WriteQueue } from '../storage/write-queue';
import type { StatusFetchers } from './status-fetchers';

export interface PollDeps {
  fetchers: StatusFetchers;
  queue: WriteQueue;
  drawBadge: () => Promise<void>;
  /** Settled once the stored settings are applied: a poll at start waits for them. */
  ready: Promise<void>;
  /** The settings as last applied. */
  settings: () => Settings;
}

export function createPoll({ fetchers, queue, drawBadge, ready, settings }: PollDeps) {
  /** Announces what changed, then forgets dismissals whose incident is resolved (core/banner/dismissals.ts). */
  async function afterSuccess(snapshot: Snapshot, resolved: Resolutions): Promise<void> {
    const resolvedIds = new Set(resolved.resolved.map((r) => r.id));
    const notified = await announce(snapshot, settings(), resolvedIds, (change) => queue.update(notifiedItem, change));
    const remembered = Object.keys(notified.incidents);
    const live = liveOnStatusPage(snapshot, remembered);
    await queue.update(dismissalsItem, (dismissals) => prunedDismissals(dismissals, live, Date.now()));
  }

  return async function poll(reason: PollReason): Promise<void> {
    await ready;
    const before = await statusItem.get();
    const { state, verdict } = await fetchers.pollGate.request(reason);
    if (!verdict.run) return;
    // Drawn before the poll answers, so a refresh that returns has its badge; the status watch
    // draws again on the write, a cheap repeat that covers writes from anywhere else.
    await drawBadge();
    // summary.json can be late to show a resolution: confirm through incidents.json (at most
    // every 5 min, only while an incident is listed). Awaited so a refresh returns settled state.
    const resolved = await fetchers.resolutions.check();
    // How long incidents like the listed ones lasted: at most once an hour, only during one.
    await fetchers.pastDurations.refresh();
    // A successful check (noticesFor is idempotent, so a 304 announces nothing twice).
    if (state.snapshot && state.health.lastSuccessAt !== before.health.lastSuccessAt) {
      await afterSuccess(resolvedStatus(state, resolved).snapshot ?? state.snapshot, resolved);
    }
  };
}
