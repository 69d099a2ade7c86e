/** Types of scripts/vitest-report.mjs. */
export interface VitestReport {
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { status: string; fullName: string; failureMessages?: string[] }[];
  }[];
}

export function failedTests(report: VitestReport, root: string): string[];
