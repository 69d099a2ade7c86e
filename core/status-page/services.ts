/**
 * The components of Claude's status page that the product reasons about, by id: names have
 * been renamed before (docs/status-page.md), ids have not. Components not listed
 * here still appear everywhere; they only have no site and no alternative tied to them.
 */
export const SERVICE_IDS = {
  claudeAi: 'rwppv331jlwc',
  console: '0qbwn08sd68x',
  api: 'k8w3r06qmzrp',
  code: 'yyzkbfz2thpt',
  cowork: 'bpp5gb3hpjcl',
  government: '0scnb50nvy53',
} as const;

/** Claude served by another company's cloud, which Claude's status page sometimes reports on. */
export type Platform = 'bedrock' | 'vertex';

/**
 * Ids that stand for a platform among failing services, so that an alternative served there can
 * depend on it (core/advice/alternatives.ts). Not status-page component ids: those never have a colon.
 */
export const PLATFORM_IDS: Readonly<Record<Platform, string>> = {
  bedrock: 'platform:bedrock',
  vertex: 'platform:vertex',
};
