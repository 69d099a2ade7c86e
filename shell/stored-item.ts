/**
 * A typed storage item: parsed with its zod schema every time it is read, so garbage in
 * storage (an old version, a manual edit, a half-written value) becomes a clean fallback and
 * a logged reason instead of a crash loop.
 */
import { type StorageItemKey, storage } from '@wxt-dev/storage';
import * as z from 'zod/mini';

export interface StoredItem<T> {
  key: StorageItemKey;
  /** The shape and version of what is stored, and the migrations from each earlier version:
   * tests/unit/stored-schemas.test.ts fails when the shape changes without a new version. */
  schema: z.ZodMiniType<T>;
  version: number;
  migrations: Readonly<Record<number, (old: unknown) => unknown>>;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Removes the value: the next read gives the fallback. */
  remove(): Promise<void>;
  /** Calls back with the parsed value on every change; returns the unwatch function. */
  watch(callback: (value: T) => void): () => void;
}

export function parseStored<T>(key: string, schema: z.ZodMiniType<T>, raw: unknown, fallback: T): T {
  if (raw === null || raw === undefined) return fallback;
  const result = z.safeParse(schema, raw);
  if (result.success) return result.data;
  console.warn(`[status-overlay] stored "${key}" is invalid, using a clean state:`, result.error.issues[0]?.message);
  return fallback;
}

export function defineStoredItem<T>(
  key: StorageItemKey,
  schema: z.ZodMiniType<T>,
  fallback: T,
  options: { version: number; migrations?: Record<number, (old: unknown) => unknown> },
): StoredItem<T> {
  const item = storage.defineItem<unknown>(key, {
    version: options.version,
    ...(options.migrations ? { migrations: options.migrations } : {}),
  });
  const parse = (raw: unknown) => parseStored(key, schema, raw, fallback);
  return {
    key,
    schema,
    version: options.version,
    migrations: options.migrations ?? {},
    get: async () => parse(await item.getValue()),
    set: (value) => item.setValue(value),
    remove: () => item.removeValue(),
    watch: (callback) => item.watch((raw) => callback(parse(raw))),
  };
}
