/**
 * Where to keep working when Claude's own surfaces fail: one catalogue, and which entries
 * still work given what the status page says is failing.
 */

import { storedReach } from '../status-page/reach';
import { PLATFORM_IDS, SERVICE_IDS } from '../status-page/services';
import type { Snapshot } from '../status-page/status-model';

export type Operator = 'anthropic' | 'aws' | 'google' | 'third-party';
export type Need = 'console-account' | 'api-key' | 'aws-account' | 'gcp-account' | 'openrouter-account' | 'poe-account';

export interface Alternative {
  id: string;
  name: string;
  url: string;
  operator: Operator;
  needs: readonly Need[];
  /**
   * Status-page services it needs working; Bedrock and Vertex serve Claude without Anthropic's API,
   * and depend on their own platform only (PLATFORM_IDS: the page reports on them now and then).
   */
  dependsOn: readonly string[];
  /** A way to keep using Claude Code rather than a chat. */
  forClaudeCode: boolean;
}

const { api, console: consoleId } = SERVICE_IDS;

/** Ordered by how close each is to the claude.ai experience; links from docs/status-page.md. */
export const ALTERNATIVES: readonly Alternative[] = [
  {
    id: 'workbench',
    name: 'Console Workbench',
    url: 'https://platform.claude.com/workbench',
    operator: 'anthropic',
    needs: ['console-account'],
    dependsOn: [consoleId, api],
    forClaudeCode: false,
  },
  {
    id: 'bedrock',
    name: 'Amazon Bedrock',
    url: 'https://aws.amazon.com/bedrock/claude/',
    operator: 'aws',
    needs: ['aws-account'],
    dependsOn: [PLATFORM_IDS.bedrock],
    forClaudeCode: false,
  },
  {
    id: 'vertex',
    name: 'Google Vertex AI',
    url: 'https://cloud.google.com/vertex-ai/generative-ai/docs/partner-models/claude',
    operator: 'google',
    needs: ['gcp-account'],
    dependsOn: [PLATFORM_IDS.vertex],
    forClaudeCode: false,
  },
  {
    id: 'openrouter',
    name: 'OpenRouter',
    url: 'https://openrouter.ai/anthropic',
    operator: 'third-party',
    needs: ['openrouter-account'],
    // OpenRouter serves Claude through several providers, Bedrock and Vertex among them.
    dependsOn: [],
    forClaudeCode: false,
  },
  {
    id: 'typingmind',
    name: 'TypingMind',
    url: 'https://www.typingmind.com',
    operator: 'third-party',
    needs: ['api-key'],
    dependsOn: [api],
    forClaudeCode: false,
  },
  {
    id: 'librechat',
    name: 'LibreChat',
    url: 'https://www.librechat.ai',
    operator: 'third-party',
    needs: ['api-key'],
    dependsOn: [api],
    forClaudeCode: false,
  },
  {
    id: 'lobechat',
    name: 'LobeChat',
    url: 'https://lobehub.com',
    operator: 'third-party',
    needs: ['api-key'],
    dependsOn: [api],
    forClaudeCode: false,
  },
  {
    id: 'poe',
    name: 'Poe',
    url: 'https://poe.com',
    operator: 'third-party',
    needs: ['poe-account'],
    // Which backend Poe uses is not published; assume Anthropic's API so we never overpromise.
    dependsOn: [api],
    forClaudeCode: false,
  },
  {
    id: 'code-api-key',
    name: 'Claude Code with an API key',
    // The key and its credits come from the Console: it needs the Console as much as the API.
    url: 'https://platform.claude.com/settings/keys',
    operator: 'anthropic',
    needs: ['api-key'],
    dependsOn: [consoleId, api],
    forClaudeCode: true,
  },
  {
    id: 'code-cloud',
    name: 'Claude Code on Bedrock or Vertex',
    url: 'https://code.claude.com/docs/en/third-party-integrations',
    operator: 'third-party',
    needs: ['aws-account', 'gcp-account'],
    dependsOn: [],
    forClaudeCode: true,
  },
];

/**
 * Services that are not fully working: any state but operational, or named by an active
 * incident; and the platforms (PLATFORM_IDS) an incident is about. Deliberately strict, so we
 * never recommend something that may fail too.
 */
export function failingServiceIds(snapshot: Snapshot | null): Set<string> {
  const failing = new Set<string>();
  if (!snapshot) return failing;
  for (const service of snapshot.services) if (service.state !== 'operational') failing.add(service.id);
  for (const incident of snapshot.incidents) {
    const reach = storedReach(incident);
    // An incident that names no service may touch any of them; one about no product touches none.
    if (reach.surfaces === 'named') for (const id of incident.serviceIds) failing.add(id);
    if (reach.surfaces === 'all') for (const s of snapshot.services) failing.add(s.id);
    for (const platform of reach.platforms) failing.add(PLATFORM_IDS[platform]);
  }
  return failing;
}

export interface AlternativeChoice {
  /** Entries whose every dependency works, catalogue order. */
  recommended: Alternative[];
  /** Entries that depend on a failing service. */
  affected: Alternative[];
}

/** Alternatives a surface shows before "more": enough to choose from, few enough to read. */
export const SHOWN_ALTERNATIVES = 3;

export function chooseAlternatives(
  catalogue: readonly Alternative[],
  failing: ReadonlySet<string>,
  options: { exclude?: readonly string[] } = {},
): AlternativeChoice {
  const recommended: Alternative[] = [];
  const affected: Alternative[] = [];
  for (const alternative of catalogue) {
    if (options.exclude?.includes(alternative.id)) continue;
    if (!alternative.url.startsWith('https://')) continue;
    if (alternative.dependsOn.some((id) => failing.has(id))) affected.push(alternative);
    else recommended.push(alternative);
  }
  return { recommended, affected };
}
