/**
 * classifyNotice: the whole text of one element -> which of claude.ai's own failure messages it
 * is, or null. Real texts verbatim (docs/claude-page.md), the variants we can justify, and texts
 * that must never match.
 */
import { describe, expect, it } from 'vitest';
import {
  classifyNotice,
  MARKER_NAMES,
  MARKERS,
  MAX_SURFACE_CHARS,
  MESSAGE_SELECTORS,
  mayBeSignal,
  type PageSignal,
  SELECTORS,
} from '../../core/claude-page/page-facts';

const CAPACITY =
  'Due to unexpected capacity constraints, Claude is unable to respond to your message. Please try again soon.';
const UPSELL = 'Or consider upgrading to Claude Pro.';
const OUTAGE_HEADING = 'Claude will return soon';
const OUTAGE_TEXT =
  "Claude is currently experiencing a temporary service disruption. We're working on it, please check back soon.";
const OUTAGE_CODE = 'Still not working? You can reach out to support with this error code: 1034YMZ';
const RETRY = 'Taking longer than usual. Trying again shortly (attempt 20+)';

type Row = [label: string, text: string, expected: PageSignal | null];

describe('capacity', () => {
  it.each<Row>([
    ['the sentence, verbatim', CAPACITY, { kind: 'capacity' }],
    ['with the upsell in the same paragraph', `${CAPACITY} ${UPSELL}`, { kind: 'capacity' }],
    ['with the upsell glued on (textContent of <p>text<a>link</a>)', `${CAPACITY}${UPSELL}`, { kind: 'capacity' }],
    ['with the Pro-plan upsell', `${CAPACITY} For higher limits, explore our Pro plan.`, { kind: 'capacity' }],
    ['with a Retry button in the same element', `${CAPACITY} ${UPSELL} Retry`, { kind: 'capacity' }],
    [
      'with a no-break space and a line break',
      CAPACITY.replace(' capacity', '\u00a0capacity').replace('Claude is', 'Claude\nis'),
      { kind: 'capacity' },
    ],
    ['in other casing', CAPACITY.toUpperCase(), { kind: 'capacity' }],
    [
      'without "unexpected"',
      'Due to capacity constraints, Claude is unable to respond to your message.',
      { kind: 'capacity' },
    ],
    [
      'another tail',
      'Due to unexpected capacity constraints, Claude is unable to respond. Try again in a few minutes.',
      { kind: 'capacity' },
    ],
    [
      'the older "at capacity" wording',
      'Claude is currently at capacity. Please try again later.',
      { kind: 'capacity' },
    ],
    ['the older "over capacity" wording', 'Claude is over capacity', { kind: 'capacity' }],
    ['"529 Overloaded" alone', '529 Overloaded', { kind: 'capacity' }],
    ['Claude Code style, alone', 'API Error: 529 Overloaded', { kind: 'capacity' }],
    ['an HTTP status line, alone', 'HTTP 529 - Overloaded', { kind: 'capacity' }],
  ])('%s', (_label, text, expected) => {
    expect(classifyNotice(text)).toEqual(expected);
  });
});

describe('outage screen', () => {
  it.each<Row>([
    [
      'the whole screen: heading, text, button, support line with its code',
      `${OUTAGE_HEADING} ${OUTAGE_TEXT} Try again ${OUTAGE_CODE}`,
      { kind: 'outage-screen', code: '1034YMZ' },
    ],
    ['the heading alone', OUTAGE_HEADING, { kind: 'outage-screen' }],
    ['the text alone', OUTAGE_TEXT, { kind: 'outage-screen' }],
    ['with a typographic apostrophe', OUTAGE_TEXT.replace("We're", 'We’re'), { kind: 'outage-screen' }],
    ['heading and text without the code', `${OUTAGE_HEADING}\n\n${OUTAGE_TEXT}\nTry again`, { kind: 'outage-screen' }],
    [
      'another code, in lower case (stored upper case)',
      `${OUTAGE_TEXT} ${OUTAGE_CODE.replace('1034YMZ', 'a9x27')}`,
      { kind: 'outage-screen', code: 'A9X27' },
    ],
    [
      'a "code" that is not one does not travel',
      `${OUTAGE_TEXT} Still not working? You can reach out to support with this error code: <script>`,
      { kind: 'outage-screen' },
    ],
  ])('%s', (_label, text, expected) => {
    expect(classifyNotice(text)).toEqual(expected);
  });
});

describe('retry notice', () => {
  it.each<Row>([
    ['verbatim', RETRY, { kind: 'retry' }],
    ['another attempt number', RETRY.replace('20+', '3'), { kind: 'retry' }],
    ['without the attempt', 'Taking longer than usual. Trying again shortly', { kind: 'retry' }],
    ['the first half alone', 'Taking longer than usual.', { kind: 'retry' }],
    ['on two lines', 'Taking longer than usual.\nTrying again shortly (attempt 4)', { kind: 'retry' }],
  ])('%s', (_label, text, expected) => {
    expect(classifyNotice(text)).toEqual(expected);
  });
});

describe('retry notice, 2026 wording', () => {
  it.each<Row>([
    [
      '"Retrying shortly" with its attempt',
      'Taking longer than usual. Retrying shortly (attempt 4)',
      { kind: 'retry' },
    ],
    ['beside "Trying again shortly"', 'Taking longer than usual. Trying again shortly', { kind: 'retry' }],
  ])('%s', (_label, text, expected) => {
    expect(classifyNotice(text)).toEqual(expected);
  });
});

describe('a reply cut off (incomplete)', () => {
  it.each<Row>([
    ['the whole note', 'Server error mid-response. The response above may be incomplete.', { kind: 'incomplete' }],
    ['its first sentence', 'Server error mid-response.', { kind: 'incomplete' }],
    ['"Response incomplete"', 'Response incomplete', { kind: 'incomplete' }],
    [
      'with a Retry button',
      'Server error mid-response. The response above may be incomplete. Retry',
      {
        kind: 'incomplete',
      },
    ],
  ])('%s', (_label, text, expected) => {
    expect(classifyNotice(text)).toEqual(expected);
  });
});

describe('a model unavailable', () => {
  it.each<Row>([
    [
      '"Claude Fable 5 is currently unavailable."',
      'Claude Fable 5 is currently unavailable.',
      {
        kind: 'model-unavailable',
      },
    ],
    ['a known family', 'Opus 4.8 is currently unavailable.', { kind: 'model-unavailable' }],
    ['a family without a version', 'Claude Mythos is currently unavailable', { kind: 'model-unavailable' }],
  ])('%s', (_label, text, expected) => {
    expect(classifyNotice(text)).toEqual(expected);
  });
});

describe('Claude Code on the web', () => {
  it('"API Error: Repeated 529 Overloaded errors"', () => {
    expect(classifyNotice('API Error: Repeated 529 Overloaded errors')).toEqual({ kind: 'capacity' });
  });
});

describe('with no slack (a reply must be the error and nothing else)', () => {
  it.each<[string, string, PageSignal | null]>([
    ['the sentence', CAPACITY, { kind: 'capacity' }],
    ['with its upsell', `${CAPACITY} ${UPSELL}`, { kind: 'capacity' }],
    ['"Sure!" before it', `Sure! ${CAPACITY}`, null],
    ['"OK." after it', `${CAPACITY} OK.`, null],
  ])('%s', (_label, text, expected) => {
    expect(classifyNotice(text, 0)).toEqual(expected);
  });
});

describe('never an outage, and never someone quoting one', () => {
  it.each<[string, string]>([
    ['empty', ''],
    [
      'usage limit (2026)',
      "You've reached your Opus 4.6 limit. Switch to another model, or manage usage credits at claude.ai/settings/usage",
    ],
    ['approaching the 5-hour limit', 'Approaching 5-hour limit'],
    ['5-hour limit reached', '5-hour limit reached - resets 4:00 PM'],
    ['message limit', "You've hit your limit for Claude messages. Limits will reset at 9:00 PM."],
    ['length limit', 'Your message will exceed the length limit for this chat'],
    ['login error', 'There was an error logging you in'],
    [
      'the quoted API error log',
      'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
    ],
    ['the error body alone', '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}'],
    ['a log line', '2026-03-02T10:14:07Z ERROR upstream returned HTTP 529 Overloaded, retrying in 2s (attempt 3/5)'],
    [
      'a paragraph that quotes the capacity sentence',
      `When I try, I get "${CAPACITY}" every single time since this morning. Why?`,
    ],
    ['an explanation around it', `The message "${CAPACITY}" means the service is overloaded; it is not your account.`],
    ['"capacity planning"', 'Let us talk about capacity planning for Q3.'],
    [
      'capacity constraints in general',
      'Our data centre faces capacity constraints this quarter, so we are delaying the migration.',
    ],
    [
      'a capacity word near "unable" across a sentence end',
      'We hit capacity. The team was unable to respond to tickets.',
    ],
    ['Claude declining for another reason', 'Claude is unable to respond to this request.'],
    ['"overloaded" without 529', 'That is an overloaded function in C++.'],
    ['529 without "overloaded"', 'We served 529 requests yesterday.'],
    ['a 500 error', 'Internal Server Error (500). Please try again.'],
    [
      'a sentence about an outage',
      'Our site had a temporary service disruption last week; customers were told we would return soon.',
    ],
    [
      'someone writing the heading into a story',
      'The sign on the door said Claude will return soon, so the team waited in the lobby for an hour.',
    ],
    [
      'retrying in a longer text',
      'The build is taking longer than usual because the cache was cleared; CI is trying again shortly after.',
    ],
    ['the normal reply in the page fixture', 'Here are the main points: the launch moves to next Tuesday.'],
    ['the weekly-limit notice (2026)', "You've used 75% of your weekly limit"],
    ['the same, with its button', "You've used 75% of your weekly limit Get more usage"],
    ['extra usage', "You're now using extra usage"],
    ['the 5-hour limit with extra usage', '5-hour limit resets 4:00 PM - continuing with extra usage'],
    ['"Claude is currently unavailable" (no model named)', 'Claude is currently unavailable in your region.'],
    [
      'a model unavailable in a longer text',
      'I read that Opus 4.8 is currently unavailable in some regions; is that true for me?',
    ],
    [
      'a note about incompleteness in prose',
      'The response above may be incomplete because I ran out of room; ask me to continue.',
    ],
  ])('%s', (_label, text) => {
    expect(classifyNotice(text)).toBeNull();
  });

  it('an element longer than any message is not read', () => {
    expect(classifyNotice(`${CAPACITY} ${' '.repeat(MAX_SURFACE_CHARS * 2)}`)).toBeNull();
  });
});

describe('the cheap pre-filter', () => {
  it('passes every text that any kind matches', () => {
    for (const text of [
      CAPACITY,
      OUTAGE_HEADING,
      OUTAGE_TEXT,
      RETRY,
      'Taking longer than usual.',
      '529 Overloaded',
      'Retrying shortly (attempt 2)',
      'Server error mid-response.',
      'Response incomplete',
      'The response above may be incomplete.',
      'Claude Fable 5 is currently unavailable.',
      'API Error: Repeated 529 Overloaded errors',
    ]) {
      expect(mayBeSignal(text)).toBe(true);
    }
  });

  it.each<[string, string, boolean]>([
    ['upper case', 'DUE TO UNEXPECTED CAPACITY CONSTRAINTS', true],
    ['mixed case, mid-word', 'OverLoaded_error', true],
    ['words split by a line break and indentation', 'Taking longer than\n        usual.', true],
    ['white space alone', '\n      \t ', false],
    ['words split by a line break and a no-break space', 'Trying again\n\u00a0 shortly', true],
    ['none of the words', 'Here are the main points of the meeting notes.', false],
    ['the empty text', '', false],
  ])('%s', (_label, text, expected) => {
    expect(mayBeSignal(text)).toBe(expected);
  });

  it('a megabyte of text is rejected quickly', () => {
    const text = 'We talk about capacity and about being overloaded with work, 529 times over. '.repeat(14_000);
    expect(classifyNotice(text)).toBeNull();
  });
});

describe('the markers the watcher checks', () => {
  it('are the selectors the rest of the extension relies on, under their stored names', () => {
    expect(MARKERS.map(([name]) => name)).toEqual([...MARKER_NAMES]);
    expect(Object.fromEntries(MARKERS)).toEqual({
      'user-message': MESSAGE_SELECTORS.userMessage,
      reply: MESSAGE_SELECTORS.reply,
      composer: MESSAGE_SELECTORS.composer,
      'model-button': SELECTORS.modelButton,
    });
  });
});
