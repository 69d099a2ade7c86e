/**
 * The background's message router with a fake browser: what a claude.ai page's script may make the
 * background do (issue "trust no input", finding 1). Each case sends what a compromised page could.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background/index';
import { useEnglish } from './support/translator';

const fixture = (name: string) => readFileSync(path.join(process.cwd(), 'tests/fixtures/statuspage', name), 'utf8');

const POPUP = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
const TAB = (tabId = 7, url = 'https://claude.ai/chat/1') => ({
  id: fakeBrowser.runtime.id,
  url,
  tab: { id: tabId },
  frameId: 0,
});

function stubBrowser() {
  const event = () => ({ addListener: () => undefined, removeListener: () => undefined });
  Object.assign(fakeBrowser, {
    webRequest: { onCompleted: event(), onErrorOccurred: event(), onBeforeRedirect: event() },
    permissions: { ...fakeBrowser.permissions, onAdded: event(), contains: async () => false },
    scripting: { executeScript: vi.fn(async () => []) },
  });
}

async function send(message: unknown, sender: object): Promise<unknown> {
  const [answer] = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined);
  return answer;
}

const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key] ?? null;

describe('messages from a claude.ai page', () => {
  let fetchFn: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fakeBrowser.reset();
    stubBrowser();
    useEnglish();
    fetchFn = vi.fn(async () => new Response(fixture('claude-ai-partial.json'), { status: 200 }));
    vi.stubGlobal('fetch', fetchFn);
    background.main();
  });

  it('cannot change the settings (turn the banner off, plant an alternative)', async () => {
    const patches = [
      { op: 'banner', site: 'claude-ai', on: false },
      { op: 'alternative-add', alternative: { id: 'mine-1', name: 'Support', url: 'https://phish.example/' } },
    ];
    for (const patch of patches) expect(await send({ type: 'settings-patch', patch }, TAB())).toBeUndefined();
    expect(await stored('settings')).toBeNull();
    // The options page may.
    for (const patch of patches) await send({ type: 'settings-patch', patch }, POPUP());
    expect(await stored('settings')).toMatchObject({
      banner: { 'claude-ai': false },
      alternatives: [{ id: 'mine-1', name: 'Support', url: 'https://phish.example/' }],
    });
  });

  it('cannot make the background fetch the status page or its history', async () => {
    for (let i = 0; i < 50; i++) {
      await send({ type: 'refresh' }, TAB());
      await send({ type: 'history-refresh', force: true }, TAB());
    }
    expect(fetchFn).not.toHaveBeenCalled();
    await send({ type: 'refresh' }, POPUP());
    expect(fetchFn).toHaveBeenCalled();
  });

  it('cannot fill storage with made-up dismissals: only the banner shown on its site is dismissed', async () => {
    const entries = Object.fromEntries(
      Array.from({ length: 200 }, (_, i) => [`${'x'.repeat(10_000)}${i}`, 'major_outage']),
    );
    expect(await send({ type: 'dismiss', dismiss: { kind: 'incidents', entries } }, TAB())).toBeUndefined();
    // A well-formed dismiss with no banner shown stores nothing either.
    await send({ type: 'dismiss', site: 'claude-ai' }, TAB());
    expect(await stored('dismissals')).toBeNull();
    // With an incident on claude.ai, it dismisses that incident and nothing else.
    await send({ type: 'refresh' }, POPUP());
    await send({ type: 'dismiss', site: 'claude-ai' }, TAB());
    const dismissals = (await stored('dismissals')) as { incidents: Record<string, string> };
    expect(Object.keys(dismissals.incidents).length).toBeGreaterThan(0);
    expect(JSON.stringify(dismissals).length).toBeLessThan(1_000);
  });

  it('asks only about its own site, from a claude.ai or platform.claude.com document', async () => {
    expect(await send({ type: 'site-view', site: 'platform' }, TAB())).toBeUndefined();
    expect(await send({ type: 'site-view', site: 'claude-ai' }, TAB(7, 'https://evil.example/'))).toBeUndefined();
    expect(await send({ type: 'site-view', site: 'claude-ai' }, { id: fakeBrowser.runtime.id })).toBeUndefined();
    expect(await send({ type: 'site-view', site: 'claude-ai' }, TAB())).toMatchObject({ detectCapacity: true });
  });

  it('is cut off when it floods the background; other tabs are not', async () => {
    const answers = [];
    for (let i = 0; i < 200; i++) answers.push(await send({ type: 'site-view', site: 'claude-ai' }, TAB(7)));
    const answered = answers.filter((a) => a !== undefined).length;
    expect(answered).toBeGreaterThanOrEqual(30);
    expect(answered).toBeLessThan(60);
    expect(await send({ type: 'site-view', site: 'claude-ai' }, TAB(8))).toBeDefined();
  });

  it('opens links by id from the catalogue or the user list, never an address it sends', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await send({ type: 'open-link', site: 'claude-ai', link: 'workbench' }, TAB());
    expect(create).toHaveBeenLastCalledWith({ url: 'https://platform.claude.com/workbench' });
    await send({ type: 'open-link', site: 'claude-ai', link: 'https://phish.example/' }, TAB());
    await send({ type: 'open-link', site: 'claude-ai', link: 'workbench', url: 'https://phish.example/' }, TAB());
    expect(create.mock.calls.map(([c]) => c.url)).toEqual([
      'https://platform.claude.com/workbench',
      'https://platform.claude.com/workbench',
    ]);
  });
});
