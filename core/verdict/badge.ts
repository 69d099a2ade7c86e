/** The toolbar badge for a status: text, colour and what the title should name. */

import type { StatusState } from '../status-page/status-model';
import { type Overall, type OverallContext, type OverallKind, overallFor, PAGE_ONLY } from './overall';

export type BadgeKind = OverallKind;

export interface BadgeView extends Overall {
  text: string;
  /** Background colour; each kind has its own, and the text differs too (not colour alone). */
  color: string;
}

export const BADGE_STYLE: Record<BadgeKind, { text: string; color: string }> = {
  operational: { text: '', color: '#15803d' },
  maintenance: { text: 'M', color: '#1d4ed8' },
  degraded: { text: '!', color: '#a16207' },
  partial_outage: { text: '!!', color: '#c2410c' },
  major_outage: { text: '!!!', color: '#b91c1c' },
  stale: { text: '?', color: '#6b7280' },
  // What claude.ai showed this user: a word rather than a mark, since the status page may be green.
  capacity: { text: 'CAP', color: '#7e22ce' },
  failing: { text: 'ERR', color: '#be123c' },
  'outage-screen': { text: 'OFF', color: '#7f1d1d' },
  connection: { text: 'NET', color: '#334155' },
};

export function badgeFor(
  state: StatusState,
  nowMs: number,
  intervalMs: number,
  context: OverallContext = PAGE_ONLY,
): BadgeView {
  const overall = overallFor(state, nowMs, intervalMs, context);
  return { ...overall, ...BADGE_STYLE[overall.kind] };
}
