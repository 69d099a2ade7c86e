/**
 * serviceAdvice(): per service an incident names, what to do, in order, and only advice that fits
 * (issue #27, item 9): no "/model" when the incident names no model, claude.ai's model advice with
 * the model in use as the banner gives it, and the alternatives only where the popup lists them.
 */
import { describe, expect, it } from 'vitest';
import { type AdviceContext, serviceAdvice } from '../../core/advice/service-advice';
import { extractModels, type ModelScope, modelAdvice, parseModelLabel } from '../../core/models/claude-models';
import { SERVICE_IDS } from '../../core/status-page/services';
import type { Service } from '../../core/status-page/status-model';

const { api, claudeAi, code, console: consoleId, cowork } = SERVICE_IDS;
const SONNET = parseModelLabel('Sonnet 4.6');
const OPUS = parseModelLabel('Opus 4.6');
const CLOUD = 'https://code.claude.com/docs/en/third-party-integrations';
const up = (id: string): Pick<Service, 'id' | 'state'> => ({ id, state: 'operational' });
const ALL_UP = [claudeAi, consoleId, api, code, cowork].map(up);
const apiIs = (state: Service['state']) => ALL_UP.map((s) => (s.id === api ? { id: api, state } : s));

/** Titles as the page wrote them (docs/status-page-wordings.md). */
const OPUS_TITLE = extractModels('Elevated errors on Claude Opus 4.6');
const NO_MODEL = extractModels('Elevated errors on claude.ai, Claude Code, Claude Cowork and the Claude API');
const FLEET = extractModels('Elevated errors on Claude models');

interface Case {
  /** Services the incident names. */
  serviceIds: string[];
  services?: Pick<Service, 'id' | 'state'>[];
  models?: ModelScope;
  /** The model claude.ai's latest tab showed. */
  inUse?: ReturnType<typeof parseModelLabel>;
  /** The popup lists alternatives for claude.ai. */
  alternatives?: boolean;
}

function context(c: Case): AdviceContext {
  const models = c.models ?? NO_MODEL;
  return {
    services: c.services ?? ALL_UP,
    models,
    modelAdvice: modelAdvice([models], c.inUse ?? null),
    claudeAiAlternatives: c.alternatives ?? true,
  };
}

const kinds = (c: Case) => serviceAdvice({ serviceIds: c.serviceIds }, context(c)).map((a) => a.kind);

describe('serviceAdvice', () => {
  it.each<[string, Case, string[]]>([
    ['Cowork: restart the desktop app', { serviceIds: [cowork] }, ['cowork-restart']],
    ['Claude Code, an incident naming Opus 4.6: /model', { serviceIds: [code], models: OPUS_TITLE }, ['code-model']],
    ['Claude Code, no model named: no /model (another model would not help)', { serviceIds: [code] }, []],
    ['Claude Code, the whole fleet named: no /model', { serviceIds: [code], models: FLEET }, []],
    [
      'Claude Code and the Claude API named, Opus 4.6: /model, then Bedrock or Vertex',
      { serviceIds: [code, api], models: OPUS_TITLE },
      ['code-model', 'code-cloud'],
    ],
    [
      'Claude Code and the Claude API named, no model: Bedrock or Vertex only',
      { serviceIds: [code, api] },
      ['code-cloud'],
    ],
    [
      'Claude Code named while the API component is down: Bedrock or Vertex',
      { serviceIds: [code], services: apiIs('partial_outage') },
      ['code-cloud'],
    ],
    ['the API under maintenance is not failing', { serviceIds: [code], services: apiIs('maintenance') }, []],
    [
      'claude.ai, Opus 4.6 named, model in use unknown: the switch, then the alternatives',
      { serviceIds: [claudeAi], models: OPUS_TITLE },
      ['claude-ai-model', 'claude-ai-alternatives'],
    ],
    [
      'claude.ai, Opus 4.6 named, the page on Opus 4.6: the switch, then the alternatives',
      { serviceIds: [claudeAi], models: OPUS_TITLE, inUse: OPUS },
      ['claude-ai-model', 'claude-ai-alternatives'],
    ],
    [
      'claude.ai, Opus 4.6 named, the page on Sonnet 4.6 (no alternatives listed): the banner’s "not named", nothing else',
      { serviceIds: [claudeAi], models: OPUS_TITLE, inUse: SONNET, alternatives: false },
      ['claude-ai-not-named'],
    ],
    ['claude.ai, no model named: the alternatives', { serviceIds: [claudeAi] }, ['claude-ai-alternatives']],
    [
      'claude.ai while the popup lists no alternatives for it: no line pointing at them',
      { serviceIds: [claudeAi], alternatives: false },
      [],
    ],
    [
      'everything named, Opus 4.6: in the order Cowork, Claude Code, claude.ai',
      { serviceIds: [claudeAi, api, code, cowork], models: OPUS_TITLE },
      ['cowork-restart', 'code-model', 'code-cloud', 'claude-ai-model', 'claude-ai-alternatives'],
    ],
    ['an incident that names no service: no per-service advice', { serviceIds: [], models: OPUS_TITLE }, []],
    ['only the Console: nothing of these', { serviceIds: [consoleId] }, []],
  ])('%s', (_name, c, expected) => {
    expect(kinds(c)).toEqual(expected);
  });

  it('links Claude Code on Bedrock or Vertex to its documentation, and names the model to switch to', () => {
    const advice = serviceAdvice(
      { serviceIds: [code, api, claudeAi] },
      context({ serviceIds: [], models: OPUS_TITLE }),
    );
    expect(advice).toContainEqual({ kind: 'code-cloud', url: CLOUD });
    expect(advice).toContainEqual({ kind: 'claude-ai-model', switchTo: SONNET });
  });

  it('"not named" carries what the banner says: the models named and the model in use', () => {
    const [advice] = serviceAdvice(
      { serviceIds: [claudeAi] },
      context({ serviceIds: [], models: OPUS_TITLE, inUse: SONNET, alternatives: false }),
    );
    expect(advice?.kind).toBe('claude-ai-not-named');
    if (advice?.kind !== 'claude-ai-not-named') return;
    expect(advice.current).toEqual(SONNET);
    expect(advice.advice.affected).toEqual([OPUS]);
    expect(advice.advice.currentAffected).toBe(false);
  });
});
