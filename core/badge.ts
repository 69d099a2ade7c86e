/** The toolbar badge for a status: text, colour and what the title should name. */
import { isStale } from './health';
import type { StatusState } from './model';
import type { Severity } from './severity';

export type BadgeKind = Severity | 'stale';

export interface BadgeView {
  kind: BadgeKind;
  text: string;
  /** Background colour; each kind has its own, and the text differs too (not colour alone). */
  color: string;
  /** Names of the services not operational or named by an active incident, page order. */
  affected: string[];
  lastSuccessAt: string | null;
}

export const BADGE_STYLE: Record<BadgeKind, { text: string; color: string }> = {
  operational: { text: '', color: '#15803d' },
  maintenance: { text: 'M', color: '#1d4ed8' },
  degraded: { text: '!', color: '#a16207' },
  partial_outage: { text: '!!', color: '#c2410c' },
  major_outage: { text: '!!!', color: '#b91c1c' },
  stale: { text: '?', color: '#6b7280' },
};

export function badgeFor(state: StatusState, nowMs: number, intervalMs: number): BadgeView {
  const snapshot = state.snapshot;
  const kind: BadgeKind = !snapshot || isStale(state, nowMs, intervalMs) ? 'stale' : snapshot.severity;
  const touched = new Set((snapshot?.incidents ?? []).flatMap((i) => i.serviceIds));
  const affected = (snapshot?.services ?? [])
    .filter((s) => s.state !== 'operational' || touched.has(s.id))
    .map((s) => s.name);
  return { kind, ...BADGE_STYLE[kind], affected, lastSuccessAt: state.health.lastSuccessAt };
}
