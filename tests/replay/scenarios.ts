/**
 * What status.claude.com ("primary") and anthropic.statuspage.io ("fallback") answer in each
 * replay scenario. Fixtures: tests/fixtures/statuspage/NAME.json.
 *
 * Timeline of the summary fixtures, relative to page.updated_at (which the server moves to "now"):
 * - claude-ai-partial, unknown-enums: incident opened 14 min before, identified at "now".
 * - major-outage: opened 35 min before, three updates, the last at "now".
 * - many-models: opened 46 min before, four updates, the last (monitoring) at "now".
 * - cowork-only: opened 26 min before; api-outage: opened 9 min before.
 * - maintenance: Console maintenance in progress since "now", for 2 h; API maintenance in about 2 days.
 * - hostile: opened 5 min before.
 */

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

export const SUMMARY_FIXTURES: SummaryFixture[] = [
  'healthy',
  'claude-ai-partial',
  'major-outage',
  'many-models',
  'cowork-only',
  'api-outage',
  'maintenance',
  'unknown-enums',
  'added-component',
  'hostile',
];

const both = (fixture: FixtureName): Scenario => ({ primary: { fixture }, fallback: { fixture } });

export const SCENARIOS: Readonly<Record<ScenarioName, Readonly<Scenario>>> = deepFreeze({
  healthy: both('healthy'),
  'claude-ai-partial': both('claude-ai-partial'),
  'major-outage': both('major-outage'),
  'many-models': both('many-models'),
  'cowork-only': both('cowork-only'),
  'api-outage': both('api-outage'),
  maintenance: both('maintenance'),
  'unknown-enums': both('unknown-enums'),
  'added-component': both('added-component'),
  hostile: both('hostile'),
  // The CDN answers scripted clients with a challenge page (seen as HTTP 405 in autumn 2026).
  'challenged-primary': { primary: { challenge: 405 }, fallback: { fixture: 'healthy' } },
  'challenged-200': { primary: { challenge: 200 }, fallback: { fixture: 'healthy' } },
  'all-down': { primary: { status: 503 }, fallback: { reset: true } },
  hang: { primary: { hang: true }, fallback: { hang: true } },
  'rate-limited': { primary: { status: 429, retryAfter: 120 }, fallback: { status: 429, retryAfter: 120 } },
  'server-error': { primary: { status: 500 }, fallback: { status: 500 } },
});

/**
 * Tests share this table; freezing it makes an accidental edit throw instead of leaking into
 * the next test.
 */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
