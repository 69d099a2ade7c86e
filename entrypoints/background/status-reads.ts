/**
 * What the background reads back from storage to decide: the status every surface shows, the poll
 * interval the cadence wants now, what "stale" means, and the badge's inputs. Reads only; the
 * settings come from the caller, which holds them as last applied.
 */
import { cadenceMs, staleIntervalMs } from '../../core/cadence';
import type { OverallContext } from '../../core/overall';
import { resolvedStatus } from '../../core/resolutions';
import type { Settings } from '../../core/settings';
import type { StatusState } from '../../core/status-model';
import { failuresItem, resolutionsItem, signalsItem, siteSeenItem, statusItem } from '../../shell/stored-items';

export interface StatusReads {
  /** The stored status with the resolutions incidents.json confirmed applied: what every surface shows. */
  currentStatus(): Promise<StatusState>;
  /** The interval the cadence wants now (core/cadence.ts): what scheduled polls follow. */
  period(): Promise<number>;
  /** What "old" and "stale" mean, alike for the badge, the banner and the popup. */
  stalePeriod(): Promise<number>;
  /** What the badge shows is decided from (core/overall.ts). */
  badgeInputs(): Promise<{ status: StatusState; staleMs: number; local: OverallContext }>;
}

export function createStatusReads(settings: () => Settings): StatusReads {
  async function currentStatus(): Promise<StatusState> {
    const [status, resolved] = await Promise.all([statusItem.get(), resolutionsItem.get()]);
    return resolvedStatus(status, resolved);
  }
  async function stalePeriod(): Promise<number> {
    return staleIntervalMs(settings(), (await statusItem.get()).snapshot);
  }
  return {
    currentStatus,
    stalePeriod,
    async period() {
      const [status, signals, failures, siteSeenAt] = await Promise.all([
        statusItem.get(),
        signalsItem.get(),
        failuresItem.get(),
        siteSeenItem.get(),
      ]);
      return cadenceMs({ settings: settings(), status, signals, failures, siteSeenAt }, Date.now());
    },
    async badgeInputs() {
      const [status, signals, failures, staleMs] = await Promise.all([
        currentStatus(),
        signalsItem.get(),
        failuresItem.get(),
        stalePeriod(),
      ]);
      // What claude.ai showed the user counts as much as the status page (core/overall.ts).
      return { status, staleMs, local: { signals, failures, settings: settings(), online: navigator.onLine } };
    },
  };
}
