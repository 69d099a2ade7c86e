/**
 * Counting and "now" in the three languages we ship (issue #15, item 8): plural forms through
 * Intl.PluralRules in the catalogue's language, "just now" for zero, and one language throughout
 * when the browser's language is one we do not ship.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ALTERNATIVES } from '../../core/advice/alternatives';
import { relativeTime } from '../../core/time/format';
import { alternativeName, type Catalogue, locale, plural, t, useCatalogue } from '../../shell/i18n';

const NOW = Date.parse('2026-11-25T12:00:00Z');

function messages(language: string): Catalogue {
  return JSON.parse(readFileSync(path.join(process.cwd(), `public/_locales/${language}/messages.json`), 'utf8'));
}

const ago = (ms: number) => relativeTime(new Date(NOW - ms).toISOString(), NOW, locale(), t('relativeNow'));

afterEach(() => {
  useCatalogue('auto', null);
  vi.restoreAllMocks();
});

const CASES = {
  en: {
    more: ['and 1 more incident', 'and 2 more incidents'],
    minutes: ['every minute', 'every 5 minutes'],
    seconds: 'every 30 seconds',
    failures: [
      "One of claude.ai's own requests failed in the last 10 minutes.",
      "claude.ai's own requests failed 3 times in the last 10 minutes.",
    ],
    justNow: 'just now',
    zeroConfirmed: '0 of your requests to claude.ai failed as well.',
    fiveMinutes: '5 min. ago',
  },
  de: {
    more: ['und 1 weiterer Vorfall', 'und 2 weitere Vorfälle'],
    minutes: ['jede Minute', 'alle 5 Minuten'],
    seconds: 'alle 30 Sekunden',
    failures: [
      'Eine eigene Anfrage von claude.ai ist in den letzten 10 Minuten fehlgeschlagen.',
      'Eigene Anfragen von claude.ai sind in den letzten 10 Minuten 3-mal fehlgeschlagen.',
    ],
    justNow: 'gerade eben',
    zeroConfirmed: 'Auch 0 Ihrer Anfragen an claude.ai sind fehlgeschlagen.',
    fiveMinutes: 'vor 5 Min.',
  },
  fr: {
    more: ['et 1 autre incident', 'et 2 autres incidents'],
    minutes: ['chaque minute', 'toutes les 5 minutes'],
    seconds: 'toutes les 30 secondes',
    failures: [
      'Une requête de claude.ai a échoué au cours des 10 dernières minutes.',
      'Les requêtes de claude.ai ont échoué 3 fois au cours des 10 dernières minutes.',
    ],
    justNow: "à l'instant",
    // French counts 0 as singular (Intl.PluralRules('fr').select(0) is "one").
    zeroConfirmed: '0 de vos requêtes vers claude.ai a également échoué.',
    fiveMinutes: 'il y a 5 min',
  },
} as const;

describe.each(Object.entries(CASES))('%s', (language, expected) => {
  it('counts with the plural forms of its language', () => {
    useCatalogue(language, messages(language));
    expect([plural('bannerMore', 1), plural('bannerMore', 2)]).toEqual(expected.more);
    expect([plural('optionsEveryMinutes', 1), plural('optionsEveryMinutes', 5)]).toEqual(expected.minutes);
    expect(plural('optionsEverySeconds', 30)).toBe(expected.seconds);
    expect([plural('popupFailuresCount', 1), plural('popupFailuresCount', 3)]).toEqual(expected.failures);
  });

  it('says zero as its language does', () => {
    useCatalogue(language, messages(language));
    expect(plural('bannerFailingConfirmed', 0)).toBe(expected.zeroConfirmed);
    expect(ago(0)).toBe(expected.justNow);
    expect(ago(3_000)).toBe(expected.justNow);
    expect(ago(-3_000)).toBe(expected.justNow);
    expect(ago(5 * 60_000)?.replace(/\u00a0/g, ' ')).toBe(expected.fiveMinutes);
  });

  it('names every catalogue entry from its message file, brand names unchanged', () => {
    useCatalogue(language, messages(language));
    for (const a of ALTERNATIVES) expect(messages(language)[`altName_${a.id.replace(/-/g, '_')}`]).toBeDefined();
    const names = Object.fromEntries(ALTERNATIVES.map((a) => [a.id, alternativeName(a)]));
    expect(names.bedrock).toBe('Amazon Bedrock');
    expect(names['code-api-key']).toBe(messages(language).altName_code_api_key?.message);
    if (language !== 'en') expect(names['code-api-key']).not.toBe('Claude Code with an API key');
  });
});

describe('a browser language we do not ship', () => {
  it('uses the catalogue the browser fell back to (English) for words, times and plurals alike', () => {
    const en = messages('en');
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('es-ES');
    // What Chrome and Firefox do for a language without a message file: the default locale's.
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string[]) =>
      (en[key]?.message ?? '').replace(/\$(\d)/g, (_m, n: string) => subs?.[Number(n) - 1] ?? '')) as never);
    expect(locale()).toBe('en');
    expect(t('bannerStarted', ago(14 * 60_000) ?? '')).toBe('Started 14 min. ago');
    expect(t('bannerStarted', ago(0) ?? '')).toBe('Started just now');
    expect(plural('bannerMore', 1)).toBe('and 1 more incident');
  });

  it('keeps the region of a language we ship (en-GB stays en-GB for times)', () => {
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((key: string) =>
      key === 'catalogueLanguage' ? 'en' : '') as never);
    expect(locale()).toBe('en-GB');
  });
});

describe('the message files', () => {
  it('give every counted message an "other" form in every language', () => {
    for (const language of ['en', 'de', 'fr']) {
      const keys = Object.keys(messages(language));
      for (const key of keys.filter((k) => k.endsWith('_one'))) expect(keys).toContain(key.replace(/_one$/, '_other'));
    }
  });
});
