/** Draws the toolbar badge and title from the stored status and what claude.ai showed the user. */
import { browser } from 'wxt/browser';
import type { StatusState } from '../../../core/status-page/status-model';
import { type BadgeView, badgeFor } from '../../../core/verdict/badge';
import type { OverallContext } from '../../../core/verdict/overall';
import { t } from '../../../shell/i18n';
import { overallHeadline, overallLastKnown, overallMuted, overallWorking } from '../../../shell/words/overall-text';
import { dayTime } from '../../../shell/words/time-text';

/** In the catalogue's language, like every other time (not the browser's, which we may not ship), with its day when not today. */
function time(iso: string | null, nowMs: number): string {
  return dayTime(iso, nowMs) || t('never');
}

/**
 * The headline, then what was known last while the status is unknown (never what works: stale
 * data cannot say), the affected services when claude.ai's own screen leads, the services in
 * trouble the user does not care about, what works, and the last successful check.
 */
export function badgeTitle(view: BadgeView, now: number): string {
  const lines = [t('extName'), overallHeadline(view, now)];
  const lastKnown = overallLastKnown(view);
  if (lastKnown) lines.push(lastKnown);
  // The headline names the affected services when it is the status page's verdict.
  else if (view.local !== null && view.kind === view.local && view.affected.length > 0) {
    lines.push(t('badgeAffected', view.affected.join(', ')));
  }
  for (const line of [overallMuted(view), overallWorking(view)]) if (line) lines.push(line);
  lines.push(t('badgeLastChecked', time(view.lastSuccessAt, now)));
  return lines.join('\n');
}

export async function renderBadge(
  state: StatusState,
  nowMs: number,
  intervalMs: number,
  context?: OverallContext,
): Promise<void> {
  const view = badgeFor(state, nowMs, intervalMs, context);
  await Promise.all([
    browser.action.setBadgeText({ text: view.text }),
    browser.action.setBadgeBackgroundColor({ color: view.color }),
    browser.action.setTitle({ title: badgeTitle(view, nowMs) }),
  ]);
}
