/**
 * Every stored item of the extension. The background writes them all; other surfaces read.
 * Each definition is marked pure so that a bundle keeps only the items it reads (the popup has a
 * 30 KB budget); their migrations run where they are defined, in the background first.
 */

import * as z from 'zod/mini';
import { type BackWatch, backWatchSchema, EMPTY_BACK_WATCH } from '../core/back-watch/back-watch';
import {
  DISMISSALS_MIGRATIONS,
  DISMISSALS_VERSION,
  type Dismissals,
  dismissalsSchema,
  EMPTY_DISMISSALS,
} from '../core/banner/dismissals';
import {
  EMPTY_SIGNALS,
  SIGNALS_MIGRATIONS,
  SIGNALS_VERSION,
  type Signals,
  signalsSchema,
} from '../core/claude-page/detections';
import {
  EMPTY_FAILURE_LOG,
  FAILURES_MIGRATIONS,
  FAILURES_VERSION,
  type FailureLog,
  failureLogSchema,
} from '../core/claude-page/fault';
import { type ModelInUse, modelInUseSchema } from '../core/models/model-in-use';
import {
  EMPTY_NOTIFIED,
  NOTIFIED_MIGRATIONS,
  NOTIFIED_VERSION,
  type Notified,
  notifiedSchema,
} from '../core/notifications/notify';
import {
  DEFAULT_SETTINGS,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  type Settings,
  settingsSchema,
} from '../core/settings/settings';
import { type StorageFull, storageFullSchema } from '../core/settings/storage-full';
import {
  EMPTY_HISTORY,
  HISTORY_MIGRATIONS,
  HISTORY_VERSION,
  type History,
  historySchema,
} from '../core/status-page/history';
import {
  EMPTY_RESOLUTIONS,
  RESOLUTIONS_MIGRATIONS,
  RESOLUTIONS_VERSION,
  type Resolutions,
  resolutionsSchema,
} from '../core/status-page/resolutions';
import {
  EMPTY_STATUS,
  STATUS_MIGRATIONS,
  STATUS_VERSION,
  type StatusState,
  statusStateSchema,
} from '../core/status-page/status-model';
import { EMPTY_PAST_DURATIONS, type PastDurations, pastDurationsSchema } from '../core/status-page/typical-duration';
import { defineStoredItem } from './stored-item';
import {
  BACK_WATCH_KEY,
  DISMISSALS_KEY,
  FAILURES_KEY,
  HISTORY_KEY,
  MODEL_IN_USE_KEY,
  NOTIFIED_KEY,
  PAST_DURATIONS_KEY,
  RESOLUTIONS_KEY,
  SETTINGS_KEY,
  SIGNALS_KEY,
  SITE_SEEN_KEY,
  STATUS_KEY,
  STORAGE_FULL_KEY,
} from './stored-keys';

/** The last good snapshot and the fetch health. */
export const statusItem = /* @__PURE__ */ defineStoredItem<StatusState>(
  `local:${STATUS_KEY}`,
  statusStateSchema,
  EMPTY_STATUS,
  {
    version: STATUS_VERSION,
    migrations: STATUS_MIGRATIONS,
  },
);

/** Kinds, times and sites of claude.ai's own failure messages seen on screen; no content. */
export const signalsItem = /* @__PURE__ */ defineStoredItem<Signals>(
  `local:${SIGNALS_KEY}`,
  signalsSchema,
  EMPTY_SIGNALS,
  {
    version: SIGNALS_VERSION,
    migrations: SIGNALS_MIGRATIONS,
  },
);

/** Banners the user dismissed. */
export const dismissalsItem = /* @__PURE__ */ defineStoredItem<Dismissals>(
  `local:${DISMISSALS_KEY}`,
  dismissalsSchema,
  EMPTY_DISMISSALS,
  {
    version: DISMISSALS_VERSION,
    migrations: DISMISSALS_MIGRATIONS,
  },
);

/** Per-minute counts of claude.ai's failed API requests; no URLs, no bodies. */
export const failuresItem = /* @__PURE__ */ defineStoredItem<FailureLog>(
  `local:${FAILURES_KEY}`,
  failureLogSchema,
  EMPTY_FAILURE_LOG,
  {
    version: FAILURES_VERSION,
    migrations: FAILURES_MIGRATIONS,
  },
);

/** The last days of incidents.json, pruned, for the popup's history (fetched when the popup opens). */
export const historyItem = /* @__PURE__ */ defineStoredItem<History>(
  `local:${HISTORY_KEY}`,
  historySchema,
  EMPTY_HISTORY,
  {
    version: HISTORY_VERSION,
    migrations: HISTORY_MIGRATIONS,
  },
);

/** The user's options (written by the background on the options page's request). */
export const settingsItem = /* @__PURE__ */ defineStoredItem<Settings>(
  `local:${SETTINGS_KEY}`,
  settingsSchema,
  DEFAULT_SETTINGS,
  {
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
  },
);

/** What desktop notifications already announced, so nothing is announced twice across restarts. */
export const notifiedItem = /* @__PURE__ */ defineStoredItem<Notified>(
  `local:${NOTIFIED_KEY}`,
  notifiedSchema,
  EMPTY_NOTIFIED,
  {
    version: NOTIFIED_VERSION,
    migrations: NOTIFIED_MIGRATIONS,
  },
);

/** When a claude.ai or platform.claude.com tab last asked for its view (ms): the cadence's "a tab is open". Session only. */
export const siteSeenItem = /* @__PURE__ */ defineStoredItem<number | null>(
  `session:${SITE_SEEN_KEY}`,
  z.nullable(z.number()),
  null,
  {
    version: 1,
  },
);

/** Incidents summary.json still lists that incidents.json says are resolved (core/status-page/resolutions.ts). */
export const resolutionsItem = /* @__PURE__ */ defineStoredItem<Resolutions>(
  `local:${RESOLUTIONS_KEY}`,
  resolutionsSchema,
  EMPTY_RESOLUTIONS,
  {
    version: RESOLUTIONS_VERSION,
    migrations: RESOLUTIONS_MIGRATIONS,
  },
);

/** When the browser's storage last refused a write for lack of space (core/settings/storage-full.ts). Session only. */
export const storageFullItem = /* @__PURE__ */ defineStoredItem<StorageFull>(
  `session:${STORAGE_FULL_KEY}`,
  storageFullSchema,
  null,
  {
    version: 1,
  },
);

/** "Tell me when it's back" (core/back-watch/back-watch.ts): the watch that is on, and when claude.ai was last announced back. */
export const backWatchItem = /* @__PURE__ */ defineStoredItem<BackWatch>(
  `local:${BACK_WATCH_KEY}`,
  backWatchSchema,
  EMPTY_BACK_WATCH,
  {
    version: 1,
  },
);

/** The model claude.ai's latest tab showed (core/models/model-in-use.ts). Session only. */
export const modelInUseItem = /* @__PURE__ */ defineStoredItem<ModelInUse>(
  `session:${MODEL_IN_USE_KEY}`,
  modelInUseSchema,
  null,
  {
    version: 1,
  },
);

/** Resolved incidents of the last 90 days with their durations (core/status-page/typical-duration.ts), fetched at most hourly. */
export const pastDurationsItem = /* @__PURE__ */ defineStoredItem<PastDurations>(
  `local:${PAST_DURATIONS_KEY}`,
  pastDurationsSchema,
  EMPTY_PAST_DURATIONS,
  {
    version: 1,
  },
);
