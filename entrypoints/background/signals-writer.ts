/**
 * Stores claude.ai's own failure messages as pages report them, one write at a time: five tabs
 * reporting at once would otherwise each read the old value and each write.
 */
import type { PageSignal } from '../../core/page-signals';
import { type Signals, withDetection } from '../../core/signals';
import type { SiteId } from '../../core/site-hosts';

export interface SignalsStore {
  read: () => Promise<Signals>;
  write: (signals: Signals) => Promise<void>;
  now: () => number;
}

export function createSignalsWriter(store: SignalsStore) {
  let chain: Promise<unknown> = Promise.resolve();
  /** Records the detection; true when it was new (the same kind within a minute is not stored again). */
  return function record(seen: PageSignal & { site: SiteId }): Promise<boolean> {
    const done = chain.then(async () => {
      const signals = await store.read();
      const next = withDetection(signals, seen, store.now());
      if (next === signals) return false;
      await store.write(next);
      return true;
    });
    chain = done.catch((error) => console.warn('[status-overlay] signals:', error));
    return done.catch(() => false);
  };
}
