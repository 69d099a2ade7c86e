/**
 * The one hook popup and options use to read their zustand store: a vanilla store and this small
 * Preact hook, because zustand's React binding would bring preact/compat (about 3.5 KB gzip) into
 * each page for one useSyncExternalStore.
 */
import { useEffect, useReducer } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';

/** The store's state, re-rendering the component on every change (both pages are small enough). */
export function useStore<S>(store: StoreApi<S>): S {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const unsubscribe = store.subscribe(() => rerender(0));
    // A change between the first render and this subscription would otherwise be missed.
    rerender(0);
    return unsubscribe;
  }, [store]);
  return store.getState();
}
