/**
 * Whatever writes or clears a stored item, what depends on it follows: the badge draws again from
 * what is stored, "Tell me when it's back" looks again when the status changes, and the banner
 * script is registered to load with the sites' pages while a banner is due (../banner/banner-preload.ts).
 */
import { dismissalsItem, failuresItem, resolutionsItem, signalsItem, statusItem } from '../../../shell/stored-items';

export function followStorage(deps: {
  drawBadge: () => Promise<void>;
  stepBackWatch: () => Promise<void>;
  syncBanner: () => Promise<void>;
}): void {
  for (const item of [statusItem, resolutionsItem, signalsItem, failuresItem]) item.watch(() => void deps.drawBadge());
  for (const item of [statusItem, resolutionsItem]) item.watch(() => void deps.stepBackWatch());
  for (const item of [statusItem, resolutionsItem, signalsItem, failuresItem, dismissalsItem])
    item.watch(() => void deps.syncBanner());
}
