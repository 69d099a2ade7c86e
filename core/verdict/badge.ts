/** The toolbar badge for a status: text, colour and what the title should name. */

import type { StatusState } from '../status-page/status-model';
import { KIND_LOOK } from './kind-look';
import { type Overall, type OverallContext, type OverallKind, overallFor, PAGE_ONLY } from './overall';

export type BadgeKind = OverallKind;

export interface BadgeView extends Overall {
  text: string;
  /** Background colour; each kind has its own, and the text differs too (not colour alone). */
  color: string;
}

/** The badge's text and background for each kind: its mark and its light colour (core/verdict/kind-look.ts). */
export function badgeStyle(kind: BadgeKind): { text: string; color: string } {
  return { text: KIND_LOOK[kind].mark, color: KIND_LOOK[kind].light };
}

export function badgeFor(
  state: StatusState,
  nowMs: number,
  intervalMs: number,
  context: OverallContext = PAGE_ONLY,
): BadgeView {
  const overall = overallFor(state, nowMs, intervalMs, context);
  return { ...overall, ...badgeStyle(overall.kind) };
}
