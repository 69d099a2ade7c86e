/**
 * Options in real Chromium: each setting takes effect at once where it matters (alarm, open
 * claude.ai tabs, popup language), bad input is refused with a message and never stored, and
 * desktop notifications are announced once per incident update.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ChromiumExtensionBrowser, driverPage, launchChromium } from './drivers/chromium';
import { Harness } from './harness';
import { BannerPage } from './pages/banner-page';
import { CLAUDE_AI } from './scenarios';
import { storedSettings } from './support';

/** The banner's background in each theme (entrypoints/claude.content/style.css). */
const LIGHT_BANNER = 'rgb(255, 251, 235)';
const DARK_BANNER = 'rgb(38, 33, 26)';

let browser: ChromiumExtensionBrowser;
let harness: Harness<ChromiumExtensionBrowser>;
const pages: Page[] = [];

async function openOptions(): Promise<Page> {
  const page = await browser.context.newPage();
  pages.push(page);
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByTestId('interval').waitFor();
  return page;
}

const settings = () => storedSettings(harness.api);

describe('options (chromium)', () => {
  beforeAll(async () => {
    harness = await Harness.start((replayPort) => launchChromium({ replayPort }));
    browser = harness.browser;
  });
  afterAll(async () => {
    await harness?.stop();
  });
  beforeEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.close()));
  });

  it('a new interval re-creates the poll alarm with that period', async () => {
    await harness.reset('healthy');
    const options = await openOptions();
    await options.getByTestId('interval').selectOption('300');
    await expect.poll(async () => (await harness.api.alarms()).find((a) => a.name === 'poll')?.periodInMinutes).toBe(5);
    await options.getByTestId('interval').selectOption('30');
    await expect
      .poll(async () => (await harness.api.alarms()).find((a) => a.name === 'poll')?.periodInMinutes)
      .toBe(0.5);
    // Automatic, the default: the alarm ticks every minute and the gate decides which ticks poll.
    expect(await options.getByTestId('interval').locator('option').first().textContent()).toMatch(
      /^automatically: every minute while needed/,
    );
    await options.getByTestId('interval').selectOption('auto');
    await expect.poll(async () => (await harness.api.alarms()).find((a) => a.name === 'poll')?.periodInMinutes).toBe(1);
    expect((await harness.api.getStorage('settings')) as { pollIntervalSec: unknown }).toMatchObject({
      pollIntervalSec: 'auto',
    });
  });

  it('turning the banner off removes it from an open claude.ai tab, and on brings it back', async () => {
    await harness.reset('claude-ai-partial');
    const tab = await harness.openSite(CLAUDE_AI);
    await tab.waitForBanner();
    const options = await openOptions();
    await options.getByTestId('banner-claude-ai').uncheck();
    await tab.waitForNoBanner();
    await options.getByTestId('banner-claude-ai').check();
    await tab.waitForBanner();
  });

  it('a javascript: alternative is refused with a message beside the field and not stored', async () => {
    await harness.reset('healthy');
    const options = await openOptions();
    await options.getByTestId('alt-name').fill('Sneaky');
    await options.getByTestId('alt-url').fill('javascript:alert(1)');
    await options.getByTestId('alt-add').click();
    await expect
      .poll(() => options.getByTestId('alt-url-error').textContent())
      .toBe('Only https:// addresses are allowed.');
    expect(await options.getByTestId('alt-url').getAttribute('aria-invalid')).toBe('true');
    expect((await settings()).alternatives ?? []).toEqual([]);
    // A good one is stored, and the popup lists it.
    await options.getByTestId('alt-url').fill('https://chat.example.org/');
    await options.getByTestId('alt-add').click();
    await expect
      .poll(async () => (await settings()).alternatives)
      .toEqual([expect.objectContaining({ name: 'Sneaky', url: 'https://chat.example.org/' })]);
    expect(await options.getByTestId('alt-url-error').count()).toBe(0);
  });

  it('two changes in the same instant, and a double click on "move up", lose nothing', async () => {
    await harness.reset('healthy');
    const options = await openOptions();
    for (const name of ['Alpha', 'Beta', 'Gamma']) {
      await options.getByTestId('alt-name').fill(name);
      await options.getByTestId('alt-url').fill(`https://${name.toLowerCase()}.example.org/`);
      await options.getByTestId('alt-add').click();
      await expect
        .poll(async () => ((await settings()).alternatives as unknown[] | undefined)?.length)
        .toBeGreaterThan(0);
      await options.locator('[data-alternative]', { hasText: name }).waitFor();
    }
    // Both switches clicked in one task: the second is sent before the first is stored.
    await options.evaluate(() => {
      for (const id of ['capacity-detection', 'request-signal'])
        document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)?.click();
    });
    await expect
      .poll(async () => {
        const s = await settings();
        return [s.capacityDetection, s.requestSignal];
      })
      .toEqual([false, false]);
    // Two clicks on Gamma's "move up" before the page hears of the first move: it moves up twice.
    await options.evaluate(() => {
      const row = [...document.querySelectorAll('[data-alternative]')].find(
        (li) => li.querySelector('.so-alt-name')?.textContent === 'Gamma',
      );
      const up = row?.querySelector<HTMLButtonElement>('button');
      up?.click();
      up?.click();
    });
    await expect
      .poll(async () => ((await settings()).alternatives as { name: string }[]).map((a) => a.name))
      .toEqual(['Gamma', 'Alpha', 'Beta']);
    await expect.poll(() => options.locator('.so-alt-name').allTextContents()).toEqual(['Gamma', 'Alpha', 'Beta']);
  });

  it('an address over 2,048 characters is refused beside the field and not stored', async () => {
    await harness.reset('healthy');
    const options = await openOptions();
    await options.getByTestId('alt-name').fill('Long');
    await options.getByTestId('alt-url').fill(`https://example.org/${'a'.repeat(2049)}`);
    await options.getByTestId('alt-add').click();
    await expect
      .poll(() => options.getByTestId('alt-url-error').textContent())
      .toBe('This address is too long (at most 2,048 characters).');
    expect(await options.getByTestId('alt-url').getAttribute('aria-invalid')).toBe('true');
    expect((await settings()).alternatives ?? []).toEqual([]);
  });

  it('the popup and an open claude.ai banner render in German when German is chosen', async () => {
    await harness.reset('claude-ai-partial');
    const tab = await harness.openSite(CLAUDE_AI);
    await tab.waitForBanner();
    expect((await tab.query('.so-severity'))[0]?.text).toBe('Partial outage');
    const options = await openOptions();
    await options.getByTestId('language').selectOption('de');
    await expect.poll(async () => (await settings()).language).toBe('de');
    const popup = await browser.context.newPage();
    pages.push(popup);
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect
      .poll(() => popup.locator('[data-testid="overall"]').textContent(), { timeout: 5_000 })
      .toBe('Teilausfall: claude.ai');
    expect(await popup.locator('html').getAttribute('lang')).toBe('de');
    await expect.poll(async () => (await tab.query('.so-severity'))[0]?.text, { timeout: 5_000 }).toBe('Teilausfall');
    // The options page itself follows at once.
    await expect.poll(() => options.locator('h1').textContent(), { timeout: 5_000 }).toContain('Einstellungen');
    await options.getByTestId('language').selectOption('auto');
    await expect.poll(async () => (await settings()).language).toBe('auto');
  });

  it('the dark theme applies to the popup and the banner, whatever the system says', async () => {
    await harness.reset('claude-ai-partial');
    const tab = await harness.openSite(`${CLAUDE_AI}?theme=light`);
    await tab.waitForBanner();
    expect(await tab.computed('.so-banner', 'background-color')).toBe(LIGHT_BANNER);
    const options = await openOptions();
    await options.getByTestId('theme').selectOption('dark');
    await expect.poll(async () => (await settings()).theme).toBe('dark');
    const popup = await browser.context.newPage();
    pages.push(popup);
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect
      .poll(() => popup.evaluate(() => getComputedStyle(document.body).backgroundColor), { timeout: 5_000 })
      .toBe('rgb(28, 28, 30)');
    // The open tab follows at once, on a light page: its computed background, not a class name.
    await expect.poll(() => tab.computed('.so-banner', 'background-color'), { timeout: 5_000 }).toBe(DARK_BANNER);
    await options.getByTestId('theme').selectOption('auto');
  });

  it('with a dark system theme the banner is dark on a page that follows the system', async () => {
    await harness.reset('claude-ai-partial');
    const dark = await browser.context.newPage();
    pages.push(dark);
    await dark.emulateMedia({ colorScheme: 'dark' });
    const following = new BannerPage(driverPage(dark));
    await following.open(CLAUDE_AI);
    await following.waitForBanner();
    expect(await following.computed('.so-banner', 'background-color')).toBe(DARK_BANNER);
    // A page that keeps its own light theme under a dark system gets a light banner.
    const light = await browser.context.newPage();
    pages.push(light);
    await light.emulateMedia({ colorScheme: 'dark' });
    const tab = new BannerPage(driverPage(light));
    await tab.open(`${CLAUDE_AI}?theme=light`);
    await tab.waitForBanner();
    expect(await tab.computed('.so-banner', 'background-color')).toBe(LIGHT_BANNER);
  });
});
