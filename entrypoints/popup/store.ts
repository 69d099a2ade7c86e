/** The popup's UI state: what storage holds now, and whether a refresh is running. */
import { create } from 'zustand';
import { EMPTY_STATUS, type StatusState } from '../../core/model';
import { EMPTY_SIGNALS, type Signals } from '../../core/signals';

export interface PopupState {
  status: StatusState;
  signals: Signals;
  loaded: boolean;
  refreshing: boolean;
  /** Read out by the aria-live region when a refresh ends. */
  announcement: string;
  now: number;
  setStatus(status: StatusState): void;
  setSignals(signals: Signals): void;
  setRefreshing(refreshing: boolean, announcement?: string): void;
  tick(now: number): void;
}

export const usePopupStore = create<PopupState>()((set) => ({
  status: EMPTY_STATUS,
  signals: EMPTY_SIGNALS,
  loaded: false,
  refreshing: false,
  announcement: '',
  now: Date.now(),
  setStatus: (status) => set({ status, loaded: true }),
  setSignals: (signals) => set({ signals }),
  setRefreshing: (refreshing, announcement) =>
    set((s) => ({ refreshing, announcement: announcement ?? s.announcement })),
  tick: (now) => set({ now }),
}));
