/**
 * What the background does with each message, one entry per message type: the map the router
 * (./message-router.ts) dispatches on once it has checked the sender, the rate and the shape.
 * To add a message: its schema, reply and who may send it in core/messages/messages.ts, then its
 * entry here (the type below makes a missing one an error).
 */
import type { Browser } from 'wxt/browser';
import { ALTERNATIVES } from '../../../core/advice/alternatives';
import { INCIDENT_LINK } from '../../../core/banner/banner-words';
import { withDismissedIncidents } from '../../../core/banner/dismissals';
import type { Sender } from '../../../core/messages/message-senders';
import type { MessageType, Replies, Request } from '../../../core/messages/messages';
import { bannerEnabled } from '../../../core/settings/settings';
import { applySettingsPatch } from '../../../core/settings/settings-patch';
import { dismissalsItem, settingsItem } from '../../../shell/stored-items';
import type { BackgroundContext } from '../context';

export type Handler<K extends MessageType> = (
  message: Request<K>,
  from: { sender: Sender; facts: Browser.runtime.MessageSender },
  background: BackgroundContext,
) => Promise<Replies[K]>;

export type Handlers = { [K in MessageType]: Handler<K> };

export const HANDLERS: Handlers = {
  /** A person asked (the popup's button); only the extension's pages may send it (core/messages/message-senders.ts). */
  refresh: async (_message, _from, background) => {
    await background.poll('user');
  },

  /**
   * The options page's one change, applied to the settings as stored, in its turn in the write
   * queue (core/settings/settings-patch.ts), so two quick changes both count.
   */
  'settings-patch': async (message, _from, background) => {
    await background.queue.update(settingsItem, (current) => applySettingsPatch(current, message.patch));
  },

  /** The popup asks for the last 7 days (fetched at most every 10 min unless forced). */
  'history-refresh': async (message, _from, background) => {
    await background.refreshHistory(message.force === true);
  },

  /** A page asks what to show; the banner's script is injected first when a banner is due. */
  'site-view': async (message, { facts }, background) => {
    await Promise.all([background.noteSiteSeen(), background.noteModel(message.site, message.model ?? null)]);
    const { view, old } = await background.pageView(message.site, message.model ?? null);
    // Opening claude.ai with old data is a good moment to check again (the gate decides).
    if (old) void background.poll('page');
    // The page loads the banner's view only now that it has one to show, unless the banner
    // script is registered to load with the site's pages (the watcher's first request, sent at
    // document_start, may run before it: it has run by the time the answer arrives).
    if (view.text && message.bannerLoaded === false && !background.bannerPreloaded(message.site))
      await background.injectBanner(facts);
    return view;
  },

  /**
   * A page showed one of claude.ai's own failure messages; only its kind, code and the structure
   * around it (for the "Wrong banner?" report) are stored.
   */
  'page-signal': async (message, { facts }, background) => {
    const { site, kind, code, shape } = message;
    // A banner is almost surely due: load its view while the detection is stored.
    const injected = bannerEnabled(background.settings(), site) ? background.injectBanner(facts) : Promise.resolve();
    const [stored] = await Promise.all([background.recordSignal({ site, kind, code, shape }), injected]);
    // claude.ai's own failure message may come with an incident the status page has just posted.
    if (stored) void background.poll('page');
  },

  /** A claude.ai page found text that may be claude.ai's own message; its reader is loaded first. */
  'page-reader': async (_message, { facts }, background) => {
    await background.injectReader(facts);
  },

  /** Which of the markers the watcher relies on a claude.ai conversation page lacks; only their names are stored. */
  'page-markers': async (message, _from, background) => {
    if (message.site === 'claude-ai') await background.recordMarkers(message.missing);
  },

  /**
   * The user closed the banner on a site. What is dismissed is the banner the background decides
   * that site shows now, not anything the page names: a page cannot fill storage with made-up
   * incidents, nor dismiss what it does not show.
   */
  dismiss: async (message, _from, background) => {
    const banner = (await background.decision(message.site)).banner;
    if (!banner) return;
    const { dismiss } = banner;
    // Queued: two dismissals at the same moment would otherwise each read the old value and one be lost.
    await background.queue.update(dismissalsItem, (dismissals) =>
      dismiss.kind === 'capacity'
        ? { ...dismissals, capacityDismissedAt: new Date().toISOString() }
        : withDismissedIncidents(dismissals, dismiss.entries, Date.now()),
    );
  },

  /**
   * The user clicked a banner link. The background opens the address it knows for the id (the
   * incident of the banner shown on that site, the catalogue, the user's own list), never an
   * address from the page, which may have rewritten the link, and only a link that banner shows.
   */
  'open-link': async (message, { sender }, background) => {
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
  },

  /** "Tell me when it's back" on or off, from the popup or the banner's trusted click. */
  'back-watch': async (message, _from, background) => {
    await background.backWatch(message.on);
  },

  /** The banner cannot ask for the notification permission; the popup, opened here, can. */
  'open-popup': async (_message, _from, background) => {
    await background.openPopup();
  },

  /** At a person's click, the banner asks for the token its request needs (core/messages/gesture.ts). */
  gesture: async (message, { sender }, background) => {
    // Only a page needs one, and only while its site shows a banner: there is nothing to click otherwise.
    if (sender.kind !== 'page' || !(await background.decision(message.site)).banner) return null;
    return background.issueGesture(sender);
  },
};
