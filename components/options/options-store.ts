/**
 * The options page's UI state: the settings as stored, a draft of the alternative being added,
 * errors. A zustand vanilla store, read with the shared hook in ./use-store.ts.
 */
import { createStore } from 'zustand/vanilla';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings/settings';
import type { Service } from '../../core/status-page/status-model';

export interface DraftAlternative {
  id: string;
  name: string;
  url: string;
}

export interface OptionsState {
  settings: Settings;
  services: Service[];
  /** The row being added. */
  draft: DraftAlternative;
  /** Errors by field of the row being added: message keys. */
  errors: { name?: string; url?: string };
  /** Read out by the aria-live region after a save. */
  announcement: string;
  /** A permission the user refused. */
  permissionRefused: boolean;
  setSettings(settings: Settings): void;
  setServices(services: Service[]): void;
  setDraft(draft: Partial<DraftAlternative>): void;
  setErrors(errors: OptionsState['errors']): void;
  announce(text: string): void;
  setPermissionRefused(refused: boolean): void;
}

export const newDraft = (): DraftAlternative => ({ id: `user-${Date.now().toString(36)}`, name: '', url: '' });

export const optionsStore = createStore<OptionsState>()((set) => ({
  settings: DEFAULT_SETTINGS,
  services: [],
  draft: newDraft(),
  errors: {},
  announcement: '',
  permissionRefused: false,
  setSettings: (settings) => set({ settings }),
  setServices: (services) => set({ services }),
  setDraft: (draft) => set((s) => ({ draft: { ...s.draft, ...draft } })),
  setErrors: (errors) => set({ errors }),
  announce: (announcement) => set({ announcement }),
  setPermissionRefused: (permissionRefused) => set({ permissionRefused }),
}));
