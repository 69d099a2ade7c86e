/**
 * Every service of the status page in page order, its state in words and an icon (not colour
 * alone); operational ones behind one line, so trouble stays in the popup's first screen.
 */

import type { Severity } from '../../core/status-page/severity';
import type { Service, ServiceGroup } from '../../core/status-page/status-model';
import { KIND_LOOK } from '../../core/verdict/kind-look';
import { t } from '../../shell/i18n';

/**
 * A state's icon: the badge's own mark for it (core/verdict/kind-look.ts: "!!" for a partial outage
 * here as on the badge), and a tick for operational, where the badge shows nothing.
 */
export function stateIcon(state: Severity): string {
  return KIND_LOOK[state].mark || '✓';
}

function ServiceRow({ service }: { service: Service }) {
  return (
    <li class={`so-service so-colour-${service.state}`} data-service-id={service.id} data-state={service.state}>
      <span class="so-service-icon" aria-hidden="true">
        {stateIcon(service.state)}
      </span>
      <span class="so-service-name">{service.name}</span>
      <span class="so-service-state">{t(`state_${service.state}`)}</span>
    </li>
  );
}

function Rows({ services, groups }: { services: Service[]; groups: ServiceGroup[] }) {
  const ungrouped = services.filter((s) => !s.groupId);
  return (
    <>
      {ungrouped.length > 0 && (
        <ul class="so-service-list">
          {ungrouped.map((service) => (
            <ServiceRow key={service.id} service={service} />
          ))}
        </ul>
      )}
      {groups.map((group) => {
        const members = services.filter((s) => s.groupId === group.id);
        if (members.length === 0) return null;
        return (
          <div class="so-group" key={group.id}>
            <h3>{group.name}</h3>
            <ul class="so-service-list">
              {members.map((service) => (
                <ServiceRow key={service.id} service={service} />
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}

/** Services in trouble first, in page order; the operational ones folded into one line. */
export function ServiceList({ services, groups }: { services: Service[]; groups: ServiceGroup[] }) {
  const troubled = services.filter((s) => s.state !== 'operational');
  const fine = services.filter((s) => s.state === 'operational');
  return (
    <section class="so-services" aria-labelledby="so-services-heading">
      <h2 id="so-services-heading">{t('popupServices')}</h2>
      <Rows services={troubled} groups={groups} />
      {fine.length > 0 && (
        <details class="so-more" data-testid="services-operational">
          <summary>{t(troubled.length > 0 ? 'popupOthersOperational' : 'popupAllOperational')}</summary>
          <Rows services={fine} groups={groups} />
        </details>
      )}
    </section>
  );
}
