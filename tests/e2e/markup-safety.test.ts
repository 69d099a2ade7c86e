/**
 * Markup safety in real Chromium (issue #7): with the 'hostile' replay scenario, incident names,
 * component names and update bodies full of `<script>`, `<img onerror>`, `javascript:` links and
 * bidi overrides reach the banner on claude.ai and the popup. They must show as text: no element
 * is created from them, no link but https opens, and no script runs (the fixture's payloads all
 * set window.__pwned, which must stay undefined in the page and in the popup).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './drivers/chromium';
import type { DriverPage } from './drivers/types';
import { Harness } from './harness';
import { BANNER_HOST } from './pages/banner-page';
import { CLAUDE_AI } from './scenarios';
import { sleep } from './support';

const HOSTILE_TITLE = '<script>window.__pwned=1</script>Elevated errors on claude.ai';
const HOSTILE_COMPONENT = '<img src=x onerror="window.__pwned=1">Claude Labs';
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
/** Elements no remote text may ever become. */
const DANGEROUS = 'img, script, iframe, object, embed, frame, svg, math, link, meta, base, form, input, video, audio';

interface Inventory {
  /** Tag names of dangerous elements, per root ('document' or the shadow host's tag). */
  dangerous: Record<string, string[]>;
  /** Elements carrying an on* attribute. */
  handlers: string[];
  /** Every link's href. */
  hrefs: string[];
  /** All text, shadow roots included. */
  text: string;
  pwned: unknown;
}

/** Runs in the page: what the document and every open shadow root hold. */
function inventory(selector: string): Inventory {
  const result: Inventory = { dangerous: {}, handlers: [], hrefs: [], text: '', pwned: undefined };
  const visit = (root: Document | ShadowRoot, name: string) => {
    result.dangerous[name] = [...root.querySelectorAll(selector)].map((el) => {
      const src = el.getAttribute('src') ?? el.getAttribute('href');
      return src ? `${el.localName}[${el.hasAttribute('src') ? 'src' : 'href'}=${src}]` : el.localName;
    });
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.attributes)
        if (/^on/i.test(attr.name)) result.handlers.push(`${el.localName}[${attr.name}]`);
      if (el.localName === 'a') result.hrefs.push(el.getAttribute('href') ?? '');
      if (el.shadowRoot) {
        result.text += ` ${el.shadowRoot.textContent ?? ''}`;
        visit(el.shadowRoot, el.localName);
      }
    }
  };
  visit(document, 'document');
  result.text = `${document.body?.textContent ?? ''} ${result.text}`;
  result.pwned = (window as unknown as { __pwned?: unknown }).__pwned;
  return result;
}

function check(page: DriverPage): Promise<Inventory> {
  return page.evaluate(inventory, DANGEROUS);
}

describe('chromium: hostile status text renders as text', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.start((replayPort) => launchChromium({ replayPort }));
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('the claude.ai banner: literal text, no element made from it, only https links, nothing run', async () => {
    // What the fixture page holds of its own, before any banner.
    await harness.reset('healthy');
    const plain = await harness.openSite(CLAUDE_AI);
    expect((await harness.watcherAnswered(plain)).text).toBeNull();
    const baseline = await check(plain.page);
    expect(await plain.hostCount()).toBe(0);

    await harness.reset('hostile');
    const page = await harness.openSite(CLAUDE_AI);
    await page.waitForBanner();
    expect(await page.title()).toBe(HOSTILE_TITLE);
    // Expand the latest update too, so its whole body is in the DOM.
    await page.page.evaluate(() => {
      const host = document.querySelector('status-overlay-banner');
      host?.shadowRoot?.querySelector<HTMLElement>('.so-link-button')?.click();
    }, null);
    // Give any injected handler (an <img onerror>) time to fire.
    await sleep(1_000);

    const after = await check(page.page);
    expect(after.pwned).toBeUndefined();
    expect(after.handlers).toEqual(baseline.handlers);
    expect(after.dangerous.document).toEqual(baseline.dangerous.document);
    expect(after.dangerous[BANNER_HOST]).toEqual([]);
    expect(Object.keys(after.dangerous)).toContain(BANNER_HOST);
    // The banner's links: the javascript: short link was dropped; what is left is https.
    const bannerLinks = after.hrefs.slice(baseline.hrefs.length);
    expect(bannerLinks.length).toBeGreaterThan(0);
    for (const href of bannerLinks) expect(href).toMatch(/^https:\/\//);
    expect(await page.incidentLink()).toBeNull();
    expect(after.text).toContain(HOSTILE_TITLE);
    expect(after.text).not.toMatch(BIDI);
  });

  it('the popup: literal text, no element made from it, only https links, nothing run', async () => {
    await harness.reset('healthy');
    const plain = await harness.openPopup();
    await plain.waitForServices(6);
    const baseline = await check(plain.page);

    await harness.reset('hostile');
    const popup = await harness.openPopup();
    const services = await popup.waitForServices(7);
    expect(services.map((s) => s.name)).toContain(HOSTILE_COMPONENT);
    await sleep(1_000);

    const after = await check(popup.page);
    expect(after.pwned).toBeUndefined();
    expect(after.handlers).toEqual([]);
    // Only popup.html's own head: no image, frame or script came from the status page.
    expect(after.dangerous.document).toEqual(baseline.dangerous.document);
    for (const tag of after.dangerous.document ?? []) {
      expect(tag).toMatch(
        /^(meta|link\[href=\/(assets|chunks)\/[\w-]+\.(css|js)\]|script\[src=\/chunks\/[\w-]+\.js\])$/,
      );
    }
    for (const href of after.hrefs) expect(href).toMatch(/^https:\/\//);
    expect(after.text).toContain(HOSTILE_COMPONENT);
    expect(after.text).toContain(HOSTILE_TITLE);
    expect(after.text).not.toMatch(BIDI);
  });
});
