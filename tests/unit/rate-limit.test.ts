/** The per-tab token bucket (core/messages/rate-limit.ts). */
import { describe, expect, it } from 'vitest';
import { type Bucket, take } from '../../core/messages/rate-limit';

const LIMIT = { burst: 5, refillMs: 100, maxKeys: 3 };

describe('take', () => {
  it('allows a burst, then one per refill interval', () => {
    const buckets = new Map<number, Bucket>();
    const results = Array.from({ length: 8 }, () => take(buckets, 1, 1_000, LIMIT));
    expect(results).toEqual([true, true, true, true, true, false, false, false]);
    expect(take(buckets, 1, 1_099, LIMIT)).toBe(false);
    expect(take(buckets, 1, 1_100, LIMIT)).toBe(true);
    expect(take(buckets, 1, 1_100, LIMIT)).toBe(false);
  });

  it('counts each tab on its own', () => {
    const buckets = new Map<number, Bucket>();
    for (let i = 0; i < 10; i++) take(buckets, 1, 0, LIMIT);
    expect(take(buckets, 1, 0, LIMIT)).toBe(false);
    expect(take(buckets, 2, 0, LIMIT)).toBe(true);
  });

  it('a clock that goes back neither refills nor blocks for the time it went back', () => {
    const buckets = new Map<number, Bucket>();
    for (let i = 0; i < 5; i++) take(buckets, 1, 10_000, LIMIT);
    expect(take(buckets, 1, 0, LIMIT)).toBe(false);
    expect(take(buckets, 1, 100, LIMIT)).toBe(true);
  });

  it('remembers a bounded number of tabs, forgetting the least recently seen', () => {
    const buckets = new Map<number, Bucket>();
    for (let tab = 0; tab < 10; tab++) take(buckets, tab, 0, LIMIT);
    expect([...buckets.keys()]).toEqual([7, 8, 9]);
  });
});
