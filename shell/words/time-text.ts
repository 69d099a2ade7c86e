/**
 * A time of day with its day whenever the day is not today (issue #27, item 10): "(until 06:13)"
 * for a watch that ends tomorrow read as a time already past. In the catalogue's language.
 */
import { clockTime, DAY_AND_TIME, dayOffset } from '../../core/time/format';
import { locale, t } from '../i18n';

/**
 * "06:13" today; "tomorrow at 06:13", "yesterday at 06:13" (Intl's own words for the day, in the
 * catalogue's language: "morgen um 06:13", "demain à 06:13"); the day and month with the time
 * further off ("Nov 23, 08:00 AM"). Empty when `iso` is not a date.
 */
export function dayTime(iso: string | null, nowMs: number): string {
  const offset = dayOffset(iso, nowMs);
  const time = clockTime(iso, locale());
  if (offset === null || time === null) return '';
  if (offset === 0) return time;
  if (Math.abs(offset) === 1) {
    const day = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' }).format(offset, 'day');
    return t('timeOnDay', day, time);
  }
  return new Intl.DateTimeFormat(locale(), DAY_AND_TIME).format(Date.parse(iso ?? ''));
}
