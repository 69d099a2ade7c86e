/**
 * "How long will it last" in words, alike for the popup's incident card and the banner: how long
 * the incident has gone on, and how long incidents like it lasted (core/status-page/typical-duration.ts).
 * Said of the past ("lasted"), never as a forecast.
 */
import { formatDuration } from '../../core/status-page/history';
import type { Typical } from '../../core/status-page/typical-duration';
import { notAfterNow } from '../../core/time/clock';
import { locale, t } from '../i18n';

/** "Going on for 1 hr 20 min." from when it started; null without a start. */
export function lastingText(startedAt: string | null, now: number): string | null {
  const start = Date.parse(notAfterNow(startedAt, now) ?? '');
  return Number.isNaN(start) ? null : t('durationSoFar', formatDuration(now - start, locale()));
}

/** "Past incidents like this one (7 in the last 90 days, …) lasted 20 min to 1 hr 10 min, median 40 min." */
export function typicalText(typical: Typical): string {
  const l = locale();
  return t(
    'durationTypical',
    typical.count,
    formatDuration(typical.minMs, l),
    formatDuration(typical.maxMs, l),
    formatDuration(typical.medianMs, l),
  );
}
