/**
 * Schemas of the Statuspage public API v2 (summary.json, incidents.json), with their types.
 * Tolerant by design: fields Statuspage adds are stripped, fields it omits are optional, and
 * enum values it does not document become `unknown` instead of failing the whole parse
 * (shapes: docs/status-page.md, https://developer.statuspage.io/).
 */
import * as z from 'zod/mini';

// zod probes `new Function` to decide whether it may compile parsers, which web-ext lint flags
// (DANGEROUS_EVAL) and MV3's CSP forbids anyway; jitless skips the probe.
// https://zod.dev/packages/core#jitless
z.config({ jitless: true });

/** A string enum that never fails: values outside `values` parse as 'unknown'. */
function tolerantEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.catch(z.enum([...values, 'unknown']), 'unknown' as const);
}

const optionalText = z.catch(z.optional(z.nullable(z.string())), undefined);
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
  id: z.string(),
  name: z.catch(z.string(), ''),
  status: z._default(componentStatusSchema, 'unknown'),
  position: optionalNumber,
  description: optionalText,
  group_id: optionalText,
  group: z.catch(z.optional(z.boolean()), undefined),
  only_show_if_degraded: z.catch(z.optional(z.boolean()), undefined),
  components: z.catch(z.optional(z.array(z.string())), undefined),
  updated_at: optionalText,
});
export type StatuspageComponent = z.infer<typeof componentSchema>;

export const affectedComponentSchema = z.object({
  code: z.catch(z.string(), ''),
  name: z.catch(z.string(), ''),
  old_status: z.optional(componentStatusSchema),
  new_status: z.optional(componentStatusSchema),
});

export const incidentUpdateSchema = z.object({
  id: z.catch(z.string(), ''),
  status: z._default(incidentStatusSchema, 'unknown'),
  body: z.catch(z.string(), ''),
  created_at: optionalText,
  updated_at: optionalText,
  display_at: optionalText,
  // Row by row, like every list here: one malformed entry must not hide the others.
  affected_components: z.catch(z.optional(z.nullable(lenientArray(affectedComponentSchema))), undefined),
});
export type StatuspageIncidentUpdate = z.infer<typeof incidentUpdateSchema>;

/** One element of an array that must not sink the whole list when it is malformed. */
function lenientArray<T extends z.core.$ZodType>(item: T, whenMissing: 'empty' | 'fail' = 'empty') {
  const list = z.array(z.unknown());
  return z.pipe(
    whenMissing === 'empty' ? z.catch(list, []) : list,
    z.transform((rows: unknown[]) => {
      const parsed: z.infer<T>[] = [];
      for (const row of rows) {
        const result = z.safeParse(item, row);
        if (result.success) parsed.push(result.data as z.infer<T>);
      }
      return parsed;
    }),
  );
}

export const statuspageIncidentSchema = z.object({
  id: z.string(),
  name: z.catch(z.string(), ''),
  status: z._default(incidentStatusSchema, 'unknown'),
  impact: z._default(impactSchema, 'unknown'),
  created_at: optionalText,
  updated_at: optionalText,
  started_at: optionalText,
  monitoring_at: optionalText,
  resolved_at: optionalText,
  shortlink: optionalText,
  scheduled_for: optionalText,
  scheduled_until: optionalText,
  incident_updates: lenientArray(incidentUpdateSchema),
  components: lenientArray(componentSchema),
});
export type StatuspageIncident = z.infer<typeof statuspageIncidentSchema>;

export const pageSchema = z.object({
  id: z.catch(z.string(), ''),
  name: z.catch(z.string(), ''),
  url: optionalText,
  time_zone: optionalText,
  updated_at: optionalText,
});

export const summarySchema = z.object({
  page: pageSchema,
  status: z.catch(
    z.object({ indicator: z._default(indicatorSchema, 'unknown'), description: z.catch(z.string(), '') }),
    { indicator: 'unknown' as const, description: '' },
  ),
  components: z.array(z.unknown()).check(z.minLength(0)),
  incidents: lenientArray(statuspageIncidentSchema),
  scheduled_maintenances: lenientArray(statuspageIncidentSchema),
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
  incidents: lenientArray(statuspageIncidentSchema, 'fail'),
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
  for (const row of result.data.components) {
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
