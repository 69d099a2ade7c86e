/**
 * Active incidents: name, impact, status, start (relative and local time), affected services,
 * the latest update as plain text (line breaks kept, long text collapsed), earlier updates on
 * demand, and the incident page. Remote text is only ever Preact text children.
 */

import type { ModelName } from '../../core/models/claude-models';
import { storedModels } from '../../core/status-page/reach';
import { worst } from '../../core/status-page/severity';
import { safeStatusLink } from '../../core/status-page/sources';
import type { Incident, IncidentUpdate, Service } from '../../core/status-page/status-model';
import { type PastDurations, typicalDuration } from '../../core/status-page/typical-duration';
import { updatePreview } from '../../core/status-page/update-preview';
import { agoTime, dateTime } from '../../core/time/format';
import { locale, t } from '../../shell/i18n';
import { lastingText, typicalText } from '../../shell/words/duration-text';
import { scopeLabels } from '../../shell/words/model-text';
import { ServiceAdviceList } from './service-advice-list';
import { stateIcon } from './service-list';

/** "Identified, 12 min ago (Nov 20, 1:38 PM)". */
function updateMeta(update: IncidentUpdate, now: number): string {
  const when = agoTime(update.at, now, locale(), t('relativeNow'));
  const at = dateTime(update.at, locale(), now);
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

/** What every card shares: the model in use, whether claude.ai gets alternatives, past durations. */
export interface CardContext {
  modelInUse: ModelName | null;
  claudeAiAlternatives: boolean;
  pastDurations: PastDurations;
}

interface CardProps {
  incident: Incident;
  services: Service[];
  now: number;
  expanded: boolean;
  onToggle: (id: string) => void;
  context: CardContext;
}

/** How long it has gone on, and how long incidents like it lasted (when 5 or more compare). */
function Duration({ incident, now, past }: { incident: Incident; now: number; past: PastDurations }) {
  const lasting = lastingText(incident.startedAt, now);
  const typical = typicalDuration(incident, past, now);
  if (!lasting) return null;
  return (
    <p class="so-meta" data-testid="incident-duration">
      {lasting}
      {typical && ` ${typicalText(typical)}`}
    </p>
  );
}

function IncidentCard({ incident, services, now, expanded, onToggle, context }: CardProps) {
  const [latest, ...earlier] = incident.updates;
  const preview = latest ? updatePreview(latest.body) : null;
  const long = preview !== null;
  const url = safeStatusLink(incident.url);
  const started = agoTime(incident.startedAt, now, locale(), t('relativeNow'));
  const named = services.filter((s) => incident.serviceIds.includes(s.id));
  const names = named.map((s) => s.name);
  // One word per event: the worst of its impact and of the services it names, as the header weighs them.
  const severity = worst(incident.severity, ...named.map((s) => s.state));
  const headingId = `so-incident-${incident.id}`;
  return (
    <article class={`so-card so-colour-${severity}`} aria-labelledby={headingId} data-incident-id={incident.id}>
      <h3 id={headingId}>{incident.name}</h3>
      <p class="so-meta">
        <span class="so-tag" data-testid="incident-impact">
          <span class="so-icon" aria-hidden="true">
            {stateIcon(severity)}
          </span>{' '}
          {t(`severity_${severity}`)}
        </span>{' '}
        <span class="so-tag" data-testid="incident-status">
          {t(`incidentStatus_${incident.status}`)}
        </span>
      </p>
      {started && (
        <p class="so-meta" data-testid="incident-started">
          {t('popupStarted', started, dateTime(incident.startedAt, locale(), now) ?? '')}
        </p>
      )}
      <Duration incident={incident} now={now} past={context.pastDurations} />
      {names.length > 0 && <p class="so-meta">{t('popupAffects', names.join(', '))}</p>}
      <ModelChips incident={incident} />
      <ServiceAdviceList
        incident={incident}
        services={services}
        modelInUse={context.modelInUse}
        claudeAiAlternatives={context.claudeAiAlternatives}
      />
      {latest && (
        <div class="so-update" data-testid="latest-update">
          <p class="so-meta">{updateMeta(latest, now)}</p>
          <p class="so-body" id={`${headingId}-body`}>
            {expanded || preview === null ? latest.body : preview}
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
  context: CardContext;
}

export function IncidentList({ incidents, services, now, expanded, onToggle, context }: IncidentListProps) {
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
          context={context}
        />
      ))}
    </section>
  );
}
