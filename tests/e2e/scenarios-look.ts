/**
 * How the banner looks (issue #15): its theme, read as the computed background colour, and its
 * compact form on a narrow screen. Run in real Chromium and real Firefox with the other scenarios
 * (tests/e2e/extension-chromium.test.ts, extension-firefox.test.ts).
 */
import { expect } from 'vitest';
import { LAYOUT_SELECTORS } from '../../core/claude-page/page-facts';
import type { Harness } from './harness';
import type { BannerPage } from './pages/banner-page';
import { CLAUDE_AI, modelIncident, openWithModelIncident, type Scenario } from './scenarios';
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
    const details = host?.shadowRoot?.querySelector<HTMLElement>('.so-details');
    if (!banner || !details) return null;
    const r = banner.getBoundingClientRect();
    return {
      top: r.top,
      bottom: r.bottom,
      left: r.left,
      right: r.right,
      height: r.height,
      viewport: innerHeight,
      // Folded, nothing may hide below the fold: what follows the summary fits its box.
      overflows: details.scrollHeight > details.clientHeight + 1,
    };
  }, null);
}

/**
 * After every scrollable part of the banner is scrolled to its end: whether the title, the summary
 * and × are each in sight (inside the banner and the viewport, and what the point at their middle
 * shows), and whether the summary's text is cut (a clamped line).
 */
function headInSight(page: BannerPage) {
  return page.page.evaluate(() => {
    const root = document.querySelector('status-overlay-banner')?.shadowRoot;
    const banner = root?.querySelector<HTMLElement>('.so-banner');
    if (!root || !banner) return null;
    for (const el of [banner, ...banner.querySelectorAll<HTMLElement>('*')]) el.scrollTop = el.scrollHeight;
    const box = banner.getBoundingClientRect();
    const seen = (selector: string) => {
      const el = root.querySelector<HTMLElement>(selector);
      if (!el) return false;
      const r = el.getBoundingClientRect();
      // The first line of a wrapped inline element (the title after its severity word).
      const line = el.getClientRects()[0] ?? r;
      const x = line.left + Math.min(line.width / 2, 8);
      const y = line.top + Math.min(line.height / 2, 8);
      const inside = r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.top >= 0 && r.bottom <= innerHeight;
      const hit = root.elementFromPoint(x, y);
      return inside && hit !== null && (hit === el || el.contains(hit));
    };
    const summary = root.querySelector<HTMLElement>('.so-summary');
    return {
      title: seen('[data-testid="banner-title"]'),
      summary: seen('.so-summary'),
      dismiss: seen('.so-dismiss'),
      summaryCut: summary ? summary.scrollHeight > summary.clientHeight + 1 : null,
      summaryText: summary?.textContent ?? '',
      height: box.height,
      detailsScroll: (root.querySelector<HTMLElement>('.so-details')?.scrollTop ?? 0) > 0,
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
      // "more" unfolds it up to half the viewport: the title, the summary and × stay in sight
      // however far the rest is scrolled (issue #27, item 6); "less" folds it again.
      expect(await page.text('banner-toggle')).toBe('more');
      await page.click('[data-testid="banner-toggle"]');
      await expect.poll(() => page.text('banner-toggle')).toBe('less');
      const unfolded = await headInSight(page);
      expect(unfolded).toMatchObject({ title: true, summary: true, dismiss: true });
      expect(unfolded?.height).toBeLessThanOrEqual(PHONE.height / 2);
      expect(await page.text('banner-models')).toContain('Opus 4.6');
      await page.click('[data-testid="banner-toggle"]');
      await expect.poll(() => page.text('banner-toggle')).toBe('more');
      expect((await compactBox(page))?.height).toBeLessThanOrEqual(PHONE.height / 5);
    },
  },
  {
    name: 'at 360 px, an Opus incident while the page is on Sonnet: the folded banner shows the verdict whole',
    status: 'healthy',
    async run(h) {
      const page = await openWithModelIncident(h, 'Elevated errors on Claude Opus 4.6', 'Sonnet 4.6', PHONE);
      expect(await page.role()).toBe('status');
      const folded = await headInSight(page);
      expect(folded?.summaryText).toBe('Your model, Sonnet 4.6, is not named: this incident is about Opus 4.6.');
      expect(folded).toMatchObject({ title: true, summary: true, dismiss: true, summaryCut: false });
      expect(folded?.height).toBeLessThanOrEqual(PHONE.height / 5);
    },
  },
  {
    name: 'the compact banner unfolded on a short screen: the rest scrolls under its title, summary and ×, and "less" is reachable',
    status: 'healthy',
    async run(h) {
      const short = { width: 360, height: 420 };
      const page = await h.openSite(CLAUDE_AI, short);
      await page.insertCapacityError();
      await page.waitForKind('capacity');
      await page.click('[data-testid="banner-toggle"]');
      await expect.poll(() => page.text('banner-toggle')).toBe('less');
      const unfolded = await headInSight(page);
      // Here the unfolded banner holds more than half the screen: its details scroll, its head does not.
      expect(unfolded?.detailsScroll).toBe(true);
      expect(unfolded).toMatchObject({ title: true, summary: true, dismiss: true });
      expect(unfolded?.height).toBeLessThanOrEqual(short.height / 2 + 1);
      await page.click('[data-testid="banner-toggle"]');
      await expect.poll(() => page.text('banner-toggle')).toBe('more');
    },
  },
  {
    name: "at 1280 px the banner is a card in the corner: off the page's title bar, the conversation's first message and the message box",
    status: 'claude-ai-partial',
    async run(h) {
      const wide = { width: 1280, height: 720 };
      const offTheConversation = async (page: BannerPage) => {
        const [banner, header, first, box, send] = await page.rects([
          '.so-banner',
          'header',
          '[data-testid="user-message"]',
          LAYOUT_SELECTORS.messageBox,
          LAYOUT_SELECTORS.sendButton,
        ]);
        expect(banner).not.toBeNull();
        if (!banner) return;
        expect(banner.right - banner.left).toBeLessThanOrEqual(420);
        for (const [what, target] of [
          ['title bar', header],
          ['first message', first],
          ['message box', box],
          ['send button', send],
        ] as const) {
          expect(target, what).not.toBeNull();
          if (target) expect(overlaps(banner, target), what).toBe(false);
        }
      };
      // The incident's banner, with its update, alternatives and "Tell me when it's back".
      const incident = await h.openSite(CLAUDE_AI, wide);
      await incident.waitForKind('incident');
      await offTheConversation(incident);
      // The capacity banner, the tallest: its explanation, alternatives and both actions.
      await h.statusBecomes('healthy');
      const capacity = await h.openSite(CLAUDE_AI, wide);
      await capacity.insertCapacityError();
      await capacity.waitForKind('capacity');
      await offTheConversation(capacity);
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
