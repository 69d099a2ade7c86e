import { describe, expect, it } from 'vitest';
import {
  CLAUDE_AI_MODELS,
  extractModels,
  incidentModelScope,
  type ModelName,
  type ModelScope,
  modelAdvice,
  parseModelLabel,
  sameModel,
} from '../../core/models/claude-models';

/**
 * A scope as something a table can state: the labels ("all Opus" for a whole family), "all
 * except …", or 'fleet' / 'none'.
 */
function summary(scope: ModelScope): string[] | 'fleet' | 'none' {
  if (scope.kind === 'models')
    return [...scope.models.map((m) => m.label), ...(scope.families ?? []).map((f) => `all ${f}`)];
  if (scope.kind === 'fleet-except') return [`all except ${scope.except.map((m) => m.label).join(', ')}`];
  return scope.kind;
}

function name(label: string): ModelName {
  const parsed = parseModelLabel(label);
  if (!parsed) throw new Error(`not a model label: ${label}`);
  return parsed;
}

function models(...labels: string[]): ModelScope {
  return { kind: 'models', models: labels.map(name) };
}

// Titles and bodies as Claude's status page writes them (claude-status.md), and wordings in the
// same style for the families, version forms and list shapes the issue names.
describe('extractModels: texts that name models', () => {
  it.each<[string, string[]]>([
    [
      'We have identified that the outage is related to Sonnet 4.0, Sonnet 4.5, and Opus 4.5.',
      ['Sonnet 4.0', 'Sonnet 4.5', 'Opus 4.5'],
    ],
    ['Elevated errors on Claude Opus 4.6', ['Opus 4.6']],
    ['Degraded performance for Claude Opus 5', ['Opus 5']],
    ['Elevated errors on Claude Sonnet 4.5', ['Sonnet 4.5']],
    ['Elevated error rates for Claude Haiku 4.5', ['Haiku 4.5']],
    ['Increased latency on Claude Opus 4.1', ['Opus 4.1']],
    ['Degraded performance for Claude Haiku 3', ['Haiku 3']],
    ['Elevated errors on Sonnet 4 and 4.5', ['Sonnet 4', 'Sonnet 4.5']],
    ['Elevated errors on Opus 4.5 and 4.6', ['Opus 4.5', 'Opus 4.6']],
    ['Opus 4, 4.1, and 4.5 are returning errors', ['Opus 4', 'Opus 4.1', 'Opus 4.5']],
    ['Sonnet 4 & 4.5 requests are failing', ['Sonnet 4', 'Sonnet 4.5']],
    ['Sonnet 4.5/4.6 requests are failing', ['Sonnet 4.5', 'Sonnet 4.6']],
    ['Elevated errors on Claude Opus 4 and Claude Sonnet 4', ['Opus 4', 'Sonnet 4']],
    ['We are investigating elevated errors on Claude Opus 4.6 and Claude Sonnet 4.6.', ['Opus 4.6', 'Sonnet 4.6']],
    ['Errors on Sonnet 4.5 and Haiku 4.5 for claude.ai users', ['Sonnet 4.5', 'Haiku 4.5']],
    ['Elevated errors for requests to Claude 3.5 Sonnet', ['Sonnet 3.5']],
    ['Elevated errors on Claude 3 Opus', ['Opus 3']],
    ['Increased error rates on Claude 3.7 Sonnet', ['Sonnet 3.7']],
    ['Elevated errors on claude-sonnet-4-5-20250929', ['Sonnet 4.5']],
    ['Elevated errors on claude-opus-4-20250514', ['Opus 4']],
    ['Elevated errors for claude-3-5-haiku-20241022', ['Haiku 3.5']],
    ['Elevated errors on Claude Opus 4.6 (claude-opus-4-6)', ['Opus 4.6']],
    ['elevated errors on sonnet 4.5', ['Sonnet 4.5']],
    ['elevated errors on claude opus 4', ['Opus 4']],
    ['ELEVATED ERRORS ON OPUS 4.6', ['Opus 4.6']],
    ['Elevated errors on Claude Mythos 5', ['Mythos 5']],
    ['Claude Mythos 5 and Mythos 5.1 are returning errors', ['Mythos 5', 'Mythos 5.1']],
    ['Elevated errors on Claude Instant 1.2', ['Instant 1.2']],
    ['Elevated errors on Claude Opus 4.6 in claude.ai and Claude Code', ['Opus 4.6']],
    ['Elevated errors on Claude Opus 4.6 and Sonnet 4.6 in Claude Code 2.1', ['Opus 4.6', 'Sonnet 4.6']],
    ['Claude Code users on Opus 4.6 may see 529 Overloaded errors.', ['Opus 4.6']],
    ['The issue affected Opus 4.5 requests between 14:00 and 14:43 UTC.', ['Opus 4.5']],
    ['A fix has been implemented for Haiku 4.5 and we are monitoring the results.', ['Haiku 4.5']],
    ['Opus 4.6 with extended thinking is returning errors', ['Opus 4.6']],
    ['Opus 4.6 and 3 other models are affected', ['Opus 4.6']],
    ['Opus 4.6 has recovered; Sonnet 4.6 is still seeing elevated errors.', ['Sonnet 4.6']],
    ['Opus 4.6 has recovered, but Sonnet 4.6 remains degraded.', ['Sonnet 4.6']],
    ['Errors on Opus 4.6 and Sonnet 4.6. Haiku 4.5 is not affected.', ['Opus 4.6', 'Sonnet 4.6']],
    ['Errors on Opus 4.5 but not Opus 4.6', ['Opus 4.5']],
    ['Errors on Opus 4.6 while Sonnet 4.6 is unaffected', ['Opus 4.6']],
    ['Elevated errors on Claude Sonnet 4.5, Opus 4.1 and Haiku 3.5', ['Sonnet 4.5', 'Opus 4.1', 'Haiku 3.5']],
    ['Elevated errors on Opus 4.6 for 2 hours', ['Opus 4.6']],
    ['<p>Elevated errors on <strong>Claude Sonnet 4.6</strong></p>', ['Sonnet 4.6']],
    ['Elevated errors on Sonnet 4.0 and Sonnet 4', ['Sonnet 4.0']],
  ])('%s', (text, expected) => {
    expect(summary(extractModels(text))).toEqual(expected);
  });
});

// The wordings the real page uses (issue #14; titles verbatim from status.claude.com).
describe("extractModels: the page's own wordings", () => {
  it.each<[string, string[] | 'fleet' | 'none']>([
    // Version before family, in a list that shares the family.
    ['Elevated errors for requests to Claude 4, 4.5 Sonnet and 4.5 Haiku', ['Sonnet 4', 'Sonnet 4.5', 'Haiku 4.5']],
    ['Elevated errors on 3.5-Sonnet', ['Sonnet 3.5']],
    ['Elevated errors on Sonnet-4.5', ['Sonnet 4.5']],
    ['Elevated errors on Claude 3.5 Sonnet and Claude 3 Opus', ['Sonnet 3.5', 'Opus 3']],
    // A family without a version: every model of it.
    ['Increase error rates on Opus', ['all Opus']],
    ['Haiku sampling errors', ['all Haiku']],
    ['Sonnet Partial Outage', ['all Sonnet']],
    ['Elevated errors on Claude Opus', ['all Opus']],
    ['Elevated errors on Opus and Sonnet 4.5', ['Sonnet 4.5', 'all Opus']],
    // A bare family beside a version of it refers to that version.
    ['Elevated errors on Opus 4.6. Opus requests are being retried.', ['Opus 4.6']],
    // The whole fleet without a quantifier, and all three families.
    ['Elevated errors on Claude models', 'fleet'],
    ['Elevated errors on requests to models', 'fleet'],
    ['Elevated error rate on Haiku, Sonnet, and Opus', 'fleet'],
    // Variants: the fast mode of a model, not the model.
    ['Elevated errors on Opus 4.6 Fast Mode', ['Opus 4.6 Fast mode']],
    ['Elevated errors on Opus 4.8 Fast', ['Opus 4.8 Fast mode']],
    ['Elevated errors on Claude Opus 4.6 (fast mode)', ['Opus 4.6 Fast mode']],
    ['Elevated errors on Opus 4.6 and Opus 4.6 Fast Mode', ['Opus 4.6', 'Opus 4.6 Fast mode']],
    // The fleet minus some.
    ['Elevated errors on all models except Sonnet 4.0', ['all except Sonnet 4.0']],
    ['All models except Haiku 4.5 are returning errors', ['all except Haiku 4.5']],
    // A version with its dot lost.
    ['elevated errors on Opus 48', ['Opus 4.8']],
    ['Elevated errors on Sonnet 45 and Opus 4.6', ['Sonnet 4.5', 'Opus 4.6']],
    ['Elevated errors on Opus 4.6 for 45 minutes', ['Opus 4.6']],
    // Unchanged: the real incident's narrowing, and texts that name no model.
    [
      'Elevated Error Rates for Opus 4.8, Opus 4.7, Opus 4.6, and Sonnet 4.6',
      ['Opus 4.8', 'Opus 4.7', 'Opus 4.6', 'Sonnet 4.6'],
    ],
    ['Unauthorized post from @AnthropicAI X.com account', 'none'],
    ['Elevated errors on documentation site in Europe', 'none'],
    ['Issues reaching status.claude.com', 'none'],
    ['Magnum Opus is a word, not a model', 'none'],
    ['Errors reading sonnets and haiku', 'none'],
  ])('%s', (text, expected) => {
    expect(summary(extractModels(text))).toEqual(expected);
  });
});

describe('extractModels: the whole fleet', () => {
  it.each<[string]>([
    ['Elevated errors across many models'],
    ['Elevated errors on multiple models'],
    ['Elevated errors across models'],
    ['Errors affecting all Claude models'],
    ['We are seeing elevated errors on all of our models.'],
    ['Several models are returning errors'],
    ['Elevated errors across many models, including Opus 4.6 and Sonnet 4.6'],
    ['Elevated errors on all models; Opus 4.6 is the most affected.'],
    ['Multiple models, e.g. Opus 4.6 and Sonnet 4.6, are affected'],
  ])('%s', (text) => {
    expect(extractModels(text)).toEqual({ kind: 'fleet' });
  });
});

describe('extractModels: texts that name no model', () => {
  it.each<[string]>([
    ['The sequel was his magnum opus 2 years later'],
    ['Magnum Opus 2 is out now'],
    ['Opuses and sonnets were read aloud'],
    ['Sonnets 4 and 5 are by Shakespeare'],
    ["Shakespeare's Sonnet 18"],
    ['Write a sonnet 4 times over'],
    ['haiku-style summaries are degraded'],
    ['The lopus 4.5 build failed'],
    ['Users of Chrome 4.5 may see errors'],
    ['Node 20 is required'],
    ['iOS 18.2 users may see errors on the mobile app'],
    ['Claude Code 2.0.14 fixes a crash on start'],
    ['Claude Code 2.1 is rolling out'],
    ['Claude Desktop 0.14.2 fails to start'],
    ['Claude for Chrome 1.0 is unavailable'],
    ['Claude Cowork 1.2 on Windows 11 fails to sync'],
    ['Claude API 2023-06-01 requests fail'],
    ['Opus 4.5.1 is not a model version'],
    ['Sonnet 4o is not a model version'],
    ['Opus 25 and Haiku 12 are not model versions'],
    ['Elevated errors on claude.ai, Claude Code, Claude Cowork and the Claude API'],
    ['Degraded functionality for Claude Cowork on Windows'],
    ['We are currently investigating this issue.'],
    ['The issue has been identified and a fix is being implemented.'],
    ['As of 14:43 PT / 22:43 UTC we have seen full recovery across all models.'],
    ['Errors on Opus 4.6 have been resolved.'],
    ['Sonnet 4.5 is no longer affected.'],
    ['Not all models are affected.'],
  ])('%s', (text) => {
    expect(extractModels(text)).toEqual({ kind: 'none' });
  });
});

describe('incidentModelScope', () => {
  // "Elevated errors across many models", updates as the page published them (oldest first here).
  const title = 'Elevated errors across many models';
  const published = [
    'We are currently investigating this issue.',
    'We have identified that the outage is related to Sonnet 4.0, Sonnet 4.5, and Opus 4.5.',
    'The issue has been identified and a fix is being implemented.',
    'As of 14:43 PT / 22:43 UTC we have seen full recovery across all models.',
  ];
  const narrowed = ['Sonnet 4.0', 'Sonnet 4.5', 'Opus 4.5'];

  it.each<[number, string[] | 'fleet']>([
    [0, 'fleet'],
    [1, 'fleet'],
    [2, narrowed],
    [3, narrowed],
    [4, narrowed],
  ])('after %i updates', (count, expected) => {
    const updates = published
      .slice(0, count)
      .reverse()
      .map((body) => ({ body }));
    expect(summary(incidentModelScope({ name: title, updates }))).toEqual(expected);
  });

  it.each<[string, string[], string[] | 'fleet' | 'none']>([
    ['Elevated errors on Claude Opus 4.6', ['We are currently investigating this issue.'], ['Opus 4.6']],
    [
      'Elevated errors on Claude Opus 4.6',
      ['The issue now also affects Sonnet 4.6 and Opus 4.6.'],
      ['Sonnet 4.6', 'Opus 4.6'],
    ],
    ['Elevated errors on Claude Opus 4.6', ['Errors have spread to all models.'], 'fleet'],
    ['Elevated errors on claude.ai', ['We are currently investigating this issue.'], 'none'],
  ])('%s with newest update %j', (name, bodies, expected) => {
    expect(summary(incidentModelScope({ name, updates: bodies.map((body) => ({ body })) }))).toEqual(expected);
  });
});

describe('sameModel', () => {
  it.each<[string, string, boolean]>([
    ['Sonnet 4', 'Sonnet 4.0', true],
    ['Sonnet 4.0', 'Claude Sonnet 4', true],
    ['opus 4.6', 'Opus 4.6', true],
    ['Opus 4.5', 'Opus 4.6', false],
    ['Opus 4.1', 'Opus 4.10', false],
    ['Sonnet 4.5', 'Opus 4.5', false],
  ])('%s vs %s', (a, b, expected) => {
    expect(sameModel(name(a), name(b))).toBe(expected);
  });
});

describe('parseModelLabel', () => {
  it.each<[string, string | null]>([
    ['Opus 4.6', 'Opus 4.6'],
    ['Sonnet 4.6', 'Sonnet 4.6'],
    ['Claude Sonnet 4.6', 'Sonnet 4.6'],
    ['  Sonnet 4.5 ', 'Sonnet 4.5'],
    ['Haiku\n4.5', 'Haiku 4.5'],
    ['opus 4.6', 'Opus 4.6'],
    ['Sonnet 4.0', 'Sonnet 4.0'],
    ['Opus 5', 'Opus 5'],
    ['Mythos 5', 'Mythos 5'],
    ['Claude 3.5 Sonnet', 'Sonnet 3.5'],
    ['Opus 4.6 Extended', 'Opus 4.6'],
    ['Sonnet 4.5 (Preview)', 'Sonnet 4.5'],
    // 2026: the button adds the effort level and the context size; its aria-label says "Model: …".
    ['Opus 4.8 High', 'Opus 4.8'],
    ['Sonnet 5 Medium', 'Sonnet 5'],
    ['Opus 4.8 (256k context)', 'Opus 4.8'],
    ['Model: Opus 4.8 High', 'Opus 4.8'],
    ['Model: Sonnet 5 Medium', 'Sonnet 5'],
    ['Opus 4.8 X-High', 'Opus 4.8'],
    ['Opus 4.8 xhigh', 'Opus 4.8'],
    ['Sonnet 5 Low', 'Sonnet 5'],
    ['Opus 4.8 Max', 'Opus 4.8'],
    ['Opus 4.8 High (1M context)', 'Opus 4.8'],
    ['Opus 4.8 · High', 'Opus 4.8'],
    ['Haiku 4.5 1M', 'Haiku 4.5'],
    ['Opus 4.8 Highlights', null],
    ['Opus 4.8 High and Sonnet 5', null],
    ['Model: choose one', null],
    ['', null],
    ['Opus', null],
    ['Claude', null],
    ['Claude 4', null],
    ['Opus 4.6 and Sonnet 4.6', null],
    ['Opus 4.6 is down', null],
    ['Claude Code 2.1', null],
    ['Chrome 4.5', null],
    ['Node 20', null],
    ['Opus 4.5.1', null],
    ['Choose a model', null],
  ])('%j', (text, expected) => {
    expect(parseModelLabel(text)?.label ?? null).toBe(expected);
  });
});

describe('modelAdvice', () => {
  const opus46 = models('Opus 4.6');
  const realIncident = models('Sonnet 4.0', 'Sonnet 4.5', 'Opus 4.5');

  it('lists the current claude.ai models in menu order', () => {
    expect(CLAUDE_AI_MODELS.map((m) => m.label)).toEqual(['Opus 4.6', 'Sonnet 4.6', 'Haiku 4.5']);
  });

  it.each<[string, ModelScope[], string | null, string[] | undefined, ReturnType<typeof adviceSummary>]>([
    [
      'current affected: switch to the first model of another family',
      [opus46],
      'Opus 4.6',
      undefined,
      { affected: ['Opus 4.6'], currentAffected: true, switchTo: 'Sonnet 4.6' },
    ],
    [
      'current not affected: no switch',
      [opus46],
      'Sonnet 4.6',
      undefined,
      { affected: ['Opus 4.6'], currentAffected: false, switchTo: null },
    ],
    [
      'current unknown: still a suggestion',
      [opus46],
      null,
      undefined,
      { affected: ['Opus 4.6'], currentAffected: null, switchTo: 'Sonnet 4.6' },
    ],
    [
      'the real incident: both named families are passed over',
      [realIncident],
      'Sonnet 4.5',
      undefined,
      { affected: ['Sonnet 4.0', 'Sonnet 4.5', 'Opus 4.5'], currentAffected: true, switchTo: 'Haiku 4.5' },
    ],
    [
      '"Sonnet 4" in use is "Sonnet 4.0" in the incident',
      [realIncident],
      'Sonnet 4',
      undefined,
      { affected: ['Sonnet 4.0', 'Sonnet 4.5', 'Opus 4.5'], currentAffected: true, switchTo: 'Haiku 4.5' },
    ],
    [
      'several incidents: the union, first seen first',
      [opus46, { kind: 'none' }, models('Sonnet 4.6', 'Opus 4.6')],
      'Opus 4.6',
      undefined,
      { affected: ['Opus 4.6', 'Sonnet 4.6'], currentAffected: true, switchTo: 'Haiku 4.5' },
    ],
    [
      'menu given: its order, another family first',
      [opus46],
      'Opus 4.6',
      ['Opus 4.6', 'Opus 4.5', 'Sonnet 4.6', 'Haiku 4.5'],
      { affected: ['Opus 4.6'], currentAffected: true, switchTo: 'Sonnet 4.6' },
    ],
    [
      'menu given: same family when nothing else is unaffected',
      [opus46],
      'Opus 4.6',
      ['Opus 4.6', 'Opus 4.5'],
      { affected: ['Opus 4.6'], currentAffected: true, switchTo: 'Opus 4.5' },
    ],
    [
      'menu given: everything affected',
      [models('Opus 4.6', 'Sonnet 4.6')],
      'Opus 4.6',
      ['Opus 4.6', 'Sonnet 4.6'],
      { affected: ['Opus 4.6', 'Sonnet 4.6'], currentAffected: true, switchTo: null },
    ],
    [
      'empty menu: the built-in list',
      [opus46],
      'Opus 4.6',
      [],
      { affected: ['Opus 4.6'], currentAffected: true, switchTo: 'Sonnet 4.6' },
    ],
  ])('%s', (_, scopes, current, menu, expected) => {
    const advice = modelAdvice(scopes, current ? name(current) : null, menu?.map(name));
    expect(adviceSummary(advice)).toEqual(expected);
  });

  it.each<[string, ModelScope[]]>([
    ['whole fleet', [{ kind: 'fleet' }]],
    ['whole fleet beside named models', [opus46, { kind: 'fleet' }]],
    ['no models named', [{ kind: 'none' }]],
    ['no incidents', []],
  ])('%s: no model advice', (_, scopes) => {
    expect(modelAdvice(scopes, name('Opus 4.6'))).toBeNull();
  });

  const allOpus: ModelScope = { kind: 'models', models: [], families: ['Opus'] };
  const opus46Fast: ModelScope = extractModels('Elevated errors on Opus 4.6 Fast Mode');
  const exceptSonnet4: ModelScope = extractModels('Elevated errors on all models except Sonnet 4.0');

  it.each<[string, ModelScope[], string | null, string[] | undefined, ReturnType<typeof wideSummary>]>([
    [
      'a whole family, on one of its models: switch to another family',
      [allOpus],
      'Opus 4.5',
      undefined,
      { families: ['Opus'], allExcept: null, currentAffected: true, switchTo: 'Sonnet 4.6' },
    ],
    [
      'a whole family, on another family: not named',
      [allOpus],
      'Haiku 4.5',
      undefined,
      { families: ['Opus'], allExcept: null, currentAffected: false, switchTo: null },
    ],
    [
      'the fast mode of Opus 4.6, on ordinary Opus 4.6: not named',
      [opus46Fast],
      'Opus 4.6',
      undefined,
      { families: [], allExcept: null, currentAffected: false, switchTo: null },
    ],
    [
      'all models except Sonnet 4.0: the one spared is the suggestion',
      [exceptSonnet4],
      'Opus 4.6',
      undefined,
      { families: [], allExcept: ['Sonnet 4.0'], currentAffected: true, switchTo: 'Sonnet 4.0' },
    ],
    [
      'all models except Sonnet 4.0, on Sonnet 4: not named',
      [exceptSonnet4],
      'Sonnet 4',
      undefined,
      { families: [], allExcept: ['Sonnet 4.0'], currentAffected: false, switchTo: null },
    ],
    [
      'all models except Sonnet 4.0, the menu lists it as "Sonnet 4": the wording of the menu',
      [exceptSonnet4],
      'Opus 4.6',
      ['Opus 4.6', 'Sonnet 4'],
      { families: [], allExcept: ['Sonnet 4.0'], currentAffected: true, switchTo: 'Sonnet 4' },
    ],
  ])('%s', (_, scopes, current, menu, expected) => {
    expect(wideSummary(modelAdvice(scopes, current ? name(current) : null, menu?.map(name)))).toEqual(expected);
  });

  it.each<[string, ModelScope[]]>([
    ['all except a model another incident names', [exceptSonnet4, models('Sonnet 4.0')]],
    [
      'all except a model whose family another incident names',
      [exceptSonnet4, { kind: 'models', models: [], families: ['Sonnet'] }],
    ],
  ])('%s: the whole fleet, no model advice', (_, scopes) => {
    expect(modelAdvice(scopes, name('Opus 4.6'))).toBeNull();
  });

  it('returns the current model as given', () => {
    const current = name('Claude Sonnet 4');
    expect(modelAdvice([realIncident], current)?.current).toBe(current);
  });
});

function adviceSummary(advice: ReturnType<typeof modelAdvice>) {
  return (
    advice && {
      affected: advice.affected.map((m) => m.label),
      currentAffected: advice.currentAffected,
      switchTo: advice.switchTo?.label ?? null,
    }
  );
}

function wideSummary(advice: ReturnType<typeof modelAdvice>) {
  return (
    advice && {
      families: advice.families,
      allExcept: advice.allExcept?.map((m) => m.label) ?? null,
      currentAffected: advice.currentAffected,
      switchTo: advice.switchTo?.label ?? null,
    }
  );
}
