/**
 * Whatever writes or clears a stored item, what depends on it follows: the badge draws again from
 * what is stored, and "Tell me when it's back" looks again when the status changes.
 */
import { failuresItem, resolutionsItem, signalsItem, statusItem } from '../../../shell/stored-items';

export function followStorage(deps: { drawBadge: () => Promise<void>; stepBackWatch: () => Promise<void> }): void {
  for (const item of [statusItem, resolutionsItem, signalsItem, failuresItem]) item.watch(() => void deps.drawBadge());
  for (const item of [statusItem, resolutionsItem]) item.watch(() => void deps.stepBackWatch());
}
