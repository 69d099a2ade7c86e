/**
 * The store listing's images (docs/store/images/, see docs/store/README.md), written by
 * `npm run demo -- --store`: the built extension in Debian's Chromium, headless, against the
 * replayed status page, so the screenshots always show the current build.
 * - screenshot-*.png: 1280x800, the size the Chrome Web Store, Edge Add-ons and AMO all take.
 * - promo-small.png 440x280 (Chrome, Edge) and promo-marquee.png 1400x560 (Chrome's marquee,
 *   Edge's large tile).
 * Compositions (the popup beside a caption, the tiles) are drawn in an extension page with DOM
 * calls on fixed, local text.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createJiti } from 'jiti';
import { chromium } from 'playwright-core';

// The replay server is TypeScript; jiti loads it on any Node (Node 20 runs no .ts by itself).
const jiti = createJiti(import.meta.url);
const { chromiumArgs } = await jiti.import('./chromium-args.ts');
const { startReplayServer } = await jiti.import('./server.ts');

export const SCREENSHOT = { width: 1280, height: 800 };
export const PROMO_SMALL = { width: 440, height: 280 };
export const PROMO_MARQUEE = { width: 1400, height: 560 };

const NAME = 'Status Overlay for Claude';
const TAGLINE = 'Unofficial. Know when Claude is in trouble, and what to use instead.';

/**
 * Replaces an extension page's document with a composition. Runs in the page.
 * @param {{ background: string, blocks: { tag: string, text?: string, src?: string, style: string }[], style: string }} spec
 */
function compose(spec) {
  for (const node of document.head.querySelectorAll('link, style')) node.remove();
  document.body.replaceChildren();
  document.body.setAttribute('style', `margin:0;background:${spec.background};${spec.style}`);
  for (const block of spec.blocks) {
    const node = document.createElement(block.tag);
    if (block.text) node.textContent = block.text;
    if (block.src) node.setAttribute('src', block.src);
    node.setAttribute('style', block.style);
    document.body.append(node);
  }
  return Promise.all(
    [...document.querySelectorAll('img, iframe')].map(
      (n) => new Promise((resolve) => (n.complete === true ? resolve() : n.addEventListener('load', resolve))),
    ),
  );
}

const FONT = 'font-family:system-ui,-apple-system,"Segoe UI",sans-serif;';

/** @param {{ out: string, extensionDir: string }} options */
export async function writeStoreImages({ out, extensionDir }) {
  await mkdir(out, { recursive: true });
  const server = await startReplayServer({ scenario: 'claude-ai-partial' });
  const profile = await mkdtemp(path.join(os.tmpdir(), 'so-store-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: SCREENSHOT,
    locale: 'en-US',
    args: [...chromiumArgs({ replayPort: server.port, extensionDir }), '--lang=en-US'],
  });
  const written = [];
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const base = `chrome-extension://${new URL(worker.url()).host}`;
    const control = await context.newPage();
    await control.goto(`${base}/popup.html`);
    const scenario = async (name) => {
      server.setScenario(name);
      await control.evaluate(() => chrome.runtime.sendMessage({ type: 'refresh' }));
    };
    const shoot = async (page, name) => {
      const file = path.join(out, name);
      await page.screenshot({ path: file });
      written.push(file);
    };

    // 1. The banner on claude.ai during an incident.
    await scenario('claude-ai-partial');
    const site = await context.newPage();
    await site.goto('https://claude.ai/chat/store');
    await site.locator('status-overlay-banner').waitFor({ state: 'attached' });
    await site.waitForTimeout(500);
    await shoot(site, 'screenshot-1-banner.png');

    // 2. The popup during a major outage, beside a caption.
    await scenario('major-outage');
    const popup = await context.newPage();
    await popup.goto(`${base}/options.html`);
    await popup.evaluate(compose, {
      background: '#efe8dc',
      style: `${FONT}display:grid;grid-template-columns:1fr 420px;align-items:center;gap:48px;padding:0 96px;height:800px;box-sizing:border-box;overflow:hidden;`,
      blocks: [
        {
          tag: 'h1',
          text: 'Every service, every incident, and where to keep working.',
          style: 'font-size:44px;line-height:1.2;color:#2b2118;margin:0;',
        },
        {
          tag: 'iframe',
          src: `${base}/popup.html`,
          style:
            'width:400px;height:720px;border:0;border-radius:12px;box-shadow:0 12px 40px rgba(0,0,0,.25);background:#fff;',
        },
      ],
    });
    await popup.waitForTimeout(800);
    await shoot(popup, 'screenshot-2-popup.png');

    // 3. The capacity banner on a day the status page says all is well.
    await scenario('healthy');
    const capacity = await context.newPage();
    await capacity.goto('https://claude.ai/chat/store-capacity');
    await capacity.evaluate(() => window.__insertCapacityError());
    await capacity.locator('status-overlay-banner').waitFor({ state: 'attached' });
    await capacity.waitForTimeout(500);
    await shoot(capacity, 'screenshot-3-capacity.png');

    // 4. The options.
    const options = await context.newPage();
    await options.goto(`${base}/options.html`);
    await options.waitForTimeout(500);
    await shoot(options, 'screenshot-4-options.png');

    // Promo tiles: the icon, the name, "unofficial".
    for (const [name, size, scale] of [
      ['promo-small.png', PROMO_SMALL, 1],
      ['promo-marquee.png', PROMO_MARQUEE, 2],
    ]) {
      const tile = await context.newPage();
      await tile.setViewportSize(size);
      await tile.goto(`${base}/options.html`);
      await tile.evaluate(compose, {
        background: '#a9492b',
        style: `${FONT}display:flex;flex-direction:column;align-items:center;justify-content:center;gap:${12 * scale}px;height:${size.height}px;color:#fff;text-align:center;padding:0 ${24 * scale}px;box-sizing:border-box;overflow:hidden;`,
        blocks: [
          { tag: 'img', src: `${base}/icon/128.png`, style: `width:${64 * scale}px;height:${64 * scale}px;` },
          { tag: 'div', text: NAME, style: `font-size:${26 * scale}px;font-weight:700;` },
          { tag: 'div', text: TAGLINE, style: `font-size:${15 * scale}px;opacity:.92;max-width:${380 * scale}px;` },
        ],
      });
      await shoot(tile, name);
    }
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
  return written;
}
