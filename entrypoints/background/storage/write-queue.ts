/**
 * The one queue every write of stored state goes through in the background. A read-modify-write
 * runs whole before the next starts, so two messages arriving together (two dismissals, two
 * quick changes on the options page) both count instead of the second overwriting the first with
 * what it read before the first was written.
 *
 * A full storage never stops the status from updating: a write refused for lack of space drops
 * the `relief` items (least important first, each one something the background rebuilds on its
 * own) until the write gets through, and reports what happened so the popup can say so.
 */

/** What the queue needs of a stored item (shell/stored-item.ts provides it). */
export interface QueuedItem<T> {
  key: string;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
}

export interface FullReport {
  /** The item whose write was refused. */
  key: string;
  /** Whether it was stored in the end. */
  stored: boolean;
  /** The items dropped to make room, in order. */
  dropped: string[];
}

export interface WriteQueueDeps {
  /** Dropped one by one, in this order, when a write is refused for lack of space. */
  relief: readonly QueuedItem<unknown>[];
  onFull: (report: FullReport) => void;
}

/**
 * Chrome rejects with "QUOTA_BYTES quota exceeded", Firefox with a QuotaExceededError
 * (https://developer.chrome.com/docs/extensions/reference/api/storage#property-local-QUOTA_BYTES).
 */
export function isQuotaError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /quota/i.test(text);
}

export function createWriteQueue(deps: WriteQueueDeps) {
  let tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task queued before it; a failure is the caller's, never the queue's. */
  function enqueue<R>(task: () => Promise<R>): Promise<R> {
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  }

  async function store<T>(item: QueuedItem<T>, value: T): Promise<void> {
    try {
      await item.set(value);
      return;
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      const dropped: string[] = [];
      let last: unknown = error;
      for (const other of deps.relief) {
        if (other.key === item.key) continue;
        await other.remove();
        dropped.push(other.key);
        try {
          await item.set(value);
          deps.onFull({ key: item.key, stored: true, dropped });
          return;
        } catch (again) {
          last = again;
        }
      }
      deps.onFull({ key: item.key, stored: false, dropped });
      throw last;
    }
  }

  return {
    /** Reads the item, applies `change`, and writes the result unless it is the same value. */
    update<T>(item: QueuedItem<T>, change: (current: T) => T): Promise<T> {
      return enqueue(async () => {
        const current = await item.get();
        const next = change(current);
        if (next !== current) await store(item, next);
        return next;
      });
    },
    /** Writes a value computed elsewhere, in turn with the read-modify-writes. */
    write<T>(item: QueuedItem<T>, value: T): Promise<void> {
      return enqueue(() => store(item, value));
    },
  };
}

export type WriteQueue = ReturnType<typeof createWriteQueue>;
