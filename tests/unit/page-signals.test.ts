import { describe, expect, it } from 'vitest';
import { CAPACITY_PATTERNS, matchCapacityText } from '../../core/page-signals';

const SENTENCE =
  'Due to unexpected capacity constraints, Claude is unable to respond to your message. Please try again soon.';
/** The paragraph as claude.ai renders it: the sentence, then the upsell link's text (tests/fixtures/pages). */
const WITH_UPSELL = `${SENTENCE} Or consider upgrading to Claude Pro.`;

describe('matchCapacityText: the claude.ai capacity error', () => {
  it.each<[string, string, string]>([
    ['the exact sentence', 'capacity-constraints', SENTENCE],
    ['the sentence with the upsell tail', 'capacity-constraints', WITH_UPSELL],
    [
      'the upsell tail with no space before it (textContent of <p>text<a>link</a>)',
      'capacity-constraints',
      `${SENTENCE}Or consider upgrading to Claude Pro.`,
    ],
    ['in other casing', 'capacity-constraints', SENTENCE.toUpperCase()],
    ['surrounded by other page text', 'capacity-constraints', `Claude\nOpus 4.6\n${WITH_UPSELL}\nReply…`],
    [
      'with a no-break space inside the core',
      'capacity-unable',
      SENTENCE.replace('unexpected capacity', 'unexpected\u00a0capacity'),
    ],
    ['broken over two lines', 'capacity-unable', SENTENCE.replace('capacity constraints', 'capacity\nconstraints')],
    [
      'without "unexpected"',
      'capacity-unable',
      'Due to capacity constraints, Claude is unable to respond to your message right now.',
    ],
    [
      'another tail',
      'capacity-constraints',
      'Due to unexpected capacity constraints, Claude is unable to respond. Try again in a few minutes.',
    ],
    ['the older "at capacity" wording', 'at-capacity', 'Claude is currently at capacity. Please try again later.'],
    ['the older "over capacity" wording', 'at-capacity', 'Claude is over capacity'],
    ['529 Overloaded', 'overloaded-529', '529 Overloaded'],
    ['Claude Code style', 'overloaded-529', 'API Error: 529 Overloaded'],
    ['an HTTP status line', 'overloaded-529', 'HTTP 529 - Overloaded'],
    [
      'the raw API error body',
      'overloaded-529',
      'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
    ],
    ['overloaded_error alone', 'overloaded-529', '{"type":"overloaded_error"}'],
  ])('%s -> %s', (_label, id, text) => {
    expect(matchCapacityText(text)).toBe(id);
  });

  it('every pattern id is unique and reachable', () => {
    const ids = CAPACITY_PATTERNS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(['at-capacity', 'capacity-constraints', 'capacity-unable', 'overloaded-529']);
  });
});

describe('matchCapacityText: texts that must not match', () => {
  it.each<[string, string]>([
    ['empty', ''],
    ['"capacity planning"', 'Let us talk about capacity planning for Q3.'],
    ['"We are increasing capacity"', 'We are increasing capacity across all regions.'],
    [
      'a chat about capacity constraints in general (no refusal, no "unexpected")',
      'Our data centre faces capacity constraints this quarter, so we are delaying the migration.',
    ],
    [
      'a capacity word near "unable" across a sentence end',
      'We hit capacity. The team was unable to respond to tickets.',
    ],
    ['Claude declining for another reason', 'Claude is unable to respond to this request.'],
    ['"overloaded" without 529', 'That is an overloaded function in C++.'],
    ['529 without "overloaded"', 'We served 529 requests yesterday.'],
    ['529 far from "overloaded"', 'Ticket 529 was closed after a long discussion; the server was overloaded.'],
    ['a 500 error', 'Internal Server Error (500). Please try again.'],
    ['"Claude is at capacity" split by another word', 'Claude is nearly at capacity on this chart'],
    ['the normal reply in the page fixture', 'Here are the main points: the launch moves to next Tuesday.'],
  ])('%s -> null', (_label, text) => {
    expect(matchCapacityText(text)).toBeNull();
  });

  it('a chat that quotes the core phrase "unexpected capacity constraints" does match: the core is matched, not who said it', () => {
    expect(matchCapacityText('Unexpected capacity constraints are a classic problem in supply chains.')).toBe(
      'capacity-constraints',
    );
  });
});

describe('matchCapacityText: long text', () => {
  it('finds the error at the start of a long text', () => {
    expect(matchCapacityText(`${WITH_UPSELL}\n${'lorem ipsum '.repeat(100_000)}`)).toBe('capacity-constraints');
  });

  it('a megabyte of text without the error is rejected quickly', () => {
    const text = 'We talk about capacity and about being overloaded with work, 529 times over. '.repeat(14_000);
    expect(text.length).toBeGreaterThan(1_000_000);
    const started = performance.now();
    expect(matchCapacityText(text)).toBeNull();
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('text built to make the bounded patterns backtrack stays fast', () => {
    const text = `capacity ${'x'.repeat(5_000)} ${'529 '.repeat(2_000)}`;
    const started = performance.now();
    expect(matchCapacityText(text)).toBeNull();
    expect(performance.now() - started).toBeLessThan(100);
  });
});
