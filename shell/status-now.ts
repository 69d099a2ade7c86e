/**
 * The stored status as every surface shows it, read once: the resolutions incidents.json
 * confirmed applied, and what "old" and "stale" mean for it (core/polling/cadence.ts, measured on the
 * snapshot as stored). With claude.ai's own signals and failures it is what the one verdict
 * (core/verdict/overall.ts) is decided from, alike for the badge and the extension's pages.
 */
import { staleIntervalMs } from '../core/polling/cadence';
import type { Settings } from '../core/settings/settings';
import { resolvedStatus } from '../core/status-page/resolutions';
import type { StatusState } from '../core/status-page/status-model';
import type { OverallContext } from '../core/verdict/overall';
import { failuresItem, resolutionsItem, signalsItem, statusItem } from './stored-items';

export interface StatusNow {
  status: StatusState;
  staleMs: number;
}

export async function readStatusNow(settings: Settings): Promise<StatusNow> {
  const [stored, resolved] = await Promise.all([statusItem.get(), resolutionsItem.get()]);
  return { status: resolvedStatus(stored, resolved), staleMs: staleIntervalMs(settings, stored.snapshot) };
}

/** What the verdict is decided from: the status, and what claude.ai showed this user. */
export async function readVerdictInputs(settings: Settings): Promise<StatusNow & { local: OverallContext }> {
  const [now, signals, failures] = await Promise.all([readStatusNow(settings), signalsItem.get(), failuresItem.get()]);
  return { ...now, local: { signals, failures, settings, online: navigator.onLine } };
}
