/** Options: language and theme. */
import { LANGUAGES, type Settings, THEMES } from '../../core/settings/settings';
import { t } from '../../shell/i18n';
import type { SectionProps } from './section-props';

export function LooksSection({ settings, change }: SectionProps) {
  return (
    <section aria-labelledby="so-looks">
      <h2 id="so-looks">{t('optionsLooks')}</h2>
      <label>
        {t('optionsLanguage')}{' '}
        <select
          data-testid="language"
          value={settings.language}
          onChange={(e) => change({ op: 'set', values: { language: e.currentTarget.value as Settings['language'] } })}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {l === 'auto' ? t('optionsAutomatic') : t(`languageName_${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('optionsTheme')}{' '}
        <select
          data-testid="theme"
          value={settings.theme}
          onChange={(e) => change({ op: 'set', values: { theme: e.currentTarget.value as Settings['theme'] } })}
        >
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {t(`optionsTheme_${theme}`)}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
