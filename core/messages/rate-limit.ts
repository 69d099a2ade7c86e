/**
 * A token bucket per key (a tab): each key may send `burst` messages at once, then one every
 * `refillMs`. What a claude.ai page sends in normal use (its view on each storage change, a signal
 * at most once a minute per kind, a click) stays far below; a page script flooding the background
 * is cut off. Pure: the clock is passed in; the caller keeps the state.
 */
export interface RateLimit {
  burst: number;
  refillMs: number;
  /** Keys remembered at most; the least recently seen are forgotten first. */
  maxKeys: number;
}

export const PAGE_RATE_LIMIT: RateLimit = { burst: 30, refillMs: 250, maxKeys: 200 };

export interface Bucket {
  tokens: number;
  at: number;
}

/** Takes one token for `key` at `nowMs`; false when its bucket is empty. */
export function take(buckets: Map<number, Bucket>, key: number, nowMs: number, limit = PAGE_RATE_LIMIT): boolean {
  const last = buckets.get(key) ?? { tokens: limit.burst, at: nowMs };
  // A clock that went back refills nothing, and never takes tokens away.
  const elapsed = Math.max(0, nowMs - last.at);
  const tokens = Math.min(limit.burst, last.tokens + elapsed / limit.refillMs);
  buckets.delete(key);
  const ok = tokens >= 1;
  buckets.set(key, { tokens: ok ? tokens - 1 : tokens, at: nowMs });
  for (const oldest of buckets.keys()) {
    if (buckets.size <= limit.maxKeys) break;
    buckets.delete(oldest);
  }
  return ok;
}
