/**
 * The message contract between the extension's parts and the background, the only writer of
 * stored state: for each message type, the request (a zod schema: a message is untrusted input,
 * parsed where it arrives), the reply, and who may send it.
 *
 * To add a message: add its schema to REQUESTS, its reply to Replies, say in PAGE_MESSAGES whether
 * a claude.ai page may send it, and add its handler to entrypoints/background/messages/handlers.ts.
 */
import * as z from 'zod/mini';
import type { BannerText } from '../banner/banner-words';
import { pageShapeSchema } from '../claude-page/detections';
import { ERROR_CODE, MARKER_NAMES, PAGE_SIGNAL_KINDS } from '../claude-page/page-facts';
import { settingsPatchSchema } from '../settings/settings-patch';
import { SITE_IDS } from '../sites/site-hosts';
import type { SiteView } from '../verdict/site-view';

const site = z.enum(SITE_IDS);
/** A gesture token (core/messages/gesture.ts): what a page sends with a request that acts outside it. */
const token = z.optional(z.string().check(z.maxLength(64)));

export const REQUESTS = {
  /** A person asked for a fresh check (the popup's refresh button). */
  refresh: z.object({ type: z.literal('refresh') }),
  /** The options page asks for one change (core/settings/settings-patch.ts), applied to the settings as stored in its turn. */
  'settings-patch': z.object({ type: z.literal('settings-patch'), patch: settingsPatchSchema }),
  /** The popup asks for incidents.json; the background fetches it at most every 10 min unless forced. */
  'history-refresh': z.object({ type: z.literal('history-refresh'), force: z.optional(z.boolean()) }),
  /** The content script asks what to show on its site; the background answers with a PageView. */
  'site-view': z.object({
    type: z.literal('site-view'),
    site,
    /** The model menu button's text, read by the page; parsed in the background, and only the model it names is kept (core/models/model-in-use.ts). */
    model: z.optional(z.nullable(z.string().check(z.maxLength(80)))),
    /** Whether the banner script is already loaded in that page; if not and a banner is due, the background injects it. */
    bannerLoaded: z.optional(z.boolean()),
  }),
  /**
   * The page showed one of claude.ai's own failure messages; only its kind, error code and the
   * structure around it (tag names, test ids, roles, class names, depth; never text) travel.
   */
  'page-signal': z.object({
    type: z.literal('page-signal'),
    site,
    kind: z.enum(PAGE_SIGNAL_KINDS),
    code: z.optional(z.string().check(z.regex(ERROR_CODE))),
    shape: z.optional(pageShapeSchema),
  }),
  /** The page shows text that may be claude.ai's own message: the background loads the page reader into that frame. */
  'page-reader': z.object({ type: z.literal('page-reader'), site }),
  /** A claude.ai conversation page lacks these markers (none: it has them all); only their names travel. */
  'page-markers': z.object({
    type: z.literal('page-markers'),
    site,
    missing: z.array(z.enum(MARKER_NAMES)).check(z.maxLength(MARKER_NAMES.length)),
  }),
  /** The user dismissed the banner on this site: the background dismisses the banner it decides is shown there. */
  dismiss: z.object({ type: z.literal('dismiss'), site }),
  /** The user clicked a banner link: the background opens the address it knows for that id (core/banner/banner-words.ts). */
  'open-link': z.object({ type: z.literal('open-link'), site, link: z.string().check(z.maxLength(64)), token }),
  /**
   * "Tell me when it's back" on or off: sent by the popup, and by the banner on a trusted click
   * (with its site, as every page message carries).
   */
  'back-watch': z.object({ type: z.literal('back-watch'), on: z.boolean(), site: z.optional(site), token }),
  /** The banner, which cannot ask for the notification permission, offers to open the popup that can. */
  'open-popup': z.object({ type: z.literal('open-popup'), site: z.optional(site), token }),
  /** The banner, at a person's click, asks for the token its next request needs (core/messages/gesture.ts). */
  gesture: z.object({ type: z.literal('gesture'), site }),
} as const;

export type MessageType = keyof typeof REQUESTS;
export type Request<K extends MessageType = MessageType> = z.infer<(typeof REQUESTS)[K]>;
export type Message = Request;

/** What the background answers to `site-view`: the decision and, when there is a banner, its words. */
export type PageView = SiteView & { text: BannerText | null };

/** The reply to each message; `undefined` where the sender only waits for the work to be done. */
export interface Replies {
  refresh: undefined;
  'settings-patch': undefined;
  'history-refresh': undefined;
  'site-view': PageView;
  'page-signal': undefined;
  'page-reader': undefined;
  'page-markers': undefined;
  dismiss: undefined;
  'open-link': undefined;
  'back-watch': undefined;
  'open-popup': undefined;
  /** The token, or null: no banner on that site, or asked too often. */
  gesture: string | null;
}
/** The reply to `message`; undefined when the background refused it (wrong sender, bad shape, too many). */
export type ReplyTo<M extends Message> = Replies[M['type']] | undefined;

/**
 * What a claude.ai or platform.claude.com page may ask, each about its own site only: its view,
 * a signal it saw, the user's dismissal, link clicks, and the "back" watch the banner offers (those
 * that act outside the page with a gesture token, core/messages/gesture.ts).
 * Everything else (settings, refreshes, history) comes only from the extension's own pages.
 */
export const PAGE_MESSAGES: readonly MessageType[] = [
  'site-view',
  'page-signal',
  'page-reader',
  'page-markers',
  'dismiss',
  'open-link',
  'back-watch',
  'open-popup',
  'gesture',
];

const messageSchema = z.union(
  Object.values(REQUESTS) as [(typeof REQUESTS)[MessageType], ...(typeof REQUESTS)[MessageType][]],
);

export function parseMessage(raw: unknown): Message | null {
  const result = z.safeParse(messageSchema, raw);
  return result.success ? (result.data as Message) : null;
}
