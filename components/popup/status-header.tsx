/** Overall state in words and colour, when it was last checked, and whether the page is reachable. */

import type { ModelAdvice } from '../../core/models/claude-models';
import { retryAfterUntil } from '../../core/polling/poll-gate';
import type { StatusState } from '../../core/status-page/status-model';
import { agoTime } from '../../core/time/format';
import type { BadgeView } from '../../core/verdict/badge';
import { locale, t } from '../../shell/i18n';
import { modelText } from '../../shell/words/model-text';
import { overallLastKnown, overallMuted, overallWorking, statusHeadline } from '../../shell/words/overall-text';
import { dayTime } from '../../shell/words/time-text';

export interface StatusHeaderProps {
  status: StatusState;
  /** The one verdict (core/verdict/overall.ts), as the badge shows it. */
  view: BadgeView;
  now: number;
  refreshing: boolean;
  onRefresh: () => void;
  /**
   * claude.ai says the model in use is unavailable: which one, and another to switch to, in the
   * banner's words (core/models/claude-models.ts unavailableModelAdvice); null otherwise.
   */
  modelAdvice?: ModelAdvice | null;
}

export function StatusHeader({ status, view, now, refreshing, onRefresh, modelAdvice = null }: StatusHeaderProps) {
  const working = overallWorking(view);
  const lastKnown = overallLastKnown(view);
  const muted = overallMuted(view);
  const { health, snapshot } = status;
  // While the status is unknown the headline says since when: "checked 12 min ago" would repeat it.
  const checked = lastKnown ? null : agoTime(health.lastSuccessAt, now, locale(), t('relativeNow'));
  const failing = health.failingSince !== null;
  const waitUntil = retryAfterUntil(health, now);
  // Green only when every service is: trouble on a service the user does not care about is not "all clear".
  const kind = view.kind === 'operational' && muted ? 'muted' : view.kind;
  return (
    <header class={`so-header so-colour-${kind}`} data-kind={kind}>
      <div class="so-overall">
        <h1 class="so-overall-text" data-testid="overall">
          {statusHeadline(snapshot, view, now)}
        </h1>
        <button type="button" class="so-refresh" onClick={onRefresh} disabled={refreshing} aria-busy={refreshing}>
          {refreshing ? t('popupRefreshing') : t('popupRefresh')}
        </button>
      </div>
      {modelAdvice?.current && (
        <p class="so-checked" data-testid="overall-model">
          {t('bannerModelUnavailableOn', modelText(modelAdvice.current))}
          {modelAdvice.switchTo && ' '}
          {modelAdvice.switchTo && (
            <strong data-testid="overall-switch-model">
              {t('bannerSwitchModel', modelText(modelAdvice.switchTo))}
            </strong>
          )}
        </p>
      )}
      {lastKnown && (
        <p class="so-checked" data-testid="last-known">
          {lastKnown}
        </p>
      )}
      {muted && (
        <p class="so-checked" data-testid="muted-trouble">
          {muted}
        </p>
      )}
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
