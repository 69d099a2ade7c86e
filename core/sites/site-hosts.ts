/**
 * Which host is which site: all the always-on content script needs to know about sites, kept
 * apart from core/sites/sites.ts so that its bundle carries none of the rest (its budget is 3,000 B gzip).
 */
export const SITE_IDS = ['claude-ai', 'platform'] as const;
export type SiteId = (typeof SITE_IDS)[number];

/** claude.ai's host: where the conversation, its API and its error messages live. */
export const CLAUDE_AI_HOST = 'claude.ai';
/** The Claude Console (with the Workbench). */
export const PLATFORM_HOST = 'platform.claude.com';

/** The one list of the sites' hosts: the manifest's matches, the request watcher and the banner follow it. */
export const SITE_HOSTS: Readonly<Record<string, SiteId>> = {
  [CLAUDE_AI_HOST]: 'claude-ai',
  [PLATFORM_HOST]: 'platform',
};

export function siteIdForHost(hostname: string): SiteId | null {
  return Object.hasOwn(SITE_HOSTS, hostname) ? (SITE_HOSTS[hostname] ?? null) : null;
}
