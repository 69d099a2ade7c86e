/**
 * What claude.ai and Console tabs report, stored through the write queue: an error message seen
 * on screen and the markers a conversation page lacks (core/claude-page/detections.ts), that a tab
 * of ours is open (the cadence keeps up meanwhile), and the model claude.ai's model menu shows
 * (core/models/model-in-use.ts).
 */

import { withDetection, withMarkers } from '../../../core/claude-page/detections';
import type { MarkerName, PageShape, PageSignal } from '../../../core/claude-page/page-facts';
import { parseModelLabel } from '../../../core/models/claude-models';
import { reportedModel } from '../../../core/models/model-in-use';
import type { SiteId } from '../../../core/sites/site-hosts';
import { MINUTE_MS } from '../../../core/time/time';
import { modelInUseItem, signalsItem, siteSeenItem } from '../../../shell/stored-items';
import type { WriteQueue } from '../storage/write-queue';

/** A tab is noted as seen once a minute at most. */
const SITE_SEEN_EVERY_MS = MINUTE_MS;

export function createPageReports(queue: WriteQueue) {
  return {
    /** Whether the signal was stored: the same kind within a minute is nothing new. */
    async recordSignal(seen: PageSignal & { site: SiteId; shape?: PageShape }): Promise<boolean> {
      // Queued: five tabs reporting at once would otherwise each read the old value and each write.
      let stored = false;
      await queue
        .update(signalsItem, (signals) => {
          const next = withDetection(signals, seen, Date.now());
          stored = next !== signals;
          return next;
        })
        .catch((error) => console.warn('[status-overlay] signals:', error));
      return stored;
    },
    /** The model label a claude.ai tab sent with its view request: the popup's model advice follows the latest. */
    async noteModel(site: SiteId, label: string | null): Promise<void> {
      if (site !== 'claude-ai' || !label) return;
      const seen = parseModelLabel(label);
      await queue.update(modelInUseItem, (stored) => reportedModel(stored, seen));
    },
    /** The markers a claude.ai conversation page lacks; written only when the answer changed. */
    async recordMarkers(missing: readonly MarkerName[]): Promise<void> {
      await queue
        .update(signalsItem, (signals) => withMarkers(signals, missing, Date.now()))
        .catch((error) => console.warn('[status-overlay] markers:', error));
    },
    async noteSiteSeen(): Promise<void> {
      // A time ahead of the clock is replaced.
      const now = Date.now();
      await queue.update(siteSeenItem, (last) =>
        last === null || now - last >= SITE_SEEN_EVERY_MS || last > now ? now : last,
      );
    },
  };
}
