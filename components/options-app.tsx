/**
 * The options page: one component per section (components/options/). Every change is sent to the
 * background at once as a patch (core/settings-patch.ts): the background stores settings, this
 * page only asks, and shows what is stored.
 */
import type { SettingsPatch } from '../core/settings-patch';
import { t } from '../shell/i18n';
import { AlternativesSection } from './options/alternatives-section';
import { BannerSection } from './options/banner-section';
import { CheckingSection } from './options/checking-section';
import { DetectionSwitches } from './options/detection-switches';
import { LooksSection } from './options/looks-section';
import { NotificationsSection } from './options/notifications-section';
import { ServicesSection } from './options/services-section';
import { optionsStore } from './options-store';
import { useStore } from './use-store';

export interface OptionsAppProps {
  change: (patch: SettingsPatch) => Promise<void>;
  /** Asks for the notifications permission (a user gesture); resolves whether it was granted. */
  requestNotifications: () => Promise<boolean>;
}

export function OptionsApp({ change, requestNotifications }: OptionsAppProps) {
  const { settings, announcement } = useStore(optionsStore);
  const section = { settings, change: (patch: SettingsPatch) => void change(patch) };
  return (
    <main class="so-options">
      <h1>{t('optionsTitle')}</h1>
      <CheckingSection {...section} />
      <BannerSection {...section} />
      <DetectionSwitches {...section} />
      <NotificationsSection {...section} requestNotifications={requestNotifications} />
      <ServicesSection {...section} />
      <AlternativesSection {...section} />
      <LooksSection {...section} />
      <p class="so-live" aria-live="polite">
        {announcement}
      </p>
    </main>
  );
}
