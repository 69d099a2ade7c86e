/** Overall state in words and colour, when it was last checked, and whether the page is reachable. */

import { retryAfterUntil } from '../../core/polling/poll-gate';
import type { StatusState } from '../../core/status-page/status-model';
import { agoTime } from '../../core/time/format';
import type { BadgeView } from '../../core/verdict/badge';
import { locale, t } from '../../shell/i18n';
import { overallWorking, statusHeadline } from '../../shell/words/overall-text';
import { dayTime } from '../../shell/words/time-text';

export interface StatusHeaderProps {
  status: StatusState;
  /** The one verdict (core/verdict/overall.ts), as the badge shows it. */
  view: BadgeView;
  now: number;
  refreshing: boolean;
  onRefresh: () => void;
}

export function StatusHeader({ status, view, now, refreshing, onRefresh }: StatusHeaderProps) {
  const working = overallWorking(view);
  const { health, snapshot } = status;
  const checked = agoTime(health.lastSuccessAt, now, locale(), t('relativeNow'));
  const failing = health.failingSince !== null;
  const waitUntil = retryAfterUntil(health, now);
  return (
    <header class={`so-header so-colour-${view.kind}`} data-kind={view.kind}>
      <div class="so-overall">
        <h1 class="so-overall-text" data-testid="overall">
          {statusHeadline(snapshot, view)}
        </h1>
        <button type="button" class="so-refresh" onClick={onRefresh} disabled={refreshing} aria-busy={refreshing}>
          {refreshing ? t('popupRefreshing') : t('popupRefresh')}
        </button>
      </div>
      {working && (
        <p class="so-checked" data-testid="working">
          {working}
        </p>
      )}
      {checked && (
        <p class="so-checked" data-testid="checked">
          {t('popupCheckedAgo', checked)}
        </p>
      )}
      {failing && snapshot && (
        <p class="so-unreachable" role="status" data-testid="unreachable">
          {t('popupUnreachable', dayTime(health.failingSince, now), health.source ? t(`source_${health.source}`) : '')}
        </p>
      )}
      {failing && !snapshot && (
        <p class="so-unreachable" role="status" data-testid="unreachable">
          {t('popupUnreachableNoData', t(`fetchError_${(health.lastErrorKind ?? 'network').replaceAll('-', '_')}`))}
        </p>
      )}
      {waitUntil && (
        <p class="so-unreachable" data-testid="wait-until">
          {t('popupWaitUntil', dayTime(waitUntil, now))}
        </p>
      )}
      {!snapshot && !failing && <p class="so-nodata">{t('popupNoData')}</p>}
    </header>
  );
}
