/**
 * "Tell me when it's back" (issue #18) in the background, the watch's only writer: it starts and
 * cancels the watch, notes claude.ai's completions that succeed, and steps the watch whenever the
 * status changes or the poll alarm fires (no polling of its own). When core/back-watch/back-watch.ts says
 * claude.ai is back, it shows one notification (if the permission was given) and stores the time,
 * which makes every open claude.ai tab ask for its view and show the "back" note.
 */
import { browser } from 'wxt/browser';
import {
  type BackWatch,
  cancelWatch,
  startWatch,
  stepBackWatch,
  type WatchReason,
  withCompletionOk,
} from '../../../core/back-watch/back-watch';
import { lastDetectionAt, type Signals } from '../../../core/claude-page/detections';
import { CAPACITY_BANNER_MS } from '../../../core/claude-page/signal-timing';
import { siteById } from '../../../core/sites/sites';
import type { StatusState } from '../../../core/status-page/status-model';
import { t } from '../../../shell/i18n';
import { notificationsAllowed } from '../notifications/notify';

export interface BackWatcherDeps {
  read: () => Promise<BackWatch>;
  write: (state: BackWatch) => Promise<void>;
  /** The status every surface shows (resolutions applied). */
  status: () => Promise<StatusState>;
  /** claude.ai's own error messages seen on screen. */
  signals: () => Promise<Signals>;
  now: () => number;
}

const claudeAi = siteById('claude-ai');

export function createBackWatcher(deps: BackWatcherDeps) {
  /** What the decision needs now: the status, and claude.ai's latest error messages. */
  async function input() {
    const [status, signals] = await Promise.all([deps.status(), deps.signals()]);
    const capacity = lastDetectionAt(signals, claudeAi.id);
    const screen = lastDetectionAt(signals, claudeAi.id, 'outage-screen');
    return {
      snapshot: status.snapshot,
      serviceIds: claudeAi.serviceIds,
      lastCapacityAt: capacity,
      lastPageErrorAt: capacity === null && screen === null ? null : Math.max(capacity ?? 0, screen ?? 0),
    };
  }
  /** Why the user asks now: a capacity error still on its banner, or claude.ai in trouble otherwise. */
  async function reason(): Promise<WatchReason> {
    const capacity = lastDetectionAt(await deps.signals(), claudeAi.id);
    return capacity !== null && deps.now() - capacity < CAPACITY_BANNER_MS ? 'capacity' : 'outage';
  }

  // Chained: a status change and an alarm at once must not both announce "back".
  let queue: Promise<void> = Promise.resolve();
  /** Applies `next` to the stored state, writes it if it changed, then runs what it asks for afterwards. */
  function update(
    next: (state: BackWatch) => Promise<{ state: BackWatch; after?: () => Promise<void> }>,
  ): Promise<void> {
    queue = queue
      .then(async () => {
        const state = await deps.read();
        const result = await next(state);
        // Stored before anything is shown: a worker stopped halfway must not announce twice.
        if (result.state !== state) await deps.write(result.state);
        await result.after?.();
      })
      .catch((error) => console.warn('[status-overlay] back watch:', error));
    return queue;
  }

  const step = () =>
    update(async (state) => {
      if (!state.watch) return { state };
      const { state: next, event } = stepBackWatch(state, await input(), deps.now());
      return event === 'back' ? { state: next, after: () => announceBack(next.backAt ?? '') } : { state: next };
    });

  return {
    async start(): Promise<void> {
      const why = await reason();
      await update(async (state) => ({ state: startWatch(state, why, deps.now()) }));
      // At once: the watch notes whether the status page shows claude.ai in trouble now.
      await step();
    },
    cancel: () => update(async (state) => ({ state: cancelWatch(state) })),
    completionOk: (at: number) => update(async (state) => ({ state: withCompletionOk(state, at) })),
    step,
  };
}

async function announceBack(backAt: string): Promise<void> {
  if (!(await notificationsAllowed())) return;
  await browser.notifications.create(`back:${backAt}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('notifyBackTitle'),
    message: t('notifyBackBody'),
  });
}
