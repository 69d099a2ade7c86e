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
