/**
 * Active incidents: name, impact, status, start (relative and local time), affected services,
 * the latest update as plain text (line breaks kept, long text collapsed), earlier updates on
 * demand, and the incident page. Remote text is only ever Preact text children.
 */
import { dateTime, relativeTime } from '../core/format';
import type { Incident, IncidentUpdate, Service } from '../core/model';
import { storedModels } from '../core/reach';
import { safeStatusLink } from '../core/sources';
import { locale, t } from '../shell/i18n';
import { scopeLabels } from './model-text';
import { ServiceAdviceList } from './service-advice-list';
import { STATE_ICON } from './service-list';

/** Longer updates are cut here (at a word), the rest one click away. */
export const BODY_PREVIEW = 280;

export function previewText(body: string): string {
  if (body.length <= BODY_PREVIEW) return body;
  const cut = body.slice(0, BODY_PREVIEW);
  const space = cut.lastIndexOf(' ');
  return `${(space > BODY_PREVIEW / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** "Identified, 12 min ago (Nov 20, 1:38 PM)". */
function updateMeta(update: IncidentUpdate, now: number): string {
  const when = relativeTime(update.at, now, locale());
  const at = dateTime(update.at, locale());
  const status = t(`incidentStatus_${update.status}`);
  return when && at ? t('popupUpdateMeta', status, when, at) : status;
}

export function ExternalLink({ href, text, testId }: { href: string; text: string; testId?: string }) {
  // Defence in depth: stored data could have been tampered with; only https ever opens.
  if (!href.startsWith('https://')) return null;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" data-testid={testId}>
      {text}
    </a>
  );
}

/** The models an incident names (its latest word on them), as chips beside the affected services. */
function ModelChips({ incident }: { incident: Incident }) {
  const scope = storedModels(incident);
  const labels = scopeLabels(scope);
  if (labels.length === 0) return null;
  return (
    <ul class="so-chips" aria-label={t('popupModels')} data-testid="incident-models">
      {labels.map((label) => (
        <li key={label} class="so-chip">
          {label}
        </li>
      ))}
    </ul>
  );
}

interface CardProps {
  incident: Incident;
  services: Service[];
  now: number;
  expanded: boolean;
  onToggle: (id: string) => void;
}

function IncidentCard({ incident, services, now, expanded, onToggle }: CardProps) {
  const [latest, ...earlier] = incident.updates;
  const long = (latest?.body.length ?? 0) > BODY_PREVIEW;
  const url = safeStatusLink(incident.url);
  const started = relativeTime(incident.startedAt, now, locale());
  const names = services.filter((s) => incident.serviceIds.includes(s.id)).map((s) => s.name);
  const headingId = `so-incident-${incident.id}`;
  return (
    <article class={`so-card so-state-${incident.severity}`} aria-labelledby={headingId} data-incident-id={incident.id}>
      <h3 id={headingId}>{incident.name}</h3>
      <p class="so-meta">
        <span class="so-tag" data-testid="incident-impact">
          <span class="so-icon" aria-hidden="true">
            {STATE_ICON[incident.severity]}
          </span>{' '}
          {t(`severity_${incident.severity}`)}
        </span>{' '}
        <span class="so-tag" data-testid="incident-status">
          {t(`incidentStatus_${incident.status}`)}
        </span>
      </p>
      {started && (
        <p class="so-meta" data-testid="incident-started">
          {t('popupStarted', started, dateTime(incident.startedAt, locale()) ?? '')}
        </p>
      )}
      {names.length > 0 && <p class="so-meta">{t('popupAffects', names.join(', '))}</p>}
      <ModelChips incident={incident} />
      <ServiceAdviceList incident={incident} services={services} />
      {latest && (
        <div class="so-update" data-testid="latest-update">
          <p class="so-meta">{updateMeta(latest, now)}</p>
          <p class="so-body" id={`${headingId}-body`}>
            {expanded || !long ? latest.body : previewText(latest.body)}
          </p>
          {long && (
            <button
              type="button"
              class="so-link-button"
              aria-expanded={expanded}
              aria-controls={`${headingId}-body`}
              onClick={() => onToggle(incident.id)}
            >
              {expanded ? t('popupLess') : t('popupMore')}
            </button>
          )}
        </div>
      )}
      {earlier.length > 0 && (
        <details class="so-earlier">
          <summary>{t('popupEarlierUpdates', earlier.length)}</summary>
          <ol>
            {earlier.map((update, i) => (
              <li key={update.id || i}>
                <p class="so-meta">{updateMeta(update, now)}</p>
                <p class="so-body">{update.body}</p>
              </li>
            ))}
          </ol>
        </details>
      )}
      {url && <ExternalLink href={url} text={t('popupIncidentLink')} testId="incident-link" />}
    </article>
  );
}

export interface IncidentListProps {
  incidents: Incident[];
  services: Service[];
  now: number;
  expanded: Record<string, boolean>;
  onToggle: (id: string) => void;
}

export function IncidentList({ incidents, services, now, expanded, onToggle }: IncidentListProps) {
  if (incidents.length === 0) return null;
  return (
    <section aria-labelledby="so-incidents-heading">
      <h2 id="so-incidents-heading">{t('popupIncidents')}</h2>
      {incidents.map((incident) => (
        <IncidentCard
          key={incident.id}
          incident={incident}
          services={services}
          now={now}
          expanded={expanded[incident.id] === true}
          onToggle={onToggle}
        />
      ))}
    </section>
  );
}
