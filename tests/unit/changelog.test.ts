import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { releaseChangelog } from '../../scripts/changelog';

const CHANGELOG = `# Changelog

## [Unreleased]

### Added

- A thing.

## [0.1.0] - 2026-11-25

- First.
`;

describe('releaseChangelog', () => {
  it('turns Unreleased into the dated version section and opens an empty Unreleased', () => {
    expect(releaseChangelog(CHANGELOG, '0.2.0', '2026-12-01')).toBe(`# Changelog

## [Unreleased]

## [0.2.0] - 2026-12-01

### Added

- A thing.

## [0.1.0] - 2026-11-25

- First.
`);
  });

  it('refuses an empty Unreleased section', () => {
    const released = releaseChangelog(CHANGELOG, '0.2.0', '2026-12-01') as string;
    expect(releaseChangelog(released, '0.3.0', '2026-12-02')).toEqual({
      error: expect.stringContaining('lists no change'),
    });
  });

  it('refuses a version that already has a section', () => {
    expect(releaseChangelog(CHANGELOG, '0.1.0', '2026-12-01')).toEqual({ error: expect.stringContaining('already') });
  });

  it('refuses a changelog without Unreleased', () => {
    expect(releaseChangelog('# Changelog\n', '0.2.0', '2026-12-01')).toEqual({ error: expect.stringContaining('no') });
  });

  it('the project changelog can be released and has a section for the current version', () => {
    const text = readFileSync('CHANGELOG.md', 'utf8');
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(text).toMatch(new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
    expect(typeof releaseChangelog(text, '99.0.0', '2099-01-01')).toBe('string');
  });
});
