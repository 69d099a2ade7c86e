/**
 * Debian's Firefox ESR with the production build installed as a temporary add-on, driven by
 * puppeteer-core over WebDriver BiDi (Playwright's Firefox needs its own patched build).
 *
 * Network: Firefox resolves nothing itself. Every https:// request goes to a local CONNECT proxy
 * (tests/replay/server.ts) that tunnels it to the replay server, whose self-signed certificate
 * is accepted (`acceptInsecureCerts`); plain http:// goes to the same proxy, which refuses it.
 * `MOZ_DISABLE_NONLOCAL_CONNECTIONS=1`, the switch Firefox's own test harnesses use, is a
 * tripwire: Firefox aborts ("FATAL ERROR: Non-local network connections are disabled", then the
 * browser is gone: "Target closed") on any connection to an address that is neither loopback nor
 * private; SO_FIREFOX_DUMPIO=1 shows Firefox's output. It is also what lets the remote-settings
 * server pref below take effect on a release build. So the build is tested unchanged and nothing
 * leaves the machine.
 *
 * Host permissions: in Firefox MV3 they are optional ("origin controls"), but Firefox 127+
 * grants the manifest's host_permissions at install time while the pref
 * `extensions.originControls.grantByDefault` is true, which is its shipped default (checked on
 * Firefox ESR 153; see Extension.sys.mjs, `installIncludesOrigins`). Our strict_min_version
 * (140) is above 127, so every supported Firefox installs us with the status origins and the
 * two sites granted, as a user's install would. (With the pref set to false, tried once: no
 * origin granted, every poll fails, grey `?` badge, no content script, so the suite depends on
 * it.) We therefore set no permission pref and grant nothing behind the extension's back;
 * launch() only checks `permissions.contains()` for the manifest's host_permissions and fails
 * loudly if a later Firefox stops granting at install (then the extension needs an onboarding
 * step asking for them: a product change, not a test change).
 */
import path from 'node:path';
import puppeteer, { type Browser, type KeyInput, type Page } from 'puppeteer-core';
import type WebExtension from 'webextension-polyfill';
import { GECKO_ID } from '../../../core/release/extension-ids';
import { type ConnectProxy, startConnectProxy } from '../../replay/server';
import { FIREFOX_BUILD } from './builds';
import type { DriverPage, ExtensionBrowser } from './types';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Fixed with `extensions.webextensions.uuids`, so extension pages have a known address. */
export const EXTENSION_UUID = '5e0c3a5d-7f0b-4c52-9a43-1c9d2e6b8f17';
const BASE = `moz-extension://${EXTENSION_UUID}`;

/** Same as Playwright's default, so layouts match the Chromium run. */
const VIEWPORT = { width: 1280, height: 720 };
const OPEN_TIMEOUT_MS = 10_000;

/**
 * Prefs on top of those puppeteer and Firefox's remote agent already set for automation (no
 * updates, telemetry upload, safebrowsing lists, normandy, captive portal and connectivity checks).
 */
function prefs(proxyPort: number): Record<string, unknown> {
  return {
    // Every request to the local proxy, including for localhost-like names; nothing bypasses it.
    'network.proxy.type': 1,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.socks_remote_dns': true,
    // No DNS over HTTPS, no speculative or prefetched connections.
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.predictor.enabled': false,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'network.http.http3.enable': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    // Remote settings (blocklists, CRLite, intermediates): the remote agent's dummy server, which
    // a release build honours only under MOZ_DISABLE_NONLOCAL_CONNECTIONS (see launch()).
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
    'security.OCSP.enabled': 0,
    'extensions.blocklist.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'app.update.auto': false,
    'app.update.enabled': false,
    'browser.safebrowsing.update.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.google5.updateURL': '',
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': 'data:,',
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'browser.ping-centre.telemetry': false,
    'browser.newtabpage.activity-stream.feeds.telemetry': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.region.update.enabled': false,
    'browser.region.network.url': '',
    'geo.provider.network.url': '',
    'media.gmp-manager.updateEnabled': false,
    'media.gmp-gmpopenh264.enabled': false,
    'dom.push.connection.enabled': false,
    'identity.fxaccounts.enabled': false,
    'browser.aboutHomeStartup.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    // Lets a test read the clipboard back (navigator.clipboard.readText) without Firefox's paste prompt;
    // writing it, which the extension does, still needs the user's click.
    'dom.events.testing.asyncClipboard': true,
    // A fixed moz-extension:// UUID for our gecko id, so the popup has a known address.
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
  };
}

function wrap(page: Page): DriverPage {
  return {
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    setViewport: (width, height) => page.setViewport({ width, height }),
    reload: async () => {
      await page.reload({ waitUntil: 'load' });
    },
    close: () => page.close(),
    clickAt: (x, y) => page.mouse.click(x, y),
    // Allowed without the paste prompt by `dom.events.testing.asyncClipboard` (see prefs()).
    readClipboard: () => page.evaluate(() => navigator.clipboard.readText()),
    press: (key) => page.keyboard.press(key as KeyInput),
  };
}

export interface FirefoxOptions {
  replayPort: number;
  extensionDir?: string;
}

export interface FirefoxExtensionBrowser extends ExtensionBrowser {
  browser: Browser;
  proxy: ConnectProxy;
  extensionId: string;
}

export async function launchFirefox(options: FirefoxOptions): Promise<FirefoxExtensionBrowser> {
  const extensionDir = path.resolve(options.extensionDir ?? FIREFOX_BUILD);
  const proxy = await startConnectProxy(options.replayPort);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      acceptInsecureCerts: true,
      defaultViewport: VIEWPORT,
      // Lets the remote agent drive moz-extension:// pages (privileged, like chrome:// ones).
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: prefs(proxy.port),
      env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
      dumpio: process.env.SO_FIREFOX_DUMPIO === '1',
    });
  } catch (error) {
    await proxy.close();
    throw error;
  }

  const close = async () => {
    await browser.close().catch(() => undefined);
    await proxy.close();
  };

  try {
    const extensionId = await browser.installExtension(extensionDir);

    /**
     * `page.goto` to moz-extension:// never resolves here: the tab switches to the extension
     * process and Firefox ESR 153's remote agent throws in NavigationManager ("context is null"),
     * so the navigation is never reported. Start it, then wait for the page itself to be ready.
     * (Navigating there at all needs --remote-allow-system-access.)
     */
    const open = async (url: string): Promise<DriverPage> => {
      const page = await browser.newPage();
      page.goto(url).catch(() => undefined);
      // Our own polling rather than waitForFunction: while the tab switches processes, an
      // evaluation can fail with a protocol error, which aborts waitForFunction at once.
      const deadline = Date.now() + OPEN_TIMEOUT_MS;
      for (;;) {
        const ready = await page
          .evaluate((u) => location.href === u && document.readyState === 'complete', url)
          .catch(() => false);
        if (ready) return wrap(page);
        if (Date.now() > deadline) throw new Error(`${url} did not load within ${OPEN_TIMEOUT_MS} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
    };

    const extensionPage = await open(`${BASE}/popup.html`);
    const missing = await extensionPage.evaluate(async () => {
      const api = (globalThis as unknown as { browser: WebExtension.Browser }).browser;
      const origins = api.runtime.getManifest().host_permissions ?? [];
      const granted = await Promise.all(origins.map((o) => api.permissions.contains({ origins: [o] })));
      return origins.filter((_o, i) => !granted[i]);
    }, null);
    await extensionPage.close();
    if (missing.length > 0) {
      throw new Error(`Firefox did not grant host permissions at install: ${missing.join(', ')}`);
    }

    return {
      name: 'firefox',
      browser,
      proxy,
      extensionId,
      newPage: async () => wrap(await browser.newPage()),
      openPopup: () => open(`${BASE}/popup.html`),
      openPage: (file) => open(`${BASE}/${file}`),
      extensionPage: () => open(`${BASE}/popup.html`),
      // page.url() stays about:blank for moz-extension:// tabs (the navigation is never reported,
      // see open() above): ask each page where it is.
      tabs: async () =>
        Promise.all(
          (await browser.pages()).map(async (page) => ({
            url: await page.evaluate(() => location.href).catch(() => page.url()),
            page: wrap(page),
          })),
        ),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
