/** Draws the toolbar badge and title from the stored status. */
import { browser } from 'wxt/browser';
import { badgeFor } from '../../core/badge';
import { clockTime } from '../../core/format';
import type { StatusState } from '../../core/model';
import { locale, t } from '../../shell/i18n';

/** In the catalogue's language, like every other time (not the browser's, which we may not ship). */
function time(iso: string | null): string {
  return clockTime(iso, locale()) ?? t('never');
}

export function badgeTitle(state: StatusState, nowMs: number, intervalMs: number): string {
  const view = badgeFor(state, nowMs, intervalMs);
  const lines = [t('extName')];
  if (view.kind === 'stale') lines.push(t('badgeStale'));
  else lines.push(t(`severity_${view.kind}`));
  if (view.affected.length > 0) lines.push(t('badgeAffected', view.affected.join(', ')));
  lines.push(t('badgeLastChecked', time(view.lastSuccessAt)));
  return lines.join('\n');
}

export async function renderBadge(state: StatusState, nowMs: number, intervalMs: number): Promise<void> {
  const view = badgeFor(state, nowMs, intervalMs);
  await Promise.all([
    browser.action.setBadgeText({ text: view.text }),
    browser.action.setBadgeBackgroundColor({ color: view.color }),
    browser.action.setTitle({ title: badgeTitle(state, nowMs, intervalMs) }),
  ]);
}
