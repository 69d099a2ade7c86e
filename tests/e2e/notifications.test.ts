/**
 * Desktop notifications in real Chromium: an incident on a service the user cares about is
 * announced exactly once, and a repeat poll (or a new browser session) announces nothing again.
 * Uses the test build (core/time/test-build.ts, SO_TEST_BUILD=1 in `npm test`): headless Chromium
 * cannot answer the optional permission's prompt, so that build has it granted at install.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileBehaviour } from '../replay/hostile-origin';
import type { ReplayServer } from '../replay/server';
import { TEST_BUILD_CHROME } from './drivers/builds';
import { type ChromiumExtensionBrowser, launchChromium } from './drivers/chromium';
import { Harness } from './harness';
import { CLAUDE_AI } from './scenarios';
import { changeSettings } from './support';

let server: ReplayServer;
let browser: ChromiumExtensionBrowser;
let harness: Harness<ChromiumExtensionBrowser>;

type G = { chrome: { notifications: { getAll(): Promise<object>; clear(id: string): Promise<boolean> } } };

async function clearAll(): Promise<void> {
  await harness.api.page.evaluate(async () => {
    const { notifications } = (globalThis as unknown as G).chrome;
    for (const id of Object.keys(await notifications.getAll())) await notifications.clear(id);
  }, null);
}

async function shown(): Promise<string[]> {
  return harness.api.page.evaluate(
    async () => Object.keys(await (globalThis as unknown as G).chrome.notifications.getAll()),
    null,
  );
}

describe('notifications (chromium)', () => {
  beforeAll(async () => {
    harness = await Harness.start((replayPort) => launchChromium({ replayPort, extensionDir: TEST_BUILD_CHROME }));
    ({ browser, server } = harness);
  });
  afterAll(async () => {
    await harness?.stop();
    // The relaunched browser does not own the profile it reused.
    await rm(browser.userDataDir, { recursive: true, force: true });
  });

  it('one notification per incident update, none on a repeat poll', async () => {
    await harness.reset('healthy');
    await changeSettings(harness.api, { notifications: 'my-services' });
    await harness.statusBecomes('claude-ai-partial');
    await expect.poll(shown).toHaveLength(1);
    const [id] = await shown();
    expect(id).toMatch(/:started$/);
    await harness.api.refresh();
    await harness.api.refresh();
    expect(await shown()).toEqual([id]);
    const notified = (await harness.api.getStorage('notified')) as {
      links: Record<string, string>;
      linkedAt: Record<string, string>;
    };
    expect(Object.keys(notified.links)).toEqual([id]);
    expect(Object.values(notified.links)[0]).toMatch(/^https:\/\/stspg\.io\//);
    // The link is kept 30 days from when it was shown (core/notifications/notify.ts).
    const shownAt = Date.parse(notified.linkedAt[id ?? ''] ?? '');
    expect(Date.now() - shownAt).toBeGreaterThanOrEqual(0);
    expect(Date.now() - shownAt).toBeLessThan(60_000);
  });

  it('a browser restart on the same profile announces nothing again', async () => {
    const profile = browser.userDataDir;
    await browser.context.close();
    browser = await launchChromium({ replayPort: server.port, extensionDir: TEST_BUILD_CHROME, userDataDir: profile });
    harness = new Harness(browser, server);
    await harness.init();
    await harness.api.refresh();
    const notified = (await harness.api.getStorage('notified')) as { links: Record<string, string> };
    // Every notification ever shown leaves its link: still only the one from before the restart.
    expect(Object.keys(notified.links)).toHaveLength(1);
    expect(await shown()).toEqual([]);
  });

  it('50 new incidents at once: at most 3 notifications, the last counting the others (issue #28)', async () => {
    await harness.reset('healthy');
    await clearAll();
    await changeSettings(harness.api, { notifications: 'my-services' });
    const many = hostileBehaviour('many-incidents');
    harness.server.setBehaviour('primary', many);
    harness.server.setBehaviour('fallback', many);
    // A refresh returns once the poll has announced what it found.
    await harness.api.refresh();
    const ids = await shown();
    expect(ids).toHaveLength(3);
    expect(ids.filter((id) => id.startsWith('more:'))).toHaveLength(1);
    // Every incident was recorded as announced: the next poll shows nothing new.
    await harness.api.refresh();
    expect(await shown()).toEqual(ids);
  });

  it('an incident on a muted service announces nothing', async () => {
    await harness.reset('healthy');
    await clearAll();
    await changeSettings(harness.api, { notifications: 'my-services', mutedServices: ['bpp5gb3hpjcl'] });
    await harness.statusBecomes('cowork-only');
    await new Promise((r) => setTimeout(r, 500));
    expect(await shown()).toEqual([]);
  });

  it('"Tell me when it\'s back" from the popup: one notification when the incident resolves, and the note in the open tab', async () => {
    await harness.reset('claude-ai-partial');
    await clearAll();
    const page = await harness.openSite(CLAUDE_AI);
    await page.waitForKind('incident');
    const popup = await harness.openPopup();
    await popup.waitForControl('back-watch-start');
    await popup.clickWithMouse('back-watch-start');
    await popup.waitForControl('back-watch-on');
    expect(await shown()).toEqual([]);
    await harness.statusBecomes('healthy');
    await expect.poll(shown).toHaveLength(1);
    expect((await shown())[0]).toMatch(/^back:/);
    await page.waitForKind('back');
    // More polls, and the alarm's steps, announce nothing again.
    await harness.api.refresh();
    await harness.api.refresh();
    expect(await shown()).toHaveLength(1);
  });

  it('a watch cancelled in the popup gives no notification', async () => {
    await harness.reset('claude-ai-partial');
    await clearAll();
    const popup = await harness.openPopup();
    await popup.waitForControl('back-watch-start');
    await popup.clickWithMouse('back-watch-start');
    await popup.waitForControl('back-watch-cancel');
    await popup.clickWithMouse('back-watch-cancel');
    await popup.waitForControl('back-watch-start');
    await harness.statusBecomes('healthy');
    await harness.api.refresh();
    await new Promise((r) => setTimeout(r, 500));
    expect(await shown()).toEqual([]);
    expect(await harness.api.getStorage('backWatch')).toEqual({ watch: null, backAt: null });
  });
});
