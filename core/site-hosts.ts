/**
 * Which host is which site: all the always-on content script needs to know about sites, kept
 * apart from core/sites.ts so that its bundle carries none of the rest (its budget is 3,000 B gzip).
 */
export type SiteId = 'claude-ai' | 'platform';

export const SITE_HOSTS: Readonly<Record<string, SiteId>> = {
  'claude.ai': 'claude-ai',
  'platform.claude.com': 'platform',
};

export function siteIdForHost(hostname: string): SiteId | null {
  return Object.hasOwn(SITE_HOSTS, hostname) ? (SITE_HOSTS[hostname] ?? null) : null;
}
