/** Options: which services the user cares about (new components are cared about by default). */
import { caresAbout } from '../../core/settings/settings';
import { t } from '../../shell/i18n';
import { useStore } from '../shared/use-store';
import { Checkbox } from './checkbox';
import { optionsStore } from './options-store';
import type { SectionProps } from './section-props';

export function ServicesSection({ settings, change }: SectionProps) {
  const { services } = useStore(optionsStore);
  return (
    <section aria-labelledby="so-services">
      <h2 id="so-services">{t('optionsServices')}</h2>
      <p class="so-muted">{t('optionsServicesHint')}</p>
      {services.length === 0 && <p class="so-muted">{t('optionsServicesUnknown')}</p>}
      {services.map((service) => (
        <Checkbox
          key={service.id}
          testId={`service-${service.id}`}
          checked={caresAbout(settings, service.id)}
          onChange={(on) => change({ op: 'service', id: service.id, on })}
          label={service.name}
        />
      ))}
    </section>
  );
}
