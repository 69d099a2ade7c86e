/**
 * User-visible strings, by key, from public/_locales. With the language setting on "automatic"
 * the browser's own i18n picks the locale; with a chosen language the surface loads that
 * locale's message file (browser.i18n cannot switch language at run time) and uses it.
 * Status words and times go through Intl with the same locale (`locale()`).
 */
import { browser } from 'wxt/browser';

export type Catalogue = Record<string, { message: string }>;

type Translator = (key: string, substitutions?: string[]) => string;

// WXT types getMessage with the keys of the default locale; ours are built at run time, e.g. `state_${state}`.
const getMessage = (key: string, substitutions?: string[]) =>
  (browser.i18n.getMessage as (key: string, substitutions?: string[]) => string)(key, substitutions);

let chosen: { language: string; catalogue: Catalogue } | null = null;

function fromCatalogue(catalogue: Catalogue): Translator {
  return (key, substitutions = []) => {
    const entry = catalogue[key];
    if (!entry) return getMessage(key, substitutions) || key;
    return entry.message.replace(/\$(\d)/g, (_m, n: string) => substitutions[Number(n) - 1] ?? '');
  };
}

let translator: Translator = (key, substitutions) => getMessage(key, substitutions) || key;

export function t(key: string, ...substitutions: (string | number)[]): string {
  return translator(
    key,
    substitutions.map((s) => String(s)),
  );
}

/**
 * The locale for Intl formatting and plural rules: the language of the catalogue in use, so that
 * words and times never mix languages ("Started hace 14 min"). On automatic that is the browser's
 * language when we ship it (with its region: "en-GB" keeps its 24-hour clock), else the language
 * the browser fell back to (the default, English): each catalogue names itself in `catalogueLanguage`.
 */
export function locale(): string | undefined {
  if (chosen) return chosen.language;
  try {
    const ui = browser.i18n.getUILanguage();
    const shipped = getMessage('catalogueLanguage') || 'en';
    return ui.toLowerCase().split(/[-_]/)[0] === shipped ? ui : shipped;
  } catch {
    return undefined;
  }
}

/**
 * A message that counts, $1 the count: `key_one` or `key_other`, as Intl.PluralRules says in the
 * catalogue's language (French "one" covers 0 and 1). Our languages need only these two; French
 * "many" (millions) reads as "other".
 */
export function plural(key: string, count: number): string {
  return t(`${key}_${new Intl.PluralRules(locale()).select(count) === 'one' ? 'one' : 'other'}`, count);
}

/** A catalogue entry's name in the user's language, where it has words to translate (`altName_<id>`). */
export function alternativeName(alternative: { id: string; name: string }): string {
  const key = `altName_${alternative.id.replace(/-/g, '_')}`;
  const text = t(key);
  return text === key ? alternative.name : text;
}

/** Uses `catalogue` for `language`, or the browser's own choice again when `catalogue` is null. */
export function useCatalogue(language: string, catalogue: Catalogue | null): void {
  chosen = catalogue ? { language, catalogue } : null;
  translator = catalogue ? fromCatalogue(catalogue) : (key, substitutions) => getMessage(key, substitutions) || key;
}

/** Tests install a translator built from the message files directly. */
export function setTranslator(next: Translator, language?: string): void {
  translator = next;
  chosen = language ? { language, catalogue: {} } : null;
}
