/** The language the background's words (badge title, banner text) are in; loading is shared by whoever needs it first. */
import type { Settings } from '../../../core/settings/settings';
import { loadCatalogue } from '../../../shell/catalogue';
import { useCatalogue } from '../../../shell/i18n';

export function createLanguage() {
  let language: { name: Settings['language']; loaded: Promise<void> } = { name: 'auto', loaded: Promise.resolve() };
  return function useLanguage(name: Settings['language']): Promise<void> {
    if (language.name !== name) {
      const loaded = loadCatalogue(name).then((catalogue) => {
        // A later change may have won meanwhile.
        if (language.name === name) useCatalogue(name, catalogue);
      });
      language = { name, loaded };
    }
    return language.loaded;
  };
}
