/**
 * The verdict of core/verdict/overall.ts in words, alike for the popup's header and the badge's tooltip:
 * what claude.ai showed the user says so plainly; the status page's state names the services.
 */

import type { Snapshot } from '../../core/status-page/status-model';
import type { Overall } from '../../core/verdict/overall';
import { t } from '../i18n';

/** "claude.ai is over capacity for you; …", "Partial outage: claude.ai", "All systems operational". */
export function overallHeadline(view: Pick<Overall, 'kind' | 'affected'>): string {
  const { kind } = view;
  if (kind === 'capacity' || kind === 'failing' || kind === 'outage-screen' || kind === 'connection') {
    return t(`overall_${kind.replace('-', '_')}`);
  }
  const word = t(`severity_${kind}`);
  return kind !== 'stale' && kind !== 'operational' && view.affected.length > 0
    ? t('overallNamed', word, view.affected.join(', '))
    : word;
}

/** "Working normally: Claude Code, Claude API", or null when there is nothing to contrast. */
export function overallWorking(view: Pick<Overall, 'working'>): string | null {
  return view.working.length > 0 ? t('overallWorking', view.working.join(', ')) : null;
}

/**
 * The headline a page of ours shows for the stored status: the verdict, except that data too old
 * to judge by still says what the status page said last (the header says how old it is).
 */
export function statusHeadline(snapshot: Snapshot | null, view: Pick<Overall, 'kind' | 'affected'>): string {
  if (!snapshot) return t('severity_stale');
  return view.kind === 'stale' ? t(`severity_${snapshot.severity}`) : overallHeadline(view);
}
