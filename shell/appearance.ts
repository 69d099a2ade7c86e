/** Applies the language and theme settings, and the colours of each kind of trouble, to an extension page (popup, options, welcome). */
import type { Settings } from '../core/settings/settings';
import { kindColourCss } from '../core/verdict/kind-look';
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

/**
 * The colour of each kind of trouble as CSS variables (core/verdict/kind-look.ts, the table the
 * badge and the banner use), added once to the page before it draws.
 */
export function applyKindColours(): void {
  if (document.getElementById('so-kind-colours')) return;
  const style = document.createElement('style');
  style.id = 'so-kind-colours';
  style.textContent = kindColourCss(':root');
  document.head.append(style);
}
