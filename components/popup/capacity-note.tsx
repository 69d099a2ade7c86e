/**
 * "Seen on your screen": capacity errors claude.ai showed and its own requests that failed, which
 * the status page never lists (or lists late).
 */

import { detectionsSince, lastDetectionAt, type Signals } from '../../core/claude-page/detections';
import { type FailureLog, failuresInLast } from '../../core/claude-page/fault';
import { CAPACITY_COUNT_WINDOW_MS, FAILURES_WINDOW_MS } from '../../core/claude-page/signal-timing';
import { plural, t } from '../../shell/i18n';
import { dayTime } from '../../shell/words/time-text';

function capacityCount(signals: Signals, now: number): number {
  return detectionsSince(signals, now - CAPACITY_COUNT_WINDOW_MS, 'claude-ai');
}

export function CapacityNote({ signals, failures, now }: { signals: Signals; failures?: FailureLog; now: number }) {
  const count = capacityCount(signals, now);
  const failed = failures ? failuresInLast(failures, FAILURES_WINDOW_MS, now) : 0;
  const last = lastDetectionAt(signals, 'claude-ai');
  return (
    <section aria-labelledby="so-seen-heading" data-testid="capacity-note" data-count={count}>
      <h2 id="so-seen-heading">{t('popupSeenHeading')}</h2>
      <p class={count > 0 ? 'so-seen' : 'so-meta'}>
        {count > 0
          ? t('popupCapacityCount', count, dayTime(new Date(last ?? now).toISOString(), now))
          : t('popupCapacityNone')}
      </p>
      {count > 0 && <p class="so-meta">{t('popupCapacityNote')}</p>}
      <p class={failed > 0 ? 'so-seen' : 'so-meta'} data-testid="failures-note" data-count={failed}>
        {failed > 0 ? plural('popupFailuresCount', failed) : t('popupFailuresNone')}
      </p>
    </section>
  );
}
