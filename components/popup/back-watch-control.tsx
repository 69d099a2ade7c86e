/**
 * "Tell me when it's back" in the popup (issue #18): the button, or, while the watch is on, until
 * when it runs and a way to cancel it. The popup's own click asks for the notification permission.
 */
import { BACK_WATCH_MS, type BackWatch } from '../../core/back-watch/back-watch';
import { clockTime } from '../../core/time/format';
import { locale, t } from '../../shell/i18n';

export interface BackWatchControlProps {
  backWatch: BackWatch;
  onWatch: () => void;
  onCancel: () => void;
}

export function BackWatchControl({ backWatch, onWatch, onCancel }: BackWatchControlProps) {
  const watch = backWatch.watch;
  const until = watch ? new Date(Date.parse(watch.startedAt) + BACK_WATCH_MS).toISOString() : null;
  return (
    <section class="so-watch" data-testid="back-watch" data-on={watch !== null}>
      {watch ? (
        <p>
          <span data-testid="back-watch-on">{t('popupWatching', clockTime(until, locale()) ?? '')}</span>{' '}
          <button type="button" class="so-link-button" data-testid="back-watch-cancel" onClick={onCancel}>
            {t('watchCancel')}
          </button>
        </p>
      ) : (
        <button type="button" class="so-button" data-testid="back-watch-start" onClick={onWatch}>
          {t('watchStart')}
        </button>
      )}
    </section>
  );
}
