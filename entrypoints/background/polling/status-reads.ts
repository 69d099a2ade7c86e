/**
 * What the background reads back from storage to decide, with the settings as last applied (the
 * caller holds them): the status every surface shows and what "stale" means for it, the poll
 * interval the cadence wants now, and the badge's inputs (shell/status-now.ts).
 */
import { cadenceMs } from '../../../core/polling/cadence';
import type { Settings } from '../../../core/settings/settings';
import type { StatusState } from '../../../core/status-page/status-model';
import { readStatusNow, readVerdictInputs } from '../../../shell/status-now';
import { failuresItem, signalsItem, siteSeenItem, statusItem } from '../../../shell/stored-items';

export function createStatusReads(settings: () => Settings) {
  return {
    /** The status every surface shows, and what "stale" means for it, from one read. */
    now: () => readStatusNow(settings()),
    async currentStatus(): Promise<StatusState> {
      return (await readStatusNow(settings())).status;
    },
    /** The interval the cadence wants now (core/polling/cadence.ts): what scheduled polls follow. */
    async period(): Promise<number> {
      const [status, signals, failures, siteSeenAt] = await Promise.all([
        statusItem.get(),
        signalsItem.get(),
        failuresItem.get(),
        siteSeenItem.get(),
      ]);
      return cadenceMs({ settings: settings(), status, signals, failures, siteSeenAt }, Date.now());
    },
    /** What the badge shows is decided from; claude.ai's own screen counts as much as the status page. */
    badgeInputs: () => readVerdictInputs(settings()),
  };
}

export type StatusReads = ReturnType<typeof createStatusReads>;
