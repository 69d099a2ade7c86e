// @vitest-environment node
/**
 * The message files in public/_locales: every locale carries exactly the English keys, with the
 * same placeholders, nothing empty, keys Chrome accepts, a store description within Chrome's limit,
 * and translations rather than English copies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; description?: string }>;

const LOCALES_DIR = path.join(process.cwd(), 'public/_locales');
const EXPECTED_LOCALES = ['de', 'en', 'fr'];
/** Chrome refuses to load an extension whose message names have anything else. */
const KEY_PATTERN = /^[A-Za-z0-9_@]+$/;
/** Chrome's limit for the manifest description (the store description). */
const MAX_DESCRIPTION = 132;

/**
 * Messages that may read exactly as in English: names, host names, endonyms, and words that are
 * the same in that language. Anything else identical to English is an untranslated copy.
 */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  '*': [
    'extName',
    'source_primary',
    'source_fallback',
    'languageName_en',
    'languageName_de',
    'languageName_fr',
    // Brand names in the alternatives' catalogue (core/advice/alternatives.ts).
    'altName_bedrock',
    'altName_vertex',
    'altName_openrouter',
    'altName_typingmind',
    'altName_librechat',
    'altName_lobechat',
    'altName_poe',
  ],
  // The German word is the English one: "Banner" (docs/words.md, the glossary).
  de: ['optionsBanner'],
  fr: ['severity_maintenance', 'popupMaintenance', 'popupServices', 'popupHistoryList'],
};

/** Names no translation changes (German may join them into compounds with hyphens: "Google-Cloud-Konto"). */
const NAMES = [
  'Status Overlay for Claude',
  'status.claude.com',
  'anthropic.statuspage.io',
  'claude.ai',
  'Claude Code',
  'Claude',
  'Anthropic',
  'Console',
  'API',
  'AWS',
  'Google Cloud',
  'OpenRouter',
  'Poe',
  'https://',
];

/** How each description begins: the extension is not Anthropic's. */
const UNOFFICIAL: Record<string, RegExp> = { en: /^Unofficial\./, de: /^Inoffiziell\./, fr: /^Non officiel\./ };

function load(locale: string): Messages {
  return JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;
}

const locales = readdirSync(LOCALES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const catalogues = Object.fromEntries(locales.map((locale) => [locale, load(locale)])) as Record<string, Messages>;
const en = catalogues.en ?? {};
const others = locales.filter((locale) => locale !== 'en');

/** The positional placeholders ($1..$9) a message uses, as a sorted set. */
const placeholders = (message: string) => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();

describe('locales', () => {
  it('English, German and French are there', () => {
    expect(locales).toEqual(EXPECTED_LOCALES);
    expect(Object.keys(en).length).toBeGreaterThan(100);
  });

  it.each(others)('%s has exactly the English keys', (locale) => {
    const keys = Object.keys(catalogues[locale] ?? {});
    const missing = Object.keys(en).filter((key) => !keys.includes(key));
    const extra = keys.filter((key) => !(key in en));
    expect({ missing, extra }, `${locale}: missing [${missing.join(', ')}], extra [${extra.join(', ')}]`).toEqual({
      missing: [],
      extra: [],
    });
  });

  it.each(locales)('%s: every key is one Chrome accepts', (locale) => {
    const bad = Object.keys(catalogues[locale] ?? {}).filter((key) => !KEY_PATTERN.test(key));
    expect(bad, `${locale}: keys Chrome refuses: ${bad.join(', ')}`).toEqual([]);
  });

  it.each(locales)('%s: every entry is a non-empty message', (locale) => {
    const empty = Object.entries(catalogues[locale] ?? {})
      .filter(([, entry]) => typeof entry?.message !== 'string' || entry.message.trim() === '')
      .map(([key]) => key);
    expect(empty, `${locale}: empty messages: ${empty.join(', ')}`).toEqual([]);
  });

  it.each(locales)('%s: only $1..$9 placeholders, and no stray "$" (a literal one must be "$$")', (locale) => {
    const bad = Object.entries(catalogues[locale] ?? {})
      .filter(([, { message }]) => /\$(?![1-9$])/.test(message.replaceAll('$$', '')))
      .map(([key]) => key);
    expect(bad, `${locale}: messages with a stray "$": ${bad.join(', ')}`).toEqual([]);
  });

  it.each(others)('%s: each translation uses the same placeholders as English', (locale) => {
    const mismatched = Object.entries(catalogues[locale] ?? {})
      .filter(([key]) => key in en)
      .filter(([key, { message }]) => placeholders(message).join() !== placeholders(en[key]?.message ?? '').join())
      .map(
        ([key, { message }]) =>
          `${key} (en ${placeholders(en[key]?.message ?? '').join('') || 'none'}, ${locale} ${placeholders(message).join('') || 'none'})`,
      );
    expect(mismatched, `${locale}: placeholders differ: ${mismatched.join('; ')}`).toEqual([]);
  });

  it.each(others)('%s: keeps every product name English uses', (locale) => {
    const lost = Object.entries(en).flatMap(([key, { message }]) => {
      const translation = (catalogues[locale]?.[key]?.message ?? '').replaceAll('-', ' ');
      return NAMES.filter((name) => message.includes(name) && !translation.includes(name.replaceAll('-', ' '))).map(
        (name) => `${key} (${name})`,
      );
    });
    expect(lost, `${locale}: names lost: ${lost.join(', ')}`).toEqual([]);
  });

  it.each(locales)(`%s: the store description fits Chrome's ${MAX_DESCRIPTION} characters`, (locale) => {
    const description = catalogues[locale]?.extDescription?.message ?? '';
    expect(description.length).toBeGreaterThan(0);
    expect([...description].length, `${locale}: "${description}"`).toBeLessThanOrEqual(MAX_DESCRIPTION);
  });

  it.each(others)('%s: translated, not copied from English', (locale) => {
    const allowed = new Set([...(SAME_AS_ENGLISH['*'] ?? []), ...(SAME_AS_ENGLISH[locale] ?? [])]);
    // Placeholders and punctuation only ("$1: $2") have nothing to translate.
    const wordless = (message: string) => !/\p{L}/u.test(message.replace(/\$[1-9]/g, ''));
    const copied = Object.entries(catalogues[locale] ?? {})
      .filter(([key, { message }]) => message === en[key]?.message && !allowed.has(key) && !wordless(message))
      .map(([key]) => key);
    expect(copied, `${locale}: same as English: ${copied.join(', ')}`).toEqual([]);
  });

  it.each(locales)('%s: names and endonyms stay as they are; the description says "unofficial"', (locale) => {
    const catalogue = catalogues[locale] ?? {};
    for (const key of SAME_AS_ENGLISH['*'] ?? []) {
      expect(catalogue[key]?.message, `${locale}: ${key}`).toBe(en[key]?.message);
    }
    // The description still says first that it is not Anthropic's.
    expect(catalogue.extDescription?.message).toMatch(UNOFFICIAL[locale] ?? /^$/);
  });
});
