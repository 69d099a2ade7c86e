/** The parts of the bench's browser section, in the order they run (`--parts` picks some). */
export const BROWSER_PARTS = [
  'inPage',
  'profile',
  'banner',
  'capacity',
  'stream',
  'long',
  'freshness',
  'network',
  'memory',
  'coldStart',
];
