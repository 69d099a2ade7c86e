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

/**
 * Keeps the banner off the model menu its advice points to: when the menu button sits in the top
 * half of the viewport under the banner (claude.ai's header on a narrow screen), the banner moves
 * to the bottom, just above the message box; the menu opens downwards from its button.
 */
export function placeBanner(host: HTMLElement, banner: HTMLElement): void {
  host.classList.remove('so-bottom');
  const button = document.querySelector(LAYOUT_SELECTORS.modelButton)?.getBoundingClientRect();
  if (!button || button.height === 0) return;
  const rect = banner.getBoundingClientRect();
  const under = button.left < rect.right && rect.left < button.right && button.top < innerHeight / 2;
  if (!under) return;
  host.style.setProperty('--so-bottom', `${Math.max(8, innerHeight - composerTop() + 8)}px`);
  host.classList.add('so-bottom');
}
