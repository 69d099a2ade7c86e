/** Settings: parsing, defaults, the migration from every earlier stored version, and validation. */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { validateAlternative } from '../../core/advice/user-alternatives';
import {
  bannerEnabled,
  caresAbout,
  DEFAULT_SETTINGS,
  MAX_MUTED_SERVICES,
  MAX_USER_ALTERNATIVES,
  migrateV1toV2,
  migrateV2toV3,
  migrateV3toV4,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  settingsSchema,
} from '../../core/settings/settings';
import { parseStored } from '../../shell/stored-item';

describe('settings schema', () => {
  it('accepts the defaults', () => {
    expect(z.safeParse(settingsSchema, DEFAULT_SETTINGS).success).toBe(true);
  });

  it.each([
    ['an interval not offered', { pollIntervalSec: 45 }],
    ['an unknown language', { language: 'es' }],
    ['an unknown theme', { theme: 'sepia' }],
    ['an unknown notification mode', { notifications: 'sometimes' }],
    ['alternatives that are not a list', { alternatives: 'x' }],
    [
      'more alternatives than a user keeps (issue #28: 10,003 were read and drew 10,001 links)',
      {
        alternatives: Array.from({ length: 10_003 }, (_, i) => ({ id: `a${i}`, name: 'x', url: 'https://x.example/' })),
      },
    ],
    ['more muted services than any page lists', { mutedServices: Array.from({ length: 201 }, (_, i) => `s${i}`) }],
    [
      'an alternative name longer than a line',
      { alternatives: [{ id: 'a', name: 'n'.repeat(81), url: 'https://x.example/' }] },
    ],
    ['an id longer than any', { banner: { ['x'.repeat(201)]: false } }],
  ])('refuses %s', (_name, patch) => {
    expect(z.safeParse(settingsSchema, { ...DEFAULT_SETTINGS, ...patch }).success).toBe(false);
  });

  it('garbage in storage becomes the defaults, never a crash', () => {
    expect(parseStored('settings', settingsSchema, 'garbage', DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(parseStored('settings', settingsSchema, { pollIntervalSec: 'x' }, DEFAULT_SETTINGS)).toEqual(
      DEFAULT_SETTINGS,
    );
  });
});

describe('migrations', () => {
  it('has one migration per version after the first', () => {
    expect(SETTINGS_VERSION).toBe(4);
    expect(Object.keys(SETTINGS_MIGRATIONS).map(Number)).toEqual([2, 3, 4]);
  });

  it('v3 -> v4: what v3 held past the bounds is cut or dropped; the rest is kept', () => {
    const alternative = (i: number) => ({ id: `a${i}`, name: `Mine ${i}`, url: `https://x${i}.example/` });
    const v3 = {
      ...DEFAULT_SETTINGS,
      language: 'de',
      banner: { 'claude-ai': false, platform: true, elsewhere: false, ['x'.repeat(500)]: true },
      mutedServices: ['rwppv331jlwc', 'y'.repeat(300), ...Array.from({ length: 300 }, (_, i) => `s${i}`)],
      alternatives: [
        { id: 'long', name: 'n'.repeat(81), url: 'https://long.example/' },
        ...Array.from({ length: 10_003 }, (_, i) => alternative(i)),
      ],
    };
    const v4 = migrateV3toV4(v3) as typeof v3;
    expect(z.safeParse(settingsSchema, v4).success).toBe(true);
    expect(v4.language).toBe('de');
    expect(v4.banner).toEqual({ 'claude-ai': false, platform: true });
    expect(v4.mutedServices).toHaveLength(MAX_MUTED_SERVICES);
    expect(v4.mutedServices[0]).toBe('rwppv331jlwc');
    expect(v4.alternatives).toEqual(Array.from({ length: MAX_USER_ALTERNATIVES }, (_, i) => alternative(i)));
    // A value already of v4 passes through; garbage stays garbage for the read to replace.
    expect(migrateV3toV4(DEFAULT_SETTINGS)).toBe(DEFAULT_SETTINGS);
    expect(z.safeParse(settingsSchema, migrateV3toV4('garbage')).success).toBe(false);
  });

  it('the default interval is automatic', () => {
    expect(DEFAULT_SETTINGS.pollIntervalSec).toBe('auto');
  });

  it.each<[string, number | string, number | string]>([
    // [case, v2 interval, v3 interval]
    ["v2's default of one minute, kept by nearly everyone: automatic", 60, 'auto'],
    ['30 s, a choice: kept', 30, 30],
    ['2 min, a choice: kept', 120, 120],
    ['5 min, a choice: kept', 300, 300],
    ['10 min, a choice: kept', 600, 600],
    ['already v3 (stored without its version mark): untouched', 'auto', 'auto'],
  ])('v2 -> v3: %s', (_name, v2, v3) => {
    const old = { ...DEFAULT_SETTINGS, language: 'fr', notifications: 'all', pollIntervalSec: v2 };
    const migrated = migrateV2toV3(old);
    expect(z.safeParse(settingsSchema, migrated).success).toBe(true);
    expect(migrated).toEqual({ ...old, pollIntervalSec: v3 });
  });

  it('v1 -> v2 -> v3: a v1 user on the old one-minute default ends on automatic', () => {
    expect(migrateV2toV3(migrateV1toV2({ pollMinutes: 1, notify: true }))).toMatchObject({
      pollIntervalSec: 'auto',
      notifications: 'my-services',
    });
  });

  it('a value that already is v2 (stored without its version mark) passes through untouched', () => {
    const v2 = { ...DEFAULT_SETTINGS, language: 'de', pollIntervalSec: 300 };
    expect(migrateV1toV2(v2)).toEqual(v2);
  });

  it.each([
    ['v1 defaults', { pollMinutes: 1, notify: false }, { pollIntervalSec: 60, notifications: 'off' }],
    [
      'v1 with notifications on',
      { pollMinutes: 5, notify: true },
      { pollIntervalSec: 300, notifications: 'my-services' },
    ],
    ['v1 with an interval v2 does not offer: nearest', { pollMinutes: 3, notify: false }, { pollIntervalSec: 120 }],
    ['v1 with half a minute', { pollMinutes: 0.5 }, { pollIntervalSec: 30 }],
    ['v1 with a huge interval', { pollMinutes: 90 }, { pollIntervalSec: 600 }],
    ['v1 garbage', 'garbage', { pollIntervalSec: 60, notifications: 'off' }],
    ['v1 empty', {}, { pollIntervalSec: 60, notifications: 'off' }],
  ])('v1 -> v2: %s', (_name, v1, expected) => {
    const migrated = migrateV1toV2(v1);
    const parsed = z.safeParse(settingsSchema, migrated);
    expect(parsed.success).toBe(true);
    expect(migrated).toMatchObject(expected);
  });
});

describe('what the settings mean', () => {
  it('a site missing from the banner map shows the banner; false hides it', () => {
    expect(bannerEnabled(DEFAULT_SETTINGS, 'claude-ai')).toBe(true);
    expect(bannerEnabled({ ...DEFAULT_SETTINGS, banner: { 'claude-ai': false } }, 'claude-ai')).toBe(false);
  });

  it('new components are cared about by default', () => {
    expect(caresAbout(DEFAULT_SETTINGS, 'a-component-added-next-year')).toBe(true);
    expect(caresAbout({ ...DEFAULT_SETTINGS, mutedServices: ['x'] }, 'x')).toBe(false);
  });
});

describe('validateAlternative', () => {
  it.each([
    [{ name: 'Chat', url: 'https://chat.example.org' }, null],
    [
      { name: '', url: 'https://chat.example.org' },
      { field: 'name', error: 'name-required' },
    ],
    [
      { name: '   ', url: 'https://chat.example.org' },
      { field: 'name', error: 'name-required' },
    ],
    [
      { name: 'x'.repeat(81), url: 'https://chat.example.org' },
      { field: 'name', error: 'name-required' },
    ],
    [
      { name: 'Evil', url: 'javascript:alert(1)' },
      { field: 'url', error: 'url-not-https' },
    ],
    [
      { name: 'Evil', url: 'data:text/html,<b>x</b>' },
      { field: 'url', error: 'url-not-https' },
    ],
    [
      { name: 'Plain', url: 'http://chat.example.org' },
      { field: 'url', error: 'url-not-https' },
    ],
    [
      { name: 'Typo', url: 'chat.example.org' },
      { field: 'url', error: 'url-invalid' },
    ],
    [
      { name: 'Creds', url: 'https://user:pw@chat.example.org' },
      { field: 'url', error: 'url-invalid' },
    ],
    [
      { name: 'Local', url: 'https://localhost' },
      { field: 'url', error: 'url-invalid' },
    ],
  ])('%j -> %j', (candidate, expected) => {
    expect(validateAlternative(candidate, [])).toEqual(expected);
  });

  it('refuses a duplicate address', () => {
    expect(
      validateAlternative({ name: 'Again', url: 'https://chat.example.org/' }, [{ url: 'https://chat.example.org/' }]),
    ).toEqual({
      field: 'url',
      error: 'url-duplicate',
    });
  });
});
