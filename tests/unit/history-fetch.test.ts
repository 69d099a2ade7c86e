// @vitest-environment node
/**
 * The background's incidents.json fetcher (entrypoints/background/polling/history.ts) and the host
 * permission check around status fetches (permissions.ts), with fake fetches.
 */
import { describe, expect, it, vi } from 'vitest';
import { EMPTY_HISTORY, HISTORY_MIN_GAP_MS, type History } from '../../core/status-page/history';
import { fetchStatusText, fetchSummary } from '../../entrypoints/background/polling/fetch-summary';
import { createHistoryFetcher } from '../../entrypoints/background/polling/history';
import { withPermissionCheck } from '../../entrypoints/background/polling/permissions';
import { loadFixture } from '../replay/server';
import { loadSnapshot } from './fixtures';

type Answer = { status: number; body: string; type?: string; retryAfter?: string } | 'network-error' | 'hang';

function fakeFetch(answer: (url: string) => Answer) {
  const urls: string[] = [];
  const fn = vi.fn(async (url: string, init: RequestInit) => {
    urls.push(url);
    const a = answer(url);
    if (a === 'network-error') throw new TypeError('Failed to fetch');
    if (a === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    const headers: Record<string, string> = { 'content-type': a.type ?? 'application/json' };
    if (a.retryAfter !== undefined) headers['retry-after'] = a.retryAfter;
    return new Response(a.body, { status: a.status, headers });
  });
  return { fn, urls };
}

const INCIDENTS = (now: number): Answer => ({ status: 200, body: loadFixture('incidents', now) });
const CHALLENGE: Answer = { status: 405, body: '<!doctype html><title>Just a moment...</title>', type: 'text/html' };

function setup(answer: (url: string) => Answer, start: History = EMPTY_HISTORY, statusWait: string | null = null) {
  let now = Date.parse('2026-11-20T14:00:40.833Z');
  let stored = start;
  const fetch = fakeFetch(answer);
  const fetcher = createHistoryFetcher({
    fetch: fetch.fn,
    now: () => now,
    read: async () => stored,
    write: async (h) => {
      stored = h;
    },
    services: async () => loadSnapshot('healthy').services,
    statusWait: async () => statusWait,
    timeoutMs: 50,
  });
  return {
    fetcher,
    fetch,
    stored: () => stored,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
  };
}

describe('history fetcher', () => {
  it('fetches incidents.json from the primary and stores the pruned history', async () => {
    const s = setup(() => INCIDENTS(Date.parse('2026-11-20T14:00:40.833Z')));
    await s.fetcher.refresh();
    expect(s.fetch.urls).toEqual(['https://status.claude.com/api/v2/incidents.json']);
    expect(s.stored().source).toBe('primary');
    expect(s.stored().incidents).toHaveLength(8);
    expect(s.stored().fetchedAt).toBe(new Date(s.now()).toISOString());
  });

  it('falls back to anthropic.statuspage.io when the primary answers with a challenge page', async () => {
    const s = setup((url) =>
      url.startsWith('https://status.claude.com') ? CHALLENGE : INCIDENTS(Date.parse('2026-11-20T14:00:40.833Z')),
    );
    await s.fetcher.refresh();
    expect(s.fetch.urls).toEqual([
      'https://status.claude.com/api/v2/incidents.json',
      'https://anthropic.statuspage.io/api/v2/incidents.json',
    ]);
    expect(s.stored().source).toBe('fallback');
  });

  it('asks again only after 10 minutes, unless forced', async () => {
    const s = setup(() => INCIDENTS(Date.parse('2026-11-20T14:00:40.833Z')));
    await s.fetcher.refresh();
    s.advance(HISTORY_MIN_GAP_MS - 1000);
    await s.fetcher.refresh();
    expect(s.fetch.urls).toHaveLength(1);
    await s.fetcher.refresh(true);
    expect(s.fetch.urls).toHaveLength(2);
    s.advance(HISTORY_MIN_GAP_MS);
    await s.fetcher.refresh();
    expect(s.fetch.urls).toHaveLength(3);
  });

  it('a 429 from the primary: its mirror is not asked, and the Retry-After is waited, even by a forced refresh (issue #28)', async () => {
    const s = setup(() => ({ status: 429, body: '', retryAfter: '120' }));
    await s.fetcher.refresh(true);
    expect(s.fetch.urls).toEqual(['https://status.claude.com/api/v2/incidents.json']);
    expect(s.stored()).toMatchObject({
      lastErrorKind: 'rate-limited',
      retryAfterUntil: new Date(s.now() + 120_000).toISOString(),
    });
    s.advance(119_000);
    await s.fetcher.refresh(true);
    expect(s.fetch.urls).toHaveLength(1);
    s.advance(1_000);
    await s.fetcher.refresh(true);
    expect(s.fetch.urls).toHaveLength(2);
  });

  it('a 429 without Retry-After waits the usual 10 minutes; a 503 with one tries the mirror, then waits', async () => {
    const bare = setup(() => ({ status: 429, body: '' }));
    await bare.fetcher.refresh(true);
    expect(bare.stored().retryAfterUntil).toBe(new Date(bare.now() + HISTORY_MIN_GAP_MS).toISOString());
    const busy = setup(() => ({ status: 503, body: '', retryAfter: '300' }));
    await busy.fetcher.refresh(true);
    expect(busy.fetch.urls).toHaveLength(2);
    expect(busy.stored().retryAfterUntil).toBe(new Date(busy.now() + 300_000).toISOString());
  });

  it("while summary.json's Retry-After runs, incidents.json is not asked either", async () => {
    const until = new Date(Date.parse('2026-11-20T14:00:40.833Z') + 60_000).toISOString();
    const s = setup(() => INCIDENTS(Date.parse('2026-11-20T14:00:40.833Z')), EMPTY_HISTORY, until);
    await s.fetcher.refresh(true);
    expect(s.fetch.urls).toEqual([]);
  });

  it('joins a fetch already running', async () => {
    const s = setup(() => INCIDENTS(Date.parse('2026-11-20T14:00:40.833Z')));
    await Promise.all([s.fetcher.refresh(true), s.fetcher.refresh(true), s.fetcher.refresh()]);
    expect(s.fetch.urls).toHaveLength(1);
  });

  it.each<[string, Answer, string]>([
    ['both origins time out', 'hang', 'timeout'],
    ['both answer HTML', CHALLENGE, 'http'],
    ['not an incidents list', { status: 200, body: '{"page":{}}' }, 'invalid'],
    ['truncated JSON', { status: 200, body: '{"incidents":[' }, 'not-json'],
    ['network down', 'network-error', 'network'],
  ])('%s: keeps the last history and records %s', async (_name, answer, kind) => {
    const good = setup(() => INCIDENTS(Date.parse('2026-11-20T14:00:40.833Z')));
    await good.fetcher.refresh();
    const s = setup(() => answer, good.stored());
    s.advance(HISTORY_MIN_GAP_MS);
    await s.fetcher.refresh();
    expect(s.fetch.urls).toHaveLength(2);
    expect(s.stored().lastErrorKind).toBe(kind);
    expect(s.stored().incidents).toEqual(good.stored().incidents);
    expect(s.stored().lastAttemptAt).toBe(new Date(s.now()).toISOString());
  });
});

describe('host permissions', () => {
  const failing = fakeFetch(() => 'network-error').fn;

  it.each<[string, () => Promise<boolean>, string]>([
    ['withheld', async () => false, 'permission'],
    ['granted', async () => true, 'network'],
    ['unknown (no permissions API)', async () => Promise.reject(new Error('Not implemented')), 'network'],
  ])('a failed fetch with access %s is recorded as %s', async (_name, contains, kind) => {
    const asked: string[][] = [];
    const fetchFn = withPermissionCheck(failing, async (origins) => {
      asked.push(origins);
      return contains();
    });
    const answer = await fetchStatusText('primary', '/api/v2/summary.json', {}, fetchFn, Date.now(), 1000);
    expect(answer).toMatchObject({ kind: 'failure', errorKind: kind });
    expect(asked).toEqual([['https://status.claude.com/*']]);
  });

  it('a timeout stays a timeout, and a working fetch never asks', async () => {
    const contains = vi.fn(async () => false);
    const hung = withPermissionCheck(fakeFetch(() => 'hang').fn, contains);
    expect(await fetchStatusText('fallback', '/x', {}, hung, Date.now(), 20)).toMatchObject({ errorKind: 'timeout' });
    const ok = withPermissionCheck(fakeFetch(() => ({ status: 200, body: loadFixture('healthy') })).fn, contains);
    expect(await fetchSummary('primary', null, ok, Date.now())).toMatchObject({ kind: 'success' });
    expect(contains).not.toHaveBeenCalled();
  });
});
