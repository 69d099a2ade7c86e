/**
 * The popup's UI state: what storage holds now, refresh progress, and what the user opened.
 * A zustand vanilla store with a small Preact hook: zustand's React binding would bring
 * preact/compat into the popup (about 3.5 KB gzip) for one useSyncExternalStore.
 */
import { useEffect, useReducer } from 'preact/hooks';
import { createStore } from 'zustand/vanilla';
import { type BackWatch, EMPTY_BACK_WATCH } from '../core/back-watch';
import { EMPTY_FAILURE_LOG, type FailureLog } from '../core/fault';
import { EMPTY_HISTORY, type History } from '../core/history';
import { EMPTY_STATUS, type StatusState } from '../core/model';
import { EMPTY_SIGNALS, type Signals } from '../core/signals';

/** Whether the extension may read the status origins (Firefox lets users withhold it). */
export type Access = 'unknown' | 'granted' | 'missing';

export interface PopupState {
  status: StatusState;
  signals: Signals;
  /** claude.ai's failed requests, per minute (issue #10). */
  failures: FailureLog;
  history: History;
  /** "Tell me when it's back" (issue #18). */
  backWatch: BackWatch;
  loaded: boolean;
  refreshing: boolean;
  historyLoading: boolean;
  access: Access;
  /** Read out by the aria-live region when a refresh ends. */
  announcement: string;
  now: number;
  /** Incident ids whose latest update is shown in full. */
  expanded: Record<string, boolean>;
  /** What the strip cell under the pointer or focus holds, shown under the strip. */
  stripDetail: string;
  setStatus(status: StatusState): void;
  setSignals(signals: Signals): void;
  setFailures(failures: FailureLog): void;
  setHistory(history: History): void;
  setBackWatch(backWatch: BackWatch): void;
  setRefreshing(refreshing: boolean, announcement?: string): void;
  setHistoryLoading(loading: boolean): void;
  setAccess(access: Access): void;
  toggleExpanded(id: string): void;
  setStripDetail(text: string): void;
  tick(now: number): void;
}

export const popupStore = createStore<PopupState>()((set) => ({
  status: EMPTY_STATUS,
  signals: EMPTY_SIGNALS,
  failures: EMPTY_FAILURE_LOG,
  history: EMPTY_HISTORY,
  backWatch: EMPTY_BACK_WATCH,
  loaded: false,
  refreshing: false,
  historyLoading: false,
  access: 'unknown',
  announcement: '',
  now: Date.now(),
  expanded: {},
  stripDetail: '',
  setStatus: (status) => set({ status, loaded: true }),
  setSignals: (signals) => set({ signals }),
  setFailures: (failures) => set({ failures }),
  setHistory: (history) => set({ history }),
  setBackWatch: (backWatch) => set({ backWatch }),
  setRefreshing: (refreshing, announcement) =>
    set((s) => ({ refreshing, announcement: announcement ?? s.announcement })),
  setHistoryLoading: (historyLoading) => set({ historyLoading }),
  setAccess: (access) => set({ access }),
  toggleExpanded: (id) => set((s) => ({ expanded: { ...s.expanded, [id]: !s.expanded[id] } })),
  setStripDetail: (stripDetail) => set({ stripDetail }),
  tick: (now) => set({ now }),
}));

/** The store's state, re-rendering the component on every change (the popup is small enough). */
export function usePopupState(): PopupState {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const unsubscribe = popupStore.subscribe(() => rerender(0));
    // A change between the first render and this subscription would otherwise be missed.
    rerender(0);
    return unsubscribe;
  }, []);
  return popupStore.getState();
}
