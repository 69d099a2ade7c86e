/**
 * Firefox lets users withhold host permissions. Without the status origins nothing can be
 * checked, so say so and offer the request (it must run in the click: a user gesture).
 */
import { t } from '../../shell/i18n';

export function PermissionNotice({ onGrant }: { onGrant: () => void }) {
  return (
    <section class="so-notice" role="alert" aria-labelledby="so-permission-heading" data-testid="permission">
      <h2 id="so-permission-heading">{t('popupPermissionTitle')}</h2>
      <p>{t('popupPermissionBody')}</p>
      <button type="button" class="so-button" onClick={onGrant}>
        {t('popupPermissionGrant')}
      </button>
    </section>
  );
}
