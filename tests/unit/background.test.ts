/**
 * The background with a fake browser (storage, alarms, action) and a fake fetch serving the
 * recorded fixtures: alarms, polling, failover, backoff, conditional requests and the badge.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RequestFacts } from '../../core/claude-page/request-origin';
import { DEFAULT_SETTINGS } from '../../core/settings/settings';
import background from '../../entrypoints/background/index';
import { useEnglish } from './support/translator';

const fixture = (name: string) => readFileSync(path.join(process.cwd(), 'tests/fixtures/statuspage', name), 'utf8');

type Answer = { status: number; body: string; headers?: Record<string, string> } | 'network-error';

/** A fetch that answers per origin and records what it was asked. */
function fakeFetch(answers: Record<'primary' | 'fallback', () => Answer>) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fn = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, headers: { ...(init.headers as Record<string, string>) } });
    const answer = url.startsWith('https://status.claude.com') ? answers.primary() : answers.fallback();
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    return new Response(answer.status === 304 ? null : answer.body, { status: answer.status, headers: answer.headers });
  });
  return { fn, calls };
}

/** summary.json requests only: after a poll with an incident, incidents.json is asked too (resolution-check.ts). */
const summaryCalls = <T extends { url: string }>(calls: T[]) => calls.filter((c) => c.url.endsWith('/summary.json'));

const json = (name: string, etag = '"v1"'): Answer => ({
  status: 200,
  body: fixture(`${name}.json`),
  headers: { 'content-type': 'application/json', etag },
});

async function stored() {
  const all = await fakeBrowser.storage.local.get('status');
  return all.status as {
    snapshot: { services: { id: string; state: string }[]; severity: string } | null;
    health: {
      source: string | null;
      consecutiveFailures: number;
      retryAt: string | null;
      lastErrorKind: string | null;
      validators: { source: string; etag: string | null }[];
    };
  };
}

/** A claude.ai page's own fetch, as Chrome reports it (core/claude-page/request-origin.ts). */
const FROM_CLAUDE_PAGE: RequestFacts = { type: 'xmlhttprequest', tabId: 4, frameId: 0, initiator: 'https://claude.ai' };
/** claude.ai's page itself loading in a tab. */
const CLAUDE_NAVIGATION: RequestFacts = { type: 'main_frame', tabId: 4 };

/** The fake browser has no webRequest: a stand-in that lets a test fire its events. */
function fakeWebRequest() {
  const listeners = {
    completed: [] as ((d: unknown) => void)[],
    error: [] as ((d: unknown) => void)[],
    redirect: [] as ((d: unknown) => void)[],
  };
  const event = (list: ((d: unknown) => void)[]) => ({
    addListener: (fn: (d: unknown) => void) => list.push(fn),
    removeListener: (fn: (d: unknown) => void) => list.splice(list.indexOf(fn), 1),
  });
  Object.assign(fakeBrowser, {
    webRequest: {
      onCompleted: event(listeners.completed),
      onErrorOccurred: event(listeners.error),
      onBeforeRedirect: event(listeners.redirect),
    },
    // The optional notifications permission is not granted in these tests.
    permissions: { ...fakeBrowser.permissions, onAdded: event([]), contains: async () => false },
  });
  return {
    complete: (
      url: string,
      statusCode: number,
      responseHeaders?: { name: string; value: string }[],
      facts: RequestFacts = FROM_CLAUDE_PAGE,
    ) => {
      for (const fn of listeners.completed) fn({ ...facts, url, statusCode, responseHeaders });
    },
    redirect: (url: string, redirectUrl: string, facts: RequestFacts = CLAUDE_NAVIGATION) => {
      for (const fn of listeners.redirect) fn({ ...facts, url, redirectUrl });
    },
    fail: (url: string, error: string, facts: RequestFacts = FROM_CLAUDE_PAGE) => {
      for (const fn of listeners.error) fn({ ...facts, url, error });
    },
  };
}

let webRequest: ReturnType<typeof fakeWebRequest>;

/** The popup as a sender, as the browser describes it (core/messages/message-senders.ts). */
const POPUP = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
/** A claude.ai tab's content script as a sender. */
const CLAUDE_TAB = () => ({
  id: fakeBrowser.runtime.id,
  url: 'https://claude.ai/chat/1',
  // Only the id is read; the rest of a tab is not needed.
  tab: { id: 7 } as Browser.tabs.Tab,
  frameId: 0,
});

/** Notifications on for the services the user cares about, with the permission granted. */
async function notificationsOn(): Promise<void> {
  // The fake browser keeps notifications and tabs in memory; only the permission is stubbed.
  Object.assign(fakeBrowser, {
    permissions: {
      ...fakeBrowser.permissions,
      onAdded: { addListener: () => undefined },
      contains: async (p: { permissions?: string[] }) => p.permissions?.includes('notifications') === true,
    },
  });
  await fakeBrowser.storage.local.set({
    settings: { ...DEFAULT_SETTINGS, notifications: 'my-services' },
    settings$: { v: 2 },
  });
}

/**
 * The background started from a fresh module: the notification click listener is registered
 * once per worker, and earlier tests' worker is gone.
 */
async function freshBackground(): Promise<void> {
  vi.resetModules();
  (await import('./support/translator')).useEnglish();
  (await import('../../entrypoints/background/index')).default.main();
}

describe('background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    webRequest = fakeWebRequest();
    useEnglish();
    // The background runs in a worker, whose navigator says whether the browser is online; Node 20 has none.
    vi.stubGlobal('navigator', { onLine: true });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('creates the poll alarm on start, and again on a start after it was lost', async () => {
    vi.stubGlobal('fetch', fakeFetch({ primary: () => json('healthy'), fallback: () => json('healthy') }).fn);
    background.main();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('poll')).toMatchObject({ periodInMinutes: 1 }));
    await fakeBrowser.alarms.clearAll();
    background.main();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('poll')).toMatchObject({ periodInMinutes: 1 }));
  });

  it('polls at once on install and stores the snapshot; badge stays empty on a healthy day', async () => {
    const fetch = fakeFetch({ primary: () => json('healthy'), fallback: () => json('healthy') });
    vi.stubGlobal('fetch', fetch.fn);
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(async () => expect((await stored())?.snapshot?.services).toHaveLength(6));
    expect((await stored()).health.source).toBe('primary');
    expect(fetch.calls.map((c) => c.url)).toEqual(['https://status.claude.com/api/v2/summary.json']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('shows a partial outage on the badge and names the service in the title', async () => {
    vi.stubGlobal('fetch', fakeFetch({ primary: () => json('claude-ai-partial'), fallback: () => json('healthy') }).fn);
    background.main();
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('!!'));
    const title = await fakeBrowser.action.getTitle({});
    expect(title).toContain('Partial outage: claude.ai');
    expect(title).toContain('Working normally: Claude API (api.anthropic.com), Claude Code');
    expect(title).toMatch(/Last checked: \d/);
  });

  it('fails over to anthropic.statuspage.io when the primary answers with a challenge page', async () => {
    const fetch = fakeFetch({
      primary: () => ({ status: 405, body: fixture('challenge.html'), headers: { 'content-type': 'text/html' } }),
      fallback: () => json('claude-ai-partial'),
    });
    vi.stubGlobal('fetch', fetch.fn);
    background.main();
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect((await stored())?.health.source).toBe('fallback'));
    expect((await stored()).snapshot?.severity).toBe('partial_outage');
    expect(summaryCalls(fetch.calls).map((c) => new URL(c.url).host)).toEqual([
      'status.claude.com',
      'anthropic.statuspage.io',
    ]);
  });

  it('keeps the last good snapshot when both origins fail, and backs off', async () => {
    let down = false;
    const fetch = fakeFetch({
      primary: () => (down ? { status: 500, body: '<html>error</html>' } : json('claude-ai-partial')),
      fallback: () => (down ? 'network-error' : json('claude-ai-partial')),
    });
    vi.stubGlobal('fetch', fetch.fn);
    background.main();
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect((await stored())?.snapshot?.severity).toBe('partial_outage'));

    down = true;
    await fakeBrowser.runtime.onMessage.trigger({ type: 'refresh' }, POPUP(), () => undefined);
    await vi.waitFor(async () => expect((await stored()).health.consecutiveFailures).toBe(1));
    const after = await stored();
    expect(after.snapshot?.severity).toBe('partial_outage');
    expect(after.health.lastErrorKind).toBe('http');
    expect(Date.parse(after.health.retryAt ?? '')).toBeGreaterThan(Date.now());

    // A scheduled poll during the backoff does not fetch.
    const callsBefore = fetch.calls.length;
    await fakeBrowser.alarms.onAlarm.trigger({
      name: 'poll',
      scheduledTime: Date.now(),
      periodInMinutes: 1,
      persistAcrossSessions: true,
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(fetch.calls.length).toBe(callsBefore);
  });

  it('sends If-None-Match with the ETag it got, and keeps the snapshot on 304', async () => {
    let second = false;
    const fetch = fakeFetch({
      primary: () => (second ? { status: 304, body: '' } : json('claude-ai-partial', '"abc"')),
      fallback: () => json('healthy'),
    });
    vi.stubGlobal('fetch', fetch.fn);
    background.main();
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect((await stored())?.health.validators[0]?.etag).toBe('"abc"'));
    second = true;
    await fakeBrowser.runtime.onMessage.trigger({ type: 'refresh' }, POPUP(), () => undefined);
    await vi.waitFor(() => expect(summaryCalls(fetch.calls)).toHaveLength(2));
    expect(summaryCalls(fetch.calls)[1]?.headers['if-none-match']).toBe('"abc"');
    await vi.waitFor(async () => expect((await stored()).snapshot?.severity).toBe('partial_outage'));
  });

  it('a resolution only incidents.json shows wins: badge cleared, no banner, the stored snapshot untouched', async () => {
    const summary = fixture('claude-ai-partial.json');
    const resolved = JSON.stringify({
      incidents: [
        {
          ...(JSON.parse(summary) as { incidents: object[] }).incidents[0],
          status: 'resolved',
          resolved_at: '2026-11-20T13:55:00.000Z',
        },
      ],
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.endsWith('/incidents.json')
          ? new Response(resolved, { status: 200, headers: { etag: '"i1"' } })
          : new Response(summary, { status: 200, headers: { etag: '"s1"' } }),
      ),
    );
    background.main();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'refresh' }, POPUP(), () => undefined);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(''));
    expect((await stored()).snapshot?.severity).toBe('partial_outage');
    const [answer] = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'site-view', site: 'claude-ai' },
      CLAUDE_TAB(),
      () => undefined,
    );
    const view = (await answer) as { banner: unknown } | undefined;
    expect(view).toBeDefined();
    expect(view?.banner).toBeNull();
  });

  it('never runs two fetches at once', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const fetchFn = vi.fn(async () => {
      await gate;
      return new Response(fixture('healthy.json'), { status: 200 });
    });
    vi.stubGlobal('fetch', fetchFn);
    background.main();
    const first = fakeBrowser.runtime.onMessage.trigger({ type: 'refresh' }, POPUP(), () => undefined);
    const second = fakeBrowser.runtime.onMessage.trigger({ type: 'refresh' }, POPUP(), () => undefined);
    release();
    await Promise.all([first, second]);
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });

  it('ignores messages that are not ours', async () => {
    const fetchFn = vi.fn();
    vi.stubGlobal('fetch', fetchFn);
    background.main();
    const answers = await fakeBrowser.runtime.onMessage.trigger({ type: 'format-disk' }, POPUP(), () => undefined);
    expect(answers).toEqual([undefined]);
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it("counts claude.ai's failed completions without keeping URLs, and a success ends the episode", async () => {
    vi.stubGlobal('fetch', fakeFetch({ primary: () => json('healthy'), fallback: () => json('healthy') }).fn);
    background.main();
    const completion = 'https://claude.ai/api/organizations/0f0e/chat_conversations/5a5b-secret-id/completion';
    webRequest.complete(completion, 529);
    webRequest.complete(completion, 500);
    webRequest.fail('https://claude.ai/api/organizations', 'net::ERR_ABORTED');
    const failures = async () => (await fakeBrowser.storage.local.get('failures')).failures as Record<string, unknown>;
    await vi.waitFor(async () => expect((await failures())?.lastFailureAt).toEqual(expect.any(Number)));
    const log = await failures();
    expect(JSON.stringify(log)).not.toContain('secret-id');
    expect((log.minutes as { completionFailures: number; networkErrors: number }[])[0]).toMatchObject({
      completionFailures: 2,
      networkErrors: 0,
    });
    webRequest.complete(completion, 200);
    await vi.waitFor(async () => expect((await failures())?.lastCompletionSuccessAt).toEqual(expect.any(Number)));
  });

  it.each<[string, (w: ReturnType<typeof fakeWebRequest>) => void]>([
    [
      'a 403 Cloudflare challenge on the page',
      (w) =>
        w.complete('https://claude.ai/new', 403, [{ name: 'CF-Mitigated', value: 'challenge' }], CLAUDE_NAVIGATION),
    ],
    [
      'a redirect to the region-unavailable page',
      (w) => w.redirect('https://claude.ai/', 'https://claude.ai/app-unavailable-in-region'),
    ],
  ])("%s: the user's network or region, stored without the URL and never as a failure", async (_label, fire) => {
    vi.stubGlobal('fetch', fakeFetch({ primary: () => json('healthy'), fallback: () => json('healthy') }).fn);
    background.main();
    fire(webRequest);
    const failures = async () => (await fakeBrowser.storage.local.get('failures')).failures as Record<string, unknown>;
    await vi.waitFor(async () => expect((await failures())?.lastBlockedAt).toEqual(expect.any(Number)));
    const log = await failures();
    expect(log.lastFailureAt).toBeNull();
    expect(JSON.stringify(log)).not.toContain('claude.ai');
  });

  it("another site's requests to claude.ai neither raise nor clear the failing banner; only the page's own count", async () => {
    vi.stubGlobal('fetch', fakeFetch({ primary: () => json('healthy'), fallback: () => json('healthy') }).fn);
    background.main();
    const completion = 'https://claude.ai/api/organizations/0f0e/chat_conversations/5a5b/completion';
    const failures = async () => (await fakeBrowser.storage.local.get('failures')).failures as Record<string, unknown>;
    const strangers: RequestFacts[] = [
      { type: 'sub_frame', tabId: 4, initiator: 'https://evil.example' },
      { type: 'sub_frame', tabId: 4, documentUrl: 'https://evil.example/', originUrl: 'https://evil.example/' },
      { type: 'xmlhttprequest', tabId: 4, initiator: 'https://evil.example' },
      { type: 'xmlhttprequest', tabId: 4, documentUrl: 'https://evil.example/page' },
      { type: 'xmlhttprequest', tabId: -1, initiator: 'https://claude.ai' },
      { type: 'image', tabId: 4, initiator: 'https://claude.ai' },
      // A claude.ai document that another site frames (issue #28).
      { type: 'xmlhttprequest', tabId: 4, frameId: 5, parentFrameId: 0, initiator: 'https://claude.ai' },
      { type: 'main_frame', tabId: 4 },
    ];
    for (const facts of strangers) webRequest.complete(completion, 500, undefined, facts);
    for (const facts of strangers) webRequest.fail(completion, 'net::ERR_CONNECTION_RESET', facts);
    await new Promise((r) => setTimeout(r, 700));
    expect((await fakeBrowser.storage.local.get('failures')).failures ?? null).toBeNull();
    // The page's own two failures raise it (Firefox names the document instead of the initiator)...
    webRequest.complete(completion, 529);
    webRequest.complete(completion, 500, undefined, {
      type: 'xmlhttprequest',
      tabId: 4,
      frameId: 0,
      frameAncestors: [],
      documentUrl: 'https://claude.ai/chat/1',
    });
    await vi.waitFor(async () => expect((await failures())?.lastFailureAt).toEqual(expect.any(Number)));
    // ...and another site's 4xx answers do not clear it.
    for (const facts of strangers) webRequest.complete(completion, 404, undefined, facts);
    await new Promise((r) => setTimeout(r, 700));
    expect((await failures())?.lastCompletionSuccessAt).toBeNull();
    webRequest.complete(completion, 200);
    await vi.waitFor(async () => expect((await failures())?.lastCompletionSuccessAt).toEqual(expect.any(Number)));
  });

  it('a status answer from wherever a redirect led is not the status; the fallback is asked', async () => {
    const redirected = (body: string) => {
      const response = new Response(body, { status: 200 });
      Object.defineProperties(response, {
        url: { value: 'https://evil.example/summary.json' },
        redirected: { value: true },
      });
      return response;
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.startsWith('https://status.claude.com')
          ? redirected(fixture('major-outage.json'))
          : new Response(fixture('healthy.json'), { status: 200 }),
      ),
    );
    background.main();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'refresh' }, POPUP(), () => undefined);
    await vi.waitFor(async () => expect((await stored())?.health.source).toBe('fallback'));
    expect((await stored()).snapshot?.severity).toBe('operational');
  });

  it('a 403 without the challenge header, or a 429, is nothing', async () => {
    vi.stubGlobal('fetch', fakeFetch({ primary: () => json('healthy'), fallback: () => json('healthy') }).fn);
    background.main();
    webRequest.complete('https://claude.ai/new', 403, [{ name: 'content-type', value: 'text/html' }]);
    webRequest.complete('https://claude.ai/api/organizations/0f0e/chat_conversations/5a5b/completion', 429);
    await new Promise((r) => setTimeout(r, 50));
    expect((await fakeBrowser.storage.local.get('failures')).failures ?? null).toBeNull();
  });

  it('page signals: a flood of the same kind is one stored detection and one poll; another kind is its own', async () => {
    const fetched = fakeFetch({ primary: () => json('healthy'), fallback: () => json('healthy') });
    vi.stubGlobal('fetch', fetched.fn);
    background.main();
    let writes = 0;
    fakeBrowser.storage.onChanged.addListener((changes) => {
      if ('signals' in changes) writes++;
    });
    const message = { type: 'page-signal', site: 'claude-ai', kind: 'capacity' };
    for (let i = 0; i < 20; i++) await fakeBrowser.runtime.onMessage.trigger(message, CLAUDE_TAB(), () => undefined);
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'page-signal', site: 'claude-ai', kind: 'outage-screen', code: '1034YMZ' },
      CLAUDE_TAB(),
      () => undefined,
    );
    const stored = (await fakeBrowser.storage.local.get('signals')).signals as { detections: unknown[] };
    expect(stored.detections).toEqual([
      { at: expect.any(String), site: 'claude-ai', kind: 'capacity' },
      { at: expect.any(String), site: 'claude-ai', kind: 'outage-screen', code: '1034YMZ' },
    ]);
    await new Promise((r) => setTimeout(r, 50));
    expect(writes).toBe(2);
    // At most one poll per new detection, never one per message.
    expect(fetched.fn.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('page signals keep the structure around the element (for the report); the markers a page lacks are stored when they change', async () => {
    const fetched = fakeFetch({ primary: () => json('healthy'), fallback: () => json('healthy') });
    vi.stubGlobal('fetch', fetched.fn);
    background.main();
    const shape = { surface: 'band', depth: 12, path: [{ tag: 'span', classes: ['text-sm'] }] };
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'page-signal', site: 'claude-ai', kind: 'incomplete', shape },
      CLAUDE_TAB(),
      () => undefined,
    );
    let writes = 0;
    fakeBrowser.storage.onChanged.addListener((changes) => {
      if ('signals' in changes) writes++;
    });
    const markers = (missing: string[]) => ({ type: 'page-markers', site: 'claude-ai', missing });
    for (const missing of [['reply'], ['reply'], []])
      await fakeBrowser.runtime.onMessage.trigger(markers(missing), CLAUDE_TAB(), () => undefined);
    const stored = (await fakeBrowser.storage.local.get('signals')).signals as Record<string, unknown>;
    expect(stored.detections).toEqual([{ at: expect.any(String), site: 'claude-ai', kind: 'incomplete', shape }]);
    expect(stored.markers).toEqual({ at: expect.any(String), missing: [] });
    // ['reply'] once, then [] once: the repeat wrote nothing.
    expect(writes).toBe(2);
  });

  it('two dismissals at the same moment are both kept (one write queue)', async () => {
    // Two incidents, one on each site: the claude.ai tab and the Console tab each dismiss their own.
    const both = JSON.parse(fixture('claude-ai-partial.json')) as { incidents: unknown[]; components: unknown[] };
    const api = JSON.parse(fixture('api-outage.json')) as { incidents: unknown[]; components: unknown[] };
    both.incidents.push(...api.incidents);
    both.components = api.components;
    const summary = JSON.stringify(both);
    vi.stubGlobal(
      'fetch',
      fakeFetch({ primary: () => ({ status: 200, body: summary }), fallback: () => ({ status: 200, body: summary }) })
        .fn,
    );
    background.main();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'refresh' }, POPUP(), () => undefined);
    const PLATFORM_TAB = {
      ...CLAUDE_TAB(),
      url: 'https://platform.claude.com/workbench',
      tab: { id: 8 } as Browser.tabs.Tab,
    };
    await Promise.all([
      fakeBrowser.runtime.onMessage.trigger({ type: 'dismiss', site: 'claude-ai' }, CLAUDE_TAB(), () => undefined),
      fakeBrowser.runtime.onMessage.trigger({ type: 'dismiss', site: 'platform' }, PLATFORM_TAB, () => undefined),
    ]);
    const stored = (await fakeBrowser.storage.local.get('dismissals')).dismissals as {
      incidents: Record<string, unknown>;
    };
    expect(Object.keys(stored.incidents).sort()).toEqual(['esfmlsy6f8gw', 'j7zexb58b09g']);
  });

  it('after a successful poll, dismissals of resolved incidents are forgotten; a listed one is kept', async () => {
    const summary = fixture('claude-ai-partial.json');
    const listed = ((JSON.parse(summary) as { incidents: { id: string }[] }).incidents[0] as { id: string }).id;
    vi.stubGlobal('fetch', fakeFetch({ primary: () => json('claude-ai-partial'), fallback: () => json('healthy') }).fn);
    await fakeBrowser.storage.local.set({
      dismissals: { incidents: { [listed]: 'partial_outage', 'long-gone': 'major_outage' }, capacityDismissedAt: null },
      dismissals$: { v: 1 },
    });
    background.main();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'refresh' }, POPUP(), () => undefined);
    await vi.waitFor(async () => {
      const { dismissals } = await fakeBrowser.storage.local.get('dismissals');
      expect(Object.keys((dismissals as { incidents: object }).incidents)).toEqual([listed]);
    });
  });

  it("settings patches: applied from the extension's own pages, refused from a claude.ai tab", async () => {
    vi.stubGlobal('fetch', fakeFetch({ primary: () => json('healthy'), fallback: () => json('healthy') }).fn);
    background.main();
    const patch = { type: 'settings-patch', patch: { op: 'banner', site: 'claude-ai', on: false } };
    const fromTab = { tab: { id: 7 }, url: 'https://claude.ai/new' } as unknown as Parameters<
      typeof fakeBrowser.runtime.onMessage.trigger
    >[1];
    const [refused] = await fakeBrowser.runtime.onMessage.trigger(patch, fromTab, () => undefined);
    expect(await refused).toBeUndefined();
    expect((await fakeBrowser.storage.local.get('settings')).settings ?? null).toBeNull();
    const fromOptions = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
    const [applied] = await fakeBrowser.runtime.onMessage.trigger(patch, fromOptions, () => undefined);
    await applied;
    const { settings } = await fakeBrowser.storage.local.get('settings');
    expect((settings as { banner: object }).banner).toEqual({ 'claude-ai': false });
  });

  it('a page signal carrying page text is refused', async () => {
    vi.stubGlobal('fetch', fakeFetch({ primary: () => json('healthy'), fallback: () => json('healthy') }).fn);
    background.main();
    const answers = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'page-signal', site: 'claude-ai', kind: 'outage-screen', code: 'Please help me with my essay' },
      CLAUDE_TAB(),
      () => undefined,
    );
    expect(answers).toEqual([undefined]);
    expect((await fakeBrowser.storage.local.get('signals')).signals ?? null).toBeNull();
  });

  it('a poll with nothing new to announce writes nothing: no storage event for the open tabs', async () => {
    vi.stubGlobal('fetch', fakeFetch({ primary: () => json('claude-ai-partial'), fallback: () => json('healthy') }).fn);
    const writes: string[] = [];
    fakeBrowser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local') writes.push(...Object.keys(changes));
    });
    background.main();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'refresh' }, POPUP(), () => undefined);
    await vi.waitFor(() => expect(writes.filter((key) => key === 'notified')).toHaveLength(1));
    const statusWrites = writes.filter((key) => key === 'status').length;
    await fakeBrowser.runtime.onMessage.trigger({ type: 'refresh' }, POPUP(), () => undefined);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'refresh' }, POPUP(), () => undefined);
    // Two more successful polls (the status records each check) ...
    await vi.waitFor(() => expect(writes.filter((key) => key === 'status').length).toBeGreaterThan(statusWrites + 1));
    await new Promise((r) => setTimeout(r, 50));
    // ... and the record of what was announced, unchanged, is not written again.
    expect(writes.filter((key) => key === 'notified')).toHaveLength(1);
  });

  it('notifications: announced once per incident update, and a click opens the incident page', async () => {
    await notificationsOn();
    vi.stubGlobal('fetch', fakeFetch({ primary: () => json('claude-ai-partial'), fallback: () => json('healthy') }).fn);
    await freshBackground();
    const created = () => Object.keys(fakeBrowser.notifications.getAllCreateOptions());
    await fakeBrowser.runtime.onMessage.trigger({ type: 'refresh' }, POPUP(), () => undefined);
    await vi.waitFor(() => expect(created()).toHaveLength(1));
    const [id] = created();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'refresh' }, POPUP(), () => undefined);
    await new Promise((r) => setTimeout(r, 50));
    expect(created()).toEqual([id]);
    const openTab = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(id ?? '');
    await vi.waitFor(() =>
      expect(openTab).toHaveBeenCalledWith({ url: expect.stringMatching(/^https:\/\/stspg\.io\//) }),
    );
  });

  it('notifications: "resolved" is announced as soon as incidents.json says so, while summary.json still lists it', async () => {
    await notificationsOn();
    const summary = fixture('claude-ai-partial.json');
    const incident = (JSON.parse(summary) as { incidents: { id: string }[] }).incidents[0] as { id: string };
    let incidentsJson = JSON.stringify({ incidents: [incident] });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.endsWith('/incidents.json')
          ? new Response(incidentsJson, { status: 200 })
          : new Response(summary, { status: 200 }),
      ),
    );
    await freshBackground();
    const kinds = () => Object.keys(fakeBrowser.notifications.getAllCreateOptions()).map((id) => id.split(':').at(-1));
    await fakeBrowser.runtime.onMessage.trigger({ type: 'refresh' }, POPUP(), () => undefined);
    await vi.waitFor(() => expect(kinds()).toEqual(['started']));
    // incidents.json now says resolved; summary.json is late and still lists it. The next check is due.
    incidentsJson = JSON.stringify({
      incidents: [{ ...incident, status: 'resolved', resolved_at: new Date().toISOString() }],
    });
    const { resolutions } = await fakeBrowser.storage.local.get('resolutions');
    await fakeBrowser.storage.local.set({ resolutions: { ...(resolutions as object), checkedAt: null } });
    await fakeBrowser.runtime.onMessage.trigger({ type: 'refresh' }, POPUP(), () => undefined);
    await vi.waitFor(() => expect(kinds()).toEqual(['started', 'resolved']));
  });

  it('a 304 for a snapshot that was lost meanwhile leads to a full fetch, never to an empty status', async () => {
    let clearDuringNextCheck = false;
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        const conditional = (init.headers as Record<string, string>)['if-none-match'] !== undefined;
        // The incidents.json check after a poll (resolution-check.ts) is not what this test is about.
        if (!url.endsWith('/summary.json')) return new Response('{"incidents":[]}', { status: 200 });
        calls.push(conditional ? 'conditional' : 'full');
        if (conditional && clearDuringNextCheck) {
          clearDuringNextCheck = false;
          // Storage cleared while the request was out (as a reset or a garbage recovery would).
          await fakeBrowser.storage.local.clear();
          return new Response(null, { status: 304 });
        }
        return new Response(fixture('claude-ai-partial.json'), { status: 200, headers: { etag: '"v1"' } });
      }),
    );
    background.main();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'refresh' }, POPUP(), () => undefined);
    await vi.waitFor(async () => expect((await stored())?.snapshot?.severity).toBe('partial_outage'));
    clearDuringNextCheck = true;
    await fakeBrowser.runtime.onMessage.trigger({ type: 'refresh' }, POPUP(), () => undefined);
    await vi.waitFor(() => expect(calls).toEqual(['full', 'conditional', 'full']));
    await vi.waitFor(async () => expect((await stored())?.snapshot?.severity).toBe('partial_outage'));
  });
});
