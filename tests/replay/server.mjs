/**
 * Local replay of Claude's Statuspage and of the claude.ai / platform.claude.com pages, for the
 * browser tests, the demo and the benchmark. One HTTPS server on 127.0.0.1 routes by Host header;
 * browsers reach it through host resolver rules (Chromium) or the CONNECT proxy (Firefox).
 * Types: server.d.mts. Scenario table: scenarios.mjs.
 *
 * CLI: node tests/replay/server.mjs --scenario NAME
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { SCENARIOS } from './scenarios.mjs';

/** @typedef {import('./scenarios.d.mts').Behaviour} Behaviour */
/** @typedef {import('./scenarios.d.mts').Source} Source */
/** @typedef {import('./scenarios.d.mts').ScenarioName} ScenarioName */
/** @typedef {import('./server.d.mts').LoggedRequest} LoggedRequest */
/** @typedef {import('./server.d.mts').ReplayServer} ReplayServer */

/**
 * What the server does for one endpoint, computed when a behaviour is set so that a fixture's
 * body (and so its ETag) stays the same between polls.
 * @typedef {{ kind: 'send', status: number, headers: Record<string, string>, body: Buffer,
 *   etag?: string, lastModified?: number } | { kind: 'hang' } | { kind: 'reset' }} Plan
 */

const STATUSPAGE_DIR = fileURLToPath(new URL('../fixtures/statuspage/', import.meta.url));
const PAGES_DIR = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));

/** A site that is neither Claude's nor the status page's. */
export const OTHER_SITE = 'elsewhere.example';

export const REPLAY_HOSTS = /** @type {const} */ ([
  'status.claude.com',
  'anthropic.statuspage.io',
  'claude.ai',
  'platform.claude.com',
  // Another site, for the attacks a web page can make (tests/e2e/scenarios.ts).
  OTHER_SITE,
]);

/** @type {Record<string, Source>} */
const SOURCE_BY_HOST = { 'status.claude.com': 'primary', 'anthropic.statuspage.io': 'fallback' };

const SUMMARY_PATH = '/api/v2/summary.json';
const INCIDENTS_PATH = '/api/v2/incidents.json';

/** @type {Behaviour} */
const DEFAULT_INCIDENTS = { fixture: 'incidents' };
/** @type {Behaviour} */
const DEFAULT_API = { body: '{"ok":true}', contentType: 'application/json' };

const HOUR_MS = 60 * 60 * 1000;

/**
 * A quoted ISO timestamp. Only years 2020..2030 are fixture dates; the hostile fixture's 2099
 * dates and "not-a-date" must reach the client unchanged.
 */
const TIMESTAMP = /"((20[23]\d)-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2}))"/g;

/**
 * Moves every fixture timestamp by the same offset, so that relative gaps ("opened 14 minutes
 * ago") hold on any day the tests run.
 * @param {string} text
 * @param {number} offsetMs
 */
function shiftTimestamps(text, offsetMs) {
  return text.replace(TIMESTAMP, (whole, iso, year) => {
    const time = Date.parse(iso);
    if (Number(year) > 2030 || Number.isNaN(time)) return whole;
    return `"${new Date(time + offsetMs).toISOString()}"`;
  });
}

/**
 * The time the fixture is anchored on, and where that time should land.
 * @param {unknown} json
 * @param {number} now
 * @returns {{ from: number, to: number } | null}
 */
function anchorOf(json, now) {
  if (!json || typeof json !== 'object') return null;
  const doc = /** @type {{ page?: { updated_at?: unknown }, components?: unknown, incidents?: unknown }} */ (json);
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

/**
 * A fixture's text with its dates moved to `now` (see server.d.mts).
 * @param {string} name
 * @param {number} [now]
 */
export function loadFixture(name, now = Date.now()) {
  return shiftedFixture(name, now).text;
}

/**
 * @param {string} name
 * @param {number} now
 * @returns {{ text: string, lastModified: number }}
 */
function shiftedFixture(name, now) {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad fixture name: ${name}`);
  const file = path.join(STATUSPAGE_DIR, `${name}.json`);
  if (!existsSync(file)) throw new Error(`no fixture ${file}`);
  const raw = readFileSync(file, 'utf8');
  const anchor = anchorOf(JSON.parse(raw), now);
  if (!anchor) return { text: raw, lastModified: now };
  return { text: shiftTimestamps(raw, anchor.to - anchor.from), lastModified: anchor.to };
}

/** @param {Buffer} body */
const etagOf = (body) => `"${createHash('sha1').update(body).digest('hex')}"`;

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';
// What a Rails app such as Statuspage sends with an ETag; the real headers are unconfirmed.
const REVALIDATE = 'max-age=0, private, must-revalidate';
const NO_STORE = 'private, max-age=0, no-store, no-cache, must-revalidate';

/** @param {string} file */
const readPage = (file) => readFileSync(path.join(PAGES_DIR, file));

/**
 * The real-structure claude.ai pages (tests/fixtures/pages/claude-2026-*.html, built from public
 * captures), each with its test hooks (real-page-hooks.js) added before `</body>`, by name.
 * @returns {Map<string, Buffer>}
 */
function realStructurePages() {
  const hooks = readFileSync(path.join(PAGES_DIR, 'real-page-hooks.js'), 'utf8');
  const pages = new Map();
  for (const file of readdirSync(PAGES_DIR)) {
    const name = /^(claude-\d{4}-\d{2})\.html$/.exec(file)?.[1];
    if (!name) continue;
    const html = readFileSync(path.join(PAGES_DIR, file), 'utf8');
    pages.set(name, Buffer.from(html.replace('</body>', () => `<script>${hooks}</script>\n</body>`)));
  }
  return pages;
}

/**
 * @param {Behaviour} behaviour
 * @param {'statuspage' | 'api'} flavour which default error body a bare `{ status }` gets
 * @param {number} now
 * @returns {Plan}
 */
function planFor(behaviour, flavour, now) {
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
    const { status, retryAfter } = /** @type {{ status: number, retryAfter?: number }} */ (behaviour);
    /** @type {Record<string, string>} */
    const headers = { 'cache-control': NO_STORE };
    if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
    headers['content-type'] = flavour === 'api' ? JSON_TYPE : HTML_TYPE;
    return { kind: 'send', status, headers, body: Buffer.from(defaultErrorBody(status, flavour)) };
  }
  throw new Error(`unknown behaviour ${JSON.stringify(behaviour)}`);
}

/**
 * @param {number} status
 * @param {'statuspage' | 'api'} flavour
 */
function defaultErrorBody(status, flavour) {
  const reason = http.STATUS_CODES[status] ?? (status === 529 ? 'Overloaded' : 'Error');
  if (flavour === 'api') {
    const type = status === 529 ? 'overloaded_error' : status === 429 ? 'rate_limit_error' : 'api_error';
    return JSON.stringify({ type: 'error', error: { type, message: reason } });
  }
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n</body>\r\n</html>\r\n`;
}

/** Anything but fixture data stands for the whole origin, so incidents.json answers the same way. */
const isFailure = (/** @type {Behaviour} */ behaviour) => !('fixture' in behaviour) && !('truncate' in behaviour);

/**
 * Whether the client's validators match, per RFC 9110: If-None-Match wins over If-Modified-Since.
 * @param {http.IncomingMessage} req
 * @param {Plan & { kind: 'send' }} plan
 */
function notModified(req, plan) {
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

/**
 * @param {string} dir
 */
async function makeCertificate(dir) {
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

/**
 * @param {{ scenario?: ScenarioName }} [options]
 * @returns {Promise<ReplayServer>}
 */
export async function startReplayServer(options = {}) {
  let scenarioName = checkScenario(options.scenario ?? 'healthy');
  const certDir = await mkdtemp(path.join(os.tmpdir(), 'replay-cert-'));
  let tls;
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
  /** @type {Plan} */
  let apiPlan = planFor(DEFAULT_API, 'api', Date.now());

  /** @type {LoggedRequest[]} */
  const requests = [];
  /** @type {Set<net.Socket>} */
  const sockets = new Set();

  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const host = hostOf(req.headers.host);
    const url = new URL(req.url ?? '/', 'https://replay.invalid');
    /** @type {LoggedRequest} */
    const entry = {
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

  /**
   * @param {string} host
   * @param {string} pathname
   * @returns {Plan}
   */
  function route(host, pathname, fixture) {
    const source = SOURCE_BY_HOST[host];
    if (source) {
      if (pathname === SUMMARY_PATH) return plans[source].summary;
      if (pathname === INCIDENTS_PATH) return plans[source].incidents;
      return notFound();
    }
    if (host === 'claude.ai') {
      if (pathname.startsWith('/api/')) return apiPlan;
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

  server.on('connection', (/** @type {net.Socket} */ socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Browsers that reject the self-signed certificate abort the handshake; that is not a server fault.
  server.on('tlsClientError', () => {});

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const port = /** @type {net.AddressInfo} */ (server.address()).port;

  let closing = /** @type {Promise<void> | null} */ (null);

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

/**
 * @param {Behaviour} summary
 * @param {Behaviour} incidents
 * @returns {{ summary: Plan, incidents: Plan }}
 */
function sourcePlans(summary, incidents) {
  const now = Date.now();
  const summaryPlan = planFor(summary, 'statuspage', now);
  return { summary: summaryPlan, incidents: isFailure(summary) ? summaryPlan : planFor(incidents, 'statuspage', now) };
}

/**
 * @param {ScenarioName} name
 * @returns {Record<Source, { summary: Plan, incidents: Plan }>}
 */
function scenarioPlans(name) {
  const scenario = SCENARIOS[name];
  const incidents = scenario.incidents ?? DEFAULT_INCIDENTS;
  return { primary: sourcePlans(scenario.primary, incidents), fallback: sourcePlans(scenario.fallback, incidents) };
}

/** @returns {Plan} */
function notFound() {
  return {
    kind: 'send',
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': NO_STORE },
    body: Buffer.from('Not Found'),
  };
}

/**
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {Plan} plan
 */
function send(req, res, plan) {
  if (plan.kind === 'hang') return;
  if (plan.kind === 'reset') {
    req.socket.destroy();
    return;
  }
  if (notModified(req, plan)) {
    /** @type {Record<string, string>} */
    const headers = {};
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
 * @param {string | undefined} header
 */
function hostOf(header) {
  const value = (header ?? '').trim().toLowerCase();
  const host = value.startsWith('[') ? value.slice(1, value.indexOf(']')) : value.replace(/:\d*$/, '');
  return host.replace(/\.$/, '');
}

/**
 * @param {string} name
 * @returns {ScenarioName}
 */
function checkScenario(name) {
  if (!Object.hasOwn(SCENARIOS, name)) {
    throw new Error(`unknown scenario "${name}"; known: ${Object.keys(SCENARIOS).join(', ')}`);
  }
  return /** @type {ScenarioName} */ (name);
}

/** @param {number} port */
export function hostResolverRules(port) {
  return REPLAY_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(',');
}

/**
 * @param {number} targetPort
 * @returns {Promise<import('./server.d.mts').ConnectProxy>}
 */
export async function startConnectProxy(targetPort) {
  /** @type {string[]} */
  const connects = [];
  /** @type {Set<net.Socket>} */
  const sockets = new Set();
  /** @param {net.Socket} socket */
  const track = (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A browser closing a tunnel mid-stream resets it; the other side is destroyed below.
    socket.on('error', () => socket.destroy());
  };

  // Only tunnels are served: a plain-HTTP request through this proxy would leave the fake network.
  const proxy = http.createServer((_req, res) => {
    res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' }).end('Only CONNECT to port 443 is proxied');
  });
  proxy.on('connection', (/** @type {net.Socket} */ socket) => track(socket));
  proxy.on('connect', (req, clientSocket, head) => {
    const target = req.url ?? '';
    connects.push(target);
    const client = /** @type {net.Socket} */ (clientSocket);
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
  let closing = /** @type {Promise<void> | null} */ (null);
  return {
    port: /** @type {net.AddressInfo} */ (proxy.address()).port,
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
  const scenario = /** @type {ScenarioName} */ (index >= 0 ? args[index + 1] : 'healthy');
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
