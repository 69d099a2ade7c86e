/**
 * "Tell me when it's back" in the popup (issue #18): the button, or, while the watch is on, until
 * when it runs and a way to cancel it. The popup's own click asks for the notification permission.
 */

import { useEffect, useRef } from 'preact/hooks';
import { BACK_WATCH_MS, type BackWatch } from '../../core/back-watch/back-watch';
import { t } from '../../shell/i18n';
import { dayTime } from '../../shell/words/time-text';

export interface BackWatchControlProps {
  backWatch: BackWatch;
  now: number;
  onWatch: () => void;
  onCancel: () => void;
}

export function BackWatchControl({ backWatch, now, onWatch, onCancel }: BackWatchControlProps) {
  const watch = backWatch.watch;
  const until = watch ? new Date(Date.parse(watch.startedAt) + BACK_WATCH_MS).toISOString() : null;
  const section = useRef<HTMLElement>(null);
  // The button pressed goes away once the watch turns on or off: the focus moves to the one that
  // replaces it ("Stop watching", or "Tell me when it's back"), not to the page's <body>.
  const moveFocus = useRef(false);
  const on = watch !== null;
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    section.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [on]);
  const press = (action: () => void) => () => {
    moveFocus.current = true;
    action();
  };
  return (
    <section class="so-watch" data-testid="back-watch" data-on={on} ref={section}>
      {watch ? (
        <p>
          <span data-testid="back-watch-on">{t('popupWatching', dayTime(until, now))}</span>{' '}
          <button type="button" class="so-link-button" data-testid="back-watch-cancel" onClick={press(onCancel)}>
            {t('watchCancel')}
          </button>
        </p>
      ) : (
        <button type="button" class="so-button" data-testid="back-watch-start" onClick={press(onWatch)}>
          {t('watchStart')}
        </button>
      )}
    </section>
  );
}
