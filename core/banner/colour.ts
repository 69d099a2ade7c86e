/**
 * Whether a computed CSS colour is dark: how the banner tells a dark page from a light one by
 * what the page paints (docs/claude-page.md, "Page theme"). Browsers give computed colours as
 * `rgb()`/`rgba()`, or keep `oklch()`, `oklab()`, `lab()`, `lch()` as written (Tailwind 4 writes
 * oklch). Anything else, and anything mostly transparent, says nothing (null).
 */

/** Lightness (0 to 1) below which a background reads as dark. */
const DARK_BELOW = 0.5;

const NUMBER = /-?[\d.]+(?:e-?\d+)?%?|none/gi;

function part(raw: string | undefined, scale: number): number {
  if (!raw || raw === 'none') return 0;
  return raw.endsWith('%') ? Number.parseFloat(raw) / 100 : Number.parseFloat(raw) / scale;
}

/** sRGB channel (0 to 1) to linear light, for relative luminance. */
function linear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** True for a dark colour, false for a light one, null when the colour says nothing. */
export function isDarkColour(css: string): boolean | null {
  const match = /^(rgba?|oklch|oklab|lch|lab)\((.*)\)$/i.exec(css.trim());
  if (!match) return null;
  const fn = (match[1] ?? '').toLowerCase();
  const parts = (match[2] ?? '').match(NUMBER) ?? [];
  if (parts.length < 3) return null;
  // Alpha is the fourth value (`rgba(r, g, b, a)` or `oklch(l c h / a)`).
  const alpha = parts.length > 3 ? part(parts[3], 1) : 1;
  if (!(alpha >= 0.5)) return null;
  let lightness: number;
  if (fn.startsWith('rgb')) {
    const [r, g, b] = parts.slice(0, 3).map((p) => linear(Math.min(1, Math.max(0, part(p, 255)))));
    // Relative luminance (WCAG), then back to a perceptual scale (CIE L*, 0 to 1).
    const y = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    lightness = y > 0.008856 ? 1.16 * Math.cbrt(y) - 0.16 : 9.033 * y;
  } else {
    // oklch/oklab lightness runs 0 to 1 (or 0% to 100%); lab/lch lightness 0 to 100.
    lightness = part(parts[0], fn.startsWith('ok') ? 1 : 100);
  }
  if (Number.isNaN(lightness)) return null;
  return lightness < DARK_BELOW;
}
