/**
 * The name of every stored item in the extension's storage, spelled here only
 * (tests/unit/fact-home.test.ts). shell/stored-items.ts defines the items on these names; the
 * always-on watcher, which carries no storage library, names the few it ignores from here too.
 */
export const STATUS_KEY = 'status';
export const SIGNALS_KEY = 'signals';
export const DISMISSALS_KEY = 'dismissals';
export const FAILURES_KEY = 'failures';
export const HISTORY_KEY = 'history';
export const SETTINGS_KEY = 'settings';
export const NOTIFIED_KEY = 'notified';
export const RESOLUTIONS_KEY = 'resolutions';
export const BACK_WATCH_KEY = 'backWatch';
export const PAST_DURATIONS_KEY = 'pastDurations';
/** Session storage: gone when the browser closes. */
export const SITE_SEEN_KEY = 'siteSeenAt';
export const STORAGE_FULL_KEY = 'storageFull';
export const MODEL_IN_USE_KEY = 'modelInUse';
