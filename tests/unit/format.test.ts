import { describe, expect, it } from 'vitest';
import { clockTime, dateTime, relativeTime } from '../../core/time/format';
import { DAY_MS as DAY, HOUR_MS as HOUR, MINUTE_MS as MIN, SECOND_MS as SEC } from '../../core/time/time';
import { inUtc } from './support/utc-clock';

const NOW = Date.UTC(2026, 10, 20, 13, 5, 0);
const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

// Clock and date follow the user's time zone; the tables are written for UTC.
inUtc();

/** ICU puts a narrow no-break space before AM/PM; compare with plain spaces. */
const plain = (text: string | null) => text?.replace(/[\u202f\u00a0]/g, ' ') ?? null;

describe("relativeTime (locale 'en', fixed now)", () => {
  it.each<[string, number, string]>([
    ['now', 0, 'now'],
    ['4 s ago rounds to now', -4 * SEC, 'now'],
    ['25 s ago, in steps of 10 s', -25 * SEC, '20 sec. ago'],
    ['36 s ago', -36 * SEC, '40 sec. ago'],
    ['1 min ago', -MIN, '1 min. ago'],
    ['5 min ago', -5 * MIN, '5 min. ago'],
    ['59 min ago', -59 * MIN, '59 min. ago'],
    ['1 h ago', -HOUR, '1 hr. ago'],
    ['3 h ago', -3 * HOUR, '3 hr. ago'],
    ['1 day ago', -DAY, 'yesterday'],
    ['3 days ago', -3 * DAY, '3 days ago'],
    ['in 20 s', 20 * SEC, 'in 20 sec.'],
    ['in 2 h', 2 * HOUR, 'in 2 hr.'],
    ['in 1 day', DAY, 'tomorrow'],
    ['in 2 days', 2 * DAY, 'in 2 days'],
  ])('%s -> %j', (_label, offset, expected) => {
    expect(relativeTime(at(offset), NOW, 'en')).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['the same day: the time alone', '2026-11-20T09:15:00.000Z', '09:15 AM'],
    ['earlier this year: no year', '2026-11-18T13:05:00.000Z', 'Nov 18, 01:05 PM'],
    ['last year: the whole date', '2025-12-31T23:00:00.000Z', 'Dec 31, 2025, 11:00 PM'],
  ])('dateTime beside now (Nov 20, 2026, 14:00): %s -> %j', (_label, iso, expected) => {
    expect(plain(dateTime(iso, 'en', Date.parse('2026-11-20T14:00:00.000Z')))).toBe(expected);
  });

  it.each<[string, string | null]>([
    ['null', null],
    ['empty', ''],
    ['not a date', 'not-a-date'],
    ['a month 13', '2026-13-01T00:00:00Z'],
  ])('invalid (%s) -> null', (_label, iso) => {
    expect(relativeTime(iso, NOW, 'en')).toBeNull();
  });

  it('follows the locale', () => {
    expect(relativeTime(at(-5 * MIN), NOW, 'de')).toBe('vor 5 Min.');
  });
});

describe("clockTime / dateTime (locale 'en', UTC)", () => {
  it.each<[string, string, string]>([
    ['afternoon', '2026-11-20T13:05:00.000Z', '01:05 PM'],
    ['midnight', '2026-11-20T00:00:00.000Z', '12:00 AM'],
    ['an offset is converted', '2026-11-20T14:43:00-08:00', '10:43 PM'],
  ])('clockTime: %s -> %j', (_label, iso, expected) => {
    expect(plain(clockTime(iso, 'en'))).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['afternoon', '2026-11-20T13:05:00.000Z', 'Nov 20, 2026, 1:05 PM'],
    ['new year', '2027-01-01T00:30:00.000Z', 'Jan 1, 2027, 12:30 AM'],
  ])('dateTime: %s -> %j', (_label, iso, expected) => {
    expect(plain(dateTime(iso, 'en'))).toBe(expected);
  });

  it.each<[string, string | null]>([
    ['null', null],
    ['empty', ''],
    ['not a date', 'not-a-date'],
  ])('invalid (%s) -> null', (_label, iso) => {
    expect(clockTime(iso, 'en')).toBeNull();
    expect(dateTime(iso, 'en')).toBeNull();
  });

  it('follows the time zone of the user', () => {
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(plain(clockTime('2026-11-20T22:43:00.000Z', 'en'))).toBe('02:43 PM');
    } finally {
      process.env.TZ = 'UTC';
    }
  });
});
