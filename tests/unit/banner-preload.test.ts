/**
 * The banner script registered to load with a site's pages while a banner is due there (issue #29,
 * entrypoints/background/banner/banner-preload.ts), against a stand-in for `browser.scripting`.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SiteId } from '../../core/sites/site-hosts';
import { createBannerPreload } from '../../entrypoints/background/banner/banner-preload';

type Registered = Browser.scripting.RegisteredContentScript;

/** The registrations as the browser keeps them, and every call that changed them. */
function fakeScripting(initial: Registered[] = []) {
  const registered = new Map(initial.map((script) => [script.id, script]));
  const calls: string[] = [];
  // The manifest's content script, as wxt.config.ts declares it.
  fakeBrowser.runtime.getManifest = () =>
    ({
      manifest_version: 3,
      name: 'test',
      version: '1',
      content_scripts: [{ matches: ['https://claude.ai/*', 'https://platform.claude.com/*'], js: ['claude-watch.js'] }],
    }) as Browser.runtime.Manifest;
  Object.assign(fakeBrowser, {
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) =>
        ids.flatMap((id) => (registered.has(id) ? [registered.get(id)] : [])),
      registerContentScripts: async (scripts: Registered[]) => {
        for (const script of scripts) registered.set(script.id, script);
        calls.push(`register ${scripts.map((s) => s.matches?.join(' ')).join()}`);
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        for (const id of ids) registered.delete(id);
        calls.push(`unregister ${ids.join()}`);
      },
    },
  });
  return { registered, calls };
}

let now = 0;
let dueOn: SiteId[] = [];
const preloadNow = () => createBannerPreload({ due: async (site) => dueOn.includes(site), now: () => now });

beforeEach(() => {
  now = 1_000_000;
  dueOn = [];
});

describe('banner preload', () => {
  it('registers the banner script for the site a banner is due on, at document_start, and trusts it after a second', async () => {
    const browser = fakeScripting();
    const preload = preloadNow();
    dueOn = ['claude-ai'];
    await preload.sync();
    expect([...browser.registered.values()]).toEqual([
      { id: 'banner-preload', matches: ['https://claude.ai/*'], js: ['claude-banner.js'], runAt: 'document_start' },
    ]);
    // A page that started loading before the registration did not run it: the injection stays.
    expect(preload.preloaded('claude-ai')).toBe(false);
    now += 1_000;
    expect(preload.preloaded('claude-ai')).toBe(true);
    expect(preload.preloaded('platform')).toBe(false);
  });

  it('registers nothing while nothing is due, and unregisters once nothing is', async () => {
    const browser = fakeScripting();
    const preload = preloadNow();
    await preload.sync();
    expect(browser.calls).toEqual([]);
    dueOn = ['claude-ai', 'platform'];
    await preload.sync();
    dueOn = [];
    await preload.sync();
    expect(browser.calls).toEqual([
      'register https://claude.ai/* https://platform.claude.com/*',
      'unregister banner-preload',
    ]);
    expect(browser.registered.size).toBe(0);
    now += 5_000;
    expect(preload.preloaded('claude-ai')).toBe(false);
  });

  it('leaves an unchanged registration alone, and changes it when the sites change', async () => {
    const browser = fakeScripting();
    const preload = preloadNow();
    dueOn = ['claude-ai'];
    await preload.sync();
    now += 2_000;
    await preload.sync();
    expect(browser.calls).toEqual(['register https://claude.ai/*']);
    expect(preload.preloaded('claude-ai')).toBe(true);
    dueOn = ['platform'];
    await preload.sync();
    expect(browser.calls.slice(1)).toEqual(['unregister banner-preload', 'register https://platform.claude.com/*']);
    expect(preload.preloaded('claude-ai')).toBe(false);
    expect(preload.preloaded('platform')).toBe(false);
  });

  it('a new worker finds the registration of the last one and trusts it only a second after its first look', async () => {
    const browser = fakeScripting([
      { id: 'banner-preload', matches: ['https://claude.ai/*'], js: ['claude-banner.js'], runAt: 'document_start' },
    ]);
    const preload = preloadNow();
    dueOn = ['claude-ai'];
    expect(preload.preloaded('claude-ai')).toBe(false);
    await preload.sync();
    expect(browser.calls).toEqual([]);
    expect(preload.preloaded('claude-ai')).toBe(false);
    now += 1_000;
    expect(preload.preloaded('claude-ai')).toBe(true);
  });

  it('a refused registration is logged, not thrown, and the injection stays', async () => {
    fakeScripting();
    Object.assign(fakeBrowser.scripting, {
      registerContentScripts: async () => {
        throw new Error('refused');
      },
    });
    const preload = preloadNow();
    dueOn = ['claude-ai'];
    await expect(preload.sync()).resolves.toBeUndefined();
    now += 5_000;
    expect(preload.preloaded('claude-ai')).toBe(false);
  });
});
