/** Options: noticing claude.ai's own error messages, and its failed requests: a section of its own, not under "Banner" (they feed the badge and the popup too). */
import { t } from '../../shell/i18n';
import { Checkbox } from './checkbox';
import type { SectionProps } from './section-props';

export function DetectionSwitches({ settings, change }: SectionProps) {
  return (
    <section aria-labelledby="so-detection">
      <h2 id="so-detection">{t('optionsDetection')}</h2>
      <Checkbox
        testId="capacity-detection"
        checked={settings.capacityDetection}
        onChange={(on) => change({ op: 'set', values: { capacityDetection: on } })}
        label={t('optionsCapacityDetection')}
      />
      <Checkbox
        testId="request-signal"
        checked={settings.requestSignal}
        onChange={(on) => change({ op: 'set', values: { requestSignal: on } })}
        label={t('optionsRequestSignal')}
      />
    </section>
  );
}
