/**
 * The status model as stored by the background and read by every surface: schemas and the
 * types inferred from them, so what comes out of storage is parsed by the same definition
 * the background wrote it with.
 */
import * as z from 'zod/mini';
import { SEVERITIES } from './severity';
import { incidentStatusSchema } from './statuspage';

const severitySchema = z.enum(SEVERITIES);
const isoSchema = z.nullable(z.string());

export const serviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: severitySchema,
  position: z.number(),
  groupId: z.nullable(z.string()),
});
export type Service = z.infer<typeof serviceSchema>;

export const serviceGroupSchema = z.object({ id: z.string(), name: z.string(), position: z.number() });
export type ServiceGroup = z.infer<typeof serviceGroupSchema>;

export const incidentUpdateSchema = z.object({
  id: z.string(),
  status: incidentStatusSchema,
  body: z.string(),
  at: isoSchema,
});
export type IncidentUpdate = z.infer<typeof incidentUpdateSchema>;

/** A model an incident names (core/models/claude-models.ts reads them from its words). */
export const modelNameSchema = z.object({
  family: z.string(),
  version: z.string(),
  label: z.string(),
  variant: z.optional(z.literal('fast')),
});

export const modelScopeSchema = z.union([
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('fleet') }),
  z.object({ kind: z.literal('models'), models: z.array(modelNameSchema), families: z.optional(z.array(z.string())) }),
  z.object({ kind: z.literal('fleet-except'), except: z.array(modelNameSchema) }),
]);

/** What an incident reaches when its components do not say (core/status-page/incident-scope.ts). */
export const incidentReachSchema = z.object({
  surfaces: z.enum(['named', 'all', 'none']),
  platforms: z.array(z.enum(['bedrock', 'vertex'])),
});

export const incidentSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: incidentStatusSchema,
  severity: severitySchema,
  impact: z.string(),
  startedAt: isoSchema,
  updatedAt: isoSchema,
  url: z.nullable(z.string()),
  /** Services named by the page; empty when the page names none (then it may touch any). */
  serviceIds: z.array(z.string()),
  /** Newest first. */
  updates: z.array(incidentUpdateSchema),
  /**
   * Read from its words when the snapshot is built, so that the popup needs no text rules (its
   * size budget): the models it names, and what it reaches. Absent in snapshots stored before
   * version 2 of the status item (then: no models, and the services it names, or all).
   */
  models: z.optional(modelScopeSchema),
  reach: z.optional(incidentReachSchema),
});
export type Incident = z.infer<typeof incidentSchema>;

export const maintenanceSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: incidentStatusSchema,
  scheduledFor: isoSchema,
  scheduledUntil: isoSchema,
  serviceIds: z.array(z.string()),
  url: z.nullable(z.string()),
  inProgress: z.boolean(),
});
export type Maintenance = z.infer<typeof maintenanceSchema>;

export const snapshotSchema = z.object({
  pageName: z.string(),
  pageUpdatedAt: isoSchema,
  indicator: z.string(),
  description: z.string(),
  severity: severitySchema,
  services: z.array(serviceSchema),
  groups: z.array(serviceGroupSchema),
  incidents: z.array(incidentSchema),
  maintenances: z.array(maintenanceSchema),
  /** Some incidents or updates were left out to bound what is stored (core/status-page/snapshot.ts); absent in v1. */
  trimmed: z.optional(z.boolean()),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const FETCH_ERROR_KINDS = [
  'network',
  'timeout',
  'http',
  'rate-limited',
  'not-json',
  'invalid',
  'too-large',
  'permission',
] as const;
export const fetchErrorKindSchema = z.enum(FETCH_ERROR_KINDS);
export type FetchErrorKind = z.infer<typeof fetchErrorKindSchema>;

export const sourceIdSchema = z.enum(['primary', 'fallback']);

export const validatorsSchema = z.object({
  source: sourceIdSchema,
  etag: z.nullable(z.string()),
  lastModified: z.nullable(z.string()),
});
export type Validators = z.infer<typeof validatorsSchema>;

export const fetchHealthSchema = z.object({
  lastAttemptAt: isoSchema,
  lastSuccessAt: isoSchema,
  /** Since when every attempt has failed; null while the last attempt succeeded. */
  failingSince: isoSchema,
  lastErrorKind: z.nullable(fetchErrorKindSchema),
  lastError: z.nullable(z.string()),
  /** Which origin gave the snapshot we hold. */
  source: z.nullable(sourceIdSchema),
  consecutiveFailures: z.number(),
  /** No scheduled poll runs before this (backoff, Retry-After). */
  retryAt: isoSchema,
  /** The status page asked us (Retry-After) to wait until then: no poll at all before, not even a refresh. */
  retryAfterUntil: isoSchema,
  /** When a page's hint last caused a poll (hints coalesce, core/polling/poll-gate.ts). */
  hintedAt: isoSchema,
  /** The primary failed (challenge, HTML, 4xx/5xx): polls go straight to the fallback until then. */
  primaryAvoidUntil: isoSchema,
  /** How many times in a row the primary failed when tried; the avoid window grows with it. */
  primaryStrikes: z.number(),
  /** At most one per source: each origin's ETag / Last-Modified only ever go back to that origin. */
  validators: z.array(validatorsSchema),
  /**
   * The last answer was heavy (core/status-page/budget.ts): its digest, and how many heavy answers
   * came in a row (the backoff grows with them). null after a normal answer. Since version 3.
   */
  heavy: z.nullable(z.object({ digest: z.string(), strikes: z.number() })),
});
export type FetchHealth = z.infer<typeof fetchHealthSchema>;

export const statusStateSchema = z.object({
  snapshot: z.nullable(snapshotSchema),
  health: fetchHealthSchema,
});
export type StatusState = z.infer<typeof statusStateSchema>;

export const EMPTY_HEALTH: FetchHealth = {
  lastAttemptAt: null,
  lastSuccessAt: null,
  failingSince: null,
  lastErrorKind: null,
  lastError: null,
  source: null,
  consecutiveFailures: 0,
  retryAt: null,
  retryAfterUntil: null,
  hintedAt: null,
  primaryAvoidUntil: null,
  primaryStrikes: 0,
  validators: [],
  heavy: null,
};

export const STATUS_VERSION = 3;

/**
 * Version 1 to 2. Version 2 adds the Retry-After, hint and sticky-source fields of the fetch health
 * and what incidents name and reach (`models`, `reach`, built with the snapshot). The stored
 * snapshot is kept; the validators are dropped, so that the next poll fetches summary.json in full
 * and builds what incidents name and reach. A value that already is version 2 passes through
 * (storage may hold one without a version mark).
 */
export function migrateStatusV1toV2(old: unknown): unknown {
  if (z.safeParse(statusStateSchema, old).success) return old;
  const v1 = (typeof old === 'object' && old !== null ? old : {}) as { snapshot?: unknown; health?: unknown };
  const health = (typeof v1.health === 'object' && v1.health !== null ? v1.health : {}) as Record<string, unknown>;
  return {
    snapshot: v1.snapshot ?? null,
    health: {
      ...EMPTY_HEALTH,
      ...health,
      retryAfterUntil: null,
      hintedAt: null,
      primaryAvoidUntil: null,
      primaryStrikes: 0,
      validators: [],
    },
  };
}

/**
 * Version 2 to 3 adds `heavy` to the fetch health (no heavy answer known yet). A value that
 * already is version 3 passes through.
 */
export function migrateStatusV2toV3(old: unknown): unknown {
  if (z.safeParse(statusStateSchema, old).success) return old;
  const v2 = (typeof old === 'object' && old !== null ? old : {}) as { snapshot?: unknown; health?: unknown };
  const health = typeof v2.health === 'object' && v2.health !== null ? v2.health : {};
  return { ...v2, health: { ...health, heavy: null } };
}

export const STATUS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: migrateStatusV1toV2,
  3: migrateStatusV2toV3,
};

export const EMPTY_STATUS: StatusState = { snapshot: null, health: EMPTY_HEALTH };
