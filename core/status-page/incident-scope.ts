/**
 * What an incident reaches when its components do not say: services named loosely in its title
 * ("API", "Console", "cowork", "Claude Desktop"), incidents about no product at all (an account
 * post on X, the documentation site, the status page itself), and incidents scoped to another
 * platform ("Opus in Vertex Complete Outage"). Pure text rules over the title and impact, computed
 * when the snapshot is built (stored with each incident, see storedReach) and when the banner
 * is decided. The wordings are in docs/status-page-wordings.md.
 */
import type * as z from 'zod/mini';
import { incidentModelScope } from '../models/claude-models';
import { namesModels } from './reach';
import { type Platform, SERVICE_IDS } from './services';
import type { Incident, incidentReachSchema } from './status-model';

/**
 * Words for a service in titles, by service id. "API" is upper case as the page writes it ("the
 * Anthropic API", "Claude API"), so that "api" inside a host or path is not read as the API.
 * "platform" is the Console's host, platform.claude.com; "apps" and "Claude Desktop" are the
 * claude.ai apps.
 */
const TITLE_ALIASES: readonly { id: string; pattern: RegExp }[] = [
  { id: SERVICE_IDS.api, pattern: /(?<![\w.])API\b|\bapi\.anthropic\.com\b/ },
  { id: SERVICE_IDS.console, pattern: /\b(?:console|platform|workbench)\b/i },
  { id: SERVICE_IDS.cowork, pattern: /\bcowork\b/i },
  {
    id: SERVICE_IDS.claudeAi,
    pattern: /\bclaude\s+(?:app|apps|desktop)\b|\b(?:desktop|mobile|web)\s+apps?\b|(?<![\w.-])apps\b|\bclaude\.ai\b/i,
  },
];

/**
 * "Claude" alone as an item of a list of services ("Elevated error rates on API, Claude, and
 * Console"; "on the API and Claude") is the Claude app, claude.ai. Not when a name goes on
 * ("Claude Code", "Claude Opus 4.6", "Claude models", "Claude 4, 4.5 Sonnet") nor outside a list
 * ("Elevated errors on Claude"): a title that writes its services out item by item says so
 * plainly, so this counts even when the incident lists components (core/status-page/snapshot.ts).
 */
const CLAUDE_LIST_ITEM = /\bClaude(?=\s*(?:,|&|\b(?:and|or)\b))|(?:,|&|\b(?:and|or)\b)\s*Claude(?=\s*(?:$|[,&).;:]))/;

/** Services a title writes out as items of a list, by the words only lists use: claude.ai as "Claude". */
export function listedServiceIds(title: string): string[] {
  return CLAUDE_LIST_ITEM.test(title) ? [SERVICE_IDS.claudeAi] : [];
}

/** Services a title names by the words the page uses for them, in TITLE_ALIASES order. */
export function titleServiceIds(title: string): string[] {
  const ids = TITLE_ALIASES.filter((alias) => alias.pattern.test(title)).map((alias) => alias.id);
  for (const id of listedServiceIds(title)) if (!ids.includes(id)) ids.push(id);
  return ids;
}

const PLATFORM_WORDS: readonly { platform: Platform; pattern: RegExp }[] = [
  { platform: 'bedrock', pattern: /\b(?:amazon\s+|aws\s+)?bedrock\b/i },
  { platform: 'vertex', pattern: /\b(?:google\s+(?:cloud\s+)?)?vertex(?:\s+ai)?\b/i },
];

export function platformsNamedIn(title: string): Platform[] {
  return PLATFORM_WORDS.filter((p) => p.pattern.test(title)).map((p) => p.platform);
}

/**
 * Things the page reports on that are not a product people use Claude through: its social
 * accounts, the documentation and marketing sites, the status page itself.
 */
const NOT_A_PRODUCT =
  /\bx\.com\b|\btwitter\b|\bsocial\s+media\b|@anthropicai\b|\b(?:documentation|docs)(?:\s+(?:site|website|page|pages))?\b|\bdocs\.(?:anthropic|claude)\.com\b|\bstatus\.(?:claude|anthropic)\.com\b|\bstatus\s+page\b|\bhelp\s+cent(?:er|re)\b|\bsupport\s+(?:site|portal)\b|\b(?:anthropic\s+)?(?:website|blog|careers\s+page)\b/i;

/** A Claude surface, once the non-product words are taken out ("status.claude.com" is not claude.ai). */
const CLAUDE_SURFACE =
  /(?<![\w.])claude\b(?!\.com)|\b(?:api|console|platform|workbench|cowork|apps?|desktop|mobile|chat|conversations?|login|sign[\s-]?in|artifacts?|projects?|billing|usage|tokens?|requests?|completions?|messages?)\b/i;

/**
 * named: the incident's services (its components, or its title); all: it names none and may touch
 * any, so every surface counts (an outage must never go unannounced); none: it touches no Claude
 * surface. platforms: other clouds it is about.
 */
export type IncidentReach = z.infer<typeof incidentReachSchema>;

type ReachInput = Pick<Incident, 'name' | 'impact' | 'serviceIds' | 'updates'>;

/** Remembered per incident object, as the model scope is: snapshots are never changed in place. */
const reaches = new WeakMap<ReachInput, IncidentReach>();

export function incidentReach(incident: ReachInput): IncidentReach {
  const known = reaches.get(incident);
  if (known) return known;
  const reach = computeReach(incident);
  reaches.set(incident, reach);
  return reach;
}

function computeReach(incident: ReachInput): IncidentReach {
  const platforms = platformsNamedIn(incident.name);
  // Statuspage's "no impact": posted for information, nothing to warn about on a site; unless it
  // names models ("Elevated errors on Opus 4.6", impact none, April 2026), which is worth an
  // informational banner with the model advice (core/verdict/surface-trouble.ts).
  if (incident.impact === 'none' && !namesModels(incidentModelScope(incident))) return { surfaces: 'none', platforms };
  if (incident.serviceIds.length > 0) return { surfaces: 'named', platforms };
  // "Opus in Vertex Complete Outage": that platform's own serving, not Anthropic's.
  if (platforms.length > 0) return { surfaces: 'none', platforms };
  if (namesNoProduct(incident)) return { surfaces: 'none', platforms };
  return { surfaces: 'all', platforms };
}

/**
 * The title is about something that is not a product (see NOT_A_PRODUCT) and names no service,
 * no model and no Claude surface. A title that names nothing at all ("Elevated errors") is not
 * such a title: it may be about anything, so it still touches every surface.
 */
function namesNoProduct(incident: ReachInput): boolean {
  if (!NOT_A_PRODUCT.test(incident.name)) return false;
  if (incidentModelScope(incident).kind !== 'none') return false;
  const rest = incident.name.replace(new RegExp(NOT_A_PRODUCT.source, 'gi'), ' ');
  return !CLAUDE_SURFACE.test(rest);
}
