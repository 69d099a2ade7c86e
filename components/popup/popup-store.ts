/**
 * The popup's UI state: what storage holds now, refresh progress, and what the user opened.
 * A zustand vanilla store, read with the shared hook in ./use-store.ts.
 */
import { createStore } from 'zustand/vanilla';
import { type BackWatch, EMPTY_BACK_WATCH } from '../../core/back-watch/back-watch';
import { EMPTY_SIGNALS, type Signals } from '../../core/claude-page/detections';
import { EMPTY_FAILURE_LOG, type FailureLog } from '../../core/claude-page/fault';
import type { ModelInUse } from '../../core/models/model-in-use';
import type { StorageFull } from '../../core/settings/storage-full';
import { EMPTY_HISTORY, type History } from '../../core/status-page/history';
import { EMPTY_STATUS, type StatusState } from '../../core/status-page/status-model';
import { EMPTY_PAST_DURATIONS, type PastDurations } from '../../core/status-page/typical-duration';

/** Whether the extension may read the status origins (Firefox lets users withhold it). */
export type Access = 'unknown' | 'granted' | 'missing';

export interface PopupState {
  status: StatusState;
  signals: Signals;
  /** claude.ai's failed requests, per minute. */
  failures: FailureLog;
  history: History;
  /** The browser's storage last refused a write (core/settings/storage-full.ts). */
  storageFull: StorageFull;
  /** "Tell me when it's back" (issue #18). */
  backWatch: BackWatch;
  /** The model claude.ai's latest tab showed: the model advice follows it, as the banner's does. */
  modelInUse: ModelInUse;
  /** How long past incidents lasted (core/status-page/typical-duration.ts). */
  pastDurations: PastDurations;
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
  setStorageFull(storageFull: StorageFull): void;
  setBackWatch(backWatch: BackWatch): void;
  setModelInUse(modelInUse: ModelInUse): void;
  setPastDurations(pastDurations: PastDurations): void;
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
  storageFull: null,
  backWatch: EMPTY_BACK_WATCH,
  modelInUse: null,
  pastDurations: EMPTY_PAST_DURATIONS,
  refreshing: false,
  historyLoading: false,
  access: 'unknown',
  announcement: '',
  now: Date.now(),
  expanded: {},
  stripDetail: '',
  // New data is read at the time it arrives: a detection stamped after the last tick is not
  // "ahead of the clock" (core/time/clock.ts presentInputs would drop it).
  setStatus: (status) => set({ status, now: Date.now() }),
  setSignals: (signals) => set({ signals, now: Date.now() }),
  setFailures: (failures) => set({ failures, now: Date.now() }),
  setHistory: (history) => set({ history }),
  setStorageFull: (storageFull) => set({ storageFull }),
  setBackWatch: (backWatch) => set({ backWatch }),
  setModelInUse: (modelInUse) => set({ modelInUse }),
  setPastDurations: (pastDurations) => set({ pastDurations }),
  setRefreshing: (refreshing, announcement) =>
    set((s) => ({ refreshing, announcement: announcement ?? s.announcement })),
  setHistoryLoading: (historyLoading) => set({ historyLoading }),
  setAccess: (access) => set({ access }),
  toggleExpanded: (id) => set((s) => ({ expanded: { ...s.expanded, [id]: !s.expanded[id] } })),
  setStripDetail: (stripDetail) => set({ stripDetail }),
  tick: (now) => set({ now }),
}));
