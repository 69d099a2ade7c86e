/**
 * The background's one write queue (entrypoints/background/storage/write-queue.ts): every
 * read-modify-write of a stored item in turn, so that writes arriving together all count, and a
 * full storage never stops the status from being written.
 */
import { describe, expect, it, vi } from 'vitest';
import { RELIEF } from '../../entrypoints/background/storage/stored-queue';
import { createWriteQueue, type QueuedItem } from '../../entrypoints/background/storage/write-queue';
import * as items from '../../shell/stored-items';

/** A storage item in memory whose writes can be made to fail, as a full browser storage does. */
function memoryItem<T>(key: string, initial: T, store: Map<string, unknown>, full: () => boolean): QueuedItem<T> {
  store.set(key, initial);
  return {
    key,
    get: async () => {
      await new Promise((r) => setTimeout(r, 1));
      return store.get(key) as T;
    },
    set: async (value) => {
      await new Promise((r) => setTimeout(r, 1));
      if (full()) throw new Error('QUOTA_BYTES quota exceeded');
      store.set(key, value);
    },
    remove: async () => {
      store.delete(key);
    },
  };
}

describe('createWriteQueue', () => {
  it('read-modify-writes arriving together all count', async () => {
    const store = new Map<string, unknown>();
    const item = memoryItem<string[]>('local:list', [], store, () => false);
    const queue = createWriteQueue({ relief: [], onFull: () => undefined });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((x) => queue.update(item, (list) => [...list, x])));
    expect(store.get('local:list')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('a change that returns the same value writes nothing', async () => {
    const store = new Map<string, unknown>();
    const item = memoryItem('local:n', 1, store, () => false);
    const set = vi.spyOn(item, 'set');
    const queue = createWriteQueue({ relief: [], onFull: () => undefined });
    expect(await queue.update(item, (n) => n)).toBe(1);
    expect(set).not.toHaveBeenCalled();
  });

  it('a failing change does not stop the queue', async () => {
    const store = new Map<string, unknown>();
    const item = memoryItem('local:n', 1, store, () => false);
    const queue = createWriteQueue({ relief: [], onFull: () => undefined });
    await expect(
      queue.update(item, () => {
        throw new Error('bad change');
      }),
    ).rejects.toThrow('bad change');
    await queue.update(item, (n) => n + 1);
    expect(store.get('local:n')).toBe(2);
  });

  it('a full storage: the least important items are dropped until the status write gets through, and it is reported', async () => {
    const store = new Map<string, unknown>();
    // Full while the history (the biggest, and fetched again when the popup opens) is stored.
    const full = () => store.has('local:history');
    const history = memoryItem('local:history', { big: 'x'.repeat(1000) }, store, full);
    const failures = memoryItem('local:failures', { minutes: [] }, store, full);
    const status = memoryItem('local:status', { snapshot: 'old' }, store, full);
    const reports: { key: string; stored: boolean; dropped: string[] }[] = [];
    const queue = createWriteQueue({ relief: [history, failures], onFull: (report) => void reports.push(report) });
    await queue.write(status, { snapshot: 'new' });
    expect(store.get('local:status')).toEqual({ snapshot: 'new' });
    expect(store.has('local:history')).toBe(false);
    // Only what was needed was dropped.
    expect(store.get('local:failures')).toEqual({ minutes: [] });
    expect(reports).toEqual([{ key: 'local:status', stored: true, dropped: ['local:history'] }]);
  });

  it('a storage full whatever is dropped: the write fails, it is reported, and the queue goes on', async () => {
    const store = new Map<string, unknown>();
    let full = true;
    const history = memoryItem('local:history', { big: 1 }, store, () => full);
    const status = memoryItem('local:status', { snapshot: 'old' }, store, () => full);
    const reports: { key: string; stored: boolean }[] = [];
    const queue = createWriteQueue({ relief: [history], onFull: (report) => void reports.push(report) });
    await expect(queue.write(status, { snapshot: 'new' })).rejects.toThrow(/quota/);
    expect(reports).toEqual([{ key: 'local:status', stored: false, dropped: ['local:history'] }]);
    full = false;
    await queue.write(status, { snapshot: 'newer' });
    expect(store.get('local:status')).toEqual({ snapshot: 'newer' });
  });

  it("the background's relief drops only what it fetches again, never the signals that work without the status page", () => {
    expect(RELIEF.map((item) => item.key)).toEqual(['local:history', 'local:pastDurations', 'local:resolutions']);
    const kept = [
      items.failuresItem,
      items.signalsItem,
      items.statusItem,
      items.settingsItem,
      items.dismissalsItem,
      items.notifiedItem,
      items.backWatchItem,
    ];
    for (const item of kept) expect(RELIEF.map((r) => r.key)).not.toContain(item.key);
  });

  it('an error that is not about space drops nothing', async () => {
    const store = new Map<string, unknown>();
    const history = memoryItem('local:history', { big: 1 }, store, () => false);
    const status: QueuedItem<number> = {
      key: 'local:status',
      get: async () => 0,
      set: async () => {
        throw new Error('Extension context invalidated');
      },
      remove: async () => undefined,
    };
    const onFull = vi.fn();
    const queue = createWriteQueue({ relief: [history], onFull });
    await expect(queue.write(status, 1)).rejects.toThrow('invalidated');
    expect(store.has('local:history')).toBe(true);
    expect(onFull).not.toHaveBeenCalled();
  });
});
