// @vitest-environment node
/**
 * Named hostile inputs (issue #7): what a challenged, broken, oversized or malicious status page
 * can send, through the parser, the status model and the fetch of one origin. Each case says what
 * must come out: a typed error, or a snapshot whose text is plain, bounded and safe to show.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { buildSnapshot } from '../../core/status-page/snapshot';
import { safeStatusLink } from '../../core/status-page/sources';
import {
  EMPTY_STATUS,
  type Snapshot,
  type StatusState,
  snapshotSchema,
  statusStateSchema,
} from '../../core/status-page/status-model';
import {
  MAX_BODY_BYTES,
  MAX_ID,
  MAX_ROWS,
  type ParseErrorKind,
  parseSummaryText,
} from '../../core/status-page/statuspage';
import { cleanText, MAX_BODY, MAX_NAME, plainBody, RAW_PER_SHOWN } from '../../core/status-page/text';
import { FETCH_TIMEOUT_MS, type FetchFn, fetchSummary } from '../../entrypoints/background/polling/fetch-summary';
import { createPoller } from '../../entrypoints/background/polling/poller';
import { parseStored } from '../../shell/stored-item';
import { fixtureJson, fixtureText, loadSnapshot } from './fixtures';

const NOW = Date.UTC(2026, 10, 20, 14, 0, 0);

function errorKind(text: string): ParseErrorKind | 'ok' {
  const result = parseSummaryText(text);
  return result.ok ? 'ok' : result.kind;
}

function snapshotOf(text: string): Snapshot {
  const result = parseSummaryText(text);
  if (!result.ok) throw new Error(`${result.kind}: ${result.message}`);
  const snapshot = buildSnapshot(result.value);
  expect(z.safeParse(snapshotSchema, snapshot).success).toBe(true);
  return snapshot;
}

/** The healthy page as JSON text, with `edit` applied. */
function healthyWith(edit: (json: Record<string, unknown>) => void): string {
  const json = structuredClone(fixtureJson('healthy')) as Record<string, unknown>;
  edit(json);
  return JSON.stringify(json);
}

const minimal = (extra = '') => `{"page":{},"components":[]${extra}}`;

describe('hostile bodies: the parser answers with a typed error', () => {
  const challenge = fixtureText('challenge.html');
  const healthy = fixtureText('healthy.json');

  it.each<[string, string, ParseErrorKind | 'ok']>([
    ['the CDN challenge page', challenge, 'not-json'],
    ['the challenge page after whitespace', `\r\n  ${challenge}`, 'not-json'],
    ['truncated JSON (the first half of a fixture)', healthy.slice(0, Math.floor(healthy.length / 2)), 'not-json'],
    ['truncated JSON (all but the last brace)', healthy.trimEnd().slice(0, -1), 'not-json'],
    ['an empty body', '', 'not-json'],
    ['a bare null', 'null', 'not-json'],
    ['a bare number', '42', 'not-json'],
    ['a JSON string', '"summary"', 'not-json'],
    ['an array', '[]', 'invalid'],
    ['an object without components', '{"page":{}}', 'invalid'],
    ['components of the wrong type', '{"page":{},"components":{"0":{}}}', 'invalid'],
    ['a body over MAX_BODY_BYTES', `{"page":{},"components":[],"x":"${'x'.repeat(MAX_BODY_BYTES)}"}`, 'too-large'],
    ['100,000 nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'invalid'],
    ['100,000 nested objects, never closed', `{"page":{},"components":[],"x":${'{"a":'.repeat(100_000)}`, 'invalid'],
    ['nesting one level past the limit', minimal(`,"x":${'['.repeat(64)}${']'.repeat(64)}`), 'invalid'],
    ['nesting at the limit', minimal(`,"x":${'['.repeat(63)}${']'.repeat(63)}`), 'ok'],
    ['brackets inside strings are not nesting', minimal(`,"x":"${'[{'.repeat(10_000)}\\"${'['.repeat(100)}"`), 'ok'],
  ])('%s -> %s', (_name, text, kind) => {
    expect(errorKind(text)).toBe(kind);
  });

  it('says why: HTML, size and nesting have their own messages', () => {
    const html = parseSummaryText(challenge);
    expect(!html.ok && html.message).toMatch(/HTML instead of JSON/);
    const big = parseSummaryText(`{"x":"${'x'.repeat(MAX_BODY_BYTES)}"}`);
    expect(!big.ok && big.message).toMatch(new RegExp(`over ${MAX_BODY_BYTES} bytes`));
    const deep = parseSummaryText('['.repeat(1000));
    expect(!deep.ok && deep.message).toMatch(/nested deeper than 64/);
  });

  it('"__proto__" keys pollute nothing', () => {
    const text = healthyWith((json) => {
      json.page = JSON.parse('{"__proto__":{"polluted":true},"name":"Claude"}');
      (json.components as unknown[]).push(JSON.parse('{"__proto__":{"polluted":true},"id":"p","name":"x"}'));
    }).replace('"status":{', '"__proto__":{"polluted":true},"status":{');
    const snapshot = snapshotOf(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(snapshot)).toBe(Object.prototype);
    expect(snapshot.services.map((s) => s.id)).toContain('p');
  });
});

describe('hostile fixture: text stays text, links and dates are checked', () => {
  const snapshot = loadSnapshot('hostile');
  const [first, second] = snapshot.incidents;
  const everything = JSON.stringify(snapshot);

  it('builds a valid snapshot', () => {
    expect(z.safeParse(snapshotSchema, snapshot).success).toBe(true);
  });

  it('<script> and <img onerror> in incident and component names are kept as literal text (rendered as text nodes)', () => {
    expect(first?.name).toBe('<script>window.__pwned=1</script>Elevated errors on claude.ai');
    expect(snapshot.services.find((s) => s.id === 'h0st1l3c0mp0')?.name).toBe(
      '<img src=x onerror="window.__pwned=1">Claude Labs',
    );
  });

  it('update bodies lose their tags: no <img>, <script> or <a href="javascript:"> left', () => {
    const bodies = snapshot.incidents.flatMap((i) => i.updates.map((u) => u.body));
    expect(bodies).toContain('We are currently investigating this issue. window.__pwned=1');
    for (const body of bodies) {
      expect(body).not.toMatch(/<\s*(img|script|a)\b/i);
      expect(body).not.toMatch(/javascript:/i);
    }
  });

  it('bidi overrides and isolates are removed from every text', () => {
    expect(everything).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(first?.updates[0]?.body).toBe('We are continuing to investigate this issue. ia.edualc no srorre');
  });

  it('a 10,000-character title is cut to MAX_NAME with an ellipsis', () => {
    const long = snapshot.incidents.find((i) => i.id === '5m9pvswys9lh');
    expect(long?.name.length).toBeLessThanOrEqual(MAX_NAME);
    expect(long?.name.length).toBeGreaterThan(MAX_NAME - 5);
    expect(long?.name.endsWith('…')).toBe(true);
  });

  it('a title of 10,000 emoji is cut without splitting one in half', () => {
    const emoji = snapshotOf(
      healthyWith((json) => {
        json.incidents = [{ id: 'e', name: '💥'.repeat(10_000), status: 'investigating', impact: 'minor' }];
      }),
    );
    const name = emoji.incidents[0]?.name ?? '';
    expect(name.length).toBeLessThanOrEqual(MAX_NAME);
    expect(name.isWellFormed()).toBe(true);
    expect(name.endsWith('💥…')).toBe(true);
  });

  it('javascript: and data: short links are dropped; the https stspg.io one is kept', () => {
    expect(first?.url).toBeNull();
    expect(snapshot.incidents.find((i) => i.id === '5m9pvswys9lh')?.url).toBe('https://stspg.io/whes8ek5v98a');
    for (const url of snapshot.incidents.map((i) => i.url)) if (url) expect(url).toMatch(/^https:\/\//);
  });

  it('invalid dates become null, future dates are kept as dates', () => {
    const long = snapshot.incidents.find((i) => i.id === '5m9pvswys9lh');
    expect(long?.startedAt).toBeNull();
    expect(long?.updatedAt).toBe('2099-12-31T23:59:59.000Z');
    // display_at "not-a-date": created_at stands in.
    expect(long?.updates[0]?.at).toBe('2099-01-01T00:00:00.000Z');
  });

  it('duplicate incident ids: the first wins, the second is dropped', () => {
    const ids = snapshot.incidents.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id === 'a5j9pn95khkp')).toHaveLength(1);
    expect(second?.id).not.toBe(first?.id);
  });

  it('duplicate component and update ids: one service, one update', () => {
    const dup = snapshotOf(
      healthyWith((json) => {
        const components = json.components as Record<string, unknown>[];
        components.push({ ...components[0], name: 'claude.ai again', status: 'major_outage' });
        const update = { id: 'u1', status: 'investigating', body: 'same', created_at: '2026-11-20T13:00:00Z' };
        json.incidents = [{ id: 'i', name: 'x', status: 'investigating', incident_updates: [update, update] }];
      }),
    );
    expect(dup.services.filter((s) => s.id === 'rwppv331jlwc')).toHaveLength(1);
    expect(dup.services[0]?.name).toBe('claude.ai');
    expect(dup.incidents[0]?.updates).toHaveLength(1);
  });

  it('a component pointing at a missing group is shown ungrouped', () => {
    expect(snapshot.services.find((s) => s.id === 'h0st1l3c0mp0')?.groupId).toBeNull();
    expect(snapshot.groups).toEqual([]);
    // An empty group id is no group either.
    const empty = snapshotOf(
      healthyWith((json) => {
        (json.components as Record<string, unknown>[])[0] = {
          ...(json.components as Record<string, unknown>[])[0],
          group_id: '',
        };
      }),
    );
    expect(empty.services[0]?.groupId).toBeNull();
  });

  it('an empty name falls back to the id, cleaned too; an id longer than any real one drops its row', () => {
    const named = snapshotOf(
      healthyWith((json) => {
        const components = json.components as unknown[];
        components.push({ id: `\u202e${'y'.repeat(MAX_ID - 1)}`, name: '', status: 'operational' });
        components.push({ id: 'z'.repeat(MAX_ID + 1), name: 'Too long an id', status: 'major_outage' });
      }),
    );
    const last = named.services[named.services.length - 1];
    expect(last?.name).toBe('y'.repeat(MAX_ID - 1));
    expect(named.services.map((s) => s.name)).not.toContain('Too long an id');
    expect(named.severity).toBe('operational');
  });

  it('a 1.9 MB page of 2000 components and 60,000 distinct affected names builds in well under a second, titles still matched', () => {
    const components = Array.from({ length: 2000 }, (_, i) => ({
      id: `c${i}`,
      name: `Service ${i}`,
      status: 'operational',
    }));
    const incidents: unknown[] = [];
    let size = JSON.stringify(components).length;
    for (let n = 0, k = 0; size < MAX_BODY_BYTES - 200_000; n++) {
      const updates = Array.from({ length: 50 }, (_, u) => ({
        id: `u${u}`,
        body: 'b',
        affected_components: Array.from({ length: 20 }, () => ({ code: 'zz', name: `x${k++}` })),
      }));
      const incident = {
        id: `i${n}`,
        name: 'Service 1 '.repeat(2_000),
        status: 'investigating',
        incident_updates: updates,
      };
      size += JSON.stringify(incident).length;
      incidents.push(incident);
    }
    const text = JSON.stringify({ page: {}, components, incidents, scheduled_maintenances: [] });
    expect(text.length).toBeLessThan(MAX_BODY_BYTES);
    const parsed = parseSummaryText(text);
    if (!parsed.ok) throw new Error(parsed.message);
    const started = performance.now();
    const built = buildSnapshot(parsed.value);
    // Before the lookups were bounded this took about 100 s; the bound is generous for slow CI.
    expect(performance.now() - started).toBeLessThan(5_000);
    // Only the first MAX_ROWS.components rows are read.
    expect(built.services).toHaveLength(MAX_ROWS.components);
    expect(built.incidents.length).toBeLessThanOrEqual(50);
    expect(built.incidents[0]?.serviceIds).toContain('c1');
  });
});

describe('text cleaning: what a reader cannot see is removed (issue #28)', () => {
  it.each<[string, string]>([
    ['U+061C arabic letter mark', '\u061c'],
    ['U+200B zero width space', '\u200b'],
    ['U+200C zero width non-joiner', '\u200c'],
    ['U+200D zero width joiner', '\u200d'],
    ['U+2060 word joiner', '\u2060'],
    ['U+FEFF byte order mark', '\ufeff'],
    ['U+E0041 tag letter A', '\u{e0041}'],
    ['U+E007F cancel tag', '\u{e007f}'],
    ['U+00AD soft hyphen', '\u00ad'],
    ['U+3164 Hangul filler', '\u3164'],
    ['U+180E Mongolian vowel separator', '\u180e'],
    ['U+034F combining grapheme joiner', '\u034f'],
  ])('%s', (_name, ch) => {
    expect(cleanText(`claude${ch}.ai${ch}`, MAX_NAME)).toBe('claude.ai');
    expect(plainBody(`<p>Elevated${ch} errors</p>`, MAX_BODY)).toBe('Elevated errors');
  });

  it('U+2028 and U+2029 are line breaks, as a reader sees them', () => {
    expect(cleanText('one\u2028two\u2029three', MAX_NAME)).toBe('one\ntwo\nthree');
  });

  it('only the first characters of a long text are read: 4 for each one shown', () => {
    expect(RAW_PER_SHOWN).toBe(4);
    // 1,200 invisible characters, then words: nothing of the words is within what is read.
    expect(cleanText(`${'\u200b'.repeat(MAX_NAME * RAW_PER_SHOWN)}hidden`, MAX_NAME)).toBe('');
    expect(cleanText(`${'\u200b'.repeat(MAX_NAME * RAW_PER_SHOWN - 4)}seen`, MAX_NAME)).toBe('seen');
  });

  it('a body of 1.9 MB of "<" is cut before any pattern reads it, and shown as text', () => {
    const body = plainBody('<'.repeat(1_900_000), MAX_BODY);
    expect(body.length).toBeLessThanOrEqual(MAX_BODY);
    expect(body.endsWith('<…')).toBe(true);
  });

  it('a cut that leaves a tag open drops the open tag; a whole "<" in text is kept', () => {
    expect(plainBody(`${'a'.repeat(MAX_BODY * RAW_PER_SHOWN - 4)}<img src=x onerror=1>`, 10)).toBe('aaaaaaaaa…');
    expect(plainBody(`done <b>${'x'.repeat(MAX_BODY * RAW_PER_SHOWN)}`, 10)).toBe('done xxxx…');
    expect(plainBody('latency < 5 s', MAX_BODY)).toBe('latency < 5 s');
  });
});

describe('links: only https to the status origins and stspg.io', () => {
  it.each<[string, string | null]>([
    ['https://stspg.io/abc123', 'https://stspg.io/abc123'],
    ['https://status.claude.com/incidents/x', 'https://status.claude.com/incidents/x'],
    ['HTTPS://STSPG.IO/abc', 'https://stspg.io/abc'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    [' javascript:alert(1)', null],
    ['data:text/html,<b>x</b>', null],
    ['http://stspg.io/abc', null],
    ['https://user:pw@stspg.io/abc', null],
    ['https://stspg.io.evil.example/abc', null],
    ['https://evil.example/?https://stspg.io/', null],
    ['https://stspg.io:8443/abc', null],
    ['//stspg.io/abc', null],
    ['/incidents/x', null],
    ['', null],
    [`https://stspg.io/${'a'.repeat(3000)}`, null],
  ])('%j -> %j', (raw, expected) => {
    expect(safeStatusLink(raw)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// fetchSummary with a fake fetch: every failure is a typed outcome, reading is capped.

function respond(body: BodyInit | null, init: ResponseInit = {}): FetchFn {
  return async () => new Response(body, init);
}

describe('fetchSummary: hostile answers from one origin', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('the challenge page with 200: not-json, not data', async () => {
    const outcome = await fetchSummary(
      'primary',
      null,
      respond(fixtureText('challenge.html'), { status: 200, headers: { 'content-type': 'text/html' } }),
      NOW,
    );
    expect(outcome).toMatchObject({ kind: 'failure', errorKind: 'not-json' });
  });

  it('the challenge page with 405: an HTTP failure naming the HTML page', async () => {
    const outcome = await fetchSummary(
      'primary',
      null,
      respond(fixtureText('challenge.html'), { status: 405, headers: { 'content-type': 'text/html' } }),
      NOW,
    );
    expect(outcome).toMatchObject({ kind: 'failure', errorKind: 'http', message: 'HTTP 405 with an HTML page' });
  });

  it('truncated JSON: not-json', async () => {
    const text = fixtureText('healthy.json');
    const outcome = await fetchSummary('primary', null, respond(text.slice(0, text.length / 2)), NOW);
    expect(outcome).toMatchObject({ kind: 'failure', errorKind: 'not-json' });
  });

  it('429 with Retry-After: rate-limited, the wait passed on', async () => {
    const outcome = await fetchSummary(
      'primary',
      null,
      respond('', { status: 429, headers: { 'retry-after': '120' } }),
      NOW,
    );
    expect(outcome).toMatchObject({ kind: 'failure', errorKind: 'rate-limited', retryAfterMs: 120_000 });
  });

  it('503 with an HTTP-date Retry-After', async () => {
    const at = new Date(NOW + 300_000).toUTCString();
    const outcome = await fetchSummary(
      'primary',
      null,
      respond('', { status: 503, headers: { 'retry-after': at } }),
      NOW,
    );
    expect(outcome).toMatchObject({ kind: 'failure', errorKind: 'http', retryAfterMs: 300_000 });
  });

  it('500: an HTTP failure', async () => {
    const outcome = await fetchSummary('primary', null, respond('<h1>500</h1>', { status: 500 }), NOW);
    expect(outcome).toMatchObject({ kind: 'failure', errorKind: 'http' });
  });

  it('a reset connection (fetch rejects) and a fetch that throws synchronously: network', async () => {
    const rejects: FetchFn = async () => {
      throw new TypeError('Failed to fetch');
    };
    const throws: FetchFn = () => {
      throw new TypeError('boom');
    };
    expect(await fetchSummary('primary', null, rejects, NOW)).toMatchObject({ errorKind: 'network' });
    expect(await fetchSummary('primary', null, throws, NOW)).toMatchObject({ errorKind: 'network' });
  });

  it('no answer: timeout after the given time, the request aborted', async () => {
    let signal: AbortSignal | undefined;
    const hangs: FetchFn = (_url, init) =>
      new Promise((_resolve, reject) => {
        signal = init.signal ?? undefined;
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const started = Date.now();
    const outcome = await fetchSummary('primary', null, hangs, NOW, { timeoutMs: 50 });
    expect(outcome).toMatchObject({ kind: 'failure', errorKind: 'timeout' });
    expect(signal?.aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(FETCH_TIMEOUT_MS).toBe(10_000);
  });

  it('a body that would never end: reading stops just past MAX_BODY_BYTES and the stream is cancelled', async () => {
    const CHUNK = 64 * 1024;
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled += CHUNK;
          controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
        },
        cancel() {
          cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    const outcome = await fetchSummary('primary', null, respond(endless, { status: 200 }), NOW);
    expect(outcome).toMatchObject({ kind: 'failure', errorKind: 'too-large' });
    expect(pulled).toBeGreaterThan(MAX_BODY_BYTES);
    expect(pulled).toBeLessThanOrEqual(MAX_BODY_BYTES + 2 * CHUNK);
    expect(cancelled).toBe(true);
  });

  it('a declared Content-Length over the cap is refused before reading a byte', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(16));
      },
    });
    const response = new Response(body, { status: 200 });
    response.headers.set('content-length', String(MAX_BODY_BYTES + 1));
    const outcome = await fetchSummary('primary', null, async () => response, NOW);
    expect(outcome).toMatchObject({ kind: 'failure', errorKind: 'too-large' });
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('headers, then a body that stalls: the timeout covers reading the body too', async () => {
    // As in browsers, aborting the request errors a body still being read (Fetch standard, "abort fetch").
    const stalling: FetchFn = async (_url, init) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"page":'));
          init.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body, { status: 200 });
    };
    const outcome = await Promise.race([
      fetchSummary('primary', null, stalling, NOW, { timeoutMs: 50 }),
      new Promise((resolve) => setTimeout(() => resolve('still reading after 2 s'), 2_000)),
    ]);
    expect(outcome).toMatchObject({ kind: 'failure', errorKind: 'timeout' });
  });

  it('asks only the status origin, without cookies or the HTTP cache', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const spy: FetchFn = async (url, init) => {
      calls.push({ url, init });
      return new Response(fixtureText('healthy.json'), { status: 200 });
    };
    await fetchSummary('primary', null, spy, NOW);
    await fetchSummary('fallback', { source: 'primary', etag: '"v1"', lastModified: null }, spy, NOW);
    expect(calls.map((c) => c.url)).toEqual([
      'https://status.claude.com/api/v2/summary.json',
      'https://anthropic.statuspage.io/api/v2/summary.json',
    ]);
    for (const { init } of calls) {
      expect(init).toMatchObject({ credentials: 'omit', cache: 'no-store' });
      // Validators belong to the origin that gave them.
      expect(JSON.stringify(init.headers)).not.toContain('if-none-match');
    }
  });
});

describe('poller: one origin down, both down', () => {
  function harness(answers: Record<'primary' | 'fallback', FetchFn>, initial: StatusState = EMPTY_STATUS) {
    let state = initial;
    const fetch: FetchFn = (url, init) =>
      url.startsWith('https://status.claude.com') ? answers.primary(url, init) : answers.fallback(url, init);
    const poller = createPoller({
      fetch,
      now: () => NOW,
      random: () => 0.5,
      read: async () => state,
      write: async (next) => {
        state = next;
      },
      timeoutMs: 50,
    });
    return { poller, state: () => state };
  }
  const healthy = respond(fixtureText('healthy.json'));
  const challenged = respond(fixtureText('challenge.html'), { status: 405 });
  const reset: FetchFn = async () => {
    throw new TypeError('Failed to fetch');
  };

  it('primary challenged: the fallback gives the data', async () => {
    const h = harness({ primary: challenged, fallback: healthy });
    await h.poller.run('user');
    expect(h.state().health).toMatchObject({ source: 'fallback', consecutiveFailures: 0, failingSince: null });
    expect(h.state().snapshot?.services).toHaveLength(6);
  });

  it('both down: the last good snapshot is kept, the failure recorded, and the state stays valid', async () => {
    const h = harness({ primary: healthy, fallback: healthy });
    await h.poller.run('user');
    const good = h.state().snapshot;
    const down = harness({ primary: challenged, fallback: reset }, h.state());
    await down.poller.run('user');
    expect(down.state().snapshot).toEqual(good);
    expect(down.state().health).toMatchObject({ consecutiveFailures: 1, lastErrorKind: 'http' });
    expect(down.state().health.lastError).toMatch(
      /status\.claude\.com: HTTP 405.*anthropic\.statuspage\.io: Failed to fetch/,
    );
    expect(z.safeParse(statusStateSchema, down.state()).success).toBe(true);
  });
});

describe('stored state: garbage is replaced by a clean state with a logged reason', () => {
  it.each<[string, unknown]>([
    ['a string', 'garbage'],
    ['a number', 42],
    ['a snapshot of the wrong type', { snapshot: 42 }],
    ['health missing', { snapshot: null }],
    ['an array', []],
    [
      'a snapshot with a bad severity',
      { snapshot: { ...loadSnapshot('healthy'), severity: 'fine' }, health: EMPTY_STATUS.health },
    ],
  ])('%s', (_name, raw) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(parseStored('local:status', statusStateSchema, raw, EMPTY_STATUS)).toBe(EMPTY_STATUS);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/stored "local:status" is invalid, using a clean state/);
    } finally {
      warn.mockRestore();
    }
  });

  it('nothing stored yet: the clean state, silently', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(parseStored('local:status', statusStateSchema, undefined, EMPTY_STATUS)).toBe(EMPTY_STATUS);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
