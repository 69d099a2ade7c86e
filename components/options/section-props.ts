/** What every section of the options page receives: the settings as stored, and how to ask for a change. */
import type { Settings } from '../../core/settings/settings';
import type { SettingsPatch } from '../../core/settings/settings-patch';

export interface SectionProps {
  settings: Settings;
  /** Sends one change to the background, which stores it (core/settings/settings-patch.ts). */
  change: (patch: SettingsPatch) => void;
}
