/**
 * "Tell me when it's back" (issue #18): the user asked to hear when claude.ai is usable again.
 * The background keeps one watch, steps it on every poll it makes anyway (no polling of its own),
 * and when stepBackWatch() says claude.ai is back, announces it once. Pure: no browser, no clock.
 */
import * as z from 'zod/mini';
import type { BannerKind } from '../banner/banner-decision';
import { storedReach } from '../status-page/reach';
import { SERVICE_IDS } from '../status-page/services';
import type { Snapshot } from '../status-page/status-model';
import { HOUR_MS, MINUTE_MS, SECOND_MS } from '../time/time';
import { caredSnapshot } from '../verdict/cared';
import type { LocalKind } from '../verdict/overall';

/** How long a watch lasts before it ends by itself, unannounced. */
export const BACK_WATCH_MS = 12 * HOUR_MS;
/** For a capacity error: this long without a new one, while the status page is green, is "back". */
export const CAPACITY_QUIET_MS = 10 * MINUTE_MS;
/**
 * claude.ai may answer a completion with 200 and then stream an error (docs/claude-page.md), so a
 * successful completion counts once this long has passed without claude.ai showing an error.
 */
export const COMPLETION_GRACE_MS = 30 * SECOND_MS;
/** How long the "claude.ai is back" note stays in the page. */
export const BACK_NOTE_MS = 20 * SECOND_MS;

/**
 * The banners that offer "Tell me when it's back", and the user's own signals for which the popup
 * offers it too (watchOffered): claude.ai itself in trouble. Not a reply cut off nor a model
 * claude.ai says is unavailable: claude.ai answers, and there is nothing to come back from.
 */
export const WATCH_BANNER_KINDS: readonly BannerKind[] = ['capacity', 'failing', 'outage-screen', 'incident', 'outage'];

/** Why the watch was asked for: a capacity error comes back on its own terms (CAPACITY_QUIET_MS). */
export const WATCH_REASONS = ['capacity', 'outage'] as const;
export type WatchReason = (typeof WATCH_REASONS)[number];

export const watchSchema = z.object({
  startedAt: z.string(),
  reason: z.enum(WATCH_REASONS),
  /** The status page showed claude.ai in trouble at some point during the watch. */
  troubleSeen: z.boolean(),
  /** The latest completion request of claude.ai's that succeeded during the watch (ISO). */
  completionOkAt: z.nullable(z.string()),
});
export type Watch = z.infer<typeof watchSchema>;

export const backWatchSchema = z.object({
  watch: z.nullable(watchSchema),
  /** When claude.ai was last announced back (ISO): the pages show their note for BACK_NOTE_MS. */
  backAt: z.nullable(z.string()),
});
export type BackWatch = z.infer<typeof backWatchSchema>;

export const EMPTY_BACK_WATCH: BackWatch = { watch: null, backAt: null };

export interface BackInput {
  /** The status as every surface shows it (resolutions applied); null before the first success. */
  snapshot: Snapshot | null;
  /** The services claude.ai depends on (core/sites/sites.ts). */
  serviceIds: readonly string[];
  /** The latest capacity error claude.ai showed, ms. */
  lastCapacityAt: number | null;
  /** The latest of claude.ai's own error messages of any kind (capacity, outage screen), ms. */
  lastPageErrorAt: number | null;
}

export type BackEvent = 'back' | 'expired' | null;

/** A new watch; a watch already on keeps its start (asking twice does not extend it). */
export function startWatch(state: BackWatch, reason: WatchReason, now: number): BackWatch {
  if (state.watch) return state;
  return {
    ...state,
    watch: { startedAt: new Date(now).toISOString(), reason, troubleSeen: false, completionOkAt: null },
  };
}

export function cancelWatch(state: BackWatch): BackWatch {
  return state.watch ? { ...state, watch: null } : state;
}

/** A completion request succeeded at `at`: remembered by a watch that is on, otherwise nothing. */
export function withCompletionOk(state: BackWatch, at: number): BackWatch {
  const watch = state.watch;
  if (!watch || at < Date.parse(watch.startedAt)) return state;
  return { ...state, watch: { ...watch, completionOkAt: new Date(at).toISOString() } };
}

/** The status page says claude.ai is in trouble: its component is not operational, or an incident names it. */
function statusTrouble(snapshot: Snapshot, serviceIds: readonly string[]): boolean {
  const namesOurs = (ids: readonly string[]) => ids.some((id) => serviceIds.includes(id));
  return (
    snapshot.services.some((s) => serviceIds.includes(s.id) && s.state !== 'operational') ||
    // An incident that names no service may touch any (as core/banner/banner-decision.ts reads it), unless read as about none.
    snapshot.incidents.some((i) =>
      i.serviceIds.length > 0 ? namesOurs(i.serviceIds) : storedReach(i).surfaces === 'all',
    )
  );
}

/**
 * Whether the popup offers the watch: claude.ai is in trouble as the single verdict reads it
 * (core/verdict/overall.ts), that is its own screen shows a problem it comes back from (not the
 * user's connection, a reply cut off or a model unavailable: WATCH_BANNER_KINDS), or the status
 * page shows claude.ai in trouble and the user cares about it. The banner offers it on the banners
 * of those same events.
 */
export function watchOffered(
  local: LocalKind | null,
  snapshot: Snapshot | null,
  mutedServices: readonly string[],
): boolean {
  if (local !== null && WATCH_BANNER_KINDS.includes(local)) return true;
  return snapshot !== null && statusTrouble(caredSnapshot(snapshot, mutedServices), [SERVICE_IDS.claudeAi]);
}

/** Whether claude.ai is back, given what the watch has seen. */
function isBack(watch: Watch, input: BackInput, trouble: boolean | null, now: number): boolean {
  const green = trouble === false;
  // The incident is resolved and claude.ai's component operational again.
  if (watch.troubleSeen && green) return true;
  // A completion went through, and claude.ai has shown no error since.
  if (watch.completionOkAt !== null) {
    const ok = Date.parse(watch.completionOkAt);
    if (now - ok >= COMPLETION_GRACE_MS && (input.lastPageErrorAt === null || input.lastPageErrorAt < ok)) return true;
  }
  // Capacity: ten minutes without a new capacity error while the status page is green.
  if (watch.reason === 'capacity' && green) {
    const since = Math.max(Date.parse(watch.startedAt), input.lastCapacityAt ?? Number.NEGATIVE_INFINITY);
    if (now - since >= CAPACITY_QUIET_MS) return true;
  }
  return false;
}

/**
 * One step of the watch: the next state, and whether claude.ai is back now (announce it once)
 * or the watch expired (announce nothing). The same object comes back when nothing changed.
 */
export function stepBackWatch(state: BackWatch, input: BackInput, now: number): { state: BackWatch; event: BackEvent } {
  const watch = state.watch;
  if (!watch) return { state, event: null };
  const started = Date.parse(watch.startedAt);
  if (Number.isNaN(started) || now - started >= BACK_WATCH_MS)
    return { state: { ...state, watch: null }, event: 'expired' };
  const trouble = input.snapshot ? statusTrouble(input.snapshot, input.serviceIds) : null;
  const seen = !watch.troubleSeen && trouble === true ? { ...watch, troubleSeen: true } : watch;
  if (isBack(seen, input, trouble, now)) {
    return { state: { watch: null, backAt: new Date(now).toISOString() }, event: 'back' };
  }
  return { state: seen === watch ? state : { ...state, watch: seen }, event: null };
}

/** The "claude.ai is back" note is due in the pages until this time (ms), or null. */
export function backNoteUntil(state: BackWatch, now: number): number | null {
  if (state.backAt === null) return null;
  const at = Date.parse(state.backAt);
  const until = at + BACK_NOTE_MS;
  return !Number.isNaN(at) && at <= now && now < until ? until : null;
}
