/**
 * Reads vitest's JSON report for `npm test` (scripts/test-all.mjs): one line per failed test or
 * failed file, repeated at the end of the run because CI shows only its tail. (test-all.mjs
 * takes the counts from the report itself.)
 */
import path from 'node:path';

/** The first non-blank line of `text`, trimmed and cut to `max` characters. */
function firstLine(text: string, max = 300): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim())
      ?.trim()
      .slice(0, max) ?? ''
  );
}

/** What this reads of vitest's JSON report. */
export interface VitestReport {
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { status: string; fullName: string; failureMessages?: string[] }[];
  }[];
}

/**
 * `file > test name: first error line` for each failed test, and `file: message` for a file that
 * failed without a failed test (it did not load, or a hook threw). Paths are shown relative to `root`.
 */
export function failedTests(report: VitestReport, root: string): string[] {
  const lines: string[] = [];
  for (const file of report.testResults) {
    const where = path.relative(root, file.name);
    const failedHere = file.assertionResults.filter((test) => test.status === 'failed');
    for (const test of failedHere) {
      lines.push(`${where} > ${test.fullName}: ${firstLine((test.failureMessages ?? []).join('\n'))}`);
    }
    if (file.status === 'failed' && failedHere.length === 0) lines.push(`${where}: ${firstLine(file.message ?? '')}`);
  }
  return lines;
}
