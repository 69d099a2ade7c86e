/** `site-view`: a page asks what to show; the banner's script is injected first when a banner is due. */
import type { Handler } from './handler';

export const siteView: Handler<'site-view'> = async (message, { facts }, background) => {
  await Promise.all([background.noteSiteSeen(), background.noteModel(message.site, message.model ?? null)]);
  const { view, old } = await background.pageView(message.site, message.model ?? null);
  // Opening claude.ai with old data is a good moment to check again (the gate decides).
  if (old) void background.poll('page');
  // The page loads the banner's view only now that it has one to show.
  if (view.text && message.bannerLoaded === false) await background.injectBanner(facts);
  return view;
};
