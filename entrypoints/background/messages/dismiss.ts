/**
 * `dismiss`: the user closed the banner on a site. What is dismissed is the banner the background
 * decides that site shows now, not anything the page names: a page cannot fill storage with
 * made-up incidents, nor dismiss what it does not show.
 */
import { withDismissedIncidents } from '../../../core/banner/dismissals';
import { dismissalsItem } from '../../../shell/stored-items';
import type { Handler } from './handler';

export const dismiss: Handler<'dismiss'> = async (message, _from, background) => {
  const banner = (await background.decision(message.site)).banner;
  if (!banner) return;
  const { dismiss } = banner;
  // Queued: two dismissals at the same moment would otherwise each read the old value and one be lost.
  await background.queue.update(dismissalsItem, (dismissals) =>
    dismiss.kind === 'capacity'
      ? { ...dismissals, capacityDismissedAt: new Date().toISOString() }
      : withDismissedIncidents(dismissals, dismiss.entries, Date.now()),
  );
};
