/** Applies the language and theme settings to an extension page (popup, options). */
import type { Settings } from '../core/settings/settings';
import { loadCatalogue } from './catalogue';
import { locale, useCatalogue } from './i18n';

let applied: string | null = null;

/** Loads the chosen language's messages when it changed; resolves once `t` uses them. */
export async function applyLanguage(settings: Settings): Promise<void> {
  if (applied === settings.language) return;
  useCatalogue(settings.language, await loadCatalogue(settings.language));
  applied = settings.language;
  document.documentElement.lang = locale() ?? 'en';
}

export function applyTheme(settings: Settings): void {
  if (settings.theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = settings.theme;
}
