// @vitest-environment happy-dom
/**
 * page-scan.ts in happy-dom: which text on the page is claude.ai's own message. The conversation
 * markup follows the markers in docs/claude-page.md; the same cases without the markers check
 * the rules that hold when claude.ai's classes drift.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageSignal } from '../../core/claude-page/page-facts';
import { createScanner, scan } from '../../entrypoints/claude.content/page-scan';

const CAPACITY =
  'Due to unexpected capacity constraints, Claude is unable to respond to your message. Please try again soon.';
const UPSELL = '<a href="https://claude.ai/upgrade">Or consider upgrading to Claude Pro.</a>';
const LOG = 'HTTP 529 Overloaded\n{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}';

const user = (html: string) => `<div data-testid="user-message"><p class="whitespace-pre-wrap">${html}</p></div>`;
const reply = (html: string) =>
  `<div data-is-streaming="false"><div class="font-claude-response"><div class="standard-markdown">${html}</div></div></div>`;
const SIDEBAR = `<nav><ul><li><a href="/chat/1"><span>${CAPACITY}</span></a></li></ul></nav>`;
const COMPOSER = '<div contenteditable="true" class="ProseMirror"><p>{}</p></div>';

function page(conversation: string, extra = ''): Element {
  document.body.innerHTML = `${SIDEBAR}<main><div class="conversation">${user('Hello')}${reply('<p>Hi! How can I help?</p>')}${conversation}</div>${COMPOSER.replace('{}', 'Draft')}</main>${extra}`;
  return document.body;
}

// happy-dom has no checkVisibility (both browsers do): the same answer from computed styles.
if (typeof Element.prototype.checkVisibility !== 'function') {
  Element.prototype.checkVisibility = function (this: Element) {
    for (let e: Element | null = this; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
    }
    return true;
  };
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('scan: what never counts', () => {
  it.each<[string, string, string]>([
    ['the sentence in the composer', '', COMPOSER.replace('{}', CAPACITY)],
    ['the sentence in a textarea', '', `<textarea>${CAPACITY}</textarea>`],
    ['the sentence in a user message', user(CAPACITY), ''],
    ['the sentence quoted in a user message', user(`I keep getting "${CAPACITY}" — why?`), ''],
    [
      'the sentence as one paragraph of a longer reply',
      reply(`<p>That message reads:</p><p>${CAPACITY}</p><p>It means the service is busy; try again later.</p>`),
      '',
    ],
    [
      'the sentence in a blockquote of a reply',
      reply(`<blockquote><p>${CAPACITY}</p></blockquote><p>This is load management.</p>`),
      '',
    ],
    ['529 overloaded_error in a code block', reply(`<p>Your log shows:</p><pre><code>${LOG}</code></pre>`), ''],
    ['529 overloaded_error as the whole of a reply, in a code block', reply(`<pre><code>${LOG}</code></pre>`), ''],
    ['inline code', reply(`<p><code>529 Overloaded</code></p>`), ''],
    ['a conversation title in the sidebar (and only there)', '', ''],
    ['a script', '', `<script>var m = "${CAPACITY}";</script>`],
    ['noscript', '', `<noscript>${CAPACITY}</noscript>`],
    ['a template', '', `<template><div>${CAPACITY}</div></template>`],
    ['a hidden element', `<div hidden>${CAPACITY}</div>`, ''],
    ['a display:none element', `<div style="display:none"><div>${CAPACITY}</div></div>`, ''],
    ['a visibility:hidden element', `<div style="visibility:hidden">${CAPACITY}</div>`, ''],
    ['aria-hidden', `<div aria-hidden="true">${CAPACITY}</div>`, ''],
    [
      'a usage-limit notice',
      `<div role="alert">You've reached your Opus 4.6 limit. Switch to another model, or manage usage credits at claude.ai/settings</div>`,
      '',
    ],
    ['the length-limit notice', '<div role="alert">Your message will exceed the length limit for this chat</div>', ''],
  ])('%s -> nothing', (_label, conversation, extra) => {
    expect(scan(page(conversation, extra))).toBeNull();
  });
});

describe('scan: claude.ai showing its own message', () => {
  it.each<[string, string, string, PageSignal]>([
    ['the error as the whole of a failed reply', reply(`<p>${CAPACITY} ${UPSELL}</p>`), '', { kind: 'capacity' }],
    [
      'the error as a notice of its own',
      `<div class="notice"><p>${CAPACITY}</p><button>Retry</button></div>`,
      '',
      { kind: 'capacity' },
    ],
    [
      'the outage screen, with its code',
      '',
      `<div class="screen"><h1>Claude will return soon</h1><p>Claude is currently experiencing a temporary service disruption. We're working on it, please check back soon.</p><button>Try again</button><p>Still not working? You can reach out to support with this error code: 1034YMZ</p></div>`,
      { kind: 'outage-screen', code: '1034YMZ' },
    ],
    [
      'the retry notice',
      '<div class="status"><span>Taking longer than usual. Trying again shortly (attempt 20+)</span></div>',
      '',
      { kind: 'retry' },
    ],
  ])('%s', (_label, conversation, extra, expected) => {
    expect(scan(page(conversation, extra))).toEqual(expected);
  });

  it('the outage screen as the whole page', () => {
    document.body.innerHTML =
      "<h2>Claude will return soon</h2><p>Claude is currently experiencing a temporary service disruption. We're working on it, please check back soon.</p><button>Try again</button><script>window.x = 1;</script>";
    expect(scan(document.body)).toEqual({ kind: 'outage-screen' });
  });
});

describe('scan: the same rules without claude.ai markers (they drift)', () => {
  const bare = (html: string) => `<div><div>${html}</div></div>`;

  it('a paragraph among paragraphs is part of a longer text', () => {
    expect(scan(page(bare(`<p>Here is what it said:</p><p>${CAPACITY}</p><ul><li>try later</li></ul>`)))).toBeNull();
  });

  it('a paragraph beside a code block is part of a longer text', () => {
    expect(scan(page(bare(`<p>${CAPACITY}</p><pre>stack trace</pre>`)))).toBeNull();
  });

  it('an element holding only the error counts', () => {
    expect(scan(page(bare(`<p>${CAPACITY} ${UPSELL}</p>`)))).toEqual({ kind: 'capacity' });
  });
});

describe('scan: added nodes', () => {
  it('a text node added inside a code block is skipped at once', () => {
    page(reply('<pre><code></code></pre>'));
    const code = document.querySelector('code') as Element;
    const text = document.createTextNode('529 Overloaded');
    code.append(text);
    expect(scan(text)).toBeNull();
    expect(scan(code)).toBeNull();
  });

  it('a failed reply added after load', () => {
    page('');
    const conversation = document.querySelector('.conversation') as Element;
    const added = document.createElement('div');
    added.innerHTML = reply(`<p>${CAPACITY} ${UPSELL}</p>`);
    conversation.append(added);
    expect(scan(added)).toEqual({ kind: 'capacity' });
  });
});

describe('createScanner: slices', () => {
  // 1,000 messages here (happy-dom is slow on a loaded machine); the e2e scenario loads 3,000 in real Chromium and Firefox.
  it('a 1,000-message conversation is scanned in many short tasks, and the error at its end is found', {
    timeout: 30_000,
  }, async () => {
    const messages: string[] = [];
    for (let i = 0; i < 500; i++) {
      messages.push(user(i === 10 ? CAPACITY : `Question ${i} about capacity planning`));
      messages.push(reply(`<p>Answer ${i}: capacity is fine.</p><pre><code>529 overloaded_error ${i}</code></pre>`));
    }
    messages.push(reply(`<p>${CAPACITY} ${UPSELL}</p>`));
    page(messages.join(''));
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    const found: PageSignal[] = [];
    const scanner = createScanner((s) => found.push(s), { delayMs: 0, sliceMs: 1 });
    scanner.add(document.body);
    await vi.waitFor(() => expect(found).toEqual([{ kind: 'capacity' }]), { timeout: 25_000 });
    // More than the one delay timer: the walk yielded to the page between slices.
    expect(timeout.mock.calls.length).toBeGreaterThan(2);
    scanner.stop();
  });

  it('stop() ends a walk in progress', async () => {
    page(reply(`<p>${CAPACITY}</p>`));
    const found: PageSignal[] = [];
    const scanner = createScanner((s) => found.push(s), { delayMs: 0 });
    scanner.add(document.body);
    scanner.stop();
    await new Promise((r) => setTimeout(r, 20));
    expect(found).toEqual([]);
  });
});
