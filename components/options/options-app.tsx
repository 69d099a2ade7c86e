/**
 * The options page: one component per section (components/options/). Every change is sent to the
 * background at once as a patch (core/settings/settings-patch.ts): the background stores settings, this
 * page only asks, and shows what is stored.
 */
import type { SettingsPatch } from '../../core/settings/settings-patch';
import { t } from '../../shell/i18n';
import { useStore } from '../shared/use-store';
import { AlternativesSection } from './alternatives-section';
import { BannerSection } from './banner-section';
import { CheckingSection } from './checking-section';
import { DetectionSwitches } from './detection-switches';
import { LooksSection } from './looks-section';
import { NotificationsSection } from './notifications-section';
import { optionsStore } from './options-store';
import { ServicesSection } from './services-section';

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
