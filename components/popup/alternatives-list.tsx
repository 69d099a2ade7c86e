/**
 * Where to keep working: per surface in trouble (core/verdict/overall.ts `surfaces`), what that
 * surface's banner offers, or for Claude Code its own entries (core/advice/alternatives.ts
 * alternativeGroups); anything that depends on a failing service is named apart as also
 * affected. The first group's first three and each other's first one show, each with why it
 * works; the rest is behind "more".
 */
import {
  type Alternative,
  type AlternativeGroup,
  alternativeGroups,
  SHOWN_ALTERNATIVES,
  type WorkSurface,
} from '../../core/advice/alternatives';
import type { UserAlternative } from '../../core/settings/settings';
import type { Snapshot } from '../../core/status-page/status-model';
import { alternativeName, t } from '../../shell/i18n';
import { ExternalLink } from './incident-list';

/** The group's heading: "Instead of claude.ai", "Instead of platform.claude.com", both, or "For Claude Code". */
function heading(group: AlternativeGroup): string {
  const [first] = group.surfaces;
  if (first === 'code') return t('popupAltCode');
  if (group.surfaces.length > 1) return t('popupAltChatPlatform');
  return t(first === 'platform' ? 'popupAltPlatform' : 'popupAltChat');
}

/** The page object's name for a group: chat (claude.ai, or both sites), platform or code. */
function groupId(group: AlternativeGroup): 'chat' | 'platform' | 'code' {
  const [first] = group.surfaces;
  return first === 'claude-ai' ? 'chat' : (first ?? 'chat');
}

function Item({ alternative }: { alternative: Alternative }) {
  return (
    <li data-alt-id={alternative.id}>
      <ExternalLink href={alternative.url} text={alternativeName(alternative)} />
      <span class="so-meta so-why">{t(`altWhy_${alternative.id.replace(/-/g, '_')}`)}</span>
    </li>
  );
}

function Group({ id, items }: { id: string; items: Alternative[] }) {
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
  surfaces,
  userAlternatives = [],
}: {
  snapshot: Snapshot | null;
  surfaces: readonly WorkSurface[];
  userAlternatives?: UserAlternative[];
}) {
  const { groups, affected } = alternativeGroups(snapshot, surfaces);
  const shown = groups.map((g, i) => g.items.slice(0, i === 0 ? SHOWN_ALTERNATIVES : 1));
  const rest = groups.map((g, i) => g.items.slice(shown[i]?.length));
  return (
    <section aria-labelledby="so-alternatives-heading" data-testid="alternatives">
      <h2 id="so-alternatives-heading">{t('popupAlternatives')}</h2>
      {groups.map(
        (group, i) =>
          group.items.length > 0 && (
            <div key={groupId(group)}>
              <h3>{heading(group)}</h3>
              <Group id={groupId(group)} items={shown[i] ?? []} />
            </div>
          ),
      )}
      {rest.some((r) => r.length > 0) && (
        <details class="so-more" data-testid="alternatives-more">
          <summary>{t('popupAltMore')}</summary>
          {groups.map(
            (group, i) =>
              (rest[i]?.length ?? 0) > 0 && <Group key={groupId(group)} id={groupId(group)} items={rest[i] ?? []} />,
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
