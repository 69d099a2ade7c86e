/** Types of scripts/changelog.mjs. */
export function releaseChangelog(text: string, version: string, date: string): string | { error: string };
