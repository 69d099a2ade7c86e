/**
 * `npm run demo -- --scenario NAME [--headless] [--out DIR]`: Debian's Chromium with the built
 * extension, the status page replayed locally in scenario NAME, and the fixture claude.ai page.
 * Headed, it stays open until you close the browser; headless, it writes screenshots of the
 * popup, of claude.ai with the banner (light, dark, and 360 px wide), of the options page and of
 * the welcome page the install opens to DIR (default demo-screenshots/)
 * and exits. `--store` writes the store listing's screenshots and promo tiles to docs/store/images/
 * instead (tests/replay/store-images.mjs). `--keep-working` (headless, with `--scenario healthy --capacity`)
 * writes the screenshots of issue #18 instead: "Copy my message" and "Tell me when it's back" on the
 * capacity banner (banner-keep-working.png), then the "claude.ai is back" note after an incident
 * resolves (banner-back.png).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createJiti } from 'jiti';
import { chromium } from 'playwright-core';
import { writeStoreImages } from './store-images.mjs';

// The replay server is TypeScript; jiti loads it on any Node (Node 20 runs no .ts by itself).
const jiti = createJiti(import.meta.url);
const { chromiumArgs } = await jiti.import('./chromium-args.ts');
const { SCENARIOS } = await jiti.import('./scenarios.ts');
const { startReplayServer } = await jiti.import('./server.ts');

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'claude-ai-partial' },
    headless: { type: 'boolean', default: false },
    out: { type: 'string', default: 'demo-screenshots' },
    capacity: { type: 'boolean', default: false },
    store: { type: 'boolean', default: false },
    'keep-working': { type: 'boolean', default: false },
  },
});
if (!(values.scenario in SCENARIOS)) {
  console.error(`Unknown scenario "${values.scenario}". Known: ${Object.keys(SCENARIOS).join(', ')}`);
  process.exit(2);
}

const extensionDir = path.resolve(process.env.SO_OUT_DIR ?? '.output', 'chrome-mv3');
if (values.store) {
  const written = await writeStoreImages({ out: path.resolve('docs/store/images'), extensionDir });
  for (const file of written) console.info(path.relative(process.cwd(), file));
  process.exit(0);
}
const server = await startReplayServer({ scenario: values.scenario });
const profile = await mkdtemp(path.join(os.tmpdir(), 'so-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: values.headless,
  viewport: { width: 1100, height: 720 },
  args: chromiumArgs({ replayPort: server.port, extensionDir }),
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
// Poll now rather than waiting for the first alarm.
await worker.evaluate(() => chrome.runtime.getPlatformInfo());
const popup = await context.newPage();
await popup.goto(`chrome-extension://${extensionId}/popup.html`);
await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'refresh' }));

const page = await context.newPage();
await page.goto('https://claude.ai/chat/demo');
if (values.capacity) await page.evaluate(() => window.__insertCapacityError());

/** Issue #18's screenshots: real clicks on the banner's buttons, then an incident that resolves. */
async function keepWorking() {
  /** The banner and a margin of the page around it (a card in the bottom right corner). */
  const banner = async () => {
    const box = await page.locator('.so-banner').boundingBox();
    if (!box) throw new Error('no banner to photograph');
    const margin = 24;
    return {
      clip: { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin },
    };
  };
  const refresh = () => popup.evaluate(() => chrome.runtime.sendMessage({ type: 'refresh' }));
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://claude.ai' });
  await page.bringToFront();
  await page.click('[data-testid="banner-copy"]');
  await page.waitForSelector('[data-testid="banner-copied"]');
  await page.click('[data-testid="banner-watch"]');
  await page.waitForSelector('[data-testid="banner-watching"]');
  await page.screenshot({ path: path.join(values.out, 'banner-keep-working.png'), ...(await banner()) });
  server.setScenario('claude-ai-partial');
  await refresh();
  await page.waitForSelector('.so-kind-incident');
  server.setScenario('healthy');
  await refresh();
  await page.waitForSelector('.so-kind-back');
  await page.screenshot({ path: path.join(values.out, 'banner-back.png'), ...(await banner()) });
}

if (values.headless && values['keep-working']) {
  await mkdir(values.out, { recursive: true });
  await page.waitForSelector('[data-testid="banner-watch"]');
  await keepWorking();
  console.info(`Screenshots in ${values.out}/`);
  await context.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });
} else if (values.headless) {
  await mkdir(values.out, { recursive: true });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: path.join(values.out, `banner-${values.scenario}.png`) });
  // The same banner on claude.ai in its dark theme, and in the compact form of a 360 px phone.
  const dark = await context.newPage();
  await dark.emulateMedia({ colorScheme: 'dark' });
  await dark.goto('https://claude.ai/chat/demo');
  if (values.capacity) await dark.evaluate(() => window.__insertCapacityError());
  await dark.waitForTimeout(1000);
  await dark.screenshot({ path: path.join(values.out, `banner-dark-${values.scenario}.png`) });
  const narrow = await context.newPage();
  await narrow.setViewportSize({ width: 360, height: 740 });
  await narrow.goto('https://claude.ai/chat/demo');
  if (values.capacity) await narrow.evaluate(() => window.__insertCapacityError());
  await narrow.waitForTimeout(1000);
  await narrow.screenshot({ path: path.join(values.out, `banner-narrow-${values.scenario}.png`) });
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.reload();
  await popup.waitForTimeout(500);
  await popup.screenshot({ path: path.join(values.out, `popup-${values.scenario}.png`), fullPage: true });
  const options = await context.newPage();
  await options.setViewportSize({ width: 720, height: 900 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.waitForTimeout(500);
  await options.screenshot({ path: path.join(values.out, 'options.png'), fullPage: true });
  // The page the install opened (entrypoints/welcome/).
  const welcome = context.pages().find((p) => p.url().endsWith('/welcome.html'));
  if (welcome) {
    await welcome.setViewportSize({ width: 760, height: 900 });
    await welcome.reload();
    await welcome.waitForTimeout(500);
    await welcome.screenshot({ path: path.join(values.out, 'welcome.png'), fullPage: true });
  }
  console.info(`Screenshots in ${values.out}/`);
  await context.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });
} else {
  console.info(`Scenario "${values.scenario}" on https://claude.ai (replayed). Close the browser to stop.`);
  context.on('close', async () => {
    await server.close();
    await rm(profile, { recursive: true, force: true });
  });
}
