// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SCENARIOS, SUMMARY_FIXTURES } from '../replay/scenarios';
import { loadFixture, type ReplayServer, startConnectProxy, startReplayServer } from '../replay/server';

const FIXTURES = fileURLToPath(new URL('../fixtures/statuspage/', import.meta.url));

const REAL_COMPONENTS = [
  ['rwppv331jlwc', 'claude.ai', 1],
  ['0qbwn08sd68x', 'Claude Console (platform.claude.com)', 2],
  ['k8w3r06qmzrp', 'Claude API (api.anthropic.com)', 3],
  ['yyzkbfz2thpt', 'Claude Code', 4],
  ['bpp5gb3hpjcl', 'Claude Cowork', 5],
  ['0scnb50nvy53', 'Claude for Government', 6],
] as const;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request to the replay server as if to `host`, on a fresh connection. */
function get(port: number, host: string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port,
        path,
        servername: host,
        headers: { host, ...headers },
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A raw HTTP/1.1 exchange over TLS: every byte the server wrote, as the client received it. */
function rawExchange(port: number, host: string, path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, servername: host, rejectUnauthorized: false }, () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
  });
}

const json = (reply: Reply) => JSON.parse(reply.body);
const minutes = (a: string, b: string) => (Date.parse(a) - Date.parse(b)) / 60_000;

describe('statuspage fixtures', () => {
  const expected: Record<string, { indicator: string; incidents: number; maintenances: number }> = {
    healthy: { indicator: 'none', incidents: 0, maintenances: 0 },
    'claude-ai-partial': { indicator: 'minor', incidents: 1, maintenances: 0 },
    'major-outage': { indicator: 'major', incidents: 1, maintenances: 0 },
    'many-models': { indicator: 'minor', incidents: 1, maintenances: 0 },
    'cowork-only': { indicator: 'minor', incidents: 1, maintenances: 0 },
    'api-outage': { indicator: 'major', incidents: 1, maintenances: 0 },
    maintenance: { indicator: 'maintenance', incidents: 0, maintenances: 2 },
    'unknown-enums': { indicator: 'unknown_value', incidents: 1, maintenances: 0 },
    'added-component': { indicator: 'none', incidents: 0, maintenances: 0 },
    hostile: { indicator: 'major', incidents: 3, maintenances: 0 },
  };

  it('lists every summary fixture on disk', () => {
    const onDisk = readdirSync(FIXTURES)
      .filter((file) => file.endsWith('.json') && file !== 'incidents.json')
      .map((file) => file.replace(/\.json$/, ''));
    expect([...SUMMARY_FIXTURES].sort()).toEqual(onDisk.sort());
    expect(Object.keys(expected).sort()).toEqual(onDisk.sort());
  });

  it.each(SUMMARY_FIXTURES)('%s is a Claude summary with the six real components', (name) => {
    const summary = JSON.parse(readFileSync(`${FIXTURES}${name}.json`, 'utf8'));
    expect(summary.page).toMatchObject({
      id: 'tymt9n04zgry',
      name: 'Claude',
      url: 'https://status.claude.com',
      time_zone: 'Etc/UTC',
    });
    expect(summary.status.indicator).toBe(expected[name]?.indicator);
    expect(summary.incidents).toHaveLength(expected[name]?.incidents ?? -1);
    expect(summary.scheduled_maintenances).toHaveLength(expected[name]?.maintenances ?? -1);

    const byId = new Map(summary.components.map((row: { id: string }) => [row.id, row]));
    for (const [id, componentName, position] of REAL_COMPONENTS) {
      expect(byId.get(id)).toMatchObject({
        name: componentName,
        position,
        description: null,
        group_id: null,
        page_id: 'tymt9n04zgry',
        group: false,
        only_show_if_degraded: false,
      });
    }
    // Only these two carry a seventh component, by design.
    const extra = ['added-component', 'hostile'].includes(name) ? 1 : 0;
    expect(summary.components).toHaveLength(REAL_COMPONENTS.length + extra);

    // page.updated_at is the newest time of the file (future maintenance windows and junk aside).
    const times = [...JSON.stringify(summary).matchAll(/"(?:created|updated|display)_at":"(2026-[^"]+)"/g)].map(
      (match) => Date.parse(match[1] ?? ''),
    );
    expect(Math.max(...times)).toBe(Date.parse(summary.page.updated_at));
  });

  it('incidents.json holds resolved history over a week plus one older incident', () => {
    const list = JSON.parse(readFileSync(`${FIXTURES}incidents.json`, 'utf8'));
    expect(list.incidents).toHaveLength(9);
    const recent = list.incidents.filter((incident: { created_at: string }) => incident.created_at >= '2026-11-13');
    expect(recent).toHaveLength(8);
    for (const incident of list.incidents) {
      expect(incident.status).toBe('resolved');
      expect(incident.resolved_at).toBe(incident.updated_at);
      expect(incident.shortlink).toMatch(/^https:\/\/stspg\.io\/[a-z0-9]+$/);
    }
    const impacts = new Set(list.incidents.map((incident: { impact: string }) => incident.impact));
    expect([...impacts].sort()).toEqual(['critical', 'major', 'minor', 'none']);
  });
});

describe('replay server', () => {
  let server: ReplayServer;

  beforeAll(async () => {
    server = await startReplayServer();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.setScenario('healthy');
    server.setApiBehaviour({ body: '{"ok":true}', contentType: 'application/json' });
    server.resetLog();
  });

  it('serves the healthy summary with an ETag, then 304 on If-None-Match', async () => {
    const first = await get(server.port, 'status.claude.com', '/api/v2/summary.json');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(json(first).status).toEqual({ indicator: 'none', description: 'All Systems Operational' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect(first.headers['last-modified']).toBeTruthy();

    const second = await get(server.port, 'status.claude.com', '/api/v2/summary.json', { 'if-none-match': etag });
    expect(second.status).toBe(304);
    expect(second.body).toBe('');
    expect(second.headers.etag).toBe(etag);

    const stale = await get(server.port, 'status.claude.com', '/api/v2/summary.json', { 'if-none-match': '"0"' });
    expect(stale.status).toBe(200);
    expect(server.requests.map((entry) => entry.status)).toEqual([200, 304, 200]);
  });

  it('answers a challenged primary with HTML 405 and the fallback with JSON', async () => {
    server.setScenario('challenged-primary');
    const primary = await get(server.port, 'status.claude.com', '/api/v2/summary.json');
    expect(primary.status).toBe(405);
    expect(primary.headers['content-type']).toMatch(/^text\/html/);
    expect(primary.body).toMatch(/^<!DOCTYPE html>/);
    expect(primary.body).toContain('Just a moment...');
    expect((await get(server.port, 'status.claude.com', '/api/v2/incidents.json')).status).toBe(405);

    const fallback = await get(server.port, 'anthropic.statuspage.io', '/api/v2/summary.json');
    expect(fallback.status).toBe(200);
    expect(json(fallback).page.id).toBe('tymt9n04zgry');
    expect((await get(server.port, 'anthropic.statuspage.io:443', '/api/v2/incidents.json')).status).toBe(200);

    server.setScenario('challenged-200');
    const challenged200 = await get(server.port, 'status.claude.com', '/api/v2/summary.json');
    expect([challenged200.status, challenged200.body.startsWith('<!DOCTYPE html>')]).toEqual([200, true]);
  });

  it('shifts dates so that page.updated_at is now and the gaps stay', async () => {
    server.setScenario('claude-ai-partial');
    const summary = json(await get(server.port, 'status.claude.com', '/api/v2/summary.json'));
    expect(Math.abs(Date.now() - Date.parse(summary.page.updated_at))).toBeLessThan(60_000);
    const incident = summary.incidents[0];
    expect(incident.name).toBe('Elevated errors on claude.ai');
    expect(minutes(summary.page.updated_at, incident.created_at)).toBeCloseTo(14.26, 1);
    // Date-only strings are not timestamps and stay as recorded.
    expect(summary.components[0].start_date).toBe('2023-07-11');

    const history = json(await get(server.port, 'status.claude.com', '/api/v2/incidents.json'));
    expect(Math.abs(Date.now() - 3_600_000 - Date.parse(history.incidents[0].updated_at))).toBeLessThan(60_000);
    const oldest = history.incidents.at(-1);
    expect(minutes(history.incidents[0].updated_at, oldest.created_at) / 1440).toBeGreaterThan(14);
  });

  it('leaves invalid and far-future dates of the hostile fixture alone', async () => {
    server.setScenario('hostile');
    const summary = json(await get(server.port, 'status.claude.com', '/api/v2/summary.json'));
    const long = summary.incidents.find((incident: { name: string }) => incident.name.length === 10_000);
    expect(long.created_at).toBe('not-a-date');
    expect(long.updated_at).toBe('2099-12-31T23:59:59.000Z');
    expect(summary.incidents[0].id).toBe(summary.incidents[1].id);
    expect(summary.incidents.map((incident: { shortlink: string }) => incident.shortlink.split(':')[0])).toEqual([
      'javascript',
      'data',
      'https',
    ]);
    expect(summary.incidents[0].name).toContain('<script>window.__pwned=1</script>');
    expect(summary.incidents[1].name).toContain('\u202E');
  });

  it('loadFixture shifts without a server', () => {
    const now = Date.parse('2030-01-01T12:00:00.000Z');
    const summary = JSON.parse(loadFixture('major-outage', now));
    expect(summary.page.updated_at).toBe('2030-01-01T12:00:00.000Z');
    expect(minutes(summary.page.updated_at, summary.incidents[0].started_at)).toBeCloseTo(35.28, 1);
  });

  it('throws on an unknown scenario, naming the known ones', async () => {
    expect(() => server.setScenario('nope' as never)).toThrow(/unknown scenario "nope".*healthy.*server-error/);
    await expect(startReplayServer({ scenario: 'nope' as never })).rejects.toThrow(/challenged-primary/);
    expect(server.scenario).toBe('healthy');
    expect(Object.keys(SCENARIOS)).toHaveLength(16);
  });

  it('counts the bytes of each response as written on the wire', async () => {
    server.setScenario('maintenance');
    const raw = await rawExchange(server.port, 'status.claude.com', '/api/v2/summary.json');
    expect(raw.toString('latin1')).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    const [entry] = server.requests;
    expect(entry).toMatchObject({ host: 'status.claude.com', path: '/api/v2/summary.json', status: 200 });
    expect(entry?.bytes).toBe(raw.length);
    expect(entry?.headers.connection).toBe('close');

    const api = await rawExchange(server.port, 'claude.ai', '/api/organizations?x=1');
    expect(server.requests[1]).toMatchObject({ host: 'claude.ai', path: '/api/organizations', search: '?x=1' });
    expect(server.requests[1]?.bytes).toBe(api.length);
  });

  it('serves the fake claude.ai and platform pages, the API behaviour, and 404 elsewhere', async () => {
    const chat = await get(server.port, 'claude.ai', '/chat/abc?model=Sonnet%204.6');
    expect(chat.status).toBe(200);
    expect(chat.body).toContain('aria-label="Write your prompt to Claude"');
    expect(chat.body).toContain('data-testid="model-selector-dropdown"');
    expect((await get(server.port, 'platform.claude.com', '/workbench')).body).toContain('<h1>Workbench</h1>');

    const api = await get(server.port, 'claude.ai', '/api/organizations');
    expect([api.status, json(api)]).toEqual([200, { ok: true }]);
    server.setApiBehaviour({ status: 529 });
    const overloaded = await get(server.port, 'claude.ai', '/api/organizations');
    expect(overloaded.status).toBe(529);
    expect(json(overloaded).error.type).toBe('overloaded_error');

    expect((await get(server.port, 'status.claude.com', '/api/v2/status.json')).status).toBe(404);
    expect((await get(server.port, 'example.com', '/')).status).toBe(404);
  });

  it('applies failure behaviours: rate limit, server error, reset, truncation', async () => {
    server.setScenario('rate-limited');
    const limited = await get(server.port, 'status.claude.com', '/api/v2/summary.json');
    expect([limited.status, limited.headers['retry-after']]).toEqual([429, '120']);

    server.setScenario('all-down');
    expect((await get(server.port, 'status.claude.com', '/api/v2/summary.json')).status).toBe(503);
    await expect(get(server.port, 'anthropic.statuspage.io', '/api/v2/summary.json')).rejects.toThrow();

    server.setBehaviour('primary', { truncate: 'healthy' });
    const truncated = await get(server.port, 'status.claude.com', '/api/v2/summary.json');
    expect(truncated.status).toBe(200);
    expect(() => JSON.parse(truncated.body)).toThrow();
    expect(truncated.body.startsWith('{"page":{"id":"tymt9n04zgry"')).toBe(true);

    server.setBehaviour('fallback', { body: 'raw text', contentType: 'text/plain' });
    const raw = await get(server.port, 'anthropic.statuspage.io', '/api/v2/summary.json');
    expect([raw.status, raw.body, raw.headers['content-type']]).toEqual([200, 'raw text', 'text/plain']);
  });

  it('overrides incidents.json per source until the scenario changes', async () => {
    server.setScenario('claude-ai-partial');
    server.setIncidentsBehaviour('primary', { body: '{"incidents":[]}', contentType: 'application/json' });
    expect(json(await get(server.port, 'status.claude.com', '/api/v2/incidents.json'))).toEqual({ incidents: [] });
    expect(json(await get(server.port, 'anthropic.statuspage.io', '/api/v2/incidents.json')).incidents.length).toBe(9);
    expect(json(await get(server.port, 'status.claude.com', '/api/v2/summary.json')).incidents.length).toBe(1);
    expect(() => server.setIncidentsBehaviour('other' as 'primary', { status: 500 })).toThrow(/unknown source/);
    server.setScenario('claude-ai-partial');
    expect(json(await get(server.port, 'status.claude.com', '/api/v2/incidents.json')).incidents.length).toBe(9);
  });
});

describe('replay server shutdown and proxy', () => {
  it('closes promptly while a request hangs', async () => {
    const server = await startReplayServer({ scenario: 'hang' });
    // Settled into a value at once: the rejection lands during close(), before anyone awaits it.
    const pending = get(server.port, 'status.claude.com', '/api/v2/summary.json').then(
      () => 'answered',
      (error: Error) => error.message,
    );
    await expect.poll(() => server.requests.length).toBe(1);
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await pending).toBe('socket hang up');
    expect(server.requests[0]?.status).toBe(0);
  });

  it('tunnels CONNECT to the replay server and refuses plain HTTP', async () => {
    const server = await startReplayServer({ scenario: 'api-outage' });
    const proxy = await startConnectProxy(server.port);
    try {
      const tunnel = await new Promise<net.Socket>((resolve, reject) => {
        const socket = net.connect(proxy.port, '127.0.0.1', () => {
          socket.write('CONNECT status.claude.com:443 HTTP/1.1\r\nHost: status.claude.com:443\r\n\r\n');
        });
        socket.once('data', (chunk: Buffer) => {
          expect(chunk.toString('latin1')).toMatch(/^HTTP\/1\.1 200 /);
          resolve(socket);
        });
        socket.on('error', reject);
      });
      const reply = await new Promise<Reply>((resolve, reject) => {
        const req = https.request(
          {
            host: 'status.claude.com',
            path: '/api/v2/summary.json',
            createConnection: () =>
              tls.connect({ socket: tunnel, servername: 'status.claude.com', rejectUnauthorized: false }),
          },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              body += chunk;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body).incidents[0].name).toBe('Elevated errors on the Claude API');
      expect(proxy.connects).toEqual(['status.claude.com:443']);
      expect(server.requests[0]?.host).toBe('status.claude.com');
      tunnel.destroy();

      const plain = await new Promise<number>((resolve, reject) => {
        const socket = net.connect(proxy.port, '127.0.0.1', () => {
          socket.write('GET http://claude.ai/ HTTP/1.1\r\nHost: claude.ai\r\nConnection: close\r\n\r\n');
        });
        socket.once('data', (chunk: Buffer) => resolve(Number(chunk.toString('latin1').split(' ')[1])));
        socket.on('error', reject);
      });
      expect(plain).toBe(502);
    } finally {
      await proxy.close();
      await server.close();
    }
  });
});
