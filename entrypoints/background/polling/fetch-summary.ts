/**
 * One request for summary.json (or another status JSON) to one origin: timeout, conditional
 * headers, a size cap while reading, and every failure turned into a typed outcome (never a throw).
 */
import type { FailureOutcome, FetchOutcome } from '../../../core/polling/health';
import { HEAVY_ANSWER_CHARS, workBudget } from '../../../core/status-page/budget';
import { buildSnapshotWithin } from '../../../core/status-page/snapshot';
import { SOURCES, type SourceId, STATUS_ORIGINS, SUMMARY_PATH } from '../../../core/status-page/sources';
import type { Validators } from '../../../core/status-page/status-model';
import { MAX_BODY_BYTES, parseSummaryText } from '../../../core/status-page/statuspage';
import { TEST_BUILD, TEST_TIMINGS } from '../../../core/time/test-build';
import { SECOND_MS } from '../../../core/time/time';

export const FETCH_TIMEOUT_MS = TEST_BUILD ? TEST_TIMINGS.fetchTimeoutMs : 10 * SECOND_MS;

export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * SECOND_MS;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

class TooLargeError extends Error {}

/** Reads at most MAX_BODY_BYTES, refusing the rest instead of buffering it. */
async function readCapped(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_BODY_BYTES) throw new TooLargeError(`declared ${declared} bytes`);
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new TooLargeError(`over ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** Whether the response came from a status origin (after any redirects the fetch followed). */
function fromStatusOrigin(response: Response): boolean {
  // A Response built without a URL (not from the network) says nothing about redirects.
  if (response.url === '') return !response.redirected;
  try {
    return (STATUS_ORIGINS as readonly string[]).includes(new URL(response.url).origin);
  } catch {
    return false;
  }
}

function failure(kind: FailureOutcome['errorKind'], message: string, retryAfterMs?: number | null): FailureOutcome {
  return { kind: 'failure', errorKind: kind, message, retryAfterMs: retryAfterMs ?? null };
}

/** Thrown by a fetch wrapper when a request failed and the extension lacks access to the origin. */
export class MissingPermissionError extends Error {}

export type StatusAnswer = { kind: 'not-modified' } | { kind: 'body'; text: string; headers: Headers } | FailureOutcome;

/**
 * One GET of `path` on a source's origin: timeout, size cap while reading, and every failure
 * turned into a typed outcome (never a throw). Shared by summary.json and incidents.json.
 */
export async function fetchStatusText(
  source: SourceId,
  path: string,
  headers: Record<string, string>,
  fetchFn: FetchFn,
  nowMs: number,
  timeoutMs = FETCH_TIMEOUT_MS,
): Promise<StatusAnswer> {
  const origin = SOURCES.find((s) => s.id === source)?.origin;
  if (!origin) return failure('network', `unknown source ${source}`);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // `no-store` keeps the HTTP cache out of the way: we send our own conditional headers.
    const response = await fetchFn(`${origin}${path}`, {
      headers: { accept: 'application/json', ...headers },
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'follow',
      signal: controller.signal,
    });
    // Only the status origins speak for the status page: an answer from wherever a redirect led
    // is not the status (a hijacked or misconfigured origin could send us anywhere).
    if (!fromStatusOrigin(response)) return failure('http', `redirected away from ${new URL(origin).host}`);
    if (response.status === 304) return { kind: 'not-modified' };
    if (response.status === 429 || response.status === 503) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), nowMs);
      return failure(response.status === 429 ? 'rate-limited' : 'http', `HTTP ${response.status}`, retryAfterMs);
    }
    const text = await readCapped(response);
    if (!response.ok) {
      const html = /^\s*</.test(text) ? ' with an HTML page' : '';
      return failure('http', `HTTP ${response.status}${html}`);
    }
    return { kind: 'body', text, headers: response.headers };
  } catch (error) {
    if (error instanceof TooLargeError) return failure('too-large', `body ${error.message}`);
    if (controller.signal.aborted) return failure('timeout', `no answer within ${timeoutMs / SECOND_MS} s`);
    if (error instanceof MissingPermissionError) return failure('permission', error.message);
    return failure('network', (error as Error).message || 'network error');
  } finally {
    clearTimeout(timer);
  }
}

/** A validator longer than this is not kept (nor sent back): real ETags are about 40 characters. */
const MAX_VALIDATOR = 256;

/** A validator as kept and sent back: none when it is longer than a real one. */
export function keptValidator(value: string | null): string | null {
  return value !== null && value.length <= MAX_VALIDATOR ? value : null;
}

/** SHA-256 of a heavy answer, 128 bits in hex: enough to know the same answer when it comes again. */
async function digestOf(text: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(hash).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A turn for the messages and events waiting while an answer is parsed. */
const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface SummaryOptions {
  timeoutMs?: number;
  /** The digest of the heavy answer the stored snapshot came from: the same answer again is not parsed again. */
  heavyDigest?: string | null;
  /** The clock of the work budget (ms). */
  clock?: () => number;
}

export async function fetchSummary(
  source: SourceId,
  validators: Validators | null,
  fetchFn: FetchFn,
  nowMs: number,
  options: SummaryOptions = {},
): Promise<FetchOutcome> {
  const headers: Record<string, string> = {};
  // Validators belong to the origin that gave them.
  if (validators?.source === source) {
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  }
  const answer = await fetchStatusText(source, SUMMARY_PATH, headers, fetchFn, nowMs, options.timeoutMs);
  if (answer.kind === 'not-modified') return { kind: 'success', source, snapshot: null, validators, heavy: null };
  if (answer.kind === 'failure') return answer;
  const next: Validators = {
    source,
    etag: keptValidator(answer.headers.get('etag')),
    lastModified: keptValidator(answer.headers.get('last-modified')),
  };
  // An answer far larger than a real page: known again by its digest, it is neither parsed nor
  // built again, and the origin is backed off while it keeps sending heavy answers (core/polling/health.ts).
  const digest = answer.text.length > HEAVY_ANSWER_CHARS ? await digestOf(answer.text) : null;
  if (digest !== null && digest === options.heavyDigest) {
    return { kind: 'success', source, snapshot: null, validators: next, heavy: digest };
  }
  const parsed = parseSummaryText(answer.text);
  if (!parsed.ok) return failure(parsed.kind, parsed.message);
  await yieldToEvents();
  const built = buildSnapshotWithin(parsed.value, workBudget(options.clock ?? (() => performance.now())));
  const heavy = digest ?? (built.overBudget ? await digestOf(answer.text) : null);
  return { kind: 'success', source, snapshot: built.snapshot, validators: next, heavy };
}
