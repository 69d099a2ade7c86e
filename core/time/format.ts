/** Times in words, in the user's language, through Intl (no hand-made plural rules). */
import { notAfterNow } from './clock';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from './time';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', DAY_MS],
  ['hour', HOUR_MS],
  ['minute', MINUTE_MS],
  ['second', SECOND_MS],
];

/**
 * "5 min ago", "in 2 hours", in `locale`. A time that rounds to zero reads `justNow` when given
 * (the catalogue's "just now", "gerade eben", "à l'instant"), else Intl's own word ("now").
 */
export function relativeTime(iso: string | null, nowMs: number, locale?: string, justNow?: string): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const diff = ms - nowMs;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size || unit === 'second') {
      // Seconds move in steps of 10 so the text does not flicker every second.
      const value = unit === 'second' ? Math.round(diff / 10_000) * 10 : Math.round(diff / size);
      return value === 0 && justNow ? justNow : format.format(value, unit);
    }
  }
  return null;
}

/**
 * When something happened, in words: never in the future ("started in 60 min" from a skewed clock
 * or a status page's wrong time reads "now").
 */
export function agoTime(iso: string | null, nowMs: number, locale?: string, justNow?: string): string | null {
  return relativeTime(notAfterNow(iso, nowMs), nowMs, locale, justNow);
}

export function clockTime(iso: string | null, locale?: string): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(ms);
}

/** A day of this year with its time: "Nov 23, 08:00 AM", "23. Nov., 08:00". */
export const DAY_AND_TIME: Intl.DateTimeFormatOptions = {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};

/**
 * A date and time; with `nowMs`, only what the reader lacks: the time alone today, no year this
 * year (in the runtime's time zone, the one the reader's clock shows).
 */
export function dateTime(iso: string | null, locale?: string, nowMs?: number): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  if (nowMs !== undefined) {
    const at = new Date(ms);
    const now = new Date(nowMs);
    if (at.toDateString() === now.toDateString()) return clockTime(iso, locale);
    if (at.getFullYear() === now.getFullYear()) return new Intl.DateTimeFormat(locale, DAY_AND_TIME).format(ms);
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/**
 * How many calendar days `iso` lies after `nowMs` (negative: before), in the runtime's time zone,
 * the one the reader's clock shows: 0 today, 1 tomorrow, -1 yesterday. Null when `iso` is not a date.
 */
export function dayOffset(iso: string | null, nowMs: number): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const day = (t: number) => {
    const d = new Date(t);
    return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS;
  };
  return Math.round(day(ms) - day(nowMs));
}
