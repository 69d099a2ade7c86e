/**
 * Messages from the content script, popup and options page to the background, the only writer
 * of stored state. Parsed where they arrive: a message is untrusted input too.
 */
import * as z from 'zod/mini';
import { ERROR_CODE, PAGE_SIGNAL_KINDS } from './page-signals';
import { settingsSchema } from './settings';
import { SEVERITIES } from './severity';

export const messageSchema = z.union([
  z.object({ type: z.literal('refresh') }),
  /** The options page asks the background (the only writer) to store new settings. */
  z.object({ type: z.literal('settings'), settings: settingsSchema }),
  /** The popup asks for incidents.json; the background fetches it at most every 10 min unless forced. */
  z.object({ type: z.literal('history-refresh'), force: z.optional(z.boolean()) }),
  /** The content script asks what to show on its site; the background answers with a SiteView. */
  z.object({
    type: z.literal('site-view'),
    site: z.enum(['claude-ai', 'platform']),
    /** The model menu button's text, read by the page; parsed in the background, never stored. */
    model: z.optional(z.nullable(z.string().check(z.maxLength(80)))),
    /** Whether the banner script is already loaded in that page; if not and a banner is due, the background injects it. */
    bannerLoaded: z.optional(z.boolean()),
  }),
  /** The page showed one of claude.ai's own failure messages; only its kind and error code travel. */
  z.object({
    type: z.literal('page-signal'),
    site: z.enum(['claude-ai', 'platform']),
    kind: z.enum(PAGE_SIGNAL_KINDS),
    code: z.optional(z.string().check(z.regex(ERROR_CODE))),
  }),
  /** "Tell me when it's back" on or off (issue #18); sent by the popup and by the banner, on a trusted click. */
  z.object({ type: z.literal('back-watch'), on: z.boolean() }),
  /** The banner, which cannot ask for the notification permission, offers to open the popup that can. */
  z.object({ type: z.literal('open-popup') }),
  z.object({
    type: z.literal('dismiss'),
    dismiss: z.union([
      z.object({ kind: z.literal('incidents'), entries: z.record(z.string(), z.enum(SEVERITIES)) }),
      z.object({ kind: z.literal('capacity') }),
    ]),
  }),
]);
export type Message = z.infer<typeof messageSchema>;

export function parseMessage(raw: unknown): Message | null {
  const result = z.safeParse(messageSchema, raw);
  return result.success ? result.data : null;
}
