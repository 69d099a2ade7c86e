/**
 * One look per kind of trouble (issue #27, item 7): the mark and the colour the badge, the banner
 * and the popup (its header, cards, service icons and history strip) all show for it. The only
 * place these colours are written: the badge takes `light`; the extension's pages take the CSS
 * variables kindColourCss() builds from this table (`--so-colour-<kind>`, and `--so-colour` under
 * a `.so-colour-<kind>` class); the banner gets its kind's pair with its words (bannerColour), so
 * a kind can never be purple on the badge and amber on the banner again.
 */
import type { BannerKind } from '../banner/banner-decision';
import type { Severity } from '../status-page/severity';
import type { OverallKind } from './overall';

export interface KindLook {
  /** The badge's text, and the popup's icon for a status-page severity; never colour alone. */
  mark: string;
  /** On a light background, and the badge's background (white text on it). */
  light: string;
  /** On a dark background. */
  dark: string;
}

export const KIND_LOOK: Readonly<Record<OverallKind, KindLook>> = {
  operational: { mark: '', light: '#15803d', dark: '#4ade80' },
  maintenance: { mark: 'M', light: '#0369a1', dark: '#7dd3fc' },
  degraded: { mark: '!', light: '#a16207', dark: '#facc15' },
  partial_outage: { mark: '!!', light: '#c2410c', dark: '#fb923c' },
  major_outage: { mark: '!!!', light: '#b91c1c', dark: '#f87171' },
  // Unknown: the status page could not be checked; grey, never a colour that reads as healthy.
  stale: { mark: '?', light: '#6b7280', dark: '#9ca3af' },
  // What claude.ai showed this user: a word rather than a mark, since the status page may be green.
  capacity: { mark: 'CAP', light: '#7e22ce', dark: '#d8b4fe' },
  // claude.ai says the model in use is unavailable ("Claude Fable 5 is currently unavailable."):
  // its own signal, like capacity; the advice is another model.
  'model-unavailable': { mark: 'MOD', light: '#4338ca', dark: '#a5b4fc' },
  // A server error cut a reply off ("Server error mid-response. …", "Response incomplete").
  incomplete: { mark: 'CUT', light: '#0f766e', dark: '#5eead4' },
  failing: { mark: 'ERR', light: '#be123c', dark: '#fda4af' },
  // claude.ai's own outage screen ("Claude will return soon"). Not "OFF", which read as "the
  // extension is off" (issue #27, item 11).
  'outage-screen': { mark: 'DOWN', light: '#7f1d1d', dark: '#fca5a5' },
  connection: { mark: 'NET', light: '#334155', dark: '#cbd5e1' },
};

export const LOOK_KINDS = Object.keys(KIND_LOOK) as OverallKind[];

/**
 * The kind a banner is coloured as: what claude.ai showed by its own kind, maintenance as
 * maintenance, claude.ai's retry notice and every status-page banner by their severity, and the
 * "back" note as operational: the same kind the badge shows for the same trouble.
 */
export function bannerColourKind(kind: BannerKind, severity: Severity): OverallKind {
  switch (kind) {
    case 'capacity':
    case 'model-unavailable':
    case 'incomplete':
    case 'failing':
    case 'connection':
    case 'outage-screen':
    case 'maintenance':
      return kind;
    case 'back':
      return 'operational';
    default:
      return severity;
  }
}

/** A banner's colour: its kind (bannerColourKind) and that kind's colours, as the banner draws them. */
export function bannerColour(kind: BannerKind, severity: Severity): { kind: OverallKind; light: string; dark: string } {
  const colourKind = bannerColourKind(kind, severity);
  return { kind: colourKind, light: KIND_LOOK[colourKind].light, dark: KIND_LOOK[colourKind].dark };
}

/**
 * The table as CSS: each kind's colour as `--so-colour-<kind>` on `scope` (`:root` for the
 * extension's pages, `:host` in the banner's shadow root), light-dark() so it follows the theme,
 * and `.so-colour-<kind>` setting `--so-colour` for the element and what it holds.
 */
export function kindColourCss(scope: ':root' | ':host'): string {
  const vars = LOOK_KINDS.map(
    (kind) => `--so-colour-${kind}:light-dark(${KIND_LOOK[kind].light},${KIND_LOOK[kind].dark})`,
  );
  const classes = LOOK_KINDS.map((kind) => `.so-colour-${kind}{--so-colour:var(--so-colour-${kind})}`);
  return `${scope}{${vars.join(';')}}${classes.join('')}`;
}
