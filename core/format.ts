/** Times in words, in the user's language, through Intl (no hand-made plural rules). */

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
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

export function clockTime(iso: string | null, locale?: string): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(ms);
}

export function dateTime(iso: string | null, locale?: string): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
