import type { IncomingHttpHeaders } from 'node:http';
import type { Behaviour, ScenarioName, Source } from './scenarios.d.mts';

export type { Behaviour, ScenarioName, Source } from './scenarios.d.mts';

/** The fake hosts the certificate covers and the server routes (plus localhost and 127.0.0.1). */
export declare const REPLAY_HOSTS: readonly [
  'status.claude.com',
  'anthropic.statuspage.io',
  'claude.ai',
  'platform.claude.com',
  'elsewhere.example',
];

/** A site that is neither Claude's nor the status page's (a page that frames claude.ai; where a hijacked status origin redirects). */
export declare const OTHER_SITE: 'elsewhere.example';

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

export declare function startReplayServer(options?: { scenario?: ScenarioName }): Promise<ReplayServer>;

export interface ConnectProxy {
  port: number;
  /** Every CONNECT in arrival order, as 'host:port'. */
  readonly connects: string[];
  close(): Promise<void>;
}

/** A CONNECT proxy that tunnels any host:443 to 127.0.0.1:targetPort (for Firefox). */
export declare function startConnectProxy(targetPort: number): Promise<ConnectProxy>;

/** Chromium's --host-resolver-rules value that sends every replay host to 127.0.0.1:port. */
export declare function hostResolverRules(port: number): string;

/**
 * A fixture's text with its dates moved so that the summary's page.updated_at is `now`
 * (incidents.json: its newest incident's updated_at is `now` minus one hour).
 */
export declare function loadFixture(name: string, now?: number): string;
