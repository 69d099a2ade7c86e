/**
 * `open-link`: the user clicked a banner link. The background opens the address it knows for the
 * id (the incident of the banner shown on that site, the catalogue, the user's own list), never an
 * address from the page, which may have rewritten the link, and only a link that banner shows.
 */
import { ALTERNATIVES } from '../../../core/advice/alternatives';
import { INCIDENT_LINK } from '../../../core/banner/banner-words';
import type { Handler } from './handler';

export const openLink: Handler<'open-link'> = async (message, { sender }, background) => {
  // A page opens only what its banner shows now (with a gesture token, core/messages/gesture.ts).
  if (sender.kind === 'page') {
    const text = (await background.pageView(message.site, null)).view.text;
    const shown = [text?.incidentLink, ...(text?.alternatives ?? [])].some((link) => link?.id === message.link);
    if (!shown) return;
  }
  const url =
    message.link === INCIDENT_LINK
      ? (await background.decision(message.site)).banner?.url
      : (
          ALTERNATIVES.find((a) => a.id === message.link) ??
          background.settings().alternatives.find((a) => a.id === message.link)
        )?.url;
  if (url?.startsWith('https://')) await background.openTab(url);
};
