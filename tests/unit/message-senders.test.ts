/** Who may send what (core/messages/message-senders.ts): the browser's facts about a sender, table by table. */
import { describe, expect, it } from 'vitest';
import { allowed, type SenderFacts, senderOf } from '../../core/messages/message-senders';
import { type Message, PAGE_MESSAGES } from '../../core/messages/messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const of = (facts: SenderFacts) => senderOf(facts, ID, ORIGIN);

describe('senderOf', () => {
  it.each<[string, SenderFacts, ReturnType<typeof senderOf>]>([
    ['the popup', { id: ID, url: `${ORIGIN}popup.html` }, { kind: 'extension' }],
    ['the options page in a tab', { id: ID, url: `${ORIGIN}options.html`, tab: { id: 3 } }, { kind: 'extension' }],
    [
      'a claude.ai tab',
      { id: ID, url: 'https://claude.ai/chat/1', tab: { id: 3 } },
      { kind: 'page', site: 'claude-ai', tabId: 3 },
    ],
    [
      'a platform.claude.com tab',
      { id: ID, url: 'https://platform.claude.com/workbench', tab: { id: 9 } },
      { kind: 'page', site: 'platform', tabId: 9 },
    ],
    ['no URL (cannot tell who)', { id: ID }, null],
    ['no URL and no tab', { id: ID, tab: undefined }, null],
    ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }, null],
    ['a claude.ai page without a tab (prerender, worker)', { id: ID, url: 'https://claude.ai/' }, null],
    ['a claude.ai page in tab -1', { id: ID, url: 'https://claude.ai/', tab: { id: -1 } }, null],
    ['another site framed in a claude.ai tab', { id: ID, url: 'https://evil.example/', tab: { id: 3 } }, null],
    ['a look-alike host', { id: ID, url: 'https://claude.ai.evil.example/', tab: { id: 3 } }, null],
    ['claude.ai over http', { id: ID, url: 'http://claude.ai/', tab: { id: 3 } }, null],
    ['claude.ai on another port', { id: ID, url: 'https://claude.ai:8443/', tab: { id: 3 } }, null],
    ['a URL that does not parse', { id: ID, url: 'not a url', tab: { id: 3 } }, null],
    [
      'the extension origin as a prefix of a page URL',
      { id: ID, url: `https://claude.ai/${ORIGIN}`, tab: { id: 3 } },
      {
        kind: 'page',
        site: 'claude-ai',
        tabId: 3,
      },
    ],
  ])('%s', (_label, facts, expected) => {
    expect(of(facts)).toEqual(expected);
  });
});

describe('allowed', () => {
  const messages: Message[] = [
    { type: 'refresh' },
    { type: 'history-refresh', force: true },
    { type: 'site-view', site: 'claude-ai' },
    { type: 'page-signal', site: 'claude-ai', kind: 'capacity' },
    { type: 'page-reader', site: 'claude-ai' },
    { type: 'page-markers', site: 'claude-ai', missing: [] },
    { type: 'dismiss', site: 'claude-ai' },
    { type: 'open-link', site: 'claude-ai', link: 'workbench' },
    { type: 'back-watch', on: true, site: 'claude-ai' },
    { type: 'open-popup', site: 'claude-ai' },
    { type: 'gesture', site: 'claude-ai' },
    // Without its site, a page may not send even what it may send with one.
    { type: 'back-watch', on: false },
  ];

  it('lets the extension pages send every message', () => {
    for (const m of messages) expect(allowed({ kind: 'extension' }, m)).toBe(true);
  });

  it('lets a page send only view, signal, reader, markers, dismiss, link clicks and the back watch, each about its own site', () => {
    const page = { kind: 'page', site: 'claude-ai', tabId: 1 } as const;
    expect(messages.filter((m) => allowed(page, m)).map((m) => m.type)).toEqual([...PAGE_MESSAGES]);
    const other = { kind: 'page', site: 'platform', tabId: 1 } as const;
    expect(messages.filter((m) => allowed(other, m))).toEqual([]);
  });
});
