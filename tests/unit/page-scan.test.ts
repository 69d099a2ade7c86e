// @vitest-environment happy-dom
/**
 * page-scan.ts in happy-dom: the always-on search for candidate text. It never reads what never
 * counts (the composer, the user's messages, code, buttons, the page header, hidden headings), and
 * walks long pages in slices. Whether a candidate is claude.ai's own message is the page reader's
 * (tests/unit/page-read.test.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScanner } from '../../entrypoints/claude.content/page-scan';

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

/** The candidates a whole scan of `root` hands on, by their text. */
async function candidates(root: Node): Promise<string[]> {
  const found: string[] = [];
  const scanner = createScanner((text) => found.push(text.data.trim()), { delayMs: 0 });
  scanner.add(root);
  await new Promise((resolve) => setTimeout(resolve, 50));
  scanner.stop();
  return found;
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('createScanner: what is never even read', () => {
  it.each<[string, string, string]>([
    ['the sentence in the composer', '', COMPOSER.replace('{}', CAPACITY)],
    ['the sentence in a textarea', '', `<textarea>${CAPACITY}</textarea>`],
    ['the sentence in a user message', user(CAPACITY), ''],
    ['529 overloaded_error in a code block', reply(`<p>Your log shows:</p><pre><code>${LOG}</code></pre>`), ''],
    ['inline code', reply(`<p><code>529 Overloaded</code></p>`), ''],
    ['a conversation title in the sidebar (and only there)', '', ''],
    ['a script', '', `<script>var m = "${CAPACITY}";</script>`],
    ['a hidden element', `<div hidden>${CAPACITY}</div>`, ''],
    ['aria-hidden', `<div aria-hidden="true">${CAPACITY}</div>`, ''],
    ['a button', `<button>Retry after the 529 overloaded error</button>`, ''],
    [
      'the page header',
      '',
      `<header data-testid="page-header"><button data-testid="chat-title-button"><div>${CAPACITY}</div></button></header>`,
    ],
    ['a screen-reader heading', `<div><h2 class="sr-only">You said: ${CAPACITY}</h2></div>`, ''],
  ])('%s', async (_label, conversation, extra) => {
    expect(await candidates(page(conversation, extra))).toEqual([]);
  });

  it('hands on the text that may be a message, wherever else it stands', async () => {
    expect(await candidates(page(reply(`<p>${CAPACITY} ${UPSELL}</p>`)))).toEqual([CAPACITY]);
  });

  it('the text right after a subtree stepped over, at any depth, is read', async () => {
    const last = `<div><p>${CAPACITY}</p></div>`;
    // Stepped over as a last child, two levels down: the walk climbs back out to the next text.
    const nested = `<div><div><p>fine</p><pre><code>529</code></pre></div></div>`;
    expect(await candidates(page(reply(`<button>529</button>${nested}${last}`)))).toEqual([CAPACITY]);
  });

  it('a subtree that is the whole of what was queued is never read', async () => {
    page(reply(`<pre><code>${CAPACITY}</code></pre>`));
    expect(await candidates(document.querySelector('pre') as Element)).toEqual([]);
  });

  it('a text node added inside a code block is skipped at once', async () => {
    page(reply('<pre><code></code></pre>'));
    const code = document.querySelector('code') as Element;
    const text = document.createTextNode('529 Overloaded');
    code.append(text);
    expect(await candidates(text)).toEqual([]);
    expect(await candidates(code)).toEqual([]);
  });
});

describe('createScanner: slices', () => {
  // 1,000 messages here (happy-dom is slow on a loaded machine); the e2e scenario loads 3,000 in real Chromium and Firefox.
  it('a 1,000-message conversation is scanned in many short tasks, and the text at its end is handed on', {
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
    const found: string[] = [];
    const scanner = createScanner((t) => found.push(t.data), { delayMs: 0, sliceMs: 1 });
    scanner.add(document.body);
    // Every reply's "capacity is fine" is a candidate (the reader says no); the last is the error.
    await vi.waitFor(() => expect(found.at(-1)?.trim()).toBe(CAPACITY), { timeout: 25_000 });
    expect(found).toHaveLength(501);
    // More than the one delay timer: the walk yielded to the page between slices.
    expect(timeout.mock.calls.length).toBeGreaterThan(2);
    scanner.stop();
  });

  it('a long run of what never counts (20,000 buttons naming 529) is cut into slices too, and the text after it is read', {
    timeout: 30_000,
  }, async () => {
    page(`<div>${'<button>Retry after the 529</button>'.repeat(20_000)}</div>${reply(`<p>${CAPACITY}</p>`)}`);
    const found: string[] = [];
    const scanner = createScanner((t) => found.push(t.data.trim()), { delayMs: 0, sliceMs: 1 });
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    scanner.add(document.body);
    await vi.waitFor(() => expect(found).toEqual([CAPACITY]), { timeout: 25_000 });
    expect(timeout.mock.calls.length).toBeGreaterThan(2);
    scanner.stop();
  });

  it('scanWhole reads in the calling task, with the batch started there, and what was queued inside only once', () => {
    page(reply(`<p>${CAPACITY}</p>`));
    const found: string[] = [];
    let batches = 0;
    const scanner = createScanner((t) => found.push(t.data.trim()), { onBatch: () => batches++ });
    scanner.add(document.querySelector('p') as Element);
    scanner.scanWhole(document.body);
    expect(found).toEqual([CAPACITY]);
    expect(batches).toBe(1);
    scanner.stop();
  });

  it('touch starts a batch with nothing to read; changes within one batch start it once', async () => {
    page('');
    let batches = 0;
    const scanner = createScanner(() => undefined, { delayMs: 10, onBatch: () => batches++ });
    scanner.touch();
    scanner.touch();
    scanner.add(document.body);
    await vi.waitFor(() => expect(batches).toBe(1));
    scanner.touch();
    await vi.waitFor(() => expect(batches).toBe(2));
    scanner.stop();
  });

  it('stop() ends a walk in progress', async () => {
    page(reply(`<p>${CAPACITY}</p>`));
    const found: Text[] = [];
    const scanner = createScanner((t) => found.push(t), { delayMs: 0 });
    scanner.add(document.body);
    scanner.stop();
    await new Promise((r) => setTimeout(r, 20));
    expect(found).toEqual([]);
  });
});
