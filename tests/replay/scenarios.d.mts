/** Names of the summary.json fixtures in tests/fixtures/statuspage/. */
export type SummaryFixture =
  | 'healthy'
  | 'claude-ai-partial'
  | 'major-outage'
  | 'many-models'
  | 'cowork-only'
  | 'api-outage'
  | 'maintenance'
  | 'unknown-enums'
  | 'added-component'
  | 'hostile';

/** A fixture name: a summary fixture, 'incidents', or any other JSON file in that folder. */
export type FixtureName = SummaryFixture | 'incidents' | (string & {});

/** How one endpoint answers. */
export type Behaviour =
  /** The fixture, dates shifted to now, with ETag and Last-Modified (304 on a match). */
  | { fixture: FixtureName }
  /** The first half of the fixture's bytes, served as a complete 200 response. */
  | { truncate: FixtureName }
  /** A 302 to this address (another origin, for a hijacked status origin). */
  | { redirect: string }
  /** The CDN challenge page (challenge.html) as text/html with this status. */
  | { challenge: number }
  /** An error status with a small default body (HTML for the status hosts, JSON for claude.ai/api). */
  | { status: number; retryAfter?: number; body?: string; contentType?: string }
  /** Exactly this body (status 200 unless given). */
  | { body: string; contentType?: string; status?: number }
  /** The request is read and never answered (until the server closes). */
  | { hang: true }
  /** The connection is destroyed without a response. */
  | { reset: true };

export type Source = 'primary' | 'fallback';

export interface Scenario {
  primary: Behaviour;
  fallback: Behaviour;
  /** incidents.json on a source whose summary is served; default `{ fixture: 'incidents' }`. */
  incidents?: Behaviour;
}

export type ScenarioName =
  | SummaryFixture
  | 'challenged-primary'
  | 'challenged-200'
  | 'all-down'
  | 'hang'
  | 'rate-limited'
  | 'server-error';

export declare const SUMMARY_FIXTURES: readonly SummaryFixture[];
export declare const SCENARIOS: Readonly<Record<ScenarioName, Readonly<Scenario>>>;
