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

// The background runs in a worker, whose navigator says whether the browser is online; Node 20 has none.
vi.stubGlobal('navigator', { onLine: true });

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

  it('its model label: only the model it names is kept, in session storage, and only from claude.ai', async () => {
    const session = async () => (await fakeBrowser.storage.session.get('modelInUse')).modelInUse ?? null;
    await send({ type: 'site-view', site: 'claude-ai', model: 'Sonnet 4.6' }, TAB());
    expect(await session()).toEqual({ family: 'Sonnet', version: '4.6', label: 'Sonnet 4.6' });
    // A label that names no model changes nothing; platform.claude.com has no model menu of ours.
    await send({ type: 'site-view', site: 'claude-ai', model: 'Choose a model' }, TAB());
    await send(
      { type: 'site-view', site: 'platform', model: 'Opus 4.6' },
      TAB(8, 'https://platform.claude.com/workbench'),
    );
    expect(await session()).toEqual({ family: 'Sonnet', version: '4.6', label: 'Sonnet 4.6' });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('Choose a model');
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

  /** A gesture token for `tab`, as the banner asks for one at a click. */
  const token = async (tab = TAB()) => (await send({ type: 'gesture', site: 'claude-ai' }, tab)) as string | null;
  /** The links the banner on claude.ai shows now. */
  async function shownLinks(): Promise<string[]> {
    const view = (await send({ type: 'site-view', site: 'claude-ai' }, POPUP())) as {
      text: { incidentLink: { id: string } | null; alternatives: { id: string }[] } | null;
    };
    return [view.text?.incidentLink?.id ?? '', ...(view.text?.alternatives ?? []).map((a) => a.id)].filter(Boolean);
  }

  it('opens links by id from the catalogue or the user list, never an address it sends', async () => {
    await send({ type: 'refresh' }, POPUP());
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    create.mockClear();
    const [link] = (await shownLinks()).filter((id) => id !== 'incident');
    if (!link) throw new Error('the banner shows no alternative');
    await send({ type: 'open-link', site: 'claude-ai', link, token: await token() }, TAB());
    expect(create).toHaveBeenCalledTimes(1);
    const opened = create.mock.calls[0]?.[0]?.url;
    expect(opened).toMatch(/^https:\/\//);
    await send({ type: 'open-link', site: 'claude-ai', link: 'https://phish.example/', token: await token() }, TAB());
    await send(
      { type: 'open-link', site: 'claude-ai', link, url: 'https://phish.example/', token: await token() },
      TAB(),
    );
    expect(create.mock.calls.map(([c]) => c.url)).toEqual([opened, opened]);
  });

  it('opens nothing and switches no watch without a gesture token from its own tab, used once (issue #28)', async () => {
    await send({ type: 'refresh' }, POPUP());
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    create.mockClear();
    const [link] = await shownLinks();
    if (!link) throw new Error('the banner shows no link');
    // Before: 4 a second opened any link, with no token at all.
    for (let i = 0; i < 8; i++) await send({ type: 'open-link', site: 'claude-ai', link }, TAB());
    await send({ type: 'back-watch', on: true, site: 'claude-ai' }, TAB());
    await send({ type: 'open-popup', site: 'claude-ai' }, TAB());
    expect(create).not.toHaveBeenCalled();
    expect(await stored('backWatch')).toBeNull();
    // Another tab's token, a made-up one, a used one: nothing.
    const other = await token(TAB(8));
    await send({ type: 'open-link', site: 'claude-ai', link, token: other ?? '' }, TAB());
    await send({ type: 'open-link', site: 'claude-ai', link, token: 'made-up' }, TAB());
    const mine = await token();
    await send({ type: 'open-link', site: 'claude-ai', link, token: mine ?? '' }, TAB());
    await send({ type: 'open-link', site: 'claude-ai', link, token: mine ?? '' }, TAB());
    expect(create).toHaveBeenCalledTimes(1);
    // The watch, with a token.
    await send({ type: 'back-watch', on: true, site: 'claude-ai', token: (await token()) ?? '' }, TAB());
    expect(await stored('backWatch')).toMatchObject({ watch: expect.anything() });
  });

  it('tokens: three at once, then one every 2 s; none while the site shows no banner', async () => {
    await send({ type: 'refresh' }, POPUP());
    const tokens = [];
    for (let i = 0; i < 10; i++) tokens.push(await token());
    expect(tokens.filter((t) => typeof t === 'string')).toHaveLength(3);
    // A healthy status page: no banner on claude.ai, nothing to click.
    fetchFn.mockImplementation(async () => new Response(fixture('healthy.json'), { status: 200 }));
    await send({ type: 'refresh' }, POPUP());
    expect(await token(TAB(9))).toBeNull();
  });

  it('opens only a link its banner shows, not any catalogue entry', async () => {
    await send({ type: 'refresh' }, POPUP());
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    create.mockClear();
    const shown = await shownLinks();
    const hidden = ['workbench', 'bedrock', 'vertex', 'openrouter', 'poe'].find((id) => !shown.includes(id));
    if (!hidden) throw new Error('every catalogue entry is shown');
    await send({ type: 'open-link', site: 'claude-ai', link: hidden, token: (await token()) ?? '' }, TAB());
    expect(create).not.toHaveBeenCalled();
  });
});
