/**
 * The options page's "settings-patch" message: one change, applied to the settings as stored in
 * its turn in the write queue (core/settings-patch.ts). Only the extension's own pages may change
 * settings: from anywhere else (a content script, a compromised page renderer) it is refused.
 */
import type { Settings } from '../../core/settings';
import { applySettingsPatch, type SettingsPatch } from '../../core/settings-patch';
import type { QueuedItem, WriteQueue } from './write-queue';

export function createSettingsPatchHandler(queue: WriteQueue, settings: QueuedItem<Settings>) {
  return async (patch: SettingsPatch, fromExtensionPage: boolean): Promise<{ ok: boolean }> => {
    if (!fromExtensionPage) return { ok: false };
    await queue.update(settings, (current) => applySettingsPatch(current, patch));
    return { ok: true };
  };
}
