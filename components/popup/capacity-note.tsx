/**
 * "Seen on your screen": capacity errors claude.ai showed and its own requests that failed, which
 * the status page never lists (or lists late); whether reading claude.ai's page may be unreliable
 * (its markers vanished: claude.ai changed); and "Wrong banner?", which copies a report of the
 * latest signal for the project's issue tracker.
 */

import { useState } from 'preact/hooks';
import { detectionsSince, lastDetectionAt, latestDetection, type Signals } from '../../core/claude-page/detections';
import { type FailureLog, failuresInLast } from '../../core/claude-page/fault';
import type { MarkerName, PageSignalKind } from '../../core/claude-page/page-facts';
import { CAPACITY_COUNT_WINDOW_MS, FAILURES_WINDOW_MS, MARKERS_VALID_MS } from '../../core/claude-page/signal-timing';
import { locale, plural, t } from '../../shell/i18n';
import { dayTime } from '../../shell/words/time-text';

function capacityCount(signals: Signals, now: number): number {
  return detectionsSince(signals, now - CAPACITY_COUNT_WINDOW_MS, 'claude-ai');
}

/** The markers a recent check of a conversation page did not find; empty when all were there or nothing is known. */
function missingMarkers(signals: Signals, now: number): readonly MarkerName[] {
  const markers = signals.markers;
  if (!markers || now - Date.parse(markers.at) > MARKERS_VALID_MS) return [];
  return markers.missing;
}

export function CapacityNote({
  signals,
  failures,
  now,
  onReport,
}: {
  signals: Signals;
  failures?: FailureLog;
  now: number;
  /** Copies the "Wrong banner?" report of the latest signal of `kind`; resolves false when the clipboard refused. */
  onReport?: (kind: PageSignalKind) => Promise<boolean>;
}) {
  const [reported, setReported] = useState<boolean | null>(null);
  const count = capacityCount(signals, now);
  const failed = failures ? failuresInLast(failures, FAILURES_WINDOW_MS, now) : 0;
  const last = lastDetectionAt(signals, 'claude-ai');
  const latest = latestDetection(signals, 'claude-ai');
  const recent = latest && now - Date.parse(latest.at) <= CAPACITY_COUNT_WINDOW_MS ? latest : null;
  const missing = missingMarkers(signals, now);
  const names = new Intl.ListFormat(locale(), { type: 'conjunction' }).format(
    missing.map((name) => t(`marker_${name.replace('-', '_')}`)),
  );
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
      {missing.length > 0 && (
        <p class="so-seen" role="status" data-testid="page-drift" data-missing={missing.join(' ')}>
          {t('popupPageDrift', names)}
        </p>
      )}
      {recent && onReport && (
        <p class="so-meta">
          <button
            type="button"
            class="so-link-button"
            data-testid="popup-report"
            onClick={() => void onReport(recent.kind).then(setReported)}
          >
            {t('bannerReport')}
          </button>{' '}
          {reported !== null && (
            <span role="status" data-testid="popup-report-copied">
              {t(reported ? 'bannerReportCopied' : 'bannerCopyFailed')}
            </span>
          )}
        </p>
      )}
    </section>
  );
}
