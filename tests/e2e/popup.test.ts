/**
 * The toolbar popup (issue #4) in real Chromium against the replay server: the production
 * build's popup.html opened as a page 400 px wide, with the state the background stored.
 * README's screenshots come from `npm run demo -- --headless` (tests/replay/demo.mjs).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayStrip, historySchema, recentIncidents } from '../../core/status-page/history';
import { snapshotSchema } from '../../core/status-page/status-model';
import { SUMMARY_FIXTURES } from '../replay/scenarios';
import type { ReplayServer } from '../replay/server';
import { type ChromiumExtensionBrowser, driverPage, launchChromium } from './drivers/chromium';
import { Harness } from './harness';
import { PopupPage } from './pages/popup-page';
import { statusPageGone } from './scenarios';
import { changeSettings } from './support';

const WIDTH = 400;
const SERVICE_ORDER = ['rwppv331jlwc', '0qbwn08sd68x', 'k8w3r06qmzrp', 'yyzkbfz2thpt', 'bpp5gb3hpjcl', '0scnb50nvy53'];

let server: ReplayServer;
let browser: ChromiumExtensionBrowser;
let harness: Harness<ChromiumExtensionBrowser>;
const opened: Page[] = [];

/** The popup as a page of the popup's width; `dark` emulates the dark colour scheme. */
async function openPopup(options: { dark?: boolean } = {}): Promise<{ page: Page; popup: PopupPage }> {
  const page = await browser.context.newPage();
  opened.push(page);
  await page.setViewportSize({ width: WIDTH, height: 600 });
  if (options.dark) await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`, { waitUntil: 'load' });
  return { page, popup: new PopupPage(driverPage(page)) };
}

async function closePages(): Promise<void> {
  await Promise.all(opened.splice(0).map((p) => p.close().catch(() => undefined)));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

beforeAll(async () => {
  harness = await Harness.start((replayPort) => launchChromium({ replayPort }));
  ({ browser, server } = harness);
});

afterAll(async () => {
  await closePages();
  await harness?.stop();
});

describe('popup in Chromium', () => {
  it('lists the six services in page order, with their state in words', async () => {
    await harness.reset('claude-ai-partial');
    const { popup } = await openPopup();
    const services = await popup.waitForServices(6);
    expect(services.map((s) => s.id)).toEqual(SERVICE_ORDER);
    expect(services[0]).toMatchObject({ state: 'partial_outage', name: 'claude.ai' });
    expect(await popup.overall()).toBe('Partial outage: claude.ai');
    await closePages();
  });

  it('during a major outage: the incident with its latest update and link; Bedrock stays, the Workbench drops out', async () => {
    await harness.reset('major-outage');
    const { popup } = await openPopup();
    await popup.waitForServices(6);
    const [incident, ...more] = await popup.incidents();
    expect(more).toHaveLength(0);
    expect(incident).toMatchObject({
      id: '8dkw448dcmil',
      name: 'Elevated errors on claude.ai, Claude Code, Claude Cowork and the Claude API',
      impact: '!!! Major outage',
      status: 'Identified',
      latest: 'We are continuing to work on a fix for this issue.',
      link: 'https://stspg.io/u1jjal6x5hkp',
    });
    expect(incident?.started).toMatch(/^Started 35 min\. ago \(.+\)$/);
    const links = await popup.query('[data-testid="incident-link"]');
    expect(links[0]?.attrs).toMatchObject({ target: '_blank', rel: 'noopener noreferrer' });

    const alternatives = await popup.alternatives();
    expect(alternatives.chat).toContain('bedrock');
    expect(alternatives.chat).toContain('vertex');
    expect(alternatives.chat).not.toContain('workbench');
    expect(alternatives.code).toEqual(['code-cloud']);
    expect(alternatives.affected).toContain('Console Workbench');
    for (const a of await popup.query('.so-alts a')) expect(a.attrs.href).toMatch(/^https:\/\//);
    await closePages();
  });

  it('during an incident, the first 600 px answer "is it down, and what do I do?": verdict, alternatives, the incident', async () => {
    await harness.reset('claude-ai-partial');
    const { page, popup } = await openPopup();
    await popup.waitForServices(6);
    expect(await popup.overall()).toBe('Partial outage: claude.ai');
    const bottoms = await page.evaluate(() =>
      [
        '[data-testid="overall"]',
        '[data-testid="working"]',
        '[data-testid="alternatives"] [data-group="chat"] li:nth-child(3)',
        '.so-card h3',
        '.so-card [data-testid="incident-impact"]',
      ].map((selector) => {
        const rect = document.querySelector(selector)?.getBoundingClientRect();
        return rect ? { selector, bottom: Math.round(rect.bottom + window.scrollY) } : { selector, bottom: null };
      }),
    );
    for (const { selector, bottom } of bottoms) {
      expect(bottom, selector).not.toBeNull();
      expect(bottom, selector).toBeLessThanOrEqual(600);
    }
    await closePages();
  });

  it('fetches incidents.json when it opens and draws the 7-day strip and list from it', async () => {
    await harness.reset('healthy');
    server.resetLog();
    const { page, popup } = await openPopup();
    const strip = await popup.waitForStrip();
    expect(Object.keys(strip)).toEqual(SERVICE_ORDER);
    for (const cells of Object.values(strip)) expect(cells).toHaveLength(7);
    // The same strip core/status-page/history.ts computes from what the background stored (local days: Node and
    // Chromium share this machine's zone).
    const stored = historySchema.parse(await harness.api.getStorage('history'));
    const snapshot = snapshotSchema.parse(((await harness.api.getStorage('status')) as { snapshot: unknown }).snapshot);
    const expected = dayStrip(
      recentIncidents(stored, Date.now()).map((r) => r.incident),
      snapshot.services,
      Date.now(),
    );
    expect(strip).toEqual(
      Object.fromEntries(expected.rows.map((row) => [row.service.id, row.cells.map((c) => c.worst ?? 'none')])),
    );
    // claude.ai: the incident that ended an hour ago, the critical one 3 days before (it may cross a
    // local midnight), and one 6 days before.
    expect(new Set(strip.rwppv331jlwc?.filter((c) => c !== 'none'))).toEqual(
      new Set(['major_outage', 'partial_outage']),
    );
    expect(strip.rwppv331jlwc?.filter((c) => c !== 'none').length).toBeGreaterThanOrEqual(3);
    expect(strip['0scnb50nvy53']?.every((c) => c === 'none')).toBe(true);
    expect(
      server.requests.filter((r) => r.path === '/api/v2/incidents.json').map((r) => `${r.host} ${r.status}`),
    ).toEqual(['status.claude.com 200']);

    const items = await popup.historyItems();
    expect(items).toHaveLength(7);
    expect(items[0]?.text).toMatch(/^Elevated errors on claude\.ai .+ · lasted 1 hr 12 min · Partial outage$/);

    // The strip holds no tab stop (the list, one tab stop away, carries the same facts); closed
    // until asked for; pointing at a day spells it out.
    expect(await page.locator('.so-strip [tabindex]').count()).toBe(0);
    expect(await page.locator('details.so-earlier').getAttribute('open')).toBeNull();
    await page.hover('.so-strip tr[data-service-id="rwppv331jlwc"] td[data-worst="major_outage"]');
    expect(await popup.stripDetail()).toMatch(
      /^claude\.ai, .+: Elevated errors on claude\.ai, Claude Code, Claude Cowork and the Claude API \(Major outage\)$/,
    );

    // Opened again within 10 minutes: no second fetch.
    await openPopup();
    await popup.waitForStrip();
    await new Promise((r) => setTimeout(r, 300));
    expect(server.requests.filter((r) => r.path === '/api/v2/incidents.json')).toHaveLength(1);
    await closePages();
  });

  it('stale: keeps the last services and says since when the status page is unreachable', async () => {
    await harness.reset('claude-ai-partial');
    await statusPageGone(harness);
    const { popup } = await openPopup();
    const services = await popup.waitForServices(6);
    expect(services[0]?.state).toBe('partial_outage');
    expect(await popup.headerKind()).toBe('stale');
    expect(await popup.unreachable()).toMatch(
      /^Status page unreachable since \d{1,2}:\d{2}.*, showing the last known state \(from status\.claude\.com\)\.$/,
    );
    // Opened with old data, it refreshed at once; the refresh failed and the live region says so.
    await expect
      .poll(() => popup.announcement(), { timeout: 15_000 })
      .toBe('The status page could not be reached; showing the last known state');
    await closePages();
  });

  it('refresh: says it is checking, then announces the result', async () => {
    await harness.reset('cowork-only');
    const { page, popup } = await openPopup();
    await popup.waitForServices(6);
    await page.click('.so-refresh');
    await expect.poll(() => popup.announcement()).toBe('Status updated');
    expect(await page.textContent('.so-refresh')).toBe('Refresh');
    await closePages();
  });

  it('keyboard and layout: every control reachable with a visible focus ring, no horizontal scroll, light and dark', async () => {
    await harness.reset('major-outage');
    for (const dark of [false, true]) {
      const { page, popup } = await openPopup({ dark });
      await popup.waitForStrip();
      const seen: { tag: string; outline: string }[] = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          return { tag: el.tagName.toLowerCase(), outline: `${style.outlineStyle} ${style.outlineWidth}` };
        });
        if (!focused) break;
        seen.push(focused);
      }
      const tags = new Set(seen.map((f) => f.tag));
      for (const tag of ['button', 'a', 'summary']) expect(tags, `${tag} reachable`).toContain(tag);
      // The history strip is a picture: no tab stop per day (the list has the same facts).
      expect(tags.has('td')).toBe(false);
      for (const f of seen) expect(f.outline, f.tag).toMatch(/^solid [1-9]/);
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        background: getComputedStyle(document.body).backgroundColor,
        landmarks: ['header', 'main', 'footer'].map((tag) => document.querySelectorAll(`.so-popup > ${tag}`).length),
        h1: document.querySelectorAll('h1').length,
      }));
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
      expect(layout.clientWidth).toBe(WIDTH);
      expect(layout.background).toBe(dark ? 'rgb(28, 28, 30)' : 'rgb(255, 255, 255)');
      expect(layout.landmarks).toEqual([1, 1, 1]);
      expect(layout.h1).toBe(1);
      await closePages();
    }
  });

  it('stays a sensible height at every status scenario: the history list is closed until asked for (measured: page height)', async () => {
    const heights: string[] = [];
    /** The popup's own height: the body's, not the 600 px page it is drawn in. */
    const height = (page: Page) => page.evaluate(() => Math.round(document.body.getBoundingClientRect().height));
    // Every recorded summary the replay server serves.
    for (const scenario of SUMMARY_FIXTURES) {
      await harness.reset(scenario);
      const { page, popup } = await openPopup();
      await popup.waitForServices(6);
      // The history arrives after the first paint: measured once its list is drawn.
      await popup.waitForStrip();
      const list = page.locator('[data-testid="history"] details.so-earlier');
      expect(await list.getAttribute('open'), scenario).toBeNull();
      const closed = await height(page);
      heights.push(`${scenario} ${closed} px`);
      // Opened, the same list adds its incidents below: what the closed default saves.
      await list.locator('summary').click();
      await expect.poll(() => height(page)).toBeGreaterThan(closed);
      await closePages();
    }
    console.info(`[measure] popup height, history list closed: ${heights.join('; ')}`);
  });

  it('the history strip\'s "Today" fits its column in every language, and does not look like a link', async () => {
    await harness.reset('healthy');
    for (const language of ['en', 'de', 'fr'] as const) {
      await changeSettings(harness.api, { language });
      const { page, popup } = await openPopup();
      await popup.waitForStrip();
      const today = await page.evaluate(() => {
        const th = document.querySelector<HTMLElement>('.so-strip th.so-today');
        if (!th) return null;
        const style = getComputedStyle(th);
        return {
          text: th.textContent,
          fits: th.scrollWidth <= th.clientWidth,
          underline: style.textDecorationLine,
          cursor: style.cursor,
          pageFits: document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        };
      }, null);
      expect(today, language).toMatchObject({ fits: true, underline: 'none', cursor: 'auto', pageFits: true });
      expect(today?.text, language).toBe({ en: 'Today', de: 'Heute', fr: "Aujourd'hui" }[language]);
      await closePages();
    }
  });

  it('paints from stored state without waiting for the network (measured: open to first render with data)', async () => {
    await harness.reset('major-outage');
    // The status page now hangs: whatever the popup shows comes from storage.
    server.setScenario('hang');
    const rendered: number[] = [];
    const fcp: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { page, popup } = await openPopup();
      await popup.waitForServices(6);
      // Painted while the status page still has not answered this popup's request.
      expect(server.requests.some((r) => r.path.startsWith('/api/v2/') && r.status === 0)).toBe(true);
      const timing = await page.evaluate(
        () =>
          new Promise<{ rendered: number; fcp: number }>((resolve) => {
            const rendered = performance.getEntriesByName('so-popup-rendered')[0]?.startTime ?? Number.NaN;
            // The paint entry may not be queued yet: wait for it (buffered covers one already there).
            new PerformanceObserver((list) => {
              const fcp = list.getEntriesByName('first-contentful-paint')[0];
              if (fcp) resolve({ rendered, fcp: fcp.startTime });
            }).observe({ type: 'paint', buffered: true });
          }),
        null,
      );
      rendered.push(timing.rendered);
      fcp.push(timing.fcp);
      await closePages();
    }
    server.setScenario('major-outage');
    const summary = `median ${median(rendered).toFixed(1)} ms (${rendered.map((v) => v.toFixed(1)).join(', ')}); first contentful paint median ${median(fcp).toFixed(1)} ms (${fcp.map((v) => v.toFixed(1)).join(', ')})`;
    console.info(`[measure] popup navigation start -> first render with stored data: ${summary}`);
    expect(rendered.every((v) => Number.isFinite(v))).toBe(true);
  });
});
