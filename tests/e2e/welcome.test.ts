/**
 * The welcome page (issue #15, item 6) in real Chromium and Firefox: opened once by the install
 * itself, with today's status (and a clear "unknown" while the status page cannot be reached), how
 * to pin the button with every mark the badge can show, a sample of the banner labelled as one,
 * and the options.
 * That it does not open on an update is checked in tests/e2e/update.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_LOOK, LOOK_KINDS } from '../../core/verdict/kind-look';
import { launchChromium } from './drivers/chromium';
import { launchFirefox } from './drivers/firefox';
import type { DriverPage, ExtensionBrowser } from './drivers/types';
import { Harness } from './harness';
import { until } from './support';

const DRIVERS: [string, (replayPort: number) => Promise<ExtensionBrowser>][] = [
  ['chromium', (replayPort) => launchChromium({ replayPort })],
  ['firefox', (replayPort) => launchFirefox({ replayPort })],
];

const isWelcome = (url: string) => /^(?:chrome|moz)-extension:\/\/[^/]+\/welcome\.html$/.test(url);

describe.each(DRIVERS)('welcome page (%s)', (_name, launch) => {
  let harness: Harness;
  let welcome: DriverPage;

  beforeAll(async () => {
    harness = await Harness.start(launch);
    welcome = await until(
      async () => (await harness.browser.tabs()).find((tab) => isWelcome(tab.url))?.page ?? null,
      10_000,
      'the welcome tab',
    );
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('opens once, on install', async () => {
    const tabs = await harness.browser.tabs();
    expect(tabs.filter((tab) => isWelcome(tab.url))).toHaveLength(1);
  });

  it("shows today's status, how to pin the button, the banner and when it appears, how to keep working, and the options", async () => {
    const read = () =>
      welcome.evaluate(() => {
        const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? null;
        const sample = document.querySelector('[data-testid="welcome-banner-sample"]');
        const banner = sample?.shadowRoot?.querySelector('.so-banner');
        return {
          sections: [...document.querySelectorAll('section[data-testid]')].map((s) => s.getAttribute('data-testid')),
          status: text('welcome-status'),
          pin: text('welcome-pin'),
          cases: document.querySelectorAll('[data-testid="welcome-banner-cases"] li').length,
          keepWorking: text('welcome-keep-working'),
          sampleTitle: banner?.querySelector('[data-testid="banner-title"]')?.textContent ?? null,
          sampleCaption: text('welcome-sample-caption'),
          sampleSection: sample?.closest('section')?.getAttribute('data-testid') ?? null,
          legend: [...document.querySelectorAll('[data-testid="welcome-badge-mark"]')].map((m) =>
            m.textContent?.trim(),
          ),
          sampleBackground: banner ? getComputedStyle(banner).backgroundColor : null,
          samplePosition: banner ? getComputedStyle(banner).position : null,
          options:
            (document.querySelector('[data-testid="welcome-options"]') as HTMLAnchorElement | null)?.href ?? null,
        };
      }, null);
    // The install's first check lands while the page is open: it follows the stored status.
    await until(async () => ((await read()).status === 'All systems operational' ? true : null), 10_000, 'the status');
    const page = await read();
    expect(page.sections).toEqual([
      'welcome-section-status',
      'welcome-section-pin',
      'welcome-section-banner',
      'welcome-section-keep-working',
      'welcome-section-options',
    ]);
    expect(page.keepWorking).toMatch(
      /"Copy my message".*never stored or sent.*"Copy the partial reply".*"Tell me when it's back"/s,
    );
    expect(page.pin).toMatch(harness.browser.name === 'firefox' ? /Pin to Toolbar/ : /pin beside/);
    expect(page.cases).toBe(6);
    expect(page.sampleTitle).toBe('Elevated errors on claude.ai');
    // Labelled as a sample, in the banner's own section, apart from today's status.
    expect(page.sampleCaption).toBe("A sample, not today's status:");
    expect(page.sampleSection).toBe('welcome-section-banner');
    // Every mark the badge can show, in the badge's own order and words.
    expect(page.legend).toEqual(LOOK_KINDS.map((kind) => KIND_LOOK[kind].mark || 'empty'));
    expect(page.legend).toEqual(expect.arrayContaining(['CAP', 'MOD', 'CUT', 'DOWN', 'ERR', 'NET', '?']));
    expect(page.sampleBackground).toBe('rgb(255, 251, 235)');
    expect(page.samplePosition).toBe('static');
    expect(page.options).toMatch(/^(?:chrome|moz)-extension:\/\/[^/]+\/options\.html$/);
  });

  it('says what the badge and the popup say: the verdict names the service in trouble, and what works', async () => {
    await harness.statusBecomes('claude-ai-partial');
    const popup = await harness.openPopup();
    const headline = await until(
      async () => {
        const text = await popup.overall();
        return text && text !== 'All systems operational' ? text : null;
      },
      10_000,
      "the popup's verdict",
    );
    expect(headline).toMatch(/claude\.ai/);
    const read = () =>
      welcome.evaluate(
        () =>
          ['welcome-status', 'welcome-working'].map(
            (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? null,
          ),
        null,
      );
    const [status, working] = await until(
      async () => {
        const texts = await read();
        return texts[0] === headline ? texts : null;
      },
      10_000,
      "the welcome page to say the popup's verdict",
    );
    expect(status).toBe(headline);
    expect(working).toBe((await popup.query('[data-testid="working"]'))[0]?.text.trim() ?? null);
  });

  it('with the status page unreachable: "Status unknown" and why, as the badge\'s ?, not "Checking the status page…" for ever', async () => {
    await harness.reset('all-down');
    expect(await harness.api.badgeText()).toBe('?');
    const page = await harness.openPage('welcome.html');
    const read = () =>
      page.evaluate(() => {
        const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? null;
        return {
          status: text('welcome-status'),
          kind: document.querySelector('[data-testid="welcome-status"]')?.getAttribute('data-kind') ?? null,
          unreachable: text('welcome-unreachable'),
          checking: text('welcome-checking'),
        };
      }, null);
    const shown = await until(
      async () => {
        const now = await read();
        return now.unreachable ? now : null;
      },
      10_000,
      'the welcome page to say the status page cannot be reached',
    );
    expect(shown.status).toBe('Status unknown');
    expect(shown.kind).toBe('stale');
    expect(shown.unreachable).toMatch(/^The status page cannot be reached \(.+\)\.$/);
    expect(shown.checking).toBeNull();
    // The status page answers again: the page follows, as the badge does.
    await harness.statusBecomes('healthy');
    await until(
      async () => ((await read()).status === 'All systems operational' ? true : null),
      10_000,
      'the welcome page to follow the status page back',
    );
    expect((await read()).unreachable).toBeNull();
  });
});
