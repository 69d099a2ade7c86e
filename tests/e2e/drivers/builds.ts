/** Where the builds the e2e tests load are: `npm run build`'s (SO_OUT_DIR), and the test build `npm test` makes. */
import path from 'node:path';

export const OUT_DIR = path.resolve(process.env.SO_OUT_DIR ?? '.output');
export const CHROME_BUILD = path.join(OUT_DIR, 'chrome-mv3');
export const FIREFOX_BUILD = path.join(OUT_DIR, 'firefox-mv3');
/** The test build (core/time/test-build.ts), which `npm test` makes into .output-test. */
export const TEST_BUILD_CHROME = path.resolve(process.env.SO_TEST_OUT_DIR ?? '.output-test', 'chrome-mv3');
