/**
 * User-visible strings, looked up by key in public/_locales. Components call `t`; tests may
 * install a translator built from the same message files.
 */
import { browser } from 'wxt/browser';

type Translator = (key: string, substitutions?: string[]) => string;

// WXT types getMessage with the keys of the default locale; ours are built at run time, e.g. `state_${state}`.
const getMessage = browser.i18n.getMessage as (key: string, substitutions?: string[]) => string;

let translator: Translator = (key, substitutions) => getMessage(key, substitutions) || key;

export function t(key: string, ...substitutions: (string | number)[]): string {
  return translator(
    key,
    substitutions.map((s) => String(s)),
  );
}

export function setTranslator(next: Translator): void {
  translator = next;
}
