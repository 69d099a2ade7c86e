/**
 * Schemas of the Statuspage public API v2 (summary.json, incidents.json), with their types.
 * Tolerant by design: fields Statuspage adds are stripped, fields it omits are optional, and
 * enum values it does not document become `unknown` instead of failing the whole parse
 * (shapes: docs/status-page.md, https://developer.statuspage.io/).
 */
import * as z from 'zod/mini';
import { head, MAX_BODY, MAX_NAME, RAW_PER_SHOWN } from './text';

// zod probes `new Function` to decide whether it may compile parsers, which web-ext lint flags
// (DANGEROUS_EVAL) and MV3's CSP forbids anyway; jitless skips the probe.
// https://zod.dev/packages/core#jitless
z.config({ jitless: true });

/** A string enum that never fails: values outside `values` parse as 'unknown'. */
function tolerantEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.catch(z.enum([...values, 'unknown']), 'unknown' as const);
}

/**
 * Bounds on what a status origin sends, applied while parsing, before any costly work: each text
 * is cut to what is ever read of it, ids and dates longer than any real one are refused, and each
 * list is read up to a count. A hostile or compromised origin (the fallback origin and its CDN
 * are not Anthropic's) can fill 2 MB with whatever it likes; past these bounds, it is not read.
 * SECURITY.md lists them with their figures.
 */
/** Statuspage ids are 12 characters; an id is stored with every incident that names its service. */
export const MAX_ID = 64;
/** ISO times are 24 characters; anything longer is no time. */
const MAX_TIME = 64;
/** Rows read from each list; the rest is not parsed. Real pages: 6 components, a handful of incidents. */
export const MAX_ROWS = {
  /** summary.json's components (groups included), and those an incident lists. */
  components: 200,
  /** Incidents and maintenances in one list. */
  incidents: 100,
  /** Updates of one incident, half from each end of the list (the snapshot keeps 20). */
  updates: 50,
  /** Affected components of one update. */
  affected: 20,
} as const;

/** A text cut to `chars` before anything reads it. */
function cutText(chars: number) {
  return z.pipe(
    z.catch(z.string(), ''),
    z.transform((text: string) => head(text, chars)),
  );
}
/** Names: what is shown, times RAW_PER_SHOWN (room for markup and what cleaning removes). */
const nameText = cutText(MAX_NAME * RAW_PER_SHOWN);
const optionalText = z.catch(
  z.optional(z.nullable(z.string().check(z.maxLength(MAX_NAME * RAW_PER_SHOWN)))),
  undefined,
);
const optionalTime = z.catch(z.optional(z.nullable(z.string().check(z.maxLength(MAX_TIME)))), undefined);
const optionalId = z.catch(z.optional(z.nullable(z.string().check(z.maxLength(MAX_ID)))), undefined);
/** Links are checked later (sources.ts safeStatusLink), which refuses any over 2,048 characters. */
const optionalLink = z.catch(z.optional(z.nullable(z.string().check(z.maxLength(2048)))), undefined);
const id = z.string().check(z.maxLength(MAX_ID));
const optionalNumber = z.catch(z.optional(z.nullable(z.number())), undefined);

export const COMPONENT_STATUSES = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
] as const;
export const componentStatusSchema = tolerantEnum(COMPONENT_STATUSES);
export type ComponentStatus = z.infer<typeof componentStatusSchema>;

export const INDICATORS = ['none', 'minor', 'major', 'critical', 'maintenance'] as const;
export const indicatorSchema = tolerantEnum(INDICATORS);
export type Indicator = z.infer<typeof indicatorSchema>;

export const IMPACTS = ['none', 'minor', 'major', 'critical', 'maintenance'] as const;
export const impactSchema = tolerantEnum(IMPACTS);
export type Impact = z.infer<typeof impactSchema>;

export const INCIDENT_STATUSES = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem',
  'scheduled',
  'in_progress',
  'verifying',
  'completed',
] as const;
export const incidentStatusSchema = tolerantEnum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;

/**
 * The statuses after which an incident (resolved, postmortem) or a maintenance (completed) is
 * over: every surface leaves them out, and a resolution is read from them.
 */
export function isClosed(status: IncidentStatus): boolean {
  return status === 'resolved' || status === 'postmortem' || status === 'completed';
}

export const componentSchema = z.object({
  id,
  name: nameText,
  status: z._default(componentStatusSchema, 'unknown'),
  position: optionalNumber,
  description: optionalText,
  group_id: optionalId,
  group: z.catch(z.optional(z.boolean()), undefined),
  only_show_if_degraded: z.catch(z.optional(z.boolean()), undefined),
  // Only whether a group has members is read.
  components: z.catch(z.optional(lenientArray(z.string(), 'empty', MAX_ROWS.components)), undefined),
  updated_at: optionalTime,
});
export type StatuspageComponent = z.infer<typeof componentSchema>;

export const affectedComponentSchema = z.object({
  code: z.catch(id, ''),
  name: nameText,
  old_status: z.optional(componentStatusSchema),
  new_status: z.optional(componentStatusSchema),
});

export const incidentUpdateSchema = z.object({
  id: z.catch(id, ''),
  status: z._default(incidentStatusSchema, 'unknown'),
  body: cutText(MAX_BODY * RAW_PER_SHOWN),
  created_at: optionalTime,
  updated_at: optionalTime,
  display_at: optionalTime,
  // Row by row, like every list here: one malformed entry must not hide the others.
  affected_components: z.catch(
    z.optional(z.nullable(lenientArray(affectedComponentSchema, 'empty', MAX_ROWS.affected))),
    undefined,
  ),
});
export type StatuspageIncidentUpdate = z.infer<typeof incidentUpdateSchema>;

/** At most `max` rows: the first ones, or with `ends`, half from each end (a list in either order keeps its newest). */
function someRows(rows: unknown[], max: number, ends: boolean): unknown[] {
  if (rows.length <= max) return rows;
  return ends
    ? [...rows.slice(0, Math.ceil(max / 2)), ...rows.slice(rows.length - Math.floor(max / 2))]
    : rows.slice(0, max);
}

/**
 * A list whose malformed rows are dropped one by one rather than sinking the whole list; at most
 * `maxRows` of its rows are read.
 */
function lenientArray<T extends z.core.$ZodType>(
  item: T,
  whenMissing: 'empty' | 'fail',
  maxRows: number,
  ends = false,
) {
  const list = z.array(z.unknown());
  return z.pipe(
    whenMissing === 'empty' ? z.catch(list, []) : list,
    z.transform((rows: unknown[]) => {
      const parsed: z.infer<T>[] = [];
      for (const row of someRows(rows, maxRows, ends)) {
        const result = z.safeParse(item, row);
        if (result.success) parsed.push(result.data as z.infer<T>);
      }
      return parsed;
    }),
  );
}

export const statuspageIncidentSchema = z.object({
  id,
  name: nameText,
  status: z._default(incidentStatusSchema, 'unknown'),
  impact: z._default(impactSchema, 'unknown'),
  created_at: optionalTime,
  updated_at: optionalTime,
  started_at: optionalTime,
  monitoring_at: optionalTime,
  resolved_at: optionalTime,
  shortlink: optionalLink,
  scheduled_for: optionalTime,
  scheduled_until: optionalTime,
  // Statuspage lists updates newest first; from both ends, the newest are read in either order.
  incident_updates: lenientArray(incidentUpdateSchema, 'empty', MAX_ROWS.updates, true),
  components: lenientArray(componentSchema, 'empty', MAX_ROWS.components),
});
export type StatuspageIncident = z.infer<typeof statuspageIncidentSchema>;

export const pageSchema = z.object({
  id: z.catch(id, ''),
  name: nameText,
  url: optionalLink,
  time_zone: optionalId,
  updated_at: optionalTime,
});

export const summarySchema = z.object({
  page: pageSchema,
  status: z.catch(z.object({ indicator: z._default(indicatorSchema, 'unknown'), description: nameText }), {
    indicator: 'unknown' as const,
    description: '',
  }),
  components: z.array(z.unknown()).check(z.minLength(0)),
  incidents: lenientArray(statuspageIncidentSchema, 'empty', MAX_ROWS.incidents),
  scheduled_maintenances: lenientArray(statuspageIncidentSchema, 'empty', MAX_ROWS.incidents),
});

/** summary.json after parsing; components are parsed one by one so a bad row is dropped. */
export interface Summary {
  page: z.infer<typeof pageSchema>;
  status: { indicator: Indicator; description: string };
  components: StatuspageComponent[];
  incidents: StatuspageIncident[];
  scheduled_maintenances: StatuspageIncident[];
}

export const incidentsListSchema = z.object({
  page: z.optional(pageSchema),
  // The list is the whole body here: without it, this is not an incidents list (not "no incidents").
  incidents: lenientArray(statuspageIncidentSchema, 'fail', MAX_ROWS.incidents),
});
export type IncidentsList = z.infer<typeof incidentsListSchema>;

export type ParseErrorKind = 'not-json' | 'invalid' | 'too-large';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; kind: ParseErrorKind; message: string };

/** Far above a real summary (about 20 KB in 2026); beyond it we refuse rather than parse. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Refuses nesting deeper than any Statuspage shape needs, before JSON.parse builds it. */
const MAX_NESTING = 64;

function tooDeep(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */) {
      // Jump to the closing quote: most of a summary is text inside strings (bench: scale).
      let end = text.indexOf('"', i + 1);
      while (end !== -1) {
        let backslashes = 0;
        while (text.charCodeAt(end - 1 - backslashes) === 92 /* \ */) backslashes++;
        if (backslashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end === -1) return false;
      i = end;
    } else if (ch === 123 || ch === 91) {
      depth++;
      if (depth > MAX_NESTING) return true;
    } else if (ch === 125 || ch === 93) depth--;
  }
  return false;
}

/** Text -> JSON, refusing HTML pages, oversize bodies and pathological nesting. */
export function parseJsonText(text: string): ParseResult<unknown> {
  if (text.length > MAX_BODY_BYTES) {
    return { ok: false, kind: 'too-large', message: `body over ${MAX_BODY_BYTES} bytes` };
  }
  // The first non-blank character, without copying a body of up to 2 MB as trimStart() would.
  const start = /\S/.exec(text)?.[0] ?? '';
  if (start !== '{' && start !== '[') {
    const looksHtml = /^\s*</.test(text);
    return {
      ok: false,
      kind: 'not-json',
      message: looksHtml ? 'HTML instead of JSON (challenge or error page)' : 'not JSON',
    };
  }
  if (tooDeep(text)) return { ok: false, kind: 'invalid', message: `JSON nested deeper than ${MAX_NESTING}` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, kind: 'not-json', message: `malformed JSON: ${(error as Error).message.slice(0, 120)}` };
  }
}

function describeIssues(error: z.core.$ZodError): string {
  const first = error.issues[0];
  if (!first) return 'schema mismatch';
  return `${first.path.join('.') || '(root)'}: ${first.message}`.slice(0, 200);
}

/** Parses summary.json. Malformed components are dropped one by one; a missing list fails. */
export function parseSummary(json: unknown): ParseResult<Summary> {
  const result = z.safeParse(summarySchema, json);
  if (!result.success) return { ok: false, kind: 'invalid', message: describeIssues(result.error) };
  const components: StatuspageComponent[] = [];
  for (const row of result.data.components.slice(0, MAX_ROWS.components)) {
    const parsed = z.safeParse(componentSchema, row);
    if (parsed.success) components.push(parsed.data);
  }
  return { ok: true, value: { ...result.data, components } };
}

export function parseSummaryText(text: string): ParseResult<Summary> {
  const json = parseJsonText(text);
  return json.ok ? parseSummary(json.value) : json;
}

export function parseIncidentsList(json: unknown): ParseResult<IncidentsList> {
  const result = z.safeParse(incidentsListSchema, json);
  if (!result.success) return { ok: false, kind: 'invalid', message: describeIssues(result.error) };
  return { ok: true, value: result.data };
}
