/** Gesture tokens (core/messages/gesture.ts): what a page needs to open a tab or switch the watch. */
import { describe, expect, it } from 'vitest';
import {
  emptyGestures,
  GESTURE_LIMIT,
  GESTURE_TTL_MS,
  issueGesture,
  needsGesture,
  redeemGesture,
} from '../../core/messages/gesture';

const T0 = Date.UTC(2026, 10, 20, 14, 0, 0);

describe('gesture tokens', () => {
  it('good once, for its tab and site, within GESTURE_TTL_MS', () => {
    const g = emptyGestures();
    expect(issueGesture(g, 1, 'claude-ai', 'a', T0)).toBe('a');
    expect(redeemGesture(g, 1, 'claude-ai', 'a', T0 + GESTURE_TTL_MS)).toBe(true);
    expect(redeemGesture(g, 1, 'claude-ai', 'a', T0 + GESTURE_TTL_MS)).toBe(false);
  });

  it.each<[string, number, 'claude-ai' | 'platform', string | undefined, number]>([
    ['too late', 1, 'claude-ai', 'a', T0 + GESTURE_TTL_MS + 1],
    ['another tab', 2, 'claude-ai', 'a', T0],
    ['another site', 1, 'platform', 'a', T0],
    ['another token', 1, 'claude-ai', 'b', T0],
    ['no token', 1, 'claude-ai', undefined, T0],
    ['from before it was issued (the clock went back)', 1, 'claude-ai', 'a', T0 - 1],
  ])('refused: %s', (_name, tab, site, token, at) => {
    const g = emptyGestures();
    issueGesture(g, 1, 'claude-ai', 'a', T0);
    expect(redeemGesture(g, tab, site, token, at)).toBe(false);
  });

  it('a new token replaces the one before; a wrong one uses the live one up', () => {
    const g = emptyGestures();
    issueGesture(g, 1, 'claude-ai', 'a', T0);
    issueGesture(g, 1, 'claude-ai', 'b', T0 + 10);
    expect(redeemGesture(g, 1, 'claude-ai', 'a', T0 + 20)).toBe(false);
    issueGesture(g, 1, 'claude-ai', 'c', T0 + 30);
    expect(redeemGesture(g, 1, 'claude-ai', 'wrong', T0 + 40)).toBe(false);
    expect(redeemGesture(g, 1, 'claude-ai', 'c', T0 + 50)).toBe(false);
  });

  it(`at most ${GESTURE_LIMIT.burst} at once per tab, then one every ${GESTURE_LIMIT.refillMs / 1000} s`, () => {
    const g = emptyGestures();
    const issued = Array.from({ length: 10 }, (_, i) => issueGesture(g, 1, 'claude-ai', `t${i}`, T0));
    expect(issued.filter((t) => t !== null)).toHaveLength(GESTURE_LIMIT.burst);
    expect(issueGesture(g, 1, 'claude-ai', 'later', T0 + GESTURE_LIMIT.refillMs)).toBe('later');
    expect(issueGesture(g, 2, 'claude-ai', 'other tab', T0)).toBe('other tab');
  });

  it('only what acts outside the page needs one', () => {
    expect(needsGesture({ type: 'open-link', site: 'claude-ai', link: 'incident' })).toBe(true);
    expect(needsGesture({ type: 'back-watch', on: true, site: 'claude-ai' })).toBe(true);
    expect(needsGesture({ type: 'open-popup', site: 'claude-ai' })).toBe(true);
    expect(needsGesture({ type: 'dismiss', site: 'claude-ai' })).toBe(false);
    expect(needsGesture({ type: 'site-view', site: 'claude-ai' })).toBe(false);
  });
});
