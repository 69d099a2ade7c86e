/**
 * serviceAdvice(): per service an incident names, what to do, in order.
 */
import { describe, expect, it } from 'vitest';
import { serviceAdvice } from '../../core/advice/service-advice';
import { parseModelLabel } from '../../core/models/claude-models';
import { SERVICE_IDS } from '../../core/status-page/services';
import type { Service } from '../../core/status-page/status-model';

const { api, claudeAi, code, console: consoleId, cowork } = SERVICE_IDS;
const SONNET = parseModelLabel('Sonnet 4.6');
const CLOUD = 'https://code.claude.com/docs/en/third-party-integrations';
const up = (id: string): Pick<Service, 'id' | 'state'> => ({ id, state: 'operational' });
const ALL_UP = [claudeAi, consoleId, api, code, cowork].map(up);

describe('serviceAdvice', () => {
  it.each([
    // name, services the incident names, components, model to switch to, advice kinds
    ['Cowork: restart the desktop app', [cowork], ALL_UP, null, ['cowork-restart']],
    ['Claude Code alone: /model', [code], ALL_UP, null, ['code-model']],
    [
      'Claude Code and the Claude API named: /model, then Bedrock or Vertex',
      [code, api],
      ALL_UP,
      null,
      ['code-model', 'code-cloud'],
    ],
    [
      'Claude Code named while the API component is down: Bedrock or Vertex too',
      [code],
      ALL_UP.map((s) => (s.id === api ? { id: api, state: 'partial_outage' as const } : s)),
      null,
      ['code-model', 'code-cloud'],
    ],
    [
      'the API under maintenance is not failing',
      [code],
      ALL_UP.map((s) => (s.id === api ? { id: api, state: 'maintenance' as const } : s)),
      null,
      ['code-model'],
    ],
    [
      'claude.ai with a model to switch to: the switch, then the alternatives',
      [claudeAi],
      ALL_UP,
      SONNET,
      ['claude-ai-model', 'claude-ai-alternatives'],
    ],
    ['claude.ai without one: the alternatives', [claudeAi], ALL_UP, null, ['claude-ai-alternatives']],
    [
      'everything named: in the order Cowork, Claude Code, claude.ai',
      [claudeAi, api, code, cowork],
      ALL_UP,
      SONNET,
      ['cowork-restart', 'code-model', 'code-cloud', 'claude-ai-model', 'claude-ai-alternatives'],
    ],
    ['an incident that names no service: no per-service advice', [], ALL_UP, SONNET, []],
    ['only the Console: nothing of these', [consoleId], ALL_UP, null, []],
  ] as [string, string[], Pick<Service, 'id' | 'state'>[], ReturnType<typeof parseModelLabel>, string[]][])(
    '%s',
    (_name, serviceIds, services, switchTo, kinds) => {
      expect(serviceAdvice({ serviceIds }, services, switchTo).map((a) => a.kind)).toEqual(kinds);
    },
  );

  it('links Claude Code on Bedrock or Vertex to its documentation, and names the model to switch to', () => {
    const advice = serviceAdvice({ serviceIds: [code, api, claudeAi] }, ALL_UP, SONNET);
    expect(advice).toContainEqual({ kind: 'code-cloud', url: CLOUD });
    expect(advice).toContainEqual({ kind: 'claude-ai-model', switchTo: SONNET });
  });
});
