/**
 * A full storage in real Chromium: with the extension's storage filled to its quota (Chrome's
 * storage.local holds 10 MB without the unlimitedStorage permission), the status still updates,
 * because the background's write queue drops the history (fetched again later) to make room, and
 * the popup says that storage was full.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumExtensionBrowser, launchChromium } from './drivers/chromium';
import { Harness } from './harness';

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
});
