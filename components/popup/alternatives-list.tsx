/**
 * Where to keep working: the catalogue of core/advice/alternatives.ts, without anything that depends on a
 * failing service (named apart as also affected). The chat line and the Claude Code line come in
 * the order of what is down: Claude Code first when it is failing and claude.ai is not. The first
 * group's first three and the other's first one show, each with why it works; the rest is behind "more".
 */
import {
  ALTERNATIVES,
  type Alternative,
  chooseAlternatives,
  failingServiceIds,
  SHOWN_ALTERNATIVES,
} from '../../core/advice/alternatives';
import type { UserAlternative } from '../../core/settings/settings';
import { SERVICE_IDS } from '../../core/status-page/services';
import type { Snapshot } from '../../core/status-page/status-model';
import { alternativeName, t } from '../../shell/i18n';
import { ExternalLink } from './incident-list';

export interface AlternativeGroups {
  groups: { id: 'chat' | 'code'; items: Alternative[] }[];
  affected: Alternative[];
}

export function alternativeGroups(snapshot: Snapshot | null): AlternativeGroups {
  const failing = failingServiceIds(snapshot);
  const { recommended, affected } = chooseAlternatives(ALTERNATIVES, failing);
  const chat = { id: 'chat' as const, items: recommended.filter((a) => !a.forClaudeCode) };
  const code = { id: 'code' as const, items: recommended.filter((a) => a.forClaudeCode) };
  const codeFirst = failing.has(SERVICE_IDS.code) && !failing.has(SERVICE_IDS.claudeAi);
  return { groups: codeFirst ? [code, chat] : [chat, code], affected };
}

function Item({ alternative }: { alternative: Alternative }) {
  return (
    <li data-alt-id={alternative.id}>
      <ExternalLink href={alternative.url} text={alternativeName(alternative)} />
      <span class="so-meta so-why">{t(`altWhy_${alternative.id.replace(/-/g, '_')}`)}</span>
    </li>
  );
}

function Group({ id, items }: { id: 'chat' | 'code'; items: Alternative[] }) {
  return (
    <div data-group={id}>
      <ul class="so-alts">
        {items.map((a) => (
          <Item key={a.id} alternative={a} />
        ))}
      </ul>
    </div>
  );
}

export function AlternativesList({
  snapshot,
  userAlternatives = [],
}: {
  snapshot: Snapshot | null;
  userAlternatives?: UserAlternative[];
}) {
  const { groups, affected } = alternativeGroups(snapshot);
  const shown = groups.map((g, i) => g.items.slice(0, i === 0 ? SHOWN_ALTERNATIVES : 1));
  const rest = groups.map((g, i) => g.items.slice(shown[i]?.length));
  return (
    <section aria-labelledby="so-alternatives-heading" data-testid="alternatives">
      <h2 id="so-alternatives-heading">{t('popupAlternatives')}</h2>
      {groups.map(
        (group, i) =>
          group.items.length > 0 && (
            <div key={group.id}>
              <h3>{t(group.id === 'chat' ? 'popupAltChat' : 'popupAltCode')}</h3>
              <Group id={group.id} items={shown[i] ?? []} />
            </div>
          ),
      )}
      {rest.some((r) => r.length > 0) && (
        <details class="so-more" data-testid="alternatives-more">
          <summary>{t('popupAltMore')}</summary>
          {groups.map(
            (group, i) => (rest[i]?.length ?? 0) > 0 && <Group key={group.id} id={group.id} items={rest[i] ?? []} />,
          )}
        </details>
      )}
      {userAlternatives.length > 0 && (
        <div data-group="mine">
          <h3>{t('popupAltMine')}</h3>
          <ul class="so-alts" data-testid="my-alternatives">
            {userAlternatives
              .filter((a) => a.url.startsWith('https://'))
              .map((a) => (
                <li key={a.id}>
                  <a href={a.url} target="_blank" rel="noopener noreferrer">
                    {a.name}
                  </a>
                </li>
              ))}
          </ul>
        </div>
      )}
      {affected.length > 0 && (
        <p class="so-meta" data-testid="also-affected">
          {t('popupAlsoAffected', affected.map(alternativeName).join(', '))}
        </p>
      )}
    </section>
  );
}
