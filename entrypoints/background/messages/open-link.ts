/**
 * `open-link`: the user clicked a banner link. The background opens the address it knows for the
 * id (the incident of the banner shown on that site, the catalogue, the user's own list), never an
 * address from the page, which may have rewritten the link.
 */
import { ALTERNATIVES } from '../../../core/advice/alternatives';
import { INCIDENT_LINK } from '../../../core/banner/banner-words';
import type { Handler } from './handler';

export const openLink: Handler<'open-link'> = async (message, _from, background) => {
  const url =
    message.link === INCIDENT_LINK
      ? (await background.decision(message.site)).banner?.url
      : (
          ALTERNATIVES.find((a) => a.id === message.link) ??
          background.settings().alternatives.find((a) => a.id === message.link)
        )?.url;
  if (url?.startsWith('https://')) await background.openTab(url);
};
