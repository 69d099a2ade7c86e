/**
 * A full storage in real Chromium: with the extension's storage filled to its quota (Chrome's
 * storage.local holds 10 MB without the unlimitedStorage permission), the status still updates,
 * because the background's write queue drops the history (fetched again later) to make room, and
 * the popup says that storage was full. What claude.ai's own requests showed (the failure counts)
 * is never dropped to make room.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumExtensionBrowser, launchChromium } from './drivers/chromium';
import { Harness } from './harness';
import { CLAUDE_AI } from './scenarios';
import { until } from './support';

let harness: Harness<ChromiumExtensionBrowser>;

type Chrome = {
  storage: {
    local: {
      QUOTA_BYTES: number;
      getBytesInUse(keys: null): Promise<number>;
      set(v: object): Promise<void>;
      get(k: string): Promise<Record<string, unknown>>;
    };
    session: { get(k: string): Promise<Record<string, unknown>> };
  };
};

describe('storage full (chromium)', () => {
  beforeAll(async () => {
    harness = await Harness.start((replayPort) => launchChromium({ replayPort }));
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('a full storage never stops the status from updating, and the popup says so', async () => {
    await harness.reset('healthy');
    expect(await harness.api.badgeText()).toBe('');
    // Fill what is left of the quota but a few bytes, under the history's key.
    const left = await harness.api.page.evaluate(async () => {
      const { storage } = (globalThis as unknown as { chrome: Chrome }).chrome;
      const used = await storage.local.getBytesInUse(null);
      // Key and JSON quotes count too.
      const room = storage.local.QUOTA_BYTES - used - 'history'.length - 2 - 16;
      await storage.local.set({ history: 'x'.repeat(room) });
      return storage.local.QUOTA_BYTES - (await storage.local.getBytesInUse(null));
    }, null);
    expect(left).toBeLessThan(100);

    await harness.statusBecomes('claude-ai-partial');
    await expect.poll(() => harness.api.badgeText()).toBe('!!');
    const after = await harness.api.page.evaluate(async () => {
      const { storage } = (globalThis as unknown as { chrome: Chrome }).chrome;
      const local = await storage.local.get('history');
      const session = await storage.session.get('storageFull');
      return { history: typeof local.history, full: session.storageFull as { stored: boolean } | undefined };
    }, null);
    expect(after.history).not.toBe('string');
    expect(after.full).toMatchObject({ stored: true });

    const popup = await harness.openPopup();
    await expect
      .poll(async () => (await popup.query('[data-testid="storage-full"]'))[0]?.text ?? '', { timeout: 5_000 })
      .toContain('storage for extensions is full');
  });

  it("storage full whatever the background drops: claude.ai's own failures are never dropped (issue #28)", async () => {
    await harness.reset('healthy');
    // claude.ai's requests fail twice: the 'failing for you' banner, with failures stored.
    const page = await harness.openSite(CLAUDE_AI);
    harness.server.setApiBehaviour({ status: 529 });
    expect(await page.sendCompletion()).toBe(529);
    expect(await page.sendCompletion()).toBe(529);
    await page.waitForKind('failing', 5_000);
    const failures = await harness.api.getStorage('failures');
    expect(failures).not.toBeNull();
    // Fill the quota under a key of no item: dropping the history and the resolutions makes no room.
    await harness.api.page.evaluate(async () => {
      const { storage } = (globalThis as unknown as { chrome: Chrome }).chrome;
      const used = await storage.local.getBytesInUse(null);
      await storage.local.set({ ballast: 'x'.repeat(storage.local.QUOTA_BYTES - used - 'ballast'.length - 2 - 400) });
    }, null);
    // The poll's answer cannot be stored: the refresh reports the refused write.
    harness.server.setScenario('major-outage');
    await expect(harness.api.refresh()).rejects.toThrow(/quota/i);
    const full = await until(
      () =>
        harness.api.page.evaluate(async () => {
          const { storage } = (globalThis as unknown as { chrome: Chrome }).chrome;
          return (await storage.session.get('storageFull')).storageFull as { stored: boolean } | undefined;
        }, null),
      5_000,
      'the storage-full report',
    );
    expect(full).toMatchObject({ stored: false });
    // Before, the relief dropped them to make room for the status page's answer.
    expect(await harness.api.getStorage('failures')).toEqual(failures);
    expect(await page.kind()).toBe('failing');
    await harness.api.page.evaluate(
      () =>
        (
          globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }
        ).chrome.storage.local.remove('ballast'),
      null,
    );
  });
});
