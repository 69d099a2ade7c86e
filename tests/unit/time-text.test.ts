/**
 * Times with their day whenever the day is not today (issue #27, item 10; docs/words.md): a watch
 * that ends tomorrow at 06:13 must not read "(until 06:13)", which looks past.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dayOffset } from '../../core/time/format';
import { HOUR_MS as HOUR } from '../../core/time/time';
import { type Catalogue, useCatalogue } from '../../shell/i18n';
import { dayTime } from '../../shell/words/time-text';
import { inUtc } from './support/utc-clock';

// The reader's clock: the tables are written for UTC.
inUtc();
afterAll(() => {
  useCatalogue('en', null);
});

const NOW = Date.parse('2026-11-20T22:30:00Z');
const at = (iso: string) => new Date(Date.parse(iso)).toISOString();
/** ICU puts narrow no-break spaces around AM/PM and in dates; compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

function use(language: string): void {
  const file = path.join(process.cwd(), `public/_locales/${language}/messages.json`);
  useCatalogue(language, JSON.parse(readFileSync(file, 'utf8')) as Catalogue);
}

describe('dayOffset: calendar days from now, in the reader’s zone', () => {
  it.each<[string, string, number | null]>([
    ['an hour before, the same day', '2026-11-20T21:30:00Z', 0],
    ['just after midnight: tomorrow, 2 h later', '2026-11-21T00:30:00Z', 1],
    ['the morning after', '2026-11-21T06:13:00Z', 1],
    ['the evening before', '2026-11-19T23:00:00Z', -1],
    ['three days on', '2026-11-23T08:00:00Z', 3],
    ['not a date', 'soon', null],
  ])('%s', (_what, iso, offset) => {
    expect(dayOffset(iso, NOW)).toBe(offset);
  });

  it('null is no date', () => {
    expect(dayOffset(null, NOW)).toBeNull();
  });
});

describe('dayTime: the time alone today, with its day otherwise', () => {
  // [language, when, expected]
  it.each<[string, string, string]>([
    ['en', '2026-11-20T23:40:00Z', '11:40 PM'],
    ['en', '2026-11-21T06:13:00Z', 'tomorrow at 06:13 AM'],
    ['en', '2026-11-19T23:00:00Z', 'yesterday at 11:00 PM'],
    ['en', '2026-11-23T08:00:00Z', 'Nov 23, 08:00 AM'],
    ['de', '2026-11-20T23:40:00Z', '23:40'],
    ['de', '2026-11-21T06:13:00Z', 'morgen um 06:13'],
    ['de', '2026-11-19T23:00:00Z', 'gestern um 23:00'],
    ['de', '2026-11-23T08:00:00Z', '23. Nov., 08:00'],
    ['fr', '2026-11-20T23:40:00Z', '23:40'],
    ['fr', '2026-11-21T06:13:00Z', 'demain à 06:13'],
    ['fr', '2026-11-19T23:00:00Z', 'hier à 23:00'],
    ['fr', '2026-11-23T08:00:00Z', '23 nov., 08:00'],
  ])('%s: %s -> %j', (language, iso, expected) => {
    use(language);
    expect(plain(dayTime(at(iso), NOW))).toBe(expected);
  });

  it('a watch started at 18:13 that ends 12 hours later says tomorrow, in every language', () => {
    const started = Date.parse('2026-11-20T18:13:00Z');
    const until = new Date(started + 12 * HOUR).toISOString();
    for (const [language, word] of [
      ['en', 'tomorrow'],
      ['de', 'morgen'],
      ['fr', 'demain'],
    ] as const) {
      use(language);
      expect(dayTime(until, started)).toContain(word);
    }
  });

  it('nothing for what is not a date', () => {
    use('en');
    expect(dayTime(null, NOW)).toBe('');
    expect(dayTime('soon', NOW)).toBe('');
  });
});
