/**
 * Updating keeps everything (issue #21): the previous release, installed as users have it,
 * is set up (options, a dismissed incident, an announced incident, a snapshot), then updated in
 * place to this build, in Chromium and Firefox. The previous release's packages are fixtures
 * (tests/fixtures/releases/, built by scripts/build-release-fixture.mjs from its git tag).
 *
 * The update: Chromium loads the extension unpacked from a directory, whose files are replaced
 * with the new build, then loaded again from that directory through CDP's Extensions.loadUnpacked
 * (what *Reload* on chrome://extensions does; chrome.runtime.reload() instead leaves an extension
 * loaded from the command line unloaded, tried on Chromium 14x). The directory, hence the
 * extension id and its storage, stay the same.
 * https://chromedevtools.github.io/devtools-protocol/tot/Extensions/#method-loadUnpacked Firefox installs the new build as a temporary add-on with the same
 * gecko id over the old one, which Firefox handles as an upgrade of that add-on (storage kept).
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebExtension from 'webextension-polyfill';
import { CHROME_BUILD, FIREFOX_BUILD } from './drivers/builds';
import { type ChromiumExtensionBrowser, launchChromium } from './drivers/chromium';
import { type FirefoxExtensionBrowser, launchFirefox } from './drivers/firefox';
import type { ExtensionBrowser } from './drivers/types';
import { unzip } from './drivers/unzip';
import { Harness } from './harness';

const PREVIOUS = '0.1.0';
const FIXTURES = path.resolve('tests/fixtures/releases', PREVIOUS);
const fixture = (browser: 'chrome' | 'firefox') =>
  path.join(FIXTURES, `claude-status-overlay-${PREVIOUS}-${browser}.zip`);

/** Settings as the previous release's options page sends them (its schema, its fields). */
const USER_SETTINGS = {
  pollIntervalSec: 300,
  banner: { platform: false },
  capacityDetection: false,
  requestSignal: true,
  notifications: 'my-services',
  mutedServices: ['bpp5gb3hpjcl'],
  alternatives: [{ id: 'u1', name: 'Le Chat', url: 'https://chat.mistral.ai/' }],
  language: 'de',
  theme: 'dark',
};

/** Every stored item of the previous release, and its @wxt-dev/storage version mark (`key$`). */
const ITEMS = ['settings', 'dismissals', 'notified', 'status', 'signals', 'failures', 'history'];

type G = { browser?: WebExtension.Browser; chrome?: WebExtension.Browser };

interface Updatable {
  launch(replayPort: number): Promise<ExtensionBrowser>;
  /** Replaces the running previous release with this build, in place. */
  update(browser: ExtensionBrowser): Promise<void>;
  cleanup(): Promise<void>;
}

function chromiumUpdate(): Updatable {
  let dir = '';
  let profile: string | null = null;
  return {
    async launch(replayPort) {
      dir = await mkdtemp(path.join(os.tmpdir(), 'so-update-chrome-'));
      await unzip(fixture('chrome'), dir);
      const browser = await launchChromium({
        replayPort,
        extensionDir: dir,
        // Enables the Extensions CDP domain (Chromium 126+).
        extraArgs: ['--enable-unsafe-extension-debugging'],
      });
      profile = browser.userDataDir;
      return browser;
    },
    async update(browser) {
      const { context, extensionId } = browser as ChromiumExtensionBrowser;
      await rm(dir, { recursive: true, force: true });
      await cp(CHROME_BUILD, dir, { recursive: true });
      const worker = context.waitForEvent('serviceworker', { timeout: 15_000 });
      const cdp = await context.browser()?.newBrowserCDPSession();
      if (!cdp) throw new Error('no browser CDP session');
      const loaded = (await cdp.send('Extensions.loadUnpacked' as never, { path: dir } as never)) as { id: string };
      expect(loaded.id).toBe(extensionId);
      await worker;
    },
    async cleanup() {
      await rm(dir, { recursive: true, force: true });
      if (profile) await rm(profile, { recursive: true, force: true });
    },
  };
}

function firefoxUpdate(): Updatable {
  return {
    launch: (replayPort) => launchFirefox({ replayPort, extensionDir: fixture('firefox') }),
    async update(browser) {
      const id = await (browser as FirefoxExtensionBrowser).browser.installExtension(FIREFOX_BUILD);
      expect(id).toBe((browser as FirefoxExtensionBrowser).extensionId);
    },
    cleanup: async () => undefined,
  };
}

for (const [name, updatable] of [
  ['chromium', chromiumUpdate()],
  ['firefox', firefoxUpdate()],
] as const) {
  describe(`update from ${PREVIOUS} to this build (${name})`, () => {
    let harness: Harness;

    beforeAll(async () => {
      harness = await Harness.start((port) => updatable.launch(port));
    });

    it('installs the release fixture whose SHA-256 was recorded when it was built', async () => {
      const zip = fixture(name === 'chromium' ? 'chrome' : 'firefox');
      const sum = createHash('sha256')
        .update(await readFile(zip))
        .digest('hex');
      expect(await readFile(`${zip}.sha256`, 'utf8')).toBe(`${sum}  ${path.basename(zip)}\n`);
    });
    afterAll(async () => {
      await harness?.stop();
      await updatable.cleanup();
    });

    async function stored(): Promise<Record<string, unknown>> {
      const entries = await Promise.all(
        ITEMS.flatMap((key) => [key, `${key}$`]).map(async (key) => [key, await harness.api.getStorage(key)] as const),
      );
      return Object.fromEntries(entries);
    }

    async function version(): Promise<string> {
      return harness.api.page.evaluate(() => {
        const g = globalThis as unknown as G;
        return (g.browser ?? g.chrome)?.runtime.getManifest().version ?? '';
      }, null);
    }

    it('keeps settings, dismissals, announcements and the snapshot; migrates once; polls again', async () => {
      expect(await version()).toBe(PREVIOUS);
      await harness.reset('healthy');
      await harness.api.send({ type: 'settings', settings: USER_SETTINGS });
      // An incident starts on a service the user cares about: announced (recorded) once.
      await harness.statusBecomes('claude-ai-partial');
      const banner = await harness.openSite('https://claude.ai/chat/update');
      await banner.waitForBanner();
      await banner.dismiss();
      await expect
        .poll(async () => Object.keys(((await stored()).dismissals as { incidents?: object } | null)?.incidents ?? {}))
        .not.toHaveLength(0);
      const before = await stored();
      expect(before.settings).toMatchObject(USER_SETTINGS);
      const announced = Object.keys((before.notified as { links: object }).links);
      expect(announced).toHaveLength(1);
      expect((before.status as { snapshot: unknown }).snapshot).not.toBeNull();

      // While it updates, the status page cannot be reached: whatever survives was kept, not refetched.
      harness.server.setScenario('server-error');
      await updatable.update(harness.browser);
      await harness.init();
      const current = JSON.parse(
        await readFile(path.join(name === 'chromium' ? CHROME_BUILD : FIREFOX_BUILD, 'manifest.json'), 'utf8'),
      ) as { version: string };
      expect(await version()).toBe(current.version);

      // The update's own check (onInstalled) fails against the server error and keeps the snapshot.
      await harness.api.refresh();
      // The welcome page opens on install only (issue #15, item 6): the update opens no tab.
      const welcomeTabs = (await harness.browser.tabs()).filter((tab) => tab.url.endsWith('/welcome.html'));
      expect(welcomeTabs).toHaveLength(0);
      const after = await stored();
      expect(after.settings).toMatchObject(USER_SETTINGS);
      expect(after.dismissals).toMatchObject(before.dismissals as object);
      expect(after.notified).toMatchObject(before.notified as object);
      expect((after.status as { snapshot: unknown }).snapshot).toEqual(
        (before.status as { snapshot: unknown }).snapshot,
      );
      expect((after.status as { health: { lastErrorKind: string | null } }).health.lastErrorKind).not.toBeNull();
      // Version marks are at this build's versions (as recorded in tests/fixtures/stored-schemas.json):
      // every migration that was due ran. @wxt-dev/storage marks only items that have migrations,
      // and migrates (and marks) only values that exist: an item never stored has nothing to migrate.
      const schemas = JSON.parse(await readFile(path.resolve('tests/fixtures/stored-schemas.json'), 'utf8')) as Record<
        string,
        Record<string, unknown>
      >;
      for (const key of ITEMS) {
        const newest = Math.max(...Object.keys(schemas[`local:${key}`] ?? { 1: null }).map(Number));
        const stored = after[key] !== null && after[key] !== undefined;
        if (stored && (after[`${key}$`] !== null || newest > 1))
          expect(after[`${key}$`], `${key}$`).toEqual({ v: newest });
      }

      // The alarm exists, at the user's interval.
      expect(await harness.api.alarms()).toContainEqual({ name: 'poll', periodInMinutes: 5 });

      // The status page is back with the same incident: nothing is announced again.
      harness.server.setScenario('claude-ai-partial');
      await harness.api.refresh();
      await harness.api.refresh();
      const back = await stored();
      expect(Object.keys((back.notified as { links: object }).links)).toEqual(announced);
      expect((back.status as { health: { consecutiveFailures: number } }).health.consecutiveFailures).toBe(0);

      // The dismissed incident stays dismissed on claude.ai.
      const page = await harness.openSite('https://claude.ai/chat/after-update');
      await page.waitForNoBanner();

      // Migrations run once: a second start of the new build changes nothing the user owns.
      await updatable.update(harness.browser);
      await harness.init();
      const again = await stored();
      for (const key of ['settings', 'settings$', 'dismissals', 'dismissals$', 'notified', 'notified$']) {
        expect(again[key], key).toEqual(back[key]);
      }
    });
  });
}
