/** Loads a locale's message file from the extension's own package (extension pages and background). */
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { Language } from '../core/settings/settings';
import type { Catalogue } from './i18n';

const catalogueSchema = z.record(z.string(), z.object({ message: z.string() }));

export async function loadCatalogue(language: Language): Promise<Catalogue | null> {
  if (language === 'auto') return null;
  try {
    // The path is built at run time; WXT types getURL with the public files it knows at build time.
    const url = (browser.runtime.getURL as (path: string) => string)(`/_locales/${language}/messages.json`);
    const response = await fetch(url);
    const parsed = z.safeParse(catalogueSchema, await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
