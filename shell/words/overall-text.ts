/**
 * The verdict of core/verdict/overall.ts in words, alike for the popup's header, the badge's tooltip,
 * the welcome page and the banner: what claude.ai showed the user says so plainly; the status
 * page's state names the services; an unknown status says since when, and what was known last,
 * and never what works.
 */

import type { Snapshot } from '../../core/status-page/status-model';
import type { LocalKind, Overall } from '../../core/verdict/overall';
import { t } from '../i18n';
import { dayTime } from './time-text';

type HeadlineView = Pick<Overall, 'kind' | 'affected' | 'lastSuccessAt'> & Partial<Pick<Overall, 'mutedTrouble'>>;

/** "Partial outage: claude.ai", "All systems operational": the status page's word for cared-about services. */
function pageHeadline(kind: Overall['kind'], affected: readonly string[]): string {
  const word = t(`severity_${kind}`);
  return kind !== 'stale' && kind !== 'operational' && affected.length > 0
    ? t('overallNamed', word, affected.join(', '))
    : word;
}

/** What claude.ai showed the user, each in words of its own (a kind added to LocalKind must be worded here). */
const LOCAL_WORDS: Readonly<Record<LocalKind, string>> = {
  'outage-screen': 'overall_outage_screen',
  capacity: 'overall_capacity',
  'model-unavailable': 'overall_model_unavailable',
  incomplete: 'overall_incomplete',
  failing: 'overall_failing',
  connection: 'overall_connection',
};

/**
 * "claude.ai is over capacity for you; …", "Partial outage: claude.ai", "All systems operational",
 * "Status unknown since 14:02: …" (the day too when it is not today). `now` places that time.
 */
export function overallHeadline(view: HeadlineView, now: number): string {
  const { kind } = view;
  if (kind in LOCAL_WORDS) return t(LOCAL_WORDS[kind as LocalKind]);
  if (kind === 'stale') {
    const since = dayTime(view.lastSuccessAt, now);
    return since ? t('overallUnknownSince', since) : t('severity_stale');
  }
  // Green for the services cared about, while others are in trouble: not "all systems operational".
  if (kind === 'operational' && (view.mutedTrouble?.length ?? 0) > 0) return t('overallCaredFine');
  return pageHeadline(kind, view.affected);
}

/** "Last known: Partial outage: claude.ai" while the status is unknown; null otherwise. */
export function overallLastKnown(view: Pick<Overall, 'lastKnown' | 'affected'>): string | null {
  return view.lastKnown ? t('overallLastKnown', pageHeadline(view.lastKnown, view.affected)) : null;
}

/** "Working normally: Claude Code, Claude API", or null when there is nothing to contrast. */
export function overallWorking(view: Pick<Overall, 'working'>): string | null {
  return view.working.length > 0 ? t('overallWorking', view.working.join(', ')) : null;
}

/** "Also in trouble, not among the services you care about: Claude API", or null. */
export function overallMuted(view: Pick<Overall, 'mutedTrouble'>): string | null {
  return view.mutedTrouble.length > 0 ? t('overallMutedTrouble', view.mutedTrouble.join(', ')) : null;
}

/**
 * The headline a page of ours shows for the stored status: the verdict; with nothing ever
 * fetched, just that the status is unknown.
 */
export function statusHeadline(snapshot: Snapshot | null, view: HeadlineView, now: number): string {
  return snapshot ? overallHeadline(view, now) : t('severity_stale');
}
