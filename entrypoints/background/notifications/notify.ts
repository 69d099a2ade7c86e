/**
 * Desktop notifications for incidents (optional permission; nothing happens without it).
 * Only what both Chrome and Firefox support: basic notifications, no buttons, no images.
 */
import { browser } from 'wxt/browser';
import { type Notice, type Notified, noticesFor } from '../../../core/notifications/notify';
import type { Settings } from '../../../core/settings/settings';
import { safeStatusLink } from '../../../core/status-page/sources';
import type { Snapshot } from '../../../core/status-page/status-model';
import { plural, t } from '../../../shell/i18n';
import { notifiedItem } from '../../../shell/stored-items';

const TITLE_KEY: Record<Exclude<Notice['kind'], 'more'>, string> = {
  started: 'notifyStarted',
  worse: 'notifyWorse',
  resolved: 'notifyResolved',
  update: 'notifyUpdate',
};

export async function notificationsAllowed(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ permissions: ['notifications'] });
  } catch {
    return false;
  }
}

/**
 * Announces what changed since the last announcement, and records it first so nothing repeats.
 * `snapshot` is the status as surfaces read it; `resolvedIds` what incidents.json says is
 * resolved (announced at once). `update` is the background's write queue for notifiedItem; the
 * record as stored comes back.
 */
export async function announce(
  snapshot: Snapshot,
  settings: Settings,
  resolvedIds: ReadonlySet<string>,
  update: (change: (notified: Notified) => Notified) => Promise<Notified>,
): Promise<Notified> {
  let notices: Notice[] = [];
  // Recorded before showing: a worker stopped halfway must not announce the same update again.
  const notified = await update((previous) => {
    const result = noticesFor(previous, snapshot, settings, Date.now(), resolvedIds);
    notices = result.notices;
    return result.next;
  });
  if (notices.length === 0 || !(await notificationsAllowed())) return notified;
  // At most MAX_NOTICES (core/notifications/notify.ts): the last may count the others.
  for (const notice of notices) {
    const more = notice.kind === 'more';
    await browser.notifications.create(notice.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: notice.kind === 'more' ? plural('notifyMore', notice.count ?? 0) : t(TITLE_KEY[notice.kind], notice.name),
      message: more ? t('notifyMoreBody') : notice.body.slice(0, 300) || t(`severity_${notice.severity}`),
    });
  }
  return notified;
}

/** Clicking a notification opens its incident page (https on the status origins only). */
let watching = false;

export function watchNotificationClicks(): void {
  // notifications is optional: without the permission the API object does not exist, so this
  // runs again when the permission is granted (permissions.onAdded).
  if (watching || !browser.notifications?.onClicked) return;
  watching = true;
  browser.notifications.onClicked.addListener(async (id) => {
    const url = safeStatusLink((await notifiedItem.get()).links[id]);
    if (url) await browser.tabs.create({ url });
    await browser.notifications.clear(id);
  });
}
