/**
 * Local replay of Claude's Statuspage and of the claude.ai / platform.claude.com pages, for the
 * browser tests, the demo and the benchmark. One HTTPS server on 127.0.0.1 routes by Host header;
 * browsers reach it through host resolver rules (Chromium) or the CONNECT proxy (Firefox).
 * Scenario table: scenarios.ts.
 *
 * CLI: node --import jiti/register tests/replay/server.ts --scenario NAME
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { type Behaviour, SCENARIOS, type ScenarioName, type Source } from './scenarios';

export type { Behaviour, ScenarioName, Source } from './scenarios';

/**
 * What the server does for one endpoint, computed when a behaviour is set so that a fixture's
 * body (and so its ETag) stays the same between polls.
 */
type Plan =
  | {
      kind: 'send';
      status: number;
      headers: Record<string, string>;
      body: Buffer;
      etag?: string;
      lastModified?: number;
    }
  | { kind: 'hang' }
  | { kind: 'reset' };

export interface LoggedRequest {
  /** Date.now() when the request arrived. */
  at: number;
  /** Host header without the port, lower case. */
  host: string;
  /** Path without the query string. */
  path: string;
  /** The query string with its '?', or ''. */
  search: string;
  method: string;
  /** 0 while unanswered, and for hung or reset requests. */
  status: number;
  /** Bytes of the response on the wire: status line, headers and body (0 until answered). */
  bytes: number;
  headers: IncomingHttpHeaders;
}

export interface ReplayServer {
  port: number;
  /** 'https://' + host; reach it on 127.0.0.1:port (host resolver rules, a proxy, or a Host header). */
  origin(host: string): string;
  /** Switches both sources (and incidents.json) to a scenario; throws on an unknown name. */
  setScenario(name: ScenarioName): void;
  /** Overrides one source's summary.json (and incidents.json too when the behaviour is a failure). */
  setBehaviour(source: Source, behaviour: Behaviour): void;
  /**
   * Overrides one source's incidents.json until the next setScenario or setBehaviour of that
   * source (the extension confirms resolutions there, and fetches the popup's history from it).
   */
  setIncidentsBehaviour(source: Source, behaviour: Behaviour): void;
  /** How https://claude.ai/api/* answers; default 200 {"ok":true}. */
  setApiBehaviour(behaviour: Behaviour): void;
  readonly scenario: ScenarioName;
  /** Every request in arrival order; entries are updated in place when the response is done. */
  readonly requests: LoggedRequest[];
  resetLog(): void;
  close(): Promise<void>;
  /** Holds cert.pem and key.pem; removed by close(). */
  certDir: string;
}

export interface ConnectProxy {
  port: number;
  /** Every CONNECT in arrival order, as 'host:port'. */
  readonly connects: string[];
  close(): Promise<void>;
}

const STATUSPAGE_DIR = fileURLToPath(new URL('../fixtures/statuspage/', import.meta.url));
const PAGES_DIR = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));

/** A site that is neither Claude's nor the status page's. */
export const OTHER_SITE = 'elsewhere.example';

export const REPLAY_HOSTS = [
  'status.claude.com',
  'anthropic.statuspage.io',
  'claude.ai',
  'platform.claude.com',
  // Another site, for the attacks a web page can make (tests/e2e/scenarios.ts).
  OTHER_SITE,
] as const;

const SOURCE_BY_HOST: Record<string, Source> = {
  'status.claude.com': 'primary',
  'anthropic.statuspage.io': 'fallback',
};

const SUMMARY_PATH = '/api/v2/summary.json';
const INCIDENTS_PATH = '/api/v2/incidents.json';

const DEFAULT_INCIDENTS: Behaviour = { fixture: 'incidents' };
const DEFAULT_API: Behaviour = { body: '{"ok":true}', contentType: 'application/json' };

const HOUR_MS = 60 * 60 * 1000;

/**
 * A quoted ISO timestamp. Only years 2020..2030 are fixture dates; the hostile fixture's 2099
 * dates and "not-a-date" must reach the client unchanged.
 */
const TIMESTAMP = /"((20[23]\d)-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2}))"/g;

/**
 * Moves every fixture timestamp by the same offset, so that relative gaps ("opened 14 minutes
 * ago") hold on any day the tests run.
 */
function shiftTimestamps(text: string, offsetMs: number) {
  return text.replace(TIMESTAMP, (whole, iso, year) => {
    const time = Date.parse(iso);
    if (Number(year) > 2030 || Number.isNaN(time)) return whole;
    return `"${new Date(time + offsetMs).toISOString()}"`;
  });
}

/** The time the fixture is anchored on, and where that time should land. */
function anchorOf(json: unknown, now: number): { from: number; to: number } | null {
  if (!json || typeof json !== 'object') return null;
  const doc = json as { page?: { updated_at?: unknown }; components?: unknown; incidents?: unknown };
  if (Array.isArray(doc.components)) {
    const from = typeof doc.page?.updated_at === 'string' ? Date.parse(doc.page.updated_at) : Number.NaN;
    return Number.isNaN(from) ? null : { from, to: now };
  }
  if (Array.isArray(doc.incidents)) {
    // incidents.json holds resolved history: its newest entry lands an hour before now.
    const times = doc.incidents
      .map((incident) => (typeof incident?.updated_at === 'string' ? Date.parse(incident.updated_at) : Number.NaN))
      .filter((time) => !Number.isNaN(time) && new Date(time).getUTCFullYear() <= 2030);
    return times.length ? { from: Math.max(...times), to: now - HOUR_MS } : null;
  }
  return null;
}

/** A fixture's text with its dates moved so that the summary's page.updated_at is `now` (incidents.json: its newest incident's updated_at is `now` minus one hour). */
export function loadFixture(name: string, now: number = Date.now()) {
  return shiftedFixture(name, now).text;
}

function shiftedFixture(name: string, now: number): { text: string; lastModified: number } {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad fixture name: ${name}`);
  const file = path.join(STATUSPAGE_DIR, `${name}.json`);
  if (!existsSync(file)) throw new Error(`no fixture ${file}`);
  const raw = readFileSync(file, 'utf8');
  const anchor = anchorOf(JSON.parse(raw), now);
  if (!anchor) return { text: raw, lastModified: now };
  return { text: shiftTimestamps(raw, anchor.to - anchor.from), lastModified: anchor.to };
}

const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('hex')}"`;

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';
// What a Rails app such as Statuspage sends with an ETag; the real headers are unconfirmed.
const REVALIDATE = 'max-age=0, private, must-revalidate';
const NO_STORE = 'private, max-age=0, no-store, no-cache, must-revalidate';

const readPage = (file: string) => readFileSync(path.join(PAGES_DIR, file));

/**
 * The real-structure claude.ai pages (tests/fixtures/pages/claude-2026-*.html, built from public
 * captures), each with its test hooks (real-page-hooks.js) added before `</body>`, by name.
 */
function realStructurePages(): Map<string, Buffer> {
  const hooks = readFileSync(path.join(PAGES_DIR, 'real-page-hooks.js'), 'utf8');
  const pages = new Map<string, Buffer>();
  for (const file of readdirSync(PAGES_DIR)) {
    const name = /^(claude-\d{4}-\d{2})\.html$/.exec(file)?.[1];
    if (!name) continue;
    const html = readFileSync(path.join(PAGES_DIR, file), 'utf8');
    pages.set(name, Buffer.from(html.replace('</body>', () => `<script>${hooks}</script>\n</body>`)));
  }
  return pages;
}

function planFor(behaviour: Behaviour, flavour: 'statuspage' | 'api', now: number): Plan {
  if ('hang' in behaviour && behaviour.hang) return { kind: 'hang' };
  if ('reset' in behaviour && behaviour.reset) return { kind: 'reset' };
  if ('fixture' in behaviour || 'truncate' in behaviour) {
    const name = 'fixture' in behaviour ? behaviour.fixture : behaviour.truncate;
    const { text, lastModified } = shiftedFixture(name, now);
    // Statuspage sends compact JSON; serving it compact keeps byte counts close to the real thing.
    let body = Buffer.from(JSON.stringify(JSON.parse(text)));
    if ('truncate' in behaviour) body = body.subarray(0, Math.floor(body.length / 2));
    const etag = etagOf(body);
    return {
      kind: 'send',
      status: 200,
      headers: {
        'content-type': JSON_TYPE,
        'cache-control': REVALIDATE,
        etag,
        'last-modified': new Date(lastModified).toUTCString(),
      },
      body,
      etag,
      lastModified,
    };
  }
  if ('redirect' in behaviour) {
    return {
      kind: 'send',
      status: 302,
      headers: { location: behaviour.redirect, 'cache-control': NO_STORE, 'content-type': HTML_TYPE },
      body: Buffer.from(''),
    };
  }
  if ('challenge' in behaviour) {
    return {
      kind: 'send',
      status: behaviour.challenge,
      headers: { 'content-type': HTML_TYPE, 'cache-control': NO_STORE },
      body: readFileSync(path.join(STATUSPAGE_DIR, 'challenge.html')),
    };
  }
  if ('body' in behaviour && typeof behaviour.body === 'string') {
    return {
      kind: 'send',
      status: behaviour.status ?? 200,
      headers: { 'content-type': behaviour.contentType ?? 'text/plain; charset=utf-8', 'cache-control': NO_STORE },
      body: Buffer.from(behaviour.body),
    };
  }
  if ('status' in behaviour && typeof behaviour.status === 'number') {
    // A body was handled above, so this is the bare error form.
    const { status, retryAfter } = behaviour as { status: number; retryAfter?: number };
    const headers: Record<string, string> = { 'cache-control': NO_STORE };
    if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
    headers['content-type'] = flavour === 'api' ? JSON_TYPE : HTML_TYPE;
    return { kind: 'send', status, headers, body: Buffer.from(defaultErrorBody(status, flavour)) };
  }
  throw new Error(`unknown behaviour ${JSON.stringify(behaviour)}`);
}

function defaultErrorBody(status: number, flavour: 'statuspage' | 'api') {
  const reason = http.STATUS_CODES[status] ?? (status === 529 ? 'Overloaded' : 'Error');
  if (flavour === 'api') {
    const type = status === 529 ? 'overloaded_error' : status === 429 ? 'rate_limit_error' : 'api_error';
    return JSON.stringify({ type: 'error', error: { type, message: reason } });
  }
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n</body>\r\n</html>\r\n`;
}

/** Anything but fixture data stands for the whole origin, so incidents.json answers the same way. */
const isFailure = (behaviour: Behaviour) => !('fixture' in behaviour) && !('truncate' in behaviour);

/**
 * Whether the client's validators match, per RFC 9110: If-None-Match wins over If-Modified-Since.
 */
function notModified(req: http.IncomingMessage, plan: Plan & { kind: 'send' }) {
  if (!plan.etag) return false;
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch) {
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === plan.etag);
  }
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return (
    plan.lastModified !== undefined && !Number.isNaN(since) && since >= Math.floor(plan.lastModified / 1000) * 1000
  );
}

async function makeCertificate(dir: string) {
  const keyPath = path.join(dir, 'key.pem');
  const certPath = path.join(dir, 'cert.pem');
  const san = [...REPLAY_HOSTS, 'localhost'].map((host) => `DNS:${host}`).concat('IP:127.0.0.1');
  // biome-ignore format: flag and value pairs read better on shared lines
  await promisify(execFile)('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=replay.test',
    '-addext', `subjectAltName=${san.join(',')}`, '-keyout', keyPath, '-out', certPath,
  ]);
  return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
}

export async function startReplayServer(options: { scenario?: ScenarioName } = {}): Promise<ReplayServer> {
  let scenarioName = checkScenario(options.scenario ?? 'healthy');
  const certDir = await mkdtemp(path.join(os.tmpdir(), 'replay-cert-'));
  let tls: { key: Buffer; cert: Buffer };
  try {
    tls = await makeCertificate(certDir);
  } catch (error) {
    await rm(certDir, { recursive: true, force: true });
    throw error;
  }

  const chatPage = readPage('claude-chat.html');
  const platformPage = readPage('platform.html');
  const realPages = realStructurePages();
  let plans = scenarioPlans(scenarioName);
  let apiPlan: Plan = planFor(DEFAULT_API, 'api', Date.now());

  const requests: LoggedRequest[] = [];
  const sockets: Set<net.Socket> = new Set();

  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const host = hostOf(req.headers.host);
    const url = new URL(req.url ?? '/', 'https://replay.invalid');
    const entry: LoggedRequest = {
      at: Date.now(),
      host,
      path: url.pathname,
      search: url.search,
      method: req.method ?? 'GET',
      status: 0,
      bytes: 0,
      headers: req.headers,
    };
    requests.push(entry);
    const socket = req.socket;
    const before = socket.bytesWritten;
    res.on('finish', () => {
      entry.status = res.statusCode;
      entry.bytes = socket.bytesWritten - before;
    });
    send(req, res, route(host, url.pathname, url.searchParams.get('fixture')));
  });

  function route(host: string, pathname: string, fixture: string | null): Plan {
    const source = SOURCE_BY_HOST[host];
    if (source) {
      if (pathname === SUMMARY_PATH) return plans[source].summary;
      if (pathname === INCIDENTS_PATH) return plans[source].incidents;
      return notFound();
    }
    if (host === 'claude.ai') {
      if (pathname.startsWith('/api/')) return apiPlan;
      // A claude.ai document that makes two completion requests when it loads, and tells the page
      // that frames it (OTHER_SITE/frames-claude-page) when they are answered.
      if (pathname === '/framed-fetches') {
        return {
          kind: 'send',
          status: 200,
          headers: { 'content-type': HTML_TYPE, 'cache-control': NO_STORE },
          body: Buffer.from(
            `<!doctype html><title>framed claude.ai</title><script>(async () => { for (let i = 0; i < 2; i++) await fetch('/api/organizations/0f0e5c1a/chat_conversations/5a5b7c9d/completion', { method: 'POST' }).catch(() => undefined); parent.postMessage('fetched', '*'); })();</script>`,
          ),
        };
      }
      return {
        kind: 'send',
        status: 200,
        headers: { 'content-type': HTML_TYPE, 'cache-control': NO_STORE },
        // ?fixture=claude-2026-06: one of the real-structure pages; the hand-made page otherwise.
        body: (fixture && realPages.get(fixture)) || chatPage,
      };
    }
    if (host === OTHER_SITE) {
      // A page that frames claude.ai's completion address (answered by the API plan, a 4xx in the test).
      if (pathname === '/frames-claude-api') {
        return {
          kind: 'send',
          status: 200,
          headers: { 'content-type': HTML_TYPE, 'cache-control': NO_STORE },
          body: Buffer.from(
            '<!doctype html><title>elsewhere</title><iframe src="https://claude.ai/api/organizations/0f0e5c1a/chat_conversations/5a5b7c9d/completion" onload="document.title=\'framed\'"></iframe>',
          ),
        };
      }
      // A page that frames a claude.ai document, which then makes claude.ai requests of its own.
      if (pathname === '/frames-claude-page') {
        return {
          kind: 'send',
          status: 200,
          headers: { 'content-type': HTML_TYPE, 'cache-control': NO_STORE },
          body: Buffer.from(
            '<!doctype html><title>elsewhere</title><script>addEventListener("message", (e) => { if (e.data === "fetched") document.title = "fetched"; });</script><iframe src="https://claude.ai/framed-fetches"></iframe>',
          ),
        };
      }
      // Where a hijacked status origin redirects to: an outage that is not the status page's.
      // It lets any origin read it, preflight included (the client sends conditional headers), as an attacker's server would.
      if (pathname === SUMMARY_PATH) {
        const plan = planFor({ fixture: 'major-outage' }, 'statuspage', Date.now());
        const cors = {
          'access-control-allow-origin': '*',
          'access-control-allow-headers': '*',
          'access-control-allow-methods': 'GET',
        };
        return plan.kind === 'send' ? { ...plan, headers: { ...plan.headers, ...cors } } : plan;
      }
      return notFound();
    }
    if (host === 'platform.claude.com') {
      return {
        kind: 'send',
        status: 200,
        headers: { 'content-type': HTML_TYPE, 'cache-control': NO_STORE },
        body: platformPage,
      };
    }
    return notFound();
  }

  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Browsers that reject the self-signed certificate abort the handshake; that is not a server fault.
  server.on('tlsClientError', () => {});

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const port = (server.address() as net.AddressInfo).port;

  let closing = null as Promise<void> | null;

  return {
    port,
    origin: (host) => `https://${host}`,
    setScenario(name) {
      scenarioName = checkScenario(name);
      plans = scenarioPlans(scenarioName);
    },
    setBehaviour(source, behaviour) {
      if (source !== 'primary' && source !== 'fallback') throw new Error(`unknown source ${source}`);
      plans = { ...plans, [source]: sourcePlans(behaviour, SCENARIOS[scenarioName].incidents ?? DEFAULT_INCIDENTS) };
    },
    setIncidentsBehaviour(source, behaviour) {
      if (source !== 'primary' && source !== 'fallback') throw new Error(`unknown source ${source}`);
      plans = { ...plans, [source]: { ...plans[source], incidents: planFor(behaviour, 'statuspage', Date.now()) } };
    },
    setApiBehaviour(behaviour) {
      apiPlan = planFor(behaviour, 'api', Date.now());
    },
    get scenario() {
      return scenarioName;
    },
    requests,
    resetLog() {
      requests.length = 0;
    },
    close() {
      closing ??= (async () => {
        const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
        // Hung requests and idle keep-alive connections would hold server.close() open forever.
        for (const socket of sockets) socket.destroy();
        await closed;
        await rm(certDir, { recursive: true, force: true });
      })();
      return closing;
    },
    certDir,
  };
}

function sourcePlans(summary: Behaviour, incidents: Behaviour): { summary: Plan; incidents: Plan } {
  const now = Date.now();
  const summaryPlan = planFor(summary, 'statuspage', now);
  return { summary: summaryPlan, incidents: isFailure(summary) ? summaryPlan : planFor(incidents, 'statuspage', now) };
}

function scenarioPlans(name: ScenarioName): Record<Source, { summary: Plan; incidents: Plan }> {
  const scenario = SCENARIOS[name];
  const incidents = scenario.incidents ?? DEFAULT_INCIDENTS;
  return { primary: sourcePlans(scenario.primary, incidents), fallback: sourcePlans(scenario.fallback, incidents) };
}

function notFound(): Plan {
  return {
    kind: 'send',
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': NO_STORE },
    body: Buffer.from('Not Found'),
  };
}

function send(req: http.IncomingMessage, res: http.ServerResponse, plan: Plan) {
  if (plan.kind === 'hang') return;
  if (plan.kind === 'reset') {
    req.socket.destroy();
    return;
  }
  if (notModified(req, plan)) {
    const headers: Record<string, string> = {};
    for (const name of ['etag', 'last-modified', 'cache-control']) {
      const value = plan.headers[name];
      if (value !== undefined) headers[name] = value;
    }
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(plan.status, { ...plan.headers, 'content-length': String(plan.body.length) });
  res.end(req.method === 'HEAD' ? undefined : plan.body);
}

/**
 * Host header -> bare lower-case host name (the port, the brackets of IPv6, a trailing dot dropped).
 */
function hostOf(header: string | undefined) {
  const value = (header ?? '').trim().toLowerCase();
  const host = value.startsWith('[') ? value.slice(1, value.indexOf(']')) : value.replace(/:\d*$/, '');
  return host.replace(/\.$/, '');
}

function checkScenario(name: string): ScenarioName {
  if (!Object.hasOwn(SCENARIOS, name)) {
    throw new Error(`unknown scenario "${name}"; known: ${Object.keys(SCENARIOS).join(', ')}`);
  }
  return name as ScenarioName;
}

export function hostResolverRules(port: number) {
  return REPLAY_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(',');
}

export async function startConnectProxy(targetPort: number): Promise<ConnectProxy> {
  const connects: string[] = [];
  const sockets: Set<net.Socket> = new Set();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A browser closing a tunnel mid-stream resets it; the other side is destroyed below.
    socket.on('error', () => socket.destroy());
  };

  // Only tunnels are served: a plain-HTTP request through this proxy would leave the fake network.
  const proxy = http.createServer((_req, res) => {
    res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' }).end('Only CONNECT to port 443 is proxied');
  });
  proxy.on('connection', (socket: net.Socket) => track(socket));
  proxy.on('connect', (req, clientSocket, head) => {
    const target = req.url ?? '';
    connects.push(target);
    const client = clientSocket as net.Socket;
    if (!/:443$/.test(target)) {
      client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });

  await new Promise((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  let closing = null as Promise<void> | null;
  return {
    port: (proxy.address() as net.AddressInfo).port,
    connects,
    close() {
      closing ??= (async () => {
        const closed = new Promise((resolve) => proxy.close(() => resolve(undefined)));
        for (const socket of sockets) socket.destroy();
        await closed;
      })();
      return closing;
    },
  };
}

async function main() {
  const args = process.argv.slice(2);
  const index = args.indexOf('--scenario');
  const scenario = (index >= 0 ? args[index + 1] : 'healthy') as ScenarioName;
  const replay = await startReplayServer({ scenario });
  const proxy = await startConnectProxy(replay.port);
  console.info(`replay server: 127.0.0.1:${replay.port} (scenario ${replay.scenario})`);
  console.info(`connect proxy: 127.0.0.1:${proxy.port}`);
  console.info(`chromium: --host-resolver-rules="${hostResolverRules(replay.port)}" --ignore-certificate-errors`);
  console.info(`curl: curl -k --connect-to ::127.0.0.1:${replay.port} https://status.claude.com/api/v2/summary.json`);
  const stop = () => {
    Promise.all([proxy.close(), replay.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
