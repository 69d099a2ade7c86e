/** Options: desktop notifications; the optional permission is asked for when they are turned on. */
import { NOTIFY_MODES, type Settings } from '../../core/settings/settings';
import { t } from '../../shell/i18n';
import { useStore } from '../shared/use-store';
import { optionsStore } from './options-store';
import type { SectionProps } from './section-props';

export function NotificationsSection(
  props: SectionProps & {
    /** Asks for the notifications permission (a user gesture); resolves whether it was granted. */
    requestNotifications: () => Promise<boolean>;
  },
) {
  const { settings, change, requestNotifications } = props;
  const { permissionRefused, setPermissionRefused } = useStore(optionsStore);

  const onNotify = async (mode: Settings['notifications']) => {
    if (mode !== 'off' && !(await requestNotifications())) {
      setPermissionRefused(true);
      return;
    }
    setPermissionRefused(false);
    change({ op: 'set', values: { notifications: mode } });
  };

  return (
    <section aria-labelledby="so-notify">
      <h2 id="so-notify">{t('optionsNotifications')}</h2>
      <fieldset>
        <legend class="so-hidden">{t('optionsNotifications')}</legend>
        {NOTIFY_MODES.map((mode) => (
          <label key={mode} class="so-check">
            <input
              type="radio"
              name="notify"
              data-testid={`notify-${mode}`}
              checked={settings.notifications === mode}
              onChange={() => void onNotify(mode)}
            />
            {t(`optionsNotify_${mode.replaceAll('-', '_')}`)}
          </label>
        ))}
      </fieldset>
      {permissionRefused && (
        <p class="so-error" role="alert">
          {t('optionsNotifyRefused')}
        </p>
      )}
    </section>
  );
}
