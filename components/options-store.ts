/** The options page's UI state: the settings as stored, a draft of the alternatives list, errors. */
import { create } from 'zustand';
import type { Service } from '../core/model';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';

export interface DraftAlternative {
  id: string;
  name: string;
  url: string;
}

export interface OptionsState {
  settings: Settings;
  services: Service[];
  loaded: boolean;
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

export const useOptionsStore = create<OptionsState>()((set) => ({
  settings: DEFAULT_SETTINGS,
  services: [],
  loaded: false,
  draft: newDraft(),
  errors: {},
  announcement: '',
  permissionRefused: false,
  setSettings: (settings) => set({ settings, loaded: true }),
  setServices: (services) => set({ services }),
  setDraft: (draft) => set((s) => ({ draft: { ...s.draft, ...draft } })),
  setErrors: (errors) => set({ errors }),
  announce: (announcement) => set({ announcement }),
  setPermissionRefused: (permissionRefused) => set({ permissionRefused }),
}));
