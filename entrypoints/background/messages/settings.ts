/** `settings`: the options page stores new settings, checked again here (https only, caps). */
import { sanitizeSettings } from '../../../core/advice/user-alternatives';
import { settingsItem } from '../../../shell/stored-items';
import type { Handler } from './handler';

export const settings: Handler<'settings'> = async (message, _from, background) => {
  await background.queue.write(settingsItem, sanitizeSettings(message.settings));
};
