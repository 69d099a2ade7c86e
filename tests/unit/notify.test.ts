/** noticesFor: started, worse, resolved, every-change updates, muted services, and never twice. */
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../core/model';
import { EMPTY_NOTIFIED, noticesFor } from '../../core/notify';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { loadSnapshot } from './fixtures';

const mine: Settings = { ...DEFAULT_SETTINGS, notifications: 'my-services' };
const all: Settings = { ...DEFAULT_SETTINGS, notifications: 'all' };

function worse(snapshot: Snapshot): Snapshot {
  const copy = structuredClone(snapshot);
  const incident = copy.incidents[0];
  if (incident) incident.severity = 'major_outage';
  return copy;
}

function withUpdate(snapshot: Snapshot): Snapshot {
  const copy = structuredClone(snapshot);
  copy.incidents[0]?.updates.unshift({ id: 'new-update', status: 'monitoring', body: 'A fix is in place.', at: null });
  return copy;
}

describe('noticesFor', () => {
  it('a new incident on a service I care about: one "started" notice with its link', () => {
    const { notices } = noticesFor(EMPTY_NOTIFIED, loadSnapshot('claude-ai-partial'), mine);
    expect(notices.map((n) => n.kind)).toEqual(['started']);
    expect(notices[0]?.url).toMatch(/^https:\/\/stspg\.io\//);
  });

  it('the same snapshot again: nothing', () => {
    const first = noticesFor(EMPTY_NOTIFIED, loadSnapshot('claude-ai-partial'), mine);
    expect(noticesFor(first.next, loadSnapshot('claude-ai-partial'), mine).notices).toEqual([]);
  });

  it('worse: announced once', () => {
    const first = noticesFor(EMPTY_NOTIFIED, loadSnapshot('claude-ai-partial'), mine);
    const second = noticesFor(first.next, worse(loadSnapshot('claude-ai-partial')), mine);
    expect(second.notices.map((n) => n.kind)).toEqual(['worse']);
    expect(noticesFor(second.next, worse(loadSnapshot('claude-ai-partial')), mine).notices).toEqual([]);
  });

  it('resolved: the incident leaves the unresolved list, announced once', () => {
    const first = noticesFor(EMPTY_NOTIFIED, loadSnapshot('claude-ai-partial'), mine);
    const second = noticesFor(first.next, loadSnapshot('healthy'), mine);
    expect(second.notices.map((n) => n.kind)).toEqual(['resolved']);
    expect(noticesFor(second.next, loadSnapshot('healthy'), mine).notices).toEqual([]);
  });

  it('a new update: only in "every change" mode', () => {
    const first = noticesFor(EMPTY_NOTIFIED, loadSnapshot('claude-ai-partial'), all);
    expect(noticesFor(first.next, withUpdate(loadSnapshot('claude-ai-partial')), mine).notices).toEqual([]);
    expect(
      noticesFor(first.next, withUpdate(loadSnapshot('claude-ai-partial')), all).notices.map((n) => n.kind),
    ).toEqual(['update']);
  });

  it('muted services: nothing for an incident that touches only them; "every change" ignores mutes', () => {
    const muted = { ...mine, mutedServices: ['bpp5gb3hpjcl'] };
    expect(noticesFor(EMPTY_NOTIFIED, loadSnapshot('cowork-only'), muted).notices).toEqual([]);
    expect(
      noticesFor(EMPTY_NOTIFIED, loadSnapshot('cowork-only'), { ...all, mutedServices: ['bpp5gb3hpjcl'] }).notices,
    ).toHaveLength(1);
  });

  it('off: nothing, but incidents are recorded so turning it on later does not replay them', () => {
    const off = noticesFor(EMPTY_NOTIFIED, loadSnapshot('claude-ai-partial'), DEFAULT_SETTINGS);
    expect(off.notices).toEqual([]);
    expect(Object.keys(off.next.incidents)).toHaveLength(1);
    expect(noticesFor(off.next, loadSnapshot('claude-ai-partial'), mine).notices).toEqual([]);
  });

  it('notice ids are unique per incident update and kind', () => {
    const { notices } = noticesFor(EMPTY_NOTIFIED, loadSnapshot('major-outage'), all);
    expect(new Set(notices.map((n) => n.id)).size).toBe(notices.length);
  });

  it('my services: an incident about no product or only about Vertex is not announced; every change still is', () => {
    for (const reach of [
      { surfaces: 'none' as const, platforms: [] },
      { surfaces: 'none' as const, platforms: ['vertex' as const] },
    ]) {
      const snapshot = structuredClone(loadSnapshot('claude-ai-partial'));
      snapshot.incidents = snapshot.incidents.map((i) => ({ ...i, serviceIds: [], reach }));
      expect(noticesFor(EMPTY_NOTIFIED, snapshot, mine).notices).toEqual([]);
      expect(noticesFor(EMPTY_NOTIFIED, snapshot, all).notices).toHaveLength(1);
    }
  });
});
