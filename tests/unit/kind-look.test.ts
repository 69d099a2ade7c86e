// @vitest-environment happy-dom
/**
 * One problem, one colour (issue #27, item 7): every kind of trouble has one mark and one colour,
 * written once in core/verdict/kind-look.ts, and the badge, the banner and the popup's header take
 * them from there. Capacity was purple on the badge, amber on the banner and grey in the popup's
 * header (its `.so-kind-capacity` had no rule): the tables below fail on each of those.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBanner } from '../../components/banner/banner';
import { stateIcon } from '../../components/popup/service-list';
import { StatusHeader } from '../../components/popup/status-header';
import { assess, type BannerKind } from '../../core/banner/banner-decision';
import { EMPTY_DISMISSALS } from '../../core/banner/dismissals';
import { EMPTY_FAILURE_LOG } from '../../core/claude-page/fault';
import type { PageSignalKind } from '../../core/claude-page/page-facts';
import { applyOutcome } from '../../core/polling/health';
import { DEFAULT_SETTINGS } from '../../core/settings/settings';
import { siteById } from '../../core/sites/sites';
import { SEVERITIES, type Severity } from '../../core/status-page/severity';
import { EMPTY_STATUS } from '../../core/status-page/status-model';
import { badgeFor, badgeStyle } from '../../core/verdict/badge';
import { bannerColour, bannerColourKind, KIND_LOOK, kindColourCss, LOOK_KINDS } from '../../core/verdict/kind-look';
import type { OverallKind } from '../../core/verdict/overall';
import { siteView } from '../../core/verdict/site-view';
import { bannerText } from '../../entrypoints/background/banner/banner-text';
import { loadSnapshot } from './fixtures';
import { useEnglish } from './support/translator';

const NOW = Date.parse('2026-11-20T14:00:00Z');

beforeAll(() => {
  useEnglish();
});

describe('one look per kind (core/verdict/kind-look.ts)', () => {
  // [kind, badge text, badge colour]: what the toolbar shows, and the colour every surface uses.
  it.each<[OverallKind, string, string]>([
    ['operational', '', '#15803d'],
    ['maintenance', 'M', '#0369a1'],
    ['degraded', '!', '#a16207'],
    ['partial_outage', '!!', '#c2410c'],
    ['major_outage', '!!!', '#b91c1c'],
    ['stale', '?', '#6b7280'],
    ['capacity', 'CAP', '#7e22ce'],
    ['model-unavailable', 'MOD', '#4338ca'],
    ['incomplete', 'CUT', '#0f766e'],
    ['failing', 'ERR', '#be123c'],
    ['outage-screen', 'DOWN', '#7f1d1d'],
    ['connection', 'NET', '#334155'],
  ])('%s: badge %j on %s, the same colour in the banner and the popup', (kind, text, colour) => {
    expect(badgeStyle(kind)).toEqual({ text, color: colour });
    expect(KIND_LOOK[kind].light).toBe(colour);
    // The pages' and the banner's CSS: the variable, and the class that sets --so-colour from it.
    for (const scope of [':root', ':host'] as const) {
      const css = kindColourCss(scope);
      expect(css.startsWith(`${scope}{`)).toBe(true);
      expect(css).toContain(`--so-colour-${kind}:light-dark(${colour},${KIND_LOOK[kind].dark})`);
      expect(css).toContain(`.so-colour-${kind}{--so-colour:var(--so-colour-${kind})}`);
    }
  });

  it('covers every kind the verdict can give, each with its own colour and its own mark', () => {
    expect([...LOOK_KINDS].sort()).toEqual(
      [
        ...SEVERITIES,
        'stale',
        'capacity',
        'model-unavailable',
        'incomplete',
        'failing',
        'outage-screen',
        'connection',
      ].sort(),
    );
    expect(new Set(LOOK_KINDS.map((k) => KIND_LOOK[k].light)).size).toBe(LOOK_KINDS.length);
    expect(new Set(LOOK_KINDS.map((k) => KIND_LOOK[k].dark)).size).toBe(LOOK_KINDS.length);
    expect(new Set(LOOK_KINDS.map((k) => KIND_LOOK[k].mark)).size).toBe(LOOK_KINDS.length);
    // Badges hold about four characters; OFF read as "the extension is off" (issue #27, item 11).
    for (const kind of LOOK_KINDS) expect(KIND_LOOK[kind].mark.length).toBeLessThanOrEqual(4);
    expect(LOOK_KINDS.map((k) => KIND_LOOK[k].mark)).not.toContain('OFF');
  });

  // [banner kind, its severity, the kind it is coloured as]
  it.each<[BannerKind, Severity, OverallKind]>([
    ['incident', 'degraded', 'degraded'],
    ['incident', 'partial_outage', 'partial_outage'],
    ['incident', 'major_outage', 'major_outage'],
    ['outage', 'major_outage', 'major_outage'],
    ['capacity', 'degraded', 'capacity'],
    ['failing', 'degraded', 'failing'],
    ['connection', 'degraded', 'connection'],
    ['outage-screen', 'partial_outage', 'outage-screen'],
    ['maintenance', 'maintenance', 'maintenance'],
    ['retry', 'degraded', 'degraded'],
    ['model-unavailable', 'degraded', 'model-unavailable'],
    ['incomplete', 'degraded', 'incomplete'],
    ['back', 'operational', 'operational'],
  ])('a %s banner (%s) is coloured as %s', (kind, severity, colour) => {
    expect(bannerColourKind(kind, severity)).toBe(colour);
    expect(bannerColour(kind, severity)).toEqual({
      kind: colour,
      light: KIND_LOOK[colour].light,
      dark: KIND_LOOK[colour].dark,
    });
  });

  it.each<Severity>([...SEVERITIES])("the popup's icon for %s is the badge's mark", (severity) => {
    expect(stateIcon(severity)).toBe(severity === 'operational' ? '✓' : badgeStyle(severity).text);
  });
});

describe('the surfaces take their colour from the table', () => {
  it.each<OverallKind>([...LOOK_KINDS])("the popup's header for %s carries its colour class", (kind) => {
    const status = applyOutcome(
      EMPTY_STATUS,
      { kind: 'success', source: 'primary', snapshot: loadSnapshot('healthy'), validators: null },
      NOW,
      0.5,
    );
    const view = { ...badgeFor(status, NOW, 60_000), kind, ...badgeStyle(kind) };
    const root = document.createElement('div');
    act(() => render(h(StatusHeader, { status, view, now: NOW, refreshing: false, onRefresh: () => {} }), root));
    expect(root.querySelector('header')?.classList.contains(`so-colour-${kind}`)).toBe(true);
    act(() => render(null, root));
  });

  it('the capacity banner is coloured as capacity, as the badge is for the same error', () => {
    const banner = assess({
      site: siteById('claude-ai'),
      snapshot: loadSnapshot('healthy'),
      stale: false,
      capacitySeenAt: NOW - 1_000,
      dismissals: EMPTY_DISMISSALS,
      now: NOW,
      currentModel: null,
      fault: { kind: 'none' },
      outageScreen: null,
      retrySeenAt: null,
    });
    expect(banner?.kind).toBe('capacity');
    if (!banner) return;
    const text = bannerText(banner, siteById('claude-ai'), null, NOW);
    expect(text.colour).toEqual({ kind: 'capacity', light: '#7e22ce', dark: KIND_LOOK.capacity.dark });
    const section = buildBanner({ text, expanded: false, onToggle: () => {}, onDismiss: () => {}, onLink: () => {} });
    expect(section.getAttribute('data-colour')).toBe('capacity');
    expect(section.style.getPropertyValue('--so-colour')).toBe(`light-dark(#7e22ce, ${KIND_LOOK.capacity.dark})`);
    const badge = badgeFor(
      applyOutcome(
        EMPTY_STATUS,
        { kind: 'success', source: 'primary', snapshot: loadSnapshot('healthy'), validators: null },
        NOW,
        0.5,
      ),
      NOW,
      60_000,
      {
        signals: { detections: [{ at: new Date(NOW - 1_000).toISOString(), site: 'claude-ai', kind: 'capacity' }] },
        failures: EMPTY_FAILURE_LOG,
        settings: { mutedServices: [], capacityDetection: true, requestSignal: false },
        online: true,
      },
    );
    expect(badge.kind).toBe(text.colour.kind);
  });

  // [what claude.ai showed, the badge's mark]: the same message gives the banner, the badge and the
  // popup's header one kind and one colour (the two kinds of issue #26 had none on the badge).
  it.each<[PageSignalKind & OverallKind, string]>([
    ['capacity', 'CAP'],
    ['outage-screen', 'DOWN'],
    ['model-unavailable', 'MOD'],
    ['incomplete', 'CUT'],
  ])('claude.ai showed %s: banner, badge (%s) and popup header of one kind and colour', (kind, mark) => {
    const status = applyOutcome(
      EMPTY_STATUS,
      { kind: 'success', source: 'primary', snapshot: loadSnapshot('healthy'), validators: null },
      NOW,
      0.5,
    );
    const signals = { detections: [{ at: new Date(NOW - 1_000).toISOString(), site: 'claude-ai' as const, kind }] };
    const settings = { ...DEFAULT_SETTINGS, requestSignal: false };
    const { banner } = siteView({
      siteId: 'claude-ai',
      status,
      signals,
      dismissals: EMPTY_DISMISSALS,
      failures: EMPTY_FAILURE_LOG,
      now: NOW,
      intervalMs: 60_000,
      online: true,
      settings,
    });
    expect(banner?.kind).toBe(kind);
    if (!banner) return;
    const text = bannerText(banner, siteById('claude-ai'), null, NOW);
    const badge = badgeFor(status, NOW, 60_000, { signals, failures: EMPTY_FAILURE_LOG, settings, online: true });
    expect(badge.kind).toBe(kind);
    expect(badge.text).toBe(mark);
    expect(text.colour).toEqual({ kind, light: badge.color, dark: KIND_LOOK[kind].dark });
    const section = buildBanner({ text, expanded: false, onToggle: () => {}, onDismiss: () => {}, onLink: () => {} });
    expect(section.getAttribute('data-colour')).toBe(badge.kind);
    const root = document.createElement('div');
    act(() => render(h(StatusHeader, { status, view: badge, now: NOW, refreshing: false, onRefresh: () => {} }), root));
    expect(root.querySelector('header')?.getAttribute('data-kind')).toBe(kind);
    expect(root.querySelector('header')?.classList.contains(`so-colour-${kind}`)).toBe(true);
    act(() => render(null, root));
  });

  /** The style sheets of the popup, the welcome page, the options and the banner. */
  const SHEETS = [
    'components/shared/page-base.css',
    'entrypoints/popup/style.css',
    'entrypoints/welcome/style.css',
    'entrypoints/options/style.css',
    'entrypoints/claude.content/style.css',
  ];

  it.each(SHEETS)('%s writes no colour of a kind and no rule per kind: it uses --so-colour', (file) => {
    const css = readFileSync(path.join(process.cwd(), file), 'utf8').toLowerCase();
    for (const kind of LOOK_KINDS) {
      expect(css, `${file}: ${kind}'s light colour`).not.toContain(KIND_LOOK[kind].light);
      expect(css, `${file}: ${kind}'s dark colour`).not.toContain(KIND_LOOK[kind].dark);
    }
    expect(css).not.toMatch(/\.so-(kind|state|sev)-[a-z_-]+\s*[{,]/);
  });
});

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe('the colours read well (WCAG AA, 4.5:1)', () => {
  // The badge's white text, the pages' and the banner's light backgrounds; their dark ones.
  const LIGHT_BACKGROUNDS = ['#ffffff', '#fffbeb'];
  const DARK_BACKGROUNDS = ['#1c1c1e', '#26211a'];

  it.each<OverallKind>([...LOOK_KINDS])('%s', (kind) => {
    for (const bg of LIGHT_BACKGROUNDS) expect(contrast(KIND_LOOK[kind].light, bg)).toBeGreaterThanOrEqual(4.5);
    for (const bg of DARK_BACKGROUNDS) expect(contrast(KIND_LOOK[kind].dark, bg)).toBeGreaterThanOrEqual(4.5);
  });
});
