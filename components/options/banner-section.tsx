/** Options: on which sites the banner may appear. */
import { bannerEnabled } from '../../core/settings/settings';
import { SITES } from '../../core/sites/sites';
import { t } from '../../shell/i18n';
import { Checkbox } from './checkbox';
import type { SectionProps } from './section-props';

export function BannerSection({ settings, change }: SectionProps) {
  return (
    <section aria-labelledby="so-banner">
      <h2 id="so-banner">{t('optionsBanner')}</h2>
      {SITES.map((site) => (
        <Checkbox
          key={site.id}
          testId={`banner-${site.id}`}
          checked={bannerEnabled(settings, site.id)}
          onChange={(on) => change({ op: 'banner', site: site.id, on })}
          label={t('optionsBannerOn', site.host)}
        />
      ))}
    </section>
  );
}
