/**
 * How the banner looks (issue #15): its theme, read as the computed background colour, and its
 * compact form on a narrow screen. Run in real Chromium and real Firefox with the other scenarios
 * (tests/e2e/extension.test.ts).
 */
import { expect } from 'vitest';
import type { Harness } from './harness';
import type { BannerPage } from './pages/banner-page';
import { CLAUDE_AI, modelIncident, type Scenario } from './scenarios';
import { changeSettings } from './support';

/** The banner's background in each theme (entrypoints/claude.content/style.css, --so-bg). */
const LIGHT = 'rgb(255, 251, 235)';
const DARK = 'rgb(38, 33, 26)';
const PHONE = { width: 360, height: 740 };

/** Opens claude.ai (the fixture page with `query`) and returns its banner's computed background. */
async function bannerBackground(h: Harness, query: string): Promise<string> {
  const page = await h.openSite(`${CLAUDE_AI}${query}`);
  await page.waitForBanner();
  return page.computed('.so-banner', 'background-color');
}

/** The compact banner's box, and whether its content fits without being cut. */
function compactBox(page: BannerPage) {
  return page.page.evaluate(() => {
    const host = document.querySelector('status-overlay-banner');
    const banner = host?.shadowRoot?.querySelector<HTMLElement>('.so-banner');
    if (!banner) return null;
    const r = banner.getBoundingClientRect();
    return {
      top: r.top,
      bottom: r.bottom,
      left: r.left,
      right: r.right,
      height: r.height,
      viewport: innerHeight,
      // Folded, nothing may hide below the fold: scrollHeight equals the visible height.
      overflows: banner.scrollHeight > banner.clientHeight + 1,
    };
  }, null);
}

function overlaps(
  a: { top: number; left: number; bottom: number; right: number },
  b: { top: number; left: number; bottom: number; right: number },
): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

export const LOOK_SCENARIOS: Scenario[] = [
  {
    name: "the banner follows the page's theme: computed background light on a light page, dark on a dark one",
    status: 'claude-ai-partial',
    async run(h) {
      expect(await bannerBackground(h, '?theme=light')).toBe(LIGHT);
      expect(await bannerBackground(h, '?theme=dark')).toBe(DARK);
    },
  },
  {
    name: 'Theme = Dark: the banner is dark on a light page; Theme = Light: light on a dark page',
    status: 'claude-ai-partial',
    async run(h) {
      await changeSettings(h.api, { theme: 'dark' });
      expect(await bannerBackground(h, '?theme=light')).toBe(DARK);
      await changeSettings(h.api, { theme: 'light' });
      expect(await bannerBackground(h, '?theme=dark')).toBe(LIGHT);
    },
  },
  {
    name: 'at 360 px wide the banner is compact: at most a fifth of the viewport high, no line cut, off the model menu its advice points to',
    status: 'healthy',
    async run(h) {
      h.server.setBehaviour('primary', {
        body: modelIncident('Elevated errors on Claude Opus 4.6'),
        contentType: 'application/json',
      });
      await h.api.refresh();
      const page = await h.openSite(`${CLAUDE_AI}?model=Opus%204.6`, PHONE);
      await page.waitForBanner();
      expect(await page.text('banner-switch-model')).toContain('Sonnet 4.6');
      const folded = await compactBox(page);
      expect(folded).not.toBeNull();
      if (!folded) return;
      expect(folded.height).toBeLessThanOrEqual(folded.viewport / 5);
      expect(folded.overflows).toBe(false);
      const [button] = await page.rects(['button[data-testid="model-selector-dropdown"]']);
      expect(button).not.toBeNull();
      if (button) expect(overlaps(folded, button)).toBe(false);
      // The menu the advice points to opens uncovered.
      await page.page.evaluate(() => {
        document.querySelector<HTMLElement>('button[data-testid="model-selector-dropdown"]')?.click();
      }, null);
      const [menu] = await page.rects(['[role="menu"]']);
      expect(menu).not.toBeNull();
      if (menu) expect(overlaps(folded, menu)).toBe(false);
      // "more" unfolds it within the same height (it scrolls), and "less" folds it again.
      expect(await page.text('banner-toggle')).toBe('more');
      await page.click('[data-testid="banner-toggle"]');
      await expect.poll(() => page.text('banner-toggle')).toBe('less');
      const unfolded = await compactBox(page);
      expect(unfolded?.height).toBeLessThanOrEqual(PHONE.height / 5);
      expect(await page.text('banner-models')).toContain('Opus 4.6');
    },
  },
  {
    name: 'a window narrowed to a phone with the banner up: the banner moves off the model menu',
    status: 'healthy',
    async run(h) {
      h.server.setBehaviour('primary', {
        body: modelIncident('Elevated errors on Claude Opus 4.6'),
        contentType: 'application/json',
      });
      await h.api.refresh();
      const page = await h.openSite(`${CLAUDE_AI}?model=Opus%204.6`);
      await page.waitForBanner();
      await page.page.setViewport(PHONE.width, PHONE.height);
      const [button] = await page.rects(['button[data-testid="model-selector-dropdown"]']);
      expect(button).not.toBeNull();
      if (!button) return;
      await expect
        .poll(async () => {
          const box = await compactBox(page);
          return box !== null && !overlaps(box, button);
        })
        .toBe(true);
    },
  },
];
