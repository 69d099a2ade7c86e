/**
 * One change the options page asks for, rather than a whole copy of the settings: the background
 * applies it to the settings as stored when its turn in the write queue comes, so two quick
 * changes, or a double click on "move up", each count instead of the second copy overwriting the
 * first. Applied changes are re-checked here (the page is not trusted to have checked them).
 */
import * as z from 'zod/mini';
import { normalizedAlternative, validateAlternative } from '../advice/user-alternatives';
import { SITE_IDS } from '../sites/site-hosts';
import {
  LANGUAGES,
  MAX_INPUT_LENGTH,
  MAX_MUTED_SERVICES,
  MAX_SETTING_ID,
  NOTIFY_MODES,
  POLL_INTERVAL_CHOICES,
  type Settings,
  THEMES,
} from './settings';

/** Ids of services and alternatives: bounded as the settings hold them (core/settings/settings.ts). */
const idSchema = z.string().check(z.maxLength(MAX_SETTING_ID));

export const settingsPatchSchema = z.union([
  /** Plain values: interval, switches, notification mode, language, theme. */
  z.object({
    op: z.literal('set'),
    values: z.object({
      pollIntervalSec: z.optional(z.literal(POLL_INTERVAL_CHOICES)),
      capacityDetection: z.optional(z.boolean()),
      requestSignal: z.optional(z.boolean()),
      notifications: z.optional(z.enum(NOTIFY_MODES)),
      language: z.optional(z.enum(LANGUAGES)),
      theme: z.optional(z.enum(THEMES)),
    }),
  }),
  z.object({ op: z.literal('banner'), site: z.enum(SITE_IDS), on: z.boolean() }),
  z.object({ op: z.literal('service'), id: idSchema, on: z.boolean() }),
  z.object({
    op: z.literal('alternative-add'),
    alternative: z.object({
      id: idSchema,
      name: z.string().check(z.maxLength(MAX_INPUT_LENGTH)),
      url: z.string().check(z.maxLength(MAX_INPUT_LENGTH)),
    }),
  }),
  z.object({ op: z.literal('alternative-remove'), id: idSchema }),
  /** By id, not by position: a second click that arrives after the first moved it moves it again. */
  z.object({ op: z.literal('alternative-move'), id: idSchema, by: z.union([z.literal(-1), z.literal(1)]) }),
]);
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

function moved<T extends { id: string }>(list: readonly T[], id: string, by: -1 | 1): readonly T[] {
  const from = list.findIndex((x) => x.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[from], next[to]] = [next[to] as T, next[from] as T];
  return next;
}

/** The settings with one change applied; the same object when the change changes nothing or is refused. */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  switch (patch.op) {
    case 'set': {
      const entries = Object.entries(patch.values).filter(
        ([key, value]) => value !== undefined && settings[key as keyof Settings] !== value,
      );
      return entries.length === 0 ? settings : { ...settings, ...Object.fromEntries(entries) };
    }
    case 'banner':
      return settings.banner[patch.site] === patch.on
        ? settings
        : { ...settings, banner: { ...settings.banner, [patch.site]: patch.on } };
    case 'service': {
      const muted = settings.mutedServices.includes(patch.id);
      if (muted !== patch.on) return settings;
      // Settings hold at most MAX_MUTED_SERVICES: one more is refused, as the 21st alternative is.
      if (!patch.on && settings.mutedServices.length >= MAX_MUTED_SERVICES) return settings;
      return {
        ...settings,
        mutedServices: patch.on
          ? settings.mutedServices.filter((id) => id !== patch.id)
          : [...settings.mutedServices, patch.id],
      };
    }
    case 'alternative-add': {
      const list = settings.alternatives;
      // validateAlternative refuses a 21st entry too.
      if (list.some((a) => a.id === patch.alternative.id)) return settings;
      if (validateAlternative(patch.alternative, list) !== null) return settings;
      return { ...settings, alternatives: [...list, normalizedAlternative(patch.alternative)] };
    }
    case 'alternative-remove': {
      const alternatives = settings.alternatives.filter((a) => a.id !== patch.id);
      return alternatives.length === settings.alternatives.length ? settings : { ...settings, alternatives };
    }
    case 'alternative-move': {
      const alternatives = moved(settings.alternatives, patch.id, patch.by);
      return alternatives === settings.alternatives ? settings : { ...settings, alternatives: [...alternatives] };
    }
  }
}
