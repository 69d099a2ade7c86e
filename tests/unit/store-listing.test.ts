// @vitest-environment node
/**
 * The store listing kit (docs/store/): texts within every store's limits in every language,
 * "unofficial" said, a name distinct from the other app's, one permission justification per
 * permission and host of the manifest, and images at the sizes the stores take. The limits and
 * where they are documented: docs/store/README.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

const STORE = path.resolve('docs/store');
const LANGUAGES = ['en', 'de', 'fr'] as const;

/** Characters, per store (docs/store/README.md, "Limits"). */
const LIMITS = {
  chrome: { name: 75, summary: 132, description: 16_000 },
  // AMO documents no maximum for the description; Edge's 10,000 binds it anyway.
  firefox: { name: 50, summary: 250, description: Number.POSITIVE_INFINITY },
  edge: { name: 45, summary: 132, description: 10_000, descriptionMin: 250 },
} as const;

const UNOFFICIAL: Record<(typeof LANGUAGES)[number], RegExp> = {
  en: /\bunofficial\b/i,
  de: /\binoffiziell/i,
  fr: /\bnon officiel/i,
};

/** Another app already uses this name. */
const TAKEN_NAME = 'claude status overlay';

const read = (...parts: string[]) => readFileSync(path.join(STORE, ...parts), 'utf8').trim();
/** What a store counts: characters (code points), not UTF-16 units. */
const length = (text: string) => [...text].length;

function messages(language: string): Record<string, { message: string }> {
  return JSON.parse(readFileSync(path.resolve('public/_locales', language, 'messages.json'), 'utf8'));
}

describe.each(LANGUAGES)('store listing (%s)', (language) => {
  const name = read(language, 'name.txt');
  const summary = read(language, 'summary.txt');
  const description = read(language, 'description.txt');

  it.each(Object.entries(LIMITS))('fits %s', (_store, limit) => {
    expect(length(name)).toBeLessThanOrEqual(limit.name);
    expect(length(summary)).toBeLessThanOrEqual(limit.summary);
    expect(length(description)).toBeLessThanOrEqual(limit.description);
    expect(length(description)).toBeGreaterThanOrEqual('descriptionMin' in limit ? limit.descriptionMin : 1);
  });

  it('is the manifest name and description in that language (Chrome and Edge take them from there)', () => {
    const m = messages(language);
    expect(name).toBe(m.extName?.message);
    expect(summary).toBe(m.extDescription?.message);
  });

  it('says unofficial, and keeps a name distinct from the other app', () => {
    expect(summary).toMatch(UNOFFICIAL[language]);
    expect(description).toMatch(UNOFFICIAL[language]);
    expect(name.toLowerCase()).not.toBe(TAKEN_NAME);
    expect(name.toLowerCase().startsWith('claude')).toBe(false);
  });
});

describe('permission justifications', () => {
  const lines = read('permissions.md')
    .split('\n')
    .map((line) => line.match(/^- `([^`]+)`(?: \(optional\))?: (.+)$/))
    .filter((match): match is RegExpMatchArray => match !== null);
  const justified = lines.map((match) => match[1] as string);

  it.each(['chrome', 'firefox', 'edge'])('cover exactly what the %s manifest asks for, once each', (browser) => {
    const manifest = (
      config.manifest as (
        env: object,
      ) => Record<'permissions' | 'optional_permissions' | 'host_permissions', string[] | undefined>
    )({
      browser,
      manifestVersion: 3,
      mode: 'production',
      command: 'build',
    });
    const asked = [
      ...(manifest.permissions ?? []),
      ...(manifest.optional_permissions ?? []),
      ...(manifest.host_permissions ?? []),
    ];
    expect([...justified].sort()).toEqual([...new Set(asked)].sort());
  });

  it("match README's permissions table: every permission and host is in it", () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('### Permissions, and why'), readme.indexOf('## Architecture'));
    for (const entry of justified) {
      const word = entry.startsWith('https://') ? new URL(entry.replace('/*', '/')).host : entry;
      expect(table, entry).toContain(`\`${word}\``);
    }
  });

  it('say something for each', () => {
    for (const match of lines) expect(length(match[2] ?? '')).toBeGreaterThan(20);
  });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number; bytes: number } {
  const data = readFileSync(file);
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), bytes: data.length };
}

describe('store images (npm run demo -- --store)', () => {
  it.each([
    ['screenshot-1-banner.png', 1280, 800],
    ['screenshot-2-popup.png', 1280, 800],
    ['screenshot-3-capacity.png', 1280, 800],
    ['screenshot-4-options.png', 1280, 800],
    ['promo-small.png', 440, 280],
    ['promo-marquee.png', 1400, 560],
  ])('%s is %dx%d and small', (file, width, height) => {
    const size = pngSize(path.join(STORE, 'images', file));
    expect({ width: size.width, height: size.height }).toEqual({ width, height });
    expect(size.bytes).toBeLessThan(300_000);
  });
});
