import { describe, expect, it } from 'vitest';
import { failedTests } from '../../scripts/vitest-report';

const ROOT = '/repo';

describe('failedTests (the lines npm test repeats above its last line)', () => {
  it('names each failed test with the first non-blank line of its error, and skips the rest', () => {
    const report = {
      testResults: [
        {
          name: '/repo/tests/e2e/extension.test.ts',
          status: 'failed',
          assertionResults: [
            { status: 'passed', fullName: 'chromium healthy' },
            {
              status: 'failed',
              fullName: 'chromium dismissed banner',
              failureMessages: [
                '\n  Error: timed out after 5000 ms waiting for the banner\n    at until (banner-page.ts:12:38)',
              ],
            },
            { status: 'skipped', fullName: 'chromium later' },
          ],
        },
        {
          name: '/repo/tests/unit/ok.test.ts',
          status: 'passed',
          assertionResults: [{ status: 'passed', fullName: 'x' }],
        },
      ],
    };
    expect(failedTests(report, ROOT)).toEqual([
      'tests/e2e/extension.test.ts > chromium dismissed banner: Error: timed out after 5000 ms waiting for the banner',
    ]);
  });

  it('names a file that failed without a failed test (it did not load)', () => {
    const report = {
      testResults: [
        {
          name: '/repo/tests/e2e/popup.test.ts',
          status: 'failed',
          message: 'Hook timed out in 90000ms.\nIf this is a long-running hook…',
          assertionResults: [{ status: 'skipped', fullName: 'popup opens' }],
        },
      ],
    };
    expect(failedTests(report, ROOT)).toEqual(['tests/e2e/popup.test.ts: Hook timed out in 90000ms.']);
  });

  it('cuts a long error line to 300 characters and copes with no message at all', () => {
    const report = {
      testResults: [
        {
          name: '/repo/a.test.ts',
          status: 'failed',
          assertionResults: [
            { status: 'failed', fullName: 'long', failureMessages: ['x'.repeat(1_000)] },
            { status: 'failed', fullName: 'silent' },
          ],
        },
      ],
    };
    expect(failedTests(report, ROOT)).toEqual([`a.test.ts > long: ${'x'.repeat(300)}`, 'a.test.ts > silent: ']);
  });
});
