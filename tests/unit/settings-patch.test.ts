/** core/settings/settings-patch.ts: one change at a time, applied to the settings as stored, re-checked. */
import { describe, expect, it } from 'vitest';
import { validateAlternative } from '../../core/advice/user-alternatives';
import {
  DEFAULT_SETTINGS,
  MAX_INPUT_LENGTH,
  MAX_MUTED_SERVICES,
  MAX_USER_ALTERNATIVES,
  type Settings,
} from '../../core/settings/settings';
import { applySettingsPatch, type SettingsPatch, settingsPatchSchema } from '../../core/settings/settings-patch';

const alt = (id: string) => ({ id, name: `Alt ${id}`, url: `https://${id}.example.com/` });
const withAlts = (...ids: string[]): Settings => ({ ...DEFAULT_SETTINGS, alternatives: ids.map(alt) });
const order = (s: Settings) => s.alternatives.map((a) => a.id);

describe('applySettingsPatch', () => {
  it('two quick changes applied in turn both count', () => {
    let s = applySettingsPatch(DEFAULT_SETTINGS, { op: 'set', values: { theme: 'dark' } });
    s = applySettingsPatch(s, { op: 'set', values: { language: 'fr' } });
    expect(s).toMatchObject({ theme: 'dark', language: 'fr' });
  });

  it('a double click on "move up" moves it up twice, never back', () => {
    let s = withAlts('a', 'b', 'c');
    s = applySettingsPatch(s, { op: 'alternative-move', id: 'c', by: -1 });
    s = applySettingsPatch(s, { op: 'alternative-move', id: 'c', by: -1 });
    expect(order(s)).toEqual(['c', 'a', 'b']);
    // A third click at the top changes nothing.
    expect(applySettingsPatch(s, { op: 'alternative-move', id: 'c', by: -1 })).toBe(s);
  });

  it.each<[string, SettingsPatch, Partial<Settings>]>([
    [
      'banner off on one site keeps the other',
      { op: 'banner', site: 'platform', on: false },
      { banner: { 'claude-ai': true, platform: false } },
    ],
    ['a service muted', { op: 'service', id: 'svc2', on: false }, { mutedServices: ['svc1', 'svc2'] }],
    ['a service cared about again', { op: 'service', id: 'svc1', on: true }, { mutedServices: [] }],
    ['an alternative removed', { op: 'alternative-remove', id: 'a' }, { alternatives: [alt('b')] }],
    [
      'an alternative added, trimmed and normalised',
      { op: 'alternative-add', alternative: { id: 'n', name: ' New ', url: 'https://New.example.com' } },
      { alternatives: [alt('a'), alt('b'), { id: 'n', name: 'New', url: 'https://new.example.com/' }] },
    ],
  ])('%s', (_label, patch, expected) => {
    const before: Settings = { ...withAlts('a', 'b'), banner: { 'claude-ai': true }, mutedServices: ['svc1'] };
    expect(applySettingsPatch(before, patch)).toMatchObject(expected);
  });

  it.each<[string, SettingsPatch]>([
    [
      'an http alternative',
      { op: 'alternative-add', alternative: { id: 'x', name: 'X', url: 'http://x.example.com/' } },
    ],
    [
      'a javascript: alternative',
      { op: 'alternative-add', alternative: { id: 'x', name: 'X', url: 'javascript:alert(1)' } },
    ],
    ['a duplicate URL', { op: 'alternative-add', alternative: { id: 'x', name: 'X', url: 'https://a.example.com/' } }],
    ['a duplicate id', { op: 'alternative-add', alternative: { id: 'a', name: 'X', url: 'https://x.example.com/' } }],
    ['moving an unknown id', { op: 'alternative-move', id: 'zz', by: 1 }],
    ['removing an unknown id', { op: 'alternative-remove', id: 'zz' }],
    ['a value already set', { op: 'set', values: { theme: 'auto' } }],
  ])('refused or nothing to do: %s -> the same object (nothing written)', (_label, patch) => {
    const before = withAlts('a', 'b');
    expect(applySettingsPatch(before, patch)).toBe(before);
  });

  it(`the list stops at ${MAX_USER_ALTERNATIVES}`, () => {
    const full = withAlts(...Array.from({ length: MAX_USER_ALTERNATIVES }, (_, i) => `a${i}`));
    const patch: SettingsPatch = { op: 'alternative-add', alternative: alt('one-more') };
    expect(applySettingsPatch(full, patch)).toBe(full);
    expect(validateAlternative(alt('one-more'), full.alternatives)).toEqual({ field: 'name', error: 'too-many' });
  });
});

describe('applySettingsPatch: what settings hold stays bounded (issue #28)', () => {
  it(`muting stops at ${MAX_MUTED_SERVICES} services; unmuting still works`, () => {
    const full: Settings = {
      ...DEFAULT_SETTINGS,
      mutedServices: Array.from({ length: MAX_MUTED_SERVICES }, (_, i) => `s${i}`),
    };
    expect(applySettingsPatch(full, { op: 'service', id: 'one-more', on: false })).toBe(full);
    expect(applySettingsPatch(full, { op: 'service', id: 's0', on: true }).mutedServices).toHaveLength(
      MAX_MUTED_SERVICES - 1,
    );
  });

  it('a banner switch names a site the extension knows, or the message is refused', () => {
    expect(settingsPatchSchema.safeParse({ op: 'banner', site: 'claude-ai', on: false }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ op: 'banner', site: 'elsewhere', on: false }).success).toBe(false);
  });
});

describe('settingsPatchSchema: bounded input', () => {
  const long = `https://example.com/${'a'.repeat(MAX_INPUT_LENGTH)}`;

  it('a URL over 2,048 characters is refused by the message and by the check beside the field', () => {
    expect(
      settingsPatchSchema.safeParse({ op: 'alternative-add', alternative: { id: 'x', name: 'X', url: long } }).success,
    ).toBe(false);
    expect(validateAlternative({ name: 'X', url: long }, [])).toEqual({ field: 'url', error: 'url-too-long' });
  });

  it('a 4 MB URL is refused', () => {
    const huge = `https://example.com/${'a'.repeat(4_000_000)}`;
    expect(
      settingsPatchSchema.safeParse({ op: 'alternative-add', alternative: { id: 'x', name: 'X', url: huge } }).success,
    ).toBe(false);
  });

  it('a URL of exactly 2,048 characters is accepted', () => {
    const url = `https://example.com/${'a'.repeat(MAX_INPUT_LENGTH - 'https://example.com/'.length)}`;
    expect(url).toHaveLength(MAX_INPUT_LENGTH);
    expect(validateAlternative({ name: 'X', url }, [])).toBeNull();
  });

  it('a whole copy of the settings sent as a "set" cannot replace the alternatives or the muted services', () => {
    const parsed = settingsPatchSchema.safeParse({
      op: 'set',
      values: { ...DEFAULT_SETTINGS, alternatives: [alt('x')] },
    });
    expect(parsed.success && parsed.data.op === 'set' && Object.keys(parsed.data.values).sort()).toEqual([
      'capacityDetection',
      'language',
      'notifications',
      'pollIntervalSec',
      'requestSignal',
      'theme',
    ]);
  });

  it.each<[string, unknown]>([
    ['an unknown op', { op: 'replace-all', settings: DEFAULT_SETTINGS }],
    ['a move by 5', { op: 'alternative-move', id: 'a', by: 5 }],
    ['a huge site id', { op: 'banner', site: 'x'.repeat(10_000), on: false }],
    [
      'a name over 2,048 characters',
      { op: 'alternative-add', alternative: { id: 'x', name: 'n'.repeat(2049), url: 'https://x.example.com/' } },
    ],
  ])('refuses %s', (_label, raw) => {
    expect(settingsPatchSchema.safeParse(raw).success).toBe(false);
  });
});
