/**
 * `settings-patch`: the options page's one change, applied to the settings as stored, in its turn
 * in the write queue (core/settings/settings-patch.ts), so two quick changes both count. Only the
 * extension's own pages may send it (core/messages/messages.ts PAGE_MESSAGES does not list it).
 */
import { applySettingsPatch } from '../../../core/settings/settings-patch';
import { settingsItem } from '../../../shell/stored-items';
import type { Handler } from './handler';

export const settingsPatch: Handler<'settings-patch'> = async (message, _from, background) => {
  await background.queue.update(settingsItem, (current) => applySettingsPatch(current, message.patch));
};
