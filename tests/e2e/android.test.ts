/**
 * Firefox for Android (issue #21): what can be checked without a device. The build declares
 * Android support from 142 (gecko_android), and the two surfaces Android has, the badge on the
 * menu's extension entry and the popup (which Android opens as a full page), work in Firefox's
 * engine at a phone's width. README ("Install") says what does not work on Android.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD } from './drivers/builds';
import { type FirefoxExtensionBrowser, launchFirefox } from './drivers/firefox';
import { Harness } from './harness';

/** A common phone viewport in CSS pixels. */
const PHONE = { width: 360, height: 740 };

describe('Firefox for Android (desktop engine, phone width)', () => {
  let harness: Harness<FirefoxExtensionBrowser>;

  beforeAll(async () => {
    harness = await Harness.start((replayPort) => launchFirefox({ replayPort }));
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('declares Firefox for Android 142 or later', async () => {
    const manifest = JSON.parse(await readFile(path.join(FIREFOX_BUILD, 'manifest.json'), 'utf8'));
    expect(manifest.browser_specific_settings.gecko_android).toEqual({ strict_min_version: '142.0' });
  });

  it('shows the badge, and the popup fits a phone without sideways scrolling', async () => {
    await harness.reset('claude-ai-partial');
    expect(await harness.api.badgeText()).toBe('!!');
    const popup = await harness.openPopup();
    // Resized in place: a reload of a moz-extension:// page is never reported by the remote agent
    // (see drivers/firefox.ts); the layout follows the viewport without one.
    await popup.page.setViewport(PHONE.width, PHONE.height);
    const services = await popup.waitForServices(6);
    expect(services.find((s) => s.id === 'rwppv331jlwc')?.state).toBe('partial_outage');
    expect(await popup.headerKind()).toBe('partial_outage');
    const layout = await popup.page.evaluate(
      () => ({
        innerWidth: window.innerWidth,
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        widest: Math.max(...[...document.body.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)),
      }),
      null,
    );
    expect(layout.innerWidth).toBe(PHONE.width);
    // clientWidth is the viewport less desktop Firefox's classic scrollbar (Android's overlays).
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    expect(layout.widest).toBeLessThanOrEqual(layout.clientWidth);
  });
});
