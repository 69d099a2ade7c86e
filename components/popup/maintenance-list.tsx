/** Maintenance windows: those in progress first, then upcoming ones, with their local times. */

import { safeStatusLink } from '../../core/status-page/sources';
import type { Maintenance } from '../../core/status-page/status-model';
import { dateTime, relativeTime } from '../../core/time/format';
import { locale, t } from '../../shell/i18n';
import { ExternalLink } from './incident-list';

function when(m: Maintenance, now: number): string {
  const from = dateTime(m.scheduledFor, locale(), now) ?? '?';
  const until = dateTime(m.scheduledUntil, locale(), now) ?? '?';
  if (m.inProgress) return t('popupMaintenanceNow', until);
  return t('popupMaintenanceNext', relativeTime(m.scheduledFor, now, locale(), t('relativeNow')) ?? '', from, until);
}

export function MaintenanceList({ maintenances, now }: { maintenances: Maintenance[]; now: number }) {
  if (maintenances.length === 0) return null;
  const ordered = [...maintenances.filter((m) => m.inProgress), ...maintenances.filter((m) => !m.inProgress)];
  return (
    <section aria-labelledby="so-maintenance-heading">
      <h2 id="so-maintenance-heading">{t('popupMaintenance')}</h2>
      {ordered.map((m) => {
        const url = safeStatusLink(m.url);
        return (
          <article
            key={m.id}
            // In progress in the maintenance colour; scheduled work in the card's grey.
            class={m.inProgress ? 'so-card so-colour-maintenance' : 'so-card'}
            data-maintenance-id={m.id}
            data-in-progress={String(m.inProgress)}
          >
            <h3>{m.name}</h3>
            <p class="so-meta">{when(m, now)}</p>
            {url && <ExternalLink href={url} text={t('popupMaintenanceLink')} />}
          </article>
        );
      })}
    </section>
  );
}
