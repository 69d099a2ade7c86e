/**
 * Debian's Chromium with the production build loaded unpacked, driven by Playwright.
 * status.claude.com, anthropic.statuspage.io, claude.ai and platform.claude.com resolve to the
 * local replay server (host resolver rules), whose self-signed certificate is accepted, so the
 * build is tested unchanged. https://playwright.dev/docs/chrome-extensions
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { chromiumArgs } from '../../replay/chromium-args';
import { CHROME_BUILD } from './builds';
import type { DriverPage, ExtensionBrowser } from './types';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A Playwright page as the scenarios' DriverPage. */
export function driverPage(page: Page): DriverPage {
  return {
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    reload: async () => {
      await page.reload({ waitUntil: 'load' });
    },
    close: () => page.close(),
    clickAt: (x, y) => page.mouse.click(x, y),
    readClipboard: async () => {
      // Granted to the page's origin for the read. CDP's grant rejects every permission not listed
      // (Browser.grantPermissions), so writing, which the extension does on the user's click, is listed too.
      await page
        .context()
        .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
      return page.evaluate(() => navigator.clipboard.readText());
    },
    press: (key) => page.keyboard.press(key),
  };
}

export interface ChromiumOptions {
  replayPort: number;
  extensionDir?: string;
  /** Reuse a profile (browser restart tests); a fresh temporary one otherwise. */
  userDataDir?: string;
  /** More command-line switches (the update test needs the extensions' CDP domain). */
  extraArgs?: string[];
}

export interface ChromiumExtensionBrowser extends ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
}

export async function launchChromium(options: ChromiumOptions): Promise<ChromiumExtensionBrowser> {
  const extensionDir = options.extensionDir ?? CHROME_BUILD;
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'so-chromium-')));
  const ownsProfile = options.userDataDir === undefined;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...chromiumArgs({ replayPort: options.replayPort, extensionDir }), ...(options.extraArgs ?? [])],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const base = `chrome-extension://${extensionId}`;

  async function open(url: string): Promise<DriverPage> {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return driverPage(page);
  }

  return {
    name: 'chromium',
    context,
    extensionId,
    userDataDir,
    newPage: async () => driverPage(await context.newPage()),
    openPopup: () => open(`${base}/popup.html`),
    openPage: (file) => open(`${base}/${file}`),
    extensionPage: () => open(`${base}/popup.html`),
    tabs: async () => context.pages().map((page) => ({ url: page.url(), page: driverPage(page) })),
    close: async () => {
      await context.close();
      if (ownsProfile) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
