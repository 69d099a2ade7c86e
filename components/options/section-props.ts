/** What every section of the options page receives: the settings as stored, and how to ask for a change. */
import type { Settings } from '../../core/settings';
import type { SettingsPatch } from '../../core/settings-patch';

export interface SectionProps {
  settings: Settings;
  /** Sends one change to the background, which stores it (core/settings-patch.ts). */
  change: (patch: SettingsPatch) => void;
}
