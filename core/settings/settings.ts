/**
 * The user's settings: schema, defaults, validation of user-added alternatives, and the
 * migrations from every earlier stored version (one test per version in tests/unit/settings.test.ts).
 */
import * as z from 'zod/mini';
import { SITE_IDS } from '../sites/site-hosts';
import { MINUTE_MS, SECOND_MS } from '../time/time';

export const POLL_INTERVALS_SEC = [30, 60, 120, 300, 600] as const;
export const LANGUAGES = ['auto', 'en', 'de', 'fr'] as const;
export const THEMES = ['auto', 'light', 'dark'] as const;
export const NOTIFY_MODES = ['off', 'my-services', 'all'] as const;

export type Language = (typeof LANGUAGES)[number];
export type Theme = (typeof THEMES)[number];
export type NotifyMode = (typeof NOTIFY_MODES)[number];

/**
 * Bounds on what the settings hold, checked on every read as on every change: stored settings with
 * 10,003 alternatives were once accepted and drew 10,001 links. The most alternatives a user keeps
 * (the banner shows two or three, the popup lists them all, every one is sent to each open tab's
 * banner decision); the longest URL or text typed into the options (browsers and servers commonly
 * cap URLs near 2,048 characters); the longest name of one (one line in the banner and the popup).
 */
export const MAX_USER_ALTERNATIVES = 20;
export const MAX_INPUT_LENGTH = 2048;
export const MAX_ALTERNATIVE_NAME = 80;
/** Ids of sites, services and alternatives: short in practice. */
export const MAX_SETTING_ID = 200;
/** Muted services: as many as a status page may list (core/status-page/statuspage.ts MAX_ROWS). */
export const MAX_MUTED_SERVICES = 200;

const settingId = z.string().check(z.maxLength(MAX_SETTING_ID));

export const userAlternativeSchema = z.object({
  id: settingId,
  name: z.string().check(z.maxLength(MAX_ALTERNATIVE_NAME)),
  url: z.string().check(z.maxLength(MAX_INPUT_LENGTH)),
});
export type UserAlternative = z.infer<typeof userAlternativeSchema>;

/** "auto": every minute while someone needs it, every 5 minutes otherwise (core/polling/cadence.ts). */
export const POLL_INTERVAL_CHOICES = ['auto', ...POLL_INTERVALS_SEC] as const;

export const settingsSchema = z.object({
  pollIntervalSec: z.literal(POLL_INTERVAL_CHOICES),
  /** Banner per site id (core/sites/sites.ts); a site missing here shows the banner. */
  banner: z.record(settingId, z.boolean()),
  capacityDetection: z.boolean(),
  /** Watch claude.ai's own request outcomes. */
  requestSignal: z.boolean(),
  notifications: z.enum(NOTIFY_MODES),
  /** Services the user does not care about; new components are cared about by default. */
  mutedServices: z.array(settingId).check(z.maxLength(MAX_MUTED_SERVICES)),
  alternatives: z.array(userAlternativeSchema).check(z.maxLength(MAX_USER_ALTERNATIVES)),
  language: z.enum(LANGUAGES),
  theme: z.enum(THEMES),
});
export type Settings = z.infer<typeof settingsSchema>;

export const SETTINGS_VERSION = 4;

export const DEFAULT_SETTINGS: Settings = {
  pollIntervalSec: 'auto',
  banner: {},
  capacityDetection: true,
  requestSignal: true,
  notifications: 'off',
  mutedServices: [],
  alternatives: [],
  language: 'auto',
  theme: 'auto',
};

export function bannerEnabled(settings: Settings, siteId: string): boolean {
  return settings.banner[siteId] !== false;
}

export function caresAbout(settings: Settings, serviceId: string): boolean {
  return !settings.mutedServices.includes(serviceId);
}

/**
 * Version 1 (the first options: an interval in minutes and notifications on or off) to 2.
 * Values a v1 could hold that v2 no longer offers are mapped to the nearest offered one.
 */
export function migrateV1toV2(old: unknown): unknown {
  // @wxt-dev/storage takes a value stored without its version mark for version 1 (a storage
  // cleared and rewritten, say); a value that already is version 2 must pass through untouched.
  if (z.safeParse(settingsSchema, old).success) return old;
  const v1 = (typeof old === 'object' && old !== null ? old : {}) as { pollMinutes?: unknown; notify?: unknown };
  const minutes = typeof v1.pollMinutes === 'number' && Number.isFinite(v1.pollMinutes) ? v1.pollMinutes : 1;
  const wanted = (minutes * MINUTE_MS) / SECOND_MS;
  const nearest = POLL_INTERVALS_SEC.reduce((best, n) => (Math.abs(n - wanted) < Math.abs(best - wanted) ? n : best));
  return { ...V2_DEFAULTS, pollIntervalSec: nearest, notifications: v1.notify === true ? 'my-services' : 'off' };
}

/** Version 2's defaults: one minute was the default interval then. */
const V2_DEFAULTS = { ...DEFAULT_SETTINGS, pollIntervalSec: 60 };

/**
 * Version 2 to 3 ("automatic" interval, the new default). One minute was v2's default, which
 * nearly everyone kept without choosing it: it becomes "automatic", which still polls every
 * minute whenever there is a reason to. Any other interval was a choice and is kept.
 */
export function migrateV2toV3(old: unknown): unknown {
  const v2 = (typeof old === 'object' && old !== null ? old : {}) as { pollIntervalSec?: unknown };
  if (v2.pollIntervalSec === 60) return { ...v2, pollIntervalSec: 'auto' };
  return old;
}

const within = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;

/**
 * Version 3 to 4 bounds what settings hold (see MAX_USER_ALTERNATIVES): what version 3 held past
 * the bounds is cut (the first alternatives and muted services are kept), entries too long to be
 * real are dropped, and banner switches are kept for known sites only. A value that already is
 * version 4 passes through; one that is still invalid is replaced by the defaults when read.
 */
export function migrateV3toV4(old: unknown): unknown {
  if (z.safeParse(settingsSchema, old).success) return old;
  const v3 = (typeof old === 'object' && old !== null ? old : {}) as Record<string, unknown>;
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const banner = typeof v3.banner === 'object' && v3.banner !== null ? v3.banner : {};
  const alternative = (a: unknown): boolean => {
    const { id, name, url } = (typeof a === 'object' && a !== null ? a : {}) as Record<string, unknown>;
    return within(id, MAX_SETTING_ID) && within(name, MAX_ALTERNATIVE_NAME) && within(url, MAX_INPUT_LENGTH);
  };
  return {
    ...v3,
    banner: Object.fromEntries(
      Object.entries(banner).filter(
        ([site, on]) => (SITE_IDS as readonly string[]).includes(site) && typeof on === 'boolean',
      ),
    ),
    mutedServices: list(v3.mutedServices)
      .filter((id) => within(id, MAX_SETTING_ID))
      .slice(0, MAX_MUTED_SERVICES),
    alternatives: list(v3.alternatives).filter(alternative).slice(0, MAX_USER_ALTERNATIVES),
  };
}

export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: migrateV1toV2,
  3: migrateV2toV3,
  4: migrateV3toV4,
};
