/**
 * The e2e test build (`SO_TEST_BUILD=1`, built by scripts/test-all.mjs into .output-test): the
 * production code with the notification permission granted at install (a headless browser cannot
 * answer its prompt) and the few timings below shortened, so that e2e tests see several periods of
 * a throttle, or a fetch time out, in seconds instead of waiting out real minutes. wxt.config.ts
 * defines `__SO_TEST_BUILD__`; in every other build it is `false` and the bundler drops the test
 * values, and in unit tests it is not defined at all: TEST_BUILD is false there too.
 */

declare const __SO_TEST_BUILD__: boolean | undefined;

export const TEST_BUILD = typeof __SO_TEST_BUILD__ === 'boolean' && __SO_TEST_BUILD__;

/** What the test build uses instead (tests/e2e/faults.test.ts reads them to know what to expect). */
export const TEST_TIMINGS = {
  /**
   * Stands for the minute of the throttles that pace a storm of page reports: how often the
   * watcher reports a kind, how often one kind is stored, how often the failure log is written,
   * how far apart hinted polls are.
   */
  paceMs: 3_000,
  /** How long one status request may take before the next origin is asked. */
  fetchTimeoutMs: 2_000,
} as const;
