/** Options: how often the status page is checked. */
import { POLL_INTERVAL_CHOICES, type Settings } from '../../core/settings/settings';
import { plural, t } from '../../shell/i18n';
import type { SectionProps } from './section-props';

function intervalLabel(choice: Settings['pollIntervalSec']): string {
  if (choice === 'auto') return t('optionsIntervalAuto');
  return choice < 60 ? plural('optionsEverySeconds', choice) : plural('optionsEveryMinutes', choice / 60);
}

/** The select's value back to a choice; anything else (never offered) falls back to automatic. */
function parseInterval(value: string): Settings['pollIntervalSec'] {
  return POLL_INTERVAL_CHOICES.find((choice) => String(choice) === value) ?? 'auto';
}

export function CheckingSection({ settings, change }: SectionProps) {
  return (
    <section aria-labelledby="so-checking">
      <h2 id="so-checking">{t('optionsChecking')}</h2>
      <label>
        {t('optionsInterval')}{' '}
        <select
          data-testid="interval"
          value={String(settings.pollIntervalSec)}
          onChange={(e) => change({ op: 'set', values: { pollIntervalSec: parseInterval(e.currentTarget.value) } })}
        >
          {POLL_INTERVAL_CHOICES.map((n) => (
            <option key={n} value={String(n)}>
              {intervalLabel(n)}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
