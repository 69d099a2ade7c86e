/**
 * The banner cannot ask for the notification permission (only an extension page's own click can),
 * so it offers to open the popup, whose "Tell me when it's back" asks for it. action.openPopup()
 * needs a focused window (and in Firefox a user action in an extension page); where it fails, the
 * popup opens as a tab of its own.
 * https://developer.chrome.com/docs/extensions/reference/api/action#method-openPopup
 */
import { browser } from 'wxt/browser';

export async function openPopup(): Promise<void> {
  try {
    await browser.action.openPopup();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  }
}
