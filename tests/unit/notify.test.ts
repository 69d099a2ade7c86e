/** noticesFor: started, worse, resolved, every-change updates, muted services, and never twice. */
import { describe, expect, it } from 'vitest';
import {
  EMPTY_NOTIFIED,
  GONE_POLLS_TO_RESOLVE,
  LINK_MAX_AGE_MS,
  MAX_LINKS,
  MAX_NOTICES,
  migrateNotifiedV1toV2,
  NOTIFIED_MIGRATIONS,
  type Notified,
  noticesFor as noticesAt,
  notifiedSchema,
  REAPPEAR_MS,
} from '../../core/notifications/notify';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings/settings';
import type { Snapshot } from '../../core/status-page/status-model';
import { DAY_MS as DAY, MINUTE_MS as MIN } from '../../core/time/time';
import { loadSnapshot } from './fixtures';

const T0 = Date.UTC(2026, 10, 20, 13, 0, 0);
/** One poll's notices at `nowMs` (T0 unless given). */
const noticesFor = (previous: Notified, snapshot: Snapshot, settings: Settings, nowMs = T0, resolved?: Set<string>) =>
  noticesAt(previous, snapshot, settings, nowMs, resolved);

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

describe('noticesFor: at most MAX_NOTICES a poll (issue #28)', () => {
  /** `n` incidents on claude.ai; the first two major, the others minor. */
  function incidents(n: number): Snapshot {
    const base = loadSnapshot('claude-ai-partial');
    const [first] = base.incidents;
    if (!first) throw new Error('fixture has no incident');
    return {
      ...base,
      incidents: Array.from({ length: n }, (_, i) => ({
        ...first,
        id: `inc${i}`,
        name: `Case ${i}`,
        severity: i >= n - 2 ? 'major_outage' : 'partial_outage',
        url: `https://stspg.io/inc${i}`,
      })),
    };
  }

  it('50 new incidents: the two worst, and one that counts the 48 others and opens the status page', () => {
    const { notices, next } = noticesFor(EMPTY_NOTIFIED, incidents(50), mine);
    expect(MAX_NOTICES).toBe(3);
    expect(notices.map((n) => n.kind)).toEqual(['started', 'started', 'more']);
    expect(notices.slice(0, 2).map((n) => n.severity)).toEqual(['major_outage', 'major_outage']);
    expect(notices[2]).toMatchObject({ count: 48, url: 'https://status.claude.com', severity: 'partial_outage' });
    // Every incident is recorded as announced: the next poll announces none of them.
    expect(Object.keys(next.incidents)).toHaveLength(50);
    expect(noticesFor(next, incidents(50), mine).notices).toEqual([]);
    // Links are kept for what was shown only.
    expect(Object.keys(next.links)).toEqual(notices.map((n) => n.id));
  });

  it('three at once are shown as they are', () => {
    expect(noticesFor(EMPTY_NOTIFIED, incidents(3), mine).notices.map((n) => n.kind)).toEqual([
      'started',
      'started',
      'started',
    ]);
  });

  it('50 resolved at once: the same cap', () => {
    const first = noticesFor(EMPTY_NOTIFIED, incidents(50), mine);
    const none = { ...incidents(0), incidents: [] };
    const gone = noticesFor(first.next, none, mine, T0 + MIN, new Set(Object.keys(first.next.incidents)));
    expect(gone.notices.map((n) => n.kind)).toEqual(['resolved', 'resolved', 'more']);
    expect(gone.notices[2]?.count).toBe(48);
  });
});

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

  it('resolved: the incident stays off the unresolved list for two polls, announced once', () => {
    const first = noticesFor(EMPTY_NOTIFIED, loadSnapshot('claude-ai-partial'), mine);
    const second = noticesFor(first.next, loadSnapshot('healthy'), mine, T0 + MIN);
    expect(second.notices).toEqual([]);
    const third = noticesFor(second.next, loadSnapshot('healthy'), mine, T0 + 2 * MIN);
    expect(third.notices.map((n) => n.kind)).toEqual(['resolved']);
    expect(GONE_POLLS_TO_RESOLVE).toBe(2);
    let next = third.next;
    for (let minute = 3; minute <= 15; minute++) {
      const later = noticesFor(next, loadSnapshot('healthy'), mine, T0 + minute * MIN);
      expect(later.notices).toEqual([]);
      next = later.next;
    }
    // Forgotten once it can no longer come back as the same incident.
    expect(next.incidents).toEqual({});
  });

  it('resolved in incidents.json: announced at the first poll that no longer lists it', () => {
    const first = noticesFor(EMPTY_NOTIFIED, loadSnapshot('claude-ai-partial'), mine);
    const id = loadSnapshot('claude-ai-partial').incidents[0]?.id ?? '';
    const second = noticesFor(first.next, loadSnapshot('healthy'), mine, T0 + MIN, new Set([id]));
    expect(second.notices.map((n) => n.kind)).toEqual(['resolved']);
    expect(noticesFor(second.next, loadSnapshot('healthy'), mine, T0 + 2 * MIN).notices).toEqual([]);
  });

  it('flapping: listed and unlisted on alternate polls for an hour, one "started" and nothing more', () => {
    let notified = EMPTY_NOTIFIED;
    const kinds: string[] = [];
    for (let minute = 0; minute < 60; minute++) {
      const snapshot = loadSnapshot(minute % 2 === 0 ? 'claude-ai-partial' : 'healthy');
      const poll = noticesFor(notified, snapshot, mine, T0 + minute * MIN);
      kinds.push(...poll.notices.map((n) => n.kind));
      notified = poll.next;
    }
    expect(kinds).toEqual(['started']);
  });

  it('back within 10 minutes after "resolved" was announced: the same incident, no new "started"', () => {
    let notified = noticesFor(EMPTY_NOTIFIED, loadSnapshot('claude-ai-partial'), mine).next;
    const kinds: string[] = [];
    for (const [minute, fixture] of [
      [1, 'healthy'],
      [2, 'healthy'],
      [5, 'claude-ai-partial'],
    ] as const) {
      const poll = noticesFor(notified, loadSnapshot(fixture), mine, T0 + minute * MIN);
      kinds.push(...poll.notices.map((n) => n.kind));
      notified = poll.next;
    }
    expect(kinds).toEqual(['resolved']);
    // Worse than before when it comes back: that is news.
    const worsePoll = noticesFor(notified, worse(loadSnapshot('claude-ai-partial')), mine, T0 + 6 * MIN);
    expect(worsePoll.notices.map((n) => n.kind)).toEqual(['worse']);
  });

  it('back after more than 10 minutes away: a new start', () => {
    let notified = noticesFor(EMPTY_NOTIFIED, loadSnapshot('claude-ai-partial'), mine).next;
    for (let minute = 1; minute <= 12; minute++) {
      notified = noticesFor(notified, loadSnapshot('healthy'), mine, T0 + minute * MIN).next;
    }
    const back = noticesFor(notified, loadSnapshot('claude-ai-partial'), mine, T0 + MIN + REAPPEAR_MS + MIN);
    expect(back.notices.map((n) => n.kind)).toEqual(['started']);
  });

  it('notified v1 -> v2: recorded incidents stay recorded, as listed', () => {
    const v1 = {
      incidents: { abc: { severity: 'partial_outage', updateId: 'u1', name: 'Errors', url: null } },
      links: { 'abc:u1:started': 'https://status.claude.com/incidents/abc' },
    };
    const migrated = notifiedSchema.safeParse(migrateNotifiedV1toV2(v1));
    expect(migrated.success).toBe(true);
    expect(migrated.data?.incidents.abc).toMatchObject({ updateId: 'u1', goneSince: null, gonePolls: 0 });
    expect(migrated.data?.links).toEqual(v1.links);
    expect(notifiedSchema.safeParse(migrateNotifiedV1toV2('garbage')).data).toEqual(EMPTY_NOTIFIED);
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

  it('a muted service never sends "resolved": neither for an incident that was always about it, nor one muted while it ran', () => {
    const muted = { ...mine, mutedServices: ['bpp5gb3hpjcl'] };
    let next = noticesFor(EMPTY_NOTIFIED, loadSnapshot('cowork-only'), muted).next;
    for (let minute = 1; minute <= 3; minute++) {
      const later = noticesFor(next, loadSnapshot('healthy'), muted, T0 + minute * MIN);
      expect(later.notices).toEqual([]);
      next = later.next;
    }
    // Announced while cared about, then muted while it ran, then over: silence.
    const started = noticesFor(EMPTY_NOTIFIED, loadSnapshot('cowork-only'), mine);
    expect(started.notices.map((n) => n.kind)).toEqual(['started']);
    next = noticesFor(started.next, loadSnapshot('cowork-only'), muted, T0 + MIN).next;
    for (let minute = 2; minute <= 4; minute++) {
      const later = noticesFor(next, loadSnapshot('healthy'), muted, T0 + minute * MIN);
      expect(later.notices).toEqual([]);
      next = later.next;
    }
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

describe('noticesFor: incidents posted without impact', () => {
  it('one naming a model (informational banner) is not announced to "my services"; every change still is', () => {
    const snapshot = structuredClone(loadSnapshot('claude-ai-partial'));
    snapshot.incidents = snapshot.incidents.map((i) => ({
      ...i,
      name: 'Elevated errors on Opus 4.6',
      impact: 'none',
      reach: { surfaces: 'named' as const, platforms: [] },
    }));
    expect(noticesFor(EMPTY_NOTIFIED, snapshot, mine).notices).toEqual([]);
    expect(noticesFor(EMPTY_NOTIFIED, snapshot, all).notices).toHaveLength(1);
  });
});

describe('a poll with nothing new', () => {
  it('gives back the same object, so nothing is written', () => {
    const first = noticesFor(EMPTY_NOTIFIED, loadSnapshot('claude-ai-partial'), mine).next;
    const again = noticesFor(first, loadSnapshot('claude-ai-partial'), mine, T0 + 5 * MIN);
    expect(again.notices).toEqual([]);
    expect(again.next).toBe(first);
    const quiet = noticesFor(EMPTY_NOTIFIED, loadSnapshot('healthy'), mine);
    expect(quiet.next).toBe(EMPTY_NOTIFIED);
  });

  it('a change (a new update recorded silently) is a new object', () => {
    const first = noticesFor(EMPTY_NOTIFIED, loadSnapshot('claude-ai-partial'), mine).next;
    const updated = noticesFor(first, withUpdate(loadSnapshot('claude-ai-partial')), mine, T0 + 5 * MIN);
    expect(updated.notices).toEqual([]);
    expect(updated.next).not.toBe(first);
    expect(Object.values(updated.next.incidents)[0]?.updateId).toBe('new-update');
  });
});

describe("a notification's link: kept while it may still be clicked, then forgotten", () => {
  const healthy = loadSnapshot('healthy');
  const url = (n: number) => `https://status.claude.com/incidents/i${n}`;
  /** `count` links shown `ageMs` before T0, as version 3 stores them. */
  const shown = (count: number, ageMs: number): Notified => {
    const ids = Array.from({ length: count }, (_, n) => `i${n}:u:started`);
    return {
      incidents: {},
      links: Object.fromEntries(ids.map((id, n) => [id, url(n)])),
      linkedAt: Object.fromEntries(ids.map((id) => [id, new Date(T0 - ageMs).toISOString()])),
    };
  };

  it('a new notice stores its link and when it was shown', () => {
    const { notices, next } = noticesFor(EMPTY_NOTIFIED, loadSnapshot('claude-ai-partial'), mine);
    const [notice] = notices;
    expect(notice?.url).toBeTruthy();
    expect(next.links).toEqual({ [notice?.id ?? '']: notice?.url });
    expect(next.linkedAt).toEqual({ [notice?.id ?? '']: new Date(T0).toISOString() });
  });

  it.each([
    ['a day old', DAY, 1],
    ['29 days old', 29 * DAY, 1],
    ['30 days old', LINK_MAX_AGE_MS, 0],
    ['a year old', 365 * DAY, 0],
  ])('%s: kept %i', (_name, age, kept) => {
    const { next } = noticesFor(shown(1, age), healthy, mine);
    expect(Object.keys(next.links)).toHaveLength(kept);
    expect(Object.keys(next.linkedAt ?? {})).toEqual(Object.keys(next.links));
  });

  it('a link stored without a time (version 2) starts counting now, and goes 30 days later', () => {
    const v2: Notified = { incidents: {}, links: { 'old:u:started': url(0) } };
    const first = noticesFor(v2, healthy, mine).next;
    expect(first.links).toEqual(v2.links);
    expect(first.linkedAt).toEqual({ 'old:u:started': new Date(T0).toISOString() });
    expect(noticesFor(first, healthy, mine, T0 + LINK_MAX_AGE_MS - MIN).next.links).toEqual(v2.links);
    expect(noticesFor(first, healthy, mine, T0 + LINK_MAX_AGE_MS).next.links).toEqual({});
  });

  it('a time ahead of the clock (a clock set back) starts counting now rather than never', () => {
    const ahead = shown(1, -365 * DAY);
    const first = noticesFor(ahead, healthy, mine).next;
    expect(first.linkedAt).toEqual({ 'i0:u:started': new Date(T0).toISOString() });
    expect(noticesFor(first, healthy, mine, T0 + LINK_MAX_AGE_MS).next.links).toEqual({});
  });

  it(`at most ${MAX_LINKS}: the newest stay`, () => {
    const many = shown(MAX_LINKS + 10, DAY);
    const { notices, next } = noticesFor(many, loadSnapshot('claude-ai-partial'), mine);
    const ids = Object.keys(next.links);
    expect(ids).toHaveLength(MAX_LINKS);
    expect(ids.at(-1)).toBe(notices[0]?.id);
    expect(ids).not.toContain('i0:u:started');
    expect(ids).toContain(`i${MAX_LINKS + 9}:u:started`);
  });

  it('notified v2 -> v3: a version 2 value stays as it is and parses', () => {
    const v2 = { incidents: {}, links: { 'abc:u1:started': url(1) } };
    const migrate = NOTIFIED_MIGRATIONS[3];
    expect(migrate?.(v2)).toBe(v2);
    expect(notifiedSchema.safeParse(v2).success).toBe(true);
  });
});
