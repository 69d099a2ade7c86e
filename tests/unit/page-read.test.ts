// @vitest-environment happy-dom
/**
 * The page reader (entrypoints/claude.content/page-read.ts) in happy-dom, on the real-structure
 * pages built from public captures of claude.ai (tests/fixtures/pages/claude-2026-*.html, with
 * their hooks; docs/claude-page.md, "Captures"), and on small shapes for the rules that must hold
 * without claude.ai's markers. What counts is positive evidence of claude.ai's own surfaces; what
 * Claude or the user wrote, hidden headings, buttons and the page header never count.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_SURFACE_NODES, type PageSignal } from '../../core/claude-page/page-facts';
import { readSignal, scan } from '../../entrypoints/claude.content/page-read';

const CAPACITY =
  'Due to unexpected capacity constraints, Claude is unable to respond to your message. Please try again soon.';
const OUTAGE_WORDS =
  "Claude will return soon. Claude is currently experiencing a temporary service disruption. We're working on it, please check back soon. Still not working? You can reach out to support with this error code: PWNED0WNED";
const CUT_OFF = 'Server error mid-response. The response above may be incomplete.';
const HOOKS = readFileSync('tests/fixtures/pages/real-page-hooks.js', 'utf8');

/** The hooks tests/fixtures/pages/real-page-hooks.js defines. */
interface Hooks {
  __sendUserMessage(text: string): void;
  __insertReply(paragraphs: string[], code?: string): void;
  __insertReplyHtml(html: string): void;
  __insertFailedReply(text?: string): void;
  __insertCutOffReply(paragraphs: string[], note: string): void;
  __bandNotice(text: string): void;
  __setTitle(text: string): void;
  __setModel(label: string): void;
  __showOutageScreen(code?: string): void;
  __removeMarkers(): void;
  __noticeBesideEmptySpans(count: number): void;
  __startStreaming(first?: string, everyMs?: number): void;
  __streamShows(where: 'body' | 'note', text: string): void;
  __stopStreaming(): void;
}
const hooks = () => window as unknown as Hooks;

/** Loads a real-structure page with its hooks, as the replay server serves it. */
function load(name: 'claude-2026-01' | 'claude-2026-02' | 'claude-2026-06'): void {
  document.open();
  document.write(readFileSync(`tests/fixtures/pages/${name}.html`, 'utf8'));
  document.close();
  new Function(HOOKS)();
}

/** The signal's kind and code, without the structure (tested on its own below). */
function kindOf(signal: (PageSignal & { shape?: unknown }) | null): PageSignal | null {
  if (!signal) return null;
  const { shape: _shape, ...rest } = signal;
  return rest;
}

afterEach(() => {
  // A streaming reply's timer (its hook adds words until stopped).
  (window as Partial<Hooks>).__stopStreaming?.();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  history.replaceState(null, '', '/');
});

describe('the real pages as captured: nothing', () => {
  it.each(['claude-2026-01', 'claude-2026-02', 'claude-2026-06'] as const)('%s', (name) => {
    load(name);
    expect(scan(document.body)).toBeNull();
  });
});

describe('June 2026 structure: never claude.ai speaking', () => {
  it.each<[string, () => void]>([
    [
      "a user message quoting the error, with its hidden heading 'You said: …'",
      () => hooks().__sendUserMessage(CAPACITY),
    ],
    ['a user asking about it', () => hooks().__sendUserMessage(`Why do I keep getting "${CAPACITY}" every morning?`)],
    [
      'the title "Unexpected capacity constraints error" (a button in the header)',
      () => hooks().__setTitle('Unexpected capacity constraints error'),
    ],
    ['the title "529 Overloaded error fix"', () => hooks().__setTitle('529 Overloaded error fix')],
    ['a reply that is only outage-screen wording with an invented code', () => hooks().__insertReply([OUTAGE_WORDS])],
    ['a reply of "Sure!" and the sentence', () => hooks().__insertReply(['Sure!', CAPACITY])],
    ['"Sure!" and the sentence in one paragraph', () => hooks().__insertReply([`Sure! ${CAPACITY}`])],
    [
      'a table whose one cell is the sentence',
      () => hooks().__insertReplyHtml(`<table><tbody><tr><td>${CAPACITY}</td></tr></tbody></table>`),
    ],
    ['a list item that is the sentence', () => hooks().__insertReplyHtml(`<ul><li>${CAPACITY}</li></ul>`)],
    [
      'a <details><summary> of the reply',
      () => hooks().__insertReplyHtml(`<details><summary>${CAPACITY}</summary></details>`),
    ],
    ['a heading of the reply', () => hooks().__insertReplyHtml(`<h2>${CAPACITY}</h2>`)],
    ['the weekly-limit notice in the band, with "Get more usage"', () => undefined],
    ['"You\'ve used 90% of your weekly limit"', () => hooks().__bandNotice("You've used 90% of your weekly limit")],
    ['"You\'re now using extra usage"', () => hooks().__bandNotice("You're now using extra usage")],
    [
      '"5-hour limit resets 4pm - continuing with extra usage"',
      () => hooks().__bandNotice('5-hour limit resets 4pm - continuing with extra usage'),
    ],
    [
      'the 2026 usage-limit notice',
      () =>
        hooks().__bandNotice("You've reached your Opus 4.8 limit. Switch to another model, or manage usage credits."),
    ],
  ])('%s -> nothing', (_label, act) => {
    load('claude-2026-06');
    act();
    expect(scan(document.body)).toBeNull();
  });

  it('a <details><summary> outside replies, beside the conversation', () => {
    load('claude-2026-06');
    const details = document.createElement('details');
    details.innerHTML = `<summary>${CAPACITY}</summary>`;
    document.querySelector('[data-test-render-count]')?.after(details);
    expect(scan(document.body)).toBeNull();
  });

  it('a screen-reader live region with the sentence (role=status, sr-only)', () => {
    load('claude-2026-06');
    const live = document.createElement('span');
    live.className = 'sr-only';
    live.setAttribute('role', 'status');
    live.textContent = CAPACITY;
    document.querySelector('[data-is-streaming]')?.append(live);
    expect(scan(document.body)).toBeNull();
  });

  it('an element clipped to 1 px without the sr-only class', () => {
    load('claude-2026-06');
    const clipped = document.createElement('div');
    clipped.setAttribute('role', 'alert');
    clipped.setAttribute('style', 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)');
    clipped.textContent = CAPACITY;
    document.body.append(clipped);
    expect(scan(document.body)).toBeNull();
  });
});

describe('June 2026 structure: claude.ai showing its own message', () => {
  it.each<[string, () => void, PageSignal]>([
    [
      'a failed reply with its hidden heading, inside its display:contents wrapper',
      () => hooks().__insertFailedReply(),
      { kind: 'capacity' },
    ],
    [
      'the error in the notice band beside "Get more usage" and Dismiss',
      () => hooks().__bandNotice(CAPACITY),
      {
        kind: 'capacity',
      },
    ],
    [
      'a reply cut off mid-response, with its note',
      () => hooks().__insertCutOffReply(['The first half of an answer that', 'stopped here'], CUT_OFF),
      {
        kind: 'incomplete',
      },
    ],
    [
      '"Response incomplete" under a reply',
      () => hooks().__insertCutOffReply(['Half an answer'], 'Response incomplete'),
      { kind: 'incomplete' },
    ],
    [
      'a model unavailable, in the band',
      () => hooks().__bandNotice('Claude Fable 5 is currently unavailable.'),
      {
        kind: 'model-unavailable',
      },
    ],
    [
      'a model unavailable, as the reply',
      () => hooks().__insertFailedReply('Claude Fable 5 is currently unavailable.'),
      {
        kind: 'model-unavailable',
      },
    ],
    [
      'Claude Code on the web: "API Error: Repeated 529 Overloaded errors"',
      () => hooks().__insertFailedReply('API Error: Repeated 529 Overloaded errors'),
      { kind: 'capacity' },
    ],
    [
      'the retry notice with "Retrying shortly", in the band',
      () => hooks().__bandNotice('Taking longer than usual. Retrying shortly (attempt 3)'),
      { kind: 'retry' },
    ],
  ])('%s', (_label, act, expected) => {
    load('claude-2026-06');
    act();
    expect(kindOf(scan(document.body))).toEqual(expected);
  });

  it('a reply still streaming is Claude writing: its body is a failed reply only once it stops', () => {
    load('claude-2026-06');
    hooks().__startStreaming(CAPACITY, 60_000);
    expect(scan(document.body)).toBeNull();
    hooks().__stopStreaming();
    expect(kindOf(scan(document.body))).toEqual({ kind: 'capacity' });
  });

  it.each<[string, 'body' | 'note', string, PageSignal]>([
    [
      'the retry notice in place of its words',
      'body',
      'Taking longer than usual. Retrying shortly (attempt 2)',
      { kind: 'retry' },
    ],
    ['the note of a reply cut off under it', 'note', CUT_OFF, { kind: 'incomplete' }],
  ])('a reply streaming with %s', (_label, where, text, expected) => {
    load('claude-2026-06');
    hooks().__startStreaming('The first words.', 60_000);
    hooks().__streamShows(where, text);
    expect(kindOf(scan(document.body))).toEqual(expected);
  });

  it('the same failed reply on the January and February captures', () => {
    for (const name of ['claude-2026-01', 'claude-2026-02'] as const) {
      load(name);
      hooks().__insertFailedReply();
      expect(kindOf(scan(document.body)), name).toEqual({ kind: 'capacity' });
    }
  });
});

describe('the outage screen counts only as a page of its own', () => {
  it('as the whole page, with its code', () => {
    load('claude-2026-06');
    hooks().__showOutageScreen('1034YMZ');
    expect(kindOf(scan(document.body))).toEqual({ kind: 'outage-screen', code: '1034YMZ' });
  });

  it('in a reply: nothing, and no code travels', () => {
    load('claude-2026-06');
    hooks().__insertFailedReply(OUTAGE_WORDS);
    expect(scan(document.body)).toBeNull();
  });

  it('in the band or an alert of a conversation: nothing', () => {
    load('claude-2026-06');
    hooks().__bandNotice('Claude will return soon');
    expect(scan(document.body)).toBeNull();
  });

  it('on a shared conversation page without markers: nothing', () => {
    history.replaceState(null, '', '/share/0f0e5c1a');
    document.body.innerHTML = `<div><h1>Claude will return soon</h1><p>${OUTAGE_WORDS}</p></div>`;
    expect(scan(document.body)).toBeNull();
  });
});

describe('the structure for the "Wrong banner?" report: never text', () => {
  it('a failed reply: where it was read, how deep, tag names and class names', () => {
    load('claude-2026-06');
    hooks().__insertFailedReply();
    const signal = scan(document.body);
    expect(signal?.shape.surface).toBe('reply');
    expect(signal?.shape.depth).toBeGreaterThan(5);
    expect(signal?.shape.path[0]?.tag).toBe('p');
    expect(signal?.shape.path.some((s) => s.classes?.includes('font-claude-response'))).toBe(true);
    expect(JSON.stringify(signal?.shape)).not.toMatch(/capacity|Claude is|respond/i);
  });

  it('in the band: its role, and a test id only when it is a kebab-case name (never a file name)', () => {
    load('claude-2026-06');
    hooks().__bandNotice(CAPACITY);
    const band = document.querySelector('[data-alert-band-wrapper]') as HTMLElement;
    band.setAttribute('data-testid', 'my secret file.pdf');
    const signal = scan(document.body);
    expect(signal?.shape.surface).toBe('band');
    expect(signal?.shape.path.map((s) => s.role)).toContain('status');
    expect(JSON.stringify(signal?.shape)).not.toContain('secret');
  });
});

describe('without claude.ai markers (they drift): a page of its own', () => {
  const bare = (html: string) => {
    document.body.innerHTML = `<div><div>${html}</div></div>`;
    return scan(document.body);
  };

  it('a paragraph among paragraphs is part of a longer text', () => {
    expect(bare(`<p>Here is what it said:</p><p>${CAPACITY}</p><ul><li>try later</li></ul>`)).toBeNull();
  });

  it('a paragraph beside a code block is part of a longer text', () => {
    expect(bare(`<p>${CAPACITY}</p><pre>stack trace</pre>`)).toBeNull();
  });

  it('an element holding only the error counts', () => {
    expect(
      kindOf(bare(`<p>${CAPACITY} <a href="https://claude.ai/upgrade">Or consider upgrading to Claude Pro.</a></p>`)),
    ).toEqual({ kind: 'capacity' });
  });

  it('a hidden paragraph beside it does not make it part of a longer text', () => {
    expect(kindOf(bare(`<h2 class="sr-only">A heading</h2><p>${CAPACITY}</p>`))).toEqual({ kind: 'capacity' });
  });
});

describe('bounded by nodes', () => {
  it('an alert beside 20,000 empty spans reads only the alert (the e2e scenario has 100,000 in real browsers)', {
    timeout: 30_000,
  }, () => {
    load('claude-2026-06');
    hooks().__noticeBesideEmptySpans(20_000);
    const text = [...document.querySelectorAll('[role="alert"]')].pop()?.firstChild as Text;
    // What was read, counted: the reader asks every element it looks at for its computed style.
    const styles = vi.spyOn(window, 'getComputedStyle');
    expect(kindOf(readSignal(text))).toEqual({ kind: 'capacity' });
    expect(styles.mock.calls.length).toBeLessThan(MAX_SURFACE_NODES);
  });

  it('a page of its own whose parent holds more nodes than any notice stops growing there', () => {
    const spans = '<span></span>'.repeat(MAX_SURFACE_NODES * 25);
    document.body.innerHTML = `<div><div>${spans}<p>${CAPACITY}</p></div></div>`;
    const text = document.querySelector('p')?.firstChild as Text;
    const styles = vi.spyOn(window, 'getComputedStyle');
    expect(kindOf(readSignal(text))).toEqual({ kind: 'capacity' });
    // The parent is read up to MAX_SURFACE_NODES nodes once, not to its 10,000 spans, and not again per level.
    expect(styles.mock.calls.length).toBeLessThan(MAX_SURFACE_NODES * 2);
    expect(styles.mock.calls.length).toBeGreaterThan(MAX_SURFACE_NODES / 2);
  });
});
