/** The sites where the banner runs, and the status-page services each one depends on. */
import { SERVICE_IDS } from '../status-page/services';
import { CLAUDE_AI_HOST, SITE_HOSTS, type SiteId } from './site-hosts';

export type { SiteId };

export interface Site {
  id: SiteId;
  host: string;
  label: string;
  /** Services whose incidents raise the banner on this site. */
  serviceIds: readonly string[];
  /** Whether the capacity error text of claude.ai's conversation can appear here. */
  detectsCapacity: boolean;
}

const host = (id: SiteId): string => Object.keys(SITE_HOSTS).find((h) => SITE_HOSTS[h] === id) ?? '';

export const SITES: readonly Site[] = [
  {
    id: 'claude-ai',
    host: host('claude-ai'),
    // The site's name is its host.
    label: CLAUDE_AI_HOST,
    serviceIds: [SERVICE_IDS.claudeAi],
    detectsCapacity: true,
  },
  {
    id: 'platform',
    host: host('platform'),
    label: 'Claude Console',
    serviceIds: [SERVICE_IDS.console, SERVICE_IDS.api],
    detectsCapacity: false,
  },
];

export function siteById(id: SiteId): Site {
  const site = SITES.find((s) => s.id === id);
  if (!site) throw new Error(`unknown site ${id}`);
  return site;
}
