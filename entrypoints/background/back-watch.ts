/**
 * "Tell me when it's back" (issue #18) in the background, the watch's only writer: it starts and
 * cancels the watch, notes claude.ai's completions that succeed, and steps the watch whenever the
 * status changes or the poll alarm fires (no polling of its own). When core/back-watch.ts says
 * claude.ai is back, it shows one notification (if the permission was given) and stores the time,
 * which makes every open claude.ai tab ask for its view and show the "back" note.
 */
import { browser } from 'wxt/browser';
import {
  type BackInput,
  type BackWatch,
  cancelWatch,
  startWatch,
  stepBackWatch,
  type WatchReason,
  withCompletionOk,
} from '../../core/back-watch';
import { t } from '../../shell/i18n';
import { notificationsAllowed } from './notify';

export interface BackWatcherDeps {
  read: () => Promise<BackWatch>;
  write: (state: BackWatch) => Promise<void>;
  /** What the decision needs now: the status every surface shows, and claude.ai's latest error messages. */
  input: () => Promise<BackInput>;
  /** Why the user asks now: a recent capacity error, or claude.ai in trouble otherwise. */
  reason: () => Promise<WatchReason>;
  now: () => number;
}

export function createBackWatcher(deps: BackWatcherDeps) {
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
      const { state: next, event } = stepBackWatch(state, await deps.input(), deps.now());
      return event === 'back' ? { state: next, after: () => announceBack(next.backAt ?? '') } : { state: next };
    });

  return {
    async start(): Promise<void> {
      const reason = await deps.reason();
      await update(async (state) => ({ state: startWatch(state, reason, deps.now()) }));
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
