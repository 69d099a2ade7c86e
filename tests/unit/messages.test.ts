/**
 * core/messages/messages.ts: each message's request parsed where it arrives. A table per message type of
 * shapes that parse and shapes that do not (a page is untrusted input), and the contract's lists.
 */
import { describe, expect, it } from 'vitest';
import { type MessageType, PAGE_MESSAGES, parseMessage, REQUESTS } from '../../core/messages/messages';
import { DEFAULT_SETTINGS } from '../../core/settings/settings';

const CASES: Record<MessageType, [unknown, boolean][]> = {
  refresh: [
    [{ type: 'refresh' }, true],
    [{ type: 'Refresh' }, false],
  ],
  'settings-patch': [
    [{ type: 'settings-patch', patch: { op: 'set', values: { capacityDetection: false } } }, true],
    [{ type: 'settings-patch', patch: { op: 'set', values: { capacityDetection: 'no' } } }, false],
    [{ type: 'settings-patch', patch: { op: 'drop-everything' } }, false],
  ],
  'history-refresh': [
    [{ type: 'history-refresh' }, true],
    [{ type: 'history-refresh', force: true }, true],
    [{ type: 'history-refresh', force: 'yes' }, false],
  ],
  'site-view': [
    [{ type: 'site-view', site: 'claude-ai' }, true],
    [{ type: 'site-view', site: 'platform', model: 'Opus 4.6', bannerLoaded: true }, true],
    [{ type: 'site-view', site: 'claude-ai', model: null }, true],
    [{ type: 'site-view', site: 'claude-ai', model: 'x'.repeat(81) }, false],
    [{ type: 'site-view', site: 'example.com' }, false],
    [{ type: 'site-view' }, false],
  ],
  'page-signal': [
    [{ type: 'page-signal', site: 'claude-ai', kind: 'capacity' }, true],
    [{ type: 'page-signal', site: 'claude-ai', kind: 'outage-screen', code: 'ABC123' }, true],
    [{ type: 'page-signal', site: 'claude-ai', kind: 'retry' }, true],
    [{ type: 'page-signal', site: 'claude-ai', kind: 'capacity', code: '<img src=x>' }, false],
    [{ type: 'page-signal', site: 'claude-ai', kind: 'outage' }, false],
    [{ type: 'page-signal', site: 'claude-ai', kind: 'incomplete' }, true],
    [{ type: 'page-signal', site: 'claude-ai', kind: 'model-unavailable' }, true],
    [
      {
        type: 'page-signal',
        site: 'claude-ai',
        kind: 'capacity',
        shape: { surface: 'band', depth: 12, path: [{ tag: 'div', role: 'status', classes: ['flex'] }] },
      },
      true,
    ],
    // The structure carries no text: a class with spaces, a test id that is a file name, an unknown surface.
    [
      {
        type: 'page-signal',
        site: 'claude-ai',
        kind: 'capacity',
        shape: { surface: 'band', depth: 1, path: [{ tag: 'p', classes: ['my private words'] }] },
      },
      false,
    ],
    [
      {
        type: 'page-signal',
        site: 'claude-ai',
        kind: 'capacity',
        shape: { surface: 'band', depth: 1, path: [{ tag: 'div', testid: 'passwords.txt' }] },
      },
      false,
    ],
    [
      { type: 'page-signal', site: 'claude-ai', kind: 'capacity', shape: { surface: 'sidebar', depth: 1, path: [] } },
      false,
    ],
  ],
  'page-reader': [
    [{ type: 'page-reader', site: 'claude-ai' }, true],
    [{ type: 'page-reader' }, false],
  ],
  'page-markers': [
    [{ type: 'page-markers', site: 'claude-ai', missing: [] }, true],
    [{ type: 'page-markers', site: 'claude-ai', missing: ['user-message', 'model-button'] }, true],
    [{ type: 'page-markers', site: 'claude-ai', missing: ['sidebar'] }, false],
    [{ type: 'page-markers', site: 'claude-ai', missing: Array(5).fill('reply') }, false],
    [{ type: 'page-markers', site: 'claude-ai' }, false],
  ],
  dismiss: [
    [{ type: 'dismiss', site: 'claude-ai' }, true],
    [{ type: 'dismiss' }, false],
  ],
  'open-link': [
    [{ type: 'open-link', site: 'claude-ai', link: 'incident' }, true],
    [{ type: 'open-link', site: 'claude-ai', link: 'x'.repeat(65) }, false],
    [{ type: 'open-link', site: 'claude-ai' }, false],
  ],
  'back-watch': [
    [{ type: 'back-watch', on: true }, true],
    [{ type: 'back-watch', on: false, site: 'claude-ai' }, true],
    [{ type: 'back-watch', on: 'yes' }, false],
  ],
  'open-popup': [
    [{ type: 'open-popup' }, true],
    [{ type: 'open-popup', site: 'platform' }, true],
    [{ type: 'open-popup', site: 'platform', token: 'c0ffee' }, true],
    [{ type: 'open-popup', site: 'evil' }, false],
    [{ type: 'open-popup', site: 'platform', token: 'x'.repeat(65) }, false],
  ],
  gesture: [
    [{ type: 'gesture', site: 'claude-ai' }, true],
    [{ type: 'gesture' }, false],
  ],
};

describe('parseMessage', () => {
  describe.each(Object.entries(CASES))('%s', (_type, cases) => {
    it.each(cases)('%j parses: %s', (raw, ok) => {
      expect(parseMessage(raw) !== null).toBe(ok);
    });
  });

  it.each([null, undefined, 'refresh', 42, [], {}, { type: 'unknown' }, { type: 'constructor' }])(
    'not a message: %j',
    (raw) => {
      expect(parseMessage(raw)).toBeNull();
    },
  );

  it('the whole-settings message is gone: settings change only through one patch at a time (issue #28)', () => {
    expect(parseMessage({ type: 'settings', settings: DEFAULT_SETTINGS })).toBeNull();
    expect(Object.keys(REQUESTS)).not.toContain('settings');
  });

  it('keeps what was sent and drops what the contract does not know', () => {
    expect(parseMessage({ type: 'dismiss', site: 'claude-ai', extra: '<b>' })).toEqual({
      type: 'dismiss',
      site: 'claude-ai',
    });
  });
});

describe('the contract', () => {
  it('has a table row for every message type', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(REQUESTS).sort());
  });

  it('lets pages send only messages that say which site they are about', () => {
    for (const type of PAGE_MESSAGES) {
      expect(Object.keys(REQUESTS[type].def.shape), type).toContain('site');
    }
  });
});
