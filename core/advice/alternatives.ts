/**
 * Where to keep working when Claude's own surfaces fail: one catalogue, and which entries
 * still work given what the status page says is failing.
 */

import type { SiteId } from '../sites/site-hosts';
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

/**
 * What the banner on a site offers, in catalogue order (it shows the first SHOWN_ALTERNATIVES):
 * chat entries only (Claude Code lines belong to the popup), none that depends on a failing
 * service, and never the site the user is on. The popup lists the same for that site.
 */
export function siteAlternatives(snapshot: Snapshot | null, site: SiteId): Alternative[] {
  const chat = ALTERNATIVES.filter((a) => !a.forClaudeCode);
  const exclude = site === 'platform' ? ['workbench'] : [];
  return chooseAlternatives(chat, failingServiceIds(snapshot), { exclude }).recommended;
}

/** The surfaces people work in, for which somewhere else to work can help: the two sites and Claude Code. */
export type WorkSurface = SiteId | 'code';

export interface AlternativeGroup {
  /** The surfaces this list is for: one site, both sites when their lists are the same, or Claude Code. */
  surfaces: WorkSurface[];
  items: Alternative[];
}

export interface AlternativeGroups {
  groups: AlternativeGroup[];
  /** Entries that depend on a failing service: named apart as also affected. */
  affected: Alternative[];
}

/**
 * The popup's "Where to keep working", one group per surface in trouble (`surfaces`, as the
 * verdict decides them: core/verdict/overall.ts): for a site, exactly what its banner offers; for
 * Claude Code, the Claude Code entries. Nothing for a surface that works (issue #27, item 9).
 */
export function alternativeGroups(snapshot: Snapshot | null, surfaces: readonly WorkSurface[]): AlternativeGroups {
  const failing = failingServiceIds(snapshot);
  const groups: AlternativeGroup[] = [];
  for (const surface of ['claude-ai', 'code', 'platform'] as const) {
    if (!surfaces.includes(surface)) continue;
    const items =
      surface === 'code'
        ? chooseAlternatives(
            ALTERNATIVES.filter((a) => a.forClaudeCode),
            failing,
          ).recommended
        : siteAlternatives(snapshot, surface);
    const same = groups.find(
      (g) => g.surfaces[0] !== 'code' && g.items.map((a) => a.id).join() === items.map((a) => a.id).join(),
    );
    if (same && surface !== 'code') same.surfaces.push(surface);
    else groups.push({ surfaces: [surface], items });
  }
  return { groups, affected: chooseAlternatives(ALTERNATIVES, failing).affected };
}
