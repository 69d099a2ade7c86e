/**
 * What status.claude.com ("primary") and anthropic.statuspage.io ("fallback") answer in each
 * replay scenario. Types: scenarios.d.mts. Fixtures: tests/fixtures/statuspage/NAME.json.
 *
 * Timeline of the summary fixtures, relative to page.updated_at (which the server moves to "now"):
 * - claude-ai-partial, unknown-enums: incident opened 14 min before, identified at "now".
 * - major-outage: opened 35 min before, three updates, the last at "now".
 * - many-models: opened 46 min before, four updates, the last (monitoring) at "now".
 * - cowork-only: opened 26 min before; api-outage: opened 9 min before.
 * - maintenance: Console maintenance in progress since "now", for 2 h; API maintenance in about 2 days.
 * - hostile: opened 5 min before.
 */

/** @typedef {import('./scenarios.d.mts').Scenario} Scenario */

/** @type {import('./scenarios.d.mts').SummaryFixture[]} */
export const SUMMARY_FIXTURES = [
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

/** @param {string} fixture @returns {Scenario} */
const both = (fixture) => ({ primary: { fixture }, fallback: { fixture } });

/** @type {Readonly<Record<import('./scenarios.d.mts').ScenarioName, Readonly<Scenario>>>} */
export const SCENARIOS = deepFreeze({
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
 * @template T
 * @param {T} value
 * @returns {T}
 */
function deepFreeze(value) {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
