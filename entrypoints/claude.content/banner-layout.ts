/**
 * Where and how the banner fits the page it sits on: the page's theme as the page paints it, and
 * a place that keeps the model menu its advice points to uncovered. Every selector comes from
 * core/claude-page/page-facts.ts.
 */

import { isDarkColour } from '../../core/banner/colour';
import { LAYOUT_SELECTORS } from '../../core/claude-page/page-facts';

/**
 * The page's theme as the page shows it (docs/claude-page.md, "Page theme"): the background it
 * paints in the middle of the viewport, read from the bottom of the stack up (the page's own
 * background, not a code block or a message bubble on it), then the theme marks on <html>, then
 * the colour scheme the page declares. Null: the system's.
 */
export function pageTheme(host: Element | null): 'dark' | 'light' | null {
  const painted = [
    document.documentElement,
    document.body,
    ...document.elementsFromPoint(innerWidth / 2, innerHeight / 2).reverse(),
  ];
  for (const el of painted) {
    if (!el || el === host) continue;
    const dark = isDarkColour(getComputedStyle(el).backgroundColor);
    if (dark !== null) return dark ? 'dark' : 'light';
  }
  if (document.querySelector(LAYOUT_SELECTORS.darkPage)) return 'dark';
  if (document.querySelector(LAYOUT_SELECTORS.lightPage)) return 'light';
  const declared = getComputedStyle(document.documentElement).colorScheme;
  return declared === 'dark' || declared === 'light' ? declared : null;
}

/** The top edge of what must stay uncovered at the bottom: the message box and the send button. */
function composerTop(): number {
  let top = innerHeight;
  for (const selector of [LAYOUT_SELECTORS.messageBox, LAYOUT_SELECTORS.sendButton]) {
    const rect = document.querySelector(selector)?.getBoundingClientRect();
    if (rect && rect.height > 0 && rect.top < top) top = rect.top;
  }
  return top;
}

/** Below this width the banner is its compact form across the top (style.css, the same width). */
const COMPACT_BELOW = 600;

/**
 * Where the banner sits. A wide screen has it as a card in the bottom right corner, just above the
 * message box, so that it covers neither the conversation's title nor its first message; a narrow
 * one (the compact form) across the top. Either way it keeps off the model menu its advice points
 * to: when the menu button sits across from the banner on the banner's half of the viewport
 * (claude.ai's header on a narrow screen, its message box on a wide one), the banner moves to the
 * other end. The menu opens away from the edge its button is near.
 */
export function placeBanner(host: HTMLElement, banner: HTMLElement): void {
  host.classList.remove('so-bottom', 'so-top');
  host.style.setProperty('--so-bottom', `${Math.max(8, innerHeight - composerTop() + 8)}px`);
  const button = document.querySelector(LAYOUT_SELECTORS.modelButton)?.getBoundingClientRect();
  if (!button || button.height === 0) return;
  const rect = banner.getBoundingClientRect();
  if (!(button.left < rect.right && rect.left < button.right)) return;
  const high = button.top < innerHeight / 2;
  const compact = innerWidth < COMPACT_BELOW;
  if (compact && high) host.classList.add('so-bottom');
  if (!compact && !high) host.classList.add('so-top');
}
