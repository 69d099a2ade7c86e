/**
 * Status pages a hostile or compromised status origin could send (issue #28), each a valid
 * summary.json under the 2 MB the fetch reads, built from the recorded healthy page so that every
 * field the parser expects is there. The unit tests build snapshots from them; the browser tests
 * serve them from the replay server (`{ body, contentType }`).
 */
import { loadFixture } from './server';

/** The claude.ai component's id on the real page (docs/status-page.md). */
const CLAUDE_AI_ID = 'rwppv331jlwc';
const JSON_TYPE = 'application/json; charset=utf-8';
const MINUTE = 60_000;

/** A summary.json value (unparsed): the healthy page with the hostile part. */
export interface HostileSummary {
  page: Record<string, unknown>;
  status: Record<string, unknown>;
  components: Record<string, unknown>[];
  incidents: unknown[];
  scheduled_maintenances: unknown[];
  [field: string]: unknown;
}

function healthyPage(now: number): HostileSummary {
  return JSON.parse(loadFixture('healthy', now)) as HostileSummary;
}

interface IncidentExtra {
  body?: string;
  components?: unknown[];
  impact?: string;
  updates?: unknown[];
}

/** One unresolved incident, its latest update saying `body`. */
function incident(id: string, name: string, now: number, extra: IncidentExtra = {}) {
  const at = new Date(now - 10 * MINUTE).toISOString();
  return {
    id,
    name,
    status: 'investigating',
    impact: extra.impact ?? 'major',
    created_at: at,
    updated_at: at,
    started_at: at,
    shortlink: `https://stspg.io/${id}`,
    incident_updates: extra.updates ?? [
      { id: `${id}-u1`, status: 'investigating', body: extra.body ?? 'We are investigating.', created_at: at },
    ],
    components: extra.components ?? [],
  };
}

/** The 1.9 MB `<` body: one incident on claude.ai whose update is 1,900,000 characters of `<`. */
export function lessThanBody(now = Date.now()): HostileSummary {
  const page = healthyPage(now);
  const claude = page.components.find((c) => c.id === CLAUDE_AI_ID);
  page.incidents = [
    incident('lt0000000001', 'Elevated errors on claude.ai', now, {
      body: '<'.repeat(1_900_000),
      components: claude ? [{ ...claude, status: 'major_outage' }] : [],
    }),
  ];
  return page;
}

/**
 * 2,000 components with ids of `idLength` characters, all named "Claude API", and 100 titles
 * naming them (50 incidents and 50 maintenances): each title names every component, so an
 * unbounded snapshot stores each id 100 times (800-character ids: 160 MB).
 */
export function manyComponents(now = Date.now(), idLength = 800): HostileSummary {
  const page = healthyPage(now);
  const at = new Date(now - 60 * MINUTE).toISOString();
  page.components = Array.from({ length: 2_000 }, (_, i) => ({
    id: `${String(i).padStart(6, '0')}${'c'.repeat(idLength - 6)}`,
    name: 'Claude API',
    status: 'operational',
    position: i + 1,
  }));
  page.incidents = Array.from({ length: 50 }, (_, i) =>
    incident(`mc${String(i).padStart(10, '0')}`, `Elevated errors on Claude API (${i})`, now),
  );
  page.scheduled_maintenances = Array.from({ length: 50 }, (_, i) => ({
    ...incident(`mm${String(i).padStart(10, '0')}`, `Claude API maintenance (${i})`, now, { impact: 'maintenance' }),
    status: 'in_progress',
    scheduled_for: at,
    scheduled_until: new Date(now + 60 * MINUTE).toISOString(),
  }));
  return page;
}

/** 50 unresolved incidents at once, each on claude.ai: an announcement for each would be 50 desktop notifications in one poll. */
export function manyIncidents(now = Date.now()): HostileSummary {
  const page = healthyPage(now);
  const claude = page.components.find((c) => c.id === CLAUDE_AI_ID);
  page.incidents = Array.from({ length: 50 }, (_, i) =>
    incident(`mi${String(i).padStart(10, '0')}`, `Elevated errors on claude.ai, case ${i + 1}`, now, {
      components: claude ? [{ ...claude, status: 'partial_outage' }] : [],
    }),
  );
  return page;
}

/**
 * As much update text as fits: 50 incidents of 80 updates, each body 285 characters of words,
 * markup and entities (1.9 MB), naming models and services in every sentence.
 */
export function manyUpdates(now = Date.now()): HostileSummary {
  const page = healthyPage(now);
  const sentence = '<p>Opus 4.6, 4.5 and Sonnet 4.6 on claude.ai &amp; the Claude API: errors&nbsp;continue.</p> ';
  page.incidents = Array.from({ length: 50 }, (_, i) => {
    const id = `mu${String(i).padStart(10, '0')}`;
    const updates = Array.from({ length: 80 }, (_, u) => ({
      id: `${id}-${u}`,
      status: 'investigating',
      body: sentence.repeat(3),
      created_at: new Date(now - (80 - u) * MINUTE).toISOString(),
      affected_components: [{ code: CLAUDE_AI_ID, name: 'claude.ai' }],
    }));
    return incident(id, `Elevated errors on Opus 4.6 (${i})`, now, { updates });
  });
  return page;
}

/**
 * Every text as long and odd as it fits: names of 25,000 invisible characters and bidi overrides
 * (65 KB each in UTF-8), and 1,000 affected components with names of 1,000 characters.
 */
export function longTexts(now = Date.now()): HostileSummary {
  const page = healthyPage(now);
  const hidden = '\u200b\u202e\u{e0041}\u3164'.repeat(5_000);
  page.page = { ...page.page, name: hidden };
  page.status = { indicator: 'major', description: hidden };
  page.components = page.components.map((c) => ({ ...c, name: `${hidden}${String(c.name)}` }));
  const affected = Array.from({ length: 1_000 }, (_, i) => ({
    code: `x${i}`,
    name: `${'Claude '.repeat(140)}${i}`,
    old_status: 'operational',
    new_status: 'major_outage',
  }));
  page.incidents = [
    incident('lt0000000002', `${hidden}Elevated errors`, now, {
      updates: [
        {
          id: 'lt0000000002-u1',
          status: 'investigating',
          body: hidden,
          created_at: new Date(now - MINUTE).toISOString(),
          affected_components: affected,
        },
      ],
    }),
  ];
  return page;
}

/** The hostile summaries by name, each a function of the time the page is served at. */
export const HOSTILE_SUMMARIES = {
  'less-than-body': lessThanBody,
  'many-components': manyComponents,
  'many-incidents': manyIncidents,
  'many-updates': manyUpdates,
  'long-texts': longTexts,
} as const satisfies Record<string, (now?: number) => HostileSummary>;

export type HostileSummaryName = keyof typeof HOSTILE_SUMMARIES;

/** A hostile summary as the replay server serves it (compact JSON, as Statuspage sends it). */
export function hostileBehaviour(name: HostileSummaryName, now = Date.now()): { body: string; contentType: string } {
  return { body: JSON.stringify(HOSTILE_SUMMARIES[name](now)), contentType: JSON_TYPE };
}
