/**
 * Every time that governs claude.ai's own messages (capacity error, outage screen, retry notice,
 * a reply cut off, a model unavailable), from the background to the popup, in one place with the
 * reason for each. The one the page itself uses, how often the watcher reports a kind
 * (REPORT_EVERY_MS, a minute, matching DETECTION_DEDUPE_MS), stays in
 * entrypoints/claude.content/watcher.ts: importing it from here reorders the always-on bundle and
 * costs bytes of its 3,000 B budget.
 */
import { TEST_BUILD, TEST_TIMINGS } from '../time/test-build';
import { HOUR_MS, MINUTE_MS } from '../time/time';

/** One message stays on screen while the page re-renders it: one stored detection per kind and minute, whatever the number of tabs. */
export const DETECTION_DEDUPE_MS = TEST_BUILD ? TEST_TIMINGS.paceMs : MINUTE_MS;
/** How long one capacity detection keeps its banner up without being seen again. */
export const CAPACITY_BANNER_MS = 15 * MINUTE_MS;
/** How long claude.ai's outage screen keeps its banner up without being seen again. */
export const OUTAGE_SCREEN_BANNER_MS = 15 * MINUTE_MS;
/** A retry notice is over sooner: claude.ai retries by itself, and succeeds or shows an error. */
export const RETRY_BANNER_MS = 5 * MINUTE_MS;
/** A reply cut off by a server error: the banner stays while the user decides what to do with the partial reply. */
export const INCOMPLETE_BANNER_MS = 10 * MINUTE_MS;
/** A model claude.ai says is unavailable: long enough to switch model, short enough not to outlive it. */
export const MODEL_UNAVAILABLE_BANNER_MS = 10 * MINUTE_MS;
/** The markers check is about the page as it is now: older than this, it says nothing about claude.ai today. */
export const MARKERS_VALID_MS = 7 * 24 * HOUR_MS;
/** A dismissed capacity banner stays away this long unless the error appears again after it. */
export const CAPACITY_SNOOZE_MS = 30 * MINUTE_MS;
/** A capacity error (or a failed request) keeps the polling pace up this long (core/polling/cadence.ts). */
export const SIGNAL_LIVE_MS = 10 * MINUTE_MS;
/** The popup counts capacity errors over the last hour: long enough to show a pattern, short enough to be about now. */
export const CAPACITY_COUNT_WINDOW_MS = HOUR_MS;
/** The popup counts claude.ai's failed requests over the last 10 minutes (core/claude-page/fault.ts keeps 15 minutes of them). */
export const FAILURES_WINDOW_MS = 10 * MINUTE_MS;
