/**
 * Everything we look for in pages we do not own: the selectors and the error texts. They
 * change without notice, so they live here, each with what it targets; where and when each
 * was seen is in docs/claude-page.md. Every use of them fails soft.
 */

/**
 * Selectors that more than one list below uses, each spelled once (tests/unit/fact-home.test.ts).
 * Plain constants: a bundle holds only the lists it reads, with these written into them.
 */
/** claude.ai: the message box. */
const MESSAGE_BOX = '[contenteditable="true"][aria-label="Write your prompt to Claude"]';
/** claude.ai: the composer, where an unsent draft sits: the labelled message box, or ProseMirror's editable root. */
const COMPOSER = `${MESSAGE_BOX},.ProseMirror[contenteditable="true"]`;
/** claude.ai: the model menu button. */
const MODEL_BUTTON = 'button[data-testid="model-selector-dropdown"]';
/** claude.ai: one message the user sent. */
const USER_MESSAGE = '[data-testid="user-message"]';
/** claude.ai: a reply's body, Claude's own words (`.font-claude-response`; older `.font-claude-message`). */
const REPLY_BODY = '.font-claude-response,.font-claude-message';
/** claude.ai: a reply's turn, the wrapper around its body (`div[data-is-streaming]`). */
const REPLY_TURN = '[data-is-streaming]';
/** Any field the user can type in. */
const EDITABLE = '[contenteditable]:not([contenteditable="false"])';

/**
 * Where the banner sits and how it looks on the page: read by the banner's view and the tests,
 * never by the always-on watcher (kept apart from SELECTORS so that its bundle stays small).
 */
export const LAYOUT_SELECTORS = {
  /** claude.ai: the message box; the banner must never cover it. */
  messageBox: MESSAGE_BOX,
  /** claude.ai: the send button, which must stay reachable too. */
  sendButton: 'button[aria-label="Send message"]',
  /**
   * claude.ai: the model menu button. The banner's advice ("switch to Sonnet 4.6 in the model
   * menu") points there, so the banner never covers it, nor the menu it opens.
   */
  modelButton: MODEL_BUTTON,
  /**
   * Marks of a dark or light page theme on <html> (which one claude.ai uses is unconfirmed; these
   * are the common ones). Asked only when what the page paints says nothing (docs/claude-page.md).
   */
  darkPage: 'html.dark, html[data-mode="dark"], html[data-theme="dark"]',
  lightPage: 'html.light, html[data-mode="light"], html[data-theme="light"]',
} as const;

/**
 * What "Copy my message" (and, for a reply cut off, "Copy the partial reply") reads, at the user's
 * click only, to put on the clipboard (issue #18): read by the banner's script, never by the
 * always-on watcher (kept apart so that its bundle stays the same).
 */
export const MESSAGE_SELECTORS = {
  /** claude.ai: one message the user sent; the last in document order is the latest. */
  userMessage: USER_MESSAGE,
  /** claude.ai: a user message's text, in its paragraphs (without them: the message's whole text). */
  userMessageText: 'p.whitespace-pre-wrap',
  /** claude.ai: the composer, where an unsent draft sits: the labelled message box, or ProseMirror's editable root. */
  composer: COMPOSER,
  /** claude.ai: a reply's body (Claude's words, without its screen-reader heading); the last is the latest. */
  reply: REPLY_BODY,
} as const;

/** See SELECTORS.neverCounts (a plain constant, so that bundles without the watcher drop it). */
const NEVER_COUNTS =
  `${EDITABLE},textarea,input,pre,code,kbd,samp,blockquote,q,` +
  'script,noscript,template,style,svg,[hidden],[aria-hidden="true"],a[href],nav,aside,[role="navigation"],' +
  'button,[role="button"],header,[data-testid="page-header"],[data-testid^="chat-title"],.sr-only,' +
  USER_MESSAGE;

/** What the always-on watcher reads on the page. */
export const SELECTORS = {
  /**
   * claude.ai: the model menu button; its text is the model in use, e.g. "Opus 4.6" (2026: "Opus
   * 4.8 High"), and its aria-label the same with more ("Model: Sonnet 5 Medium" beside the text "Sonnet 5").
   */
  modelButton: MODEL_BUTTON,
  /** claude.ai: the attribute a reply's wrapper flips from "true" to "false" when it finishes. */
  streamingAttribute: 'data-is-streaming',
  /**
   * Text inside these never is claude.ai's own message, and the watcher does not even read it:
   * what the user types (any editable field, the composer `.ProseMirror` included), the user's
   * messages, code, quotations, the sidebar's conversation titles (links and navigation), buttons
   * (a button's words are never a message: "Get more usage", "Try again"), the page header with the
   * conversation's title (a `<button>` since 2026: `chat-title-button`), what is visually hidden
   * (`.sr-only`, the screen-reader headings "You said: …" beside every message) and what is not
   * rendered as text. All but four (the user-message, page-header and chat-title test ids, and
   * Tailwind's `.sr-only`) are plain HTML, so they hold when claude.ai's classes drift.
   */
  neverCounts: NEVER_COUNTS,
  /**
   * A reply of Claude's: `.font-claude-response` (older `.font-claude-message`) inside
   * `div[data-is-streaming]`.
   */
  reply: `${REPLY_TURN},${REPLY_BODY}`,
} as const;

/** claude.ai: a reply while it streams (its wrapper's attribute flips to "false" when it finishes). */
export const STREAMING_REPLY = '[data-is-streaming="true"]';

/**
 * Subtrees whose changes the watcher drops before anything else: a reply while it streams
 * (`div[data-is-streaming="true"]`, re-rendered many times a second: first, so that the commonest
 * change matches at once) and those that never count. Joined when the script starts: written as
 * one constant, the bundle would hold the long list of what never counts once per use (a kilobyte
 * more for the browser to parse on every page load).
 */
export const QUIET_SUBTREE = /* @__PURE__ */ [STREAMING_REPLY, SELECTORS.neverCounts].join();

const BAND = '[data-alert-band-wrapper]';
const ALERT = '[role="alert"],[role="status"]';
/**
 * claude.ai's surfaces outside replies, read again by the watcher when a reply stops streaming
 * (it does not watch the page meanwhile: entrypoints/claude.content/page-signal-watch.ts).
 */
export const NOTICE_SURFACES = `${BAND},${ALERT}`;

/**
 * claude.ai's own surfaces, where its messages appear (read by the page reader, never by the
 * always-on watcher). A message counts only on one of them (docs/claude-page.md, "When a text counts").
 */
export const SURFACE_SELECTORS = {
  /** The notice band above the composer (`div.px-3[data-alert-band-wrapper="true"]`, 2026 captures). */
  band: BAND,
  /** A reply's body: Claude's own words (a failed reply holds only the error). */
  replyBody: REPLY_BODY,
  /** A reply's turn: the body and claude.ai's own parts around it (its heading, its notes). */
  replyTurn: REPLY_TURN,
  /** An element the page announces as an alert or a status. */
  alert: ALERT,
  /** What makes a page a conversation: with any of these, no outage screen is a page of its own. */
  conversation: `${USER_MESSAGE},${REPLY_TURN},${REPLY_BODY},${EDITABLE},textarea`,
} as const;

/** Where a message was seen: which of claude.ai's surfaces above, or a page of its own (the outage screen). */
export const SURFACES = ['band', 'reply', 'turn', 'alert', 'page'] as const;
export type Surface = (typeof SURFACES)[number];

/**
 * The markers the watcher relies on, checked on conversation pages (`/chat/…`) to notice when
 * claude.ai changes (a plain list, so that only the watcher's bundle carries it). The same
 * selectors as MESSAGE_SELECTORS and SELECTORS, through the constants above, so that the
 * watcher's bundle does not carry those objects.
 */
export const MARKERS = [
  ['user-message', USER_MESSAGE],
  ['reply', REPLY_BODY],
  ['composer', COMPOSER],
  ['model-button', MODEL_BUTTON],
] as const;
export const MARKER_NAMES = ['user-message', 'reply', 'composer', 'model-button'] as const;
export type MarkerName = (typeof MARKER_NAMES)[number];

/** The kinds of message claude.ai shows when it is failing; each has its own banner. */
export const PAGE_SIGNAL_KINDS = ['capacity', 'outage-screen', 'retry', 'incomplete', 'model-unavailable'] as const;
export type PageSignalKind = (typeof PAGE_SIGNAL_KINDS)[number];

/** One element around the matched one, for the "Wrong banner?" report: never its text. */
export interface ShapeStep {
  tag: string;
  testid?: string;
  role?: string;
  classes?: string[];
}

/** The structure around the element a signal was read from: where, how deep, and its ancestors, innermost first. */
export interface PageShape {
  surface: Surface;
  depth: number;
  path: ShapeStep[];
}

/** What the page showed: the kind, and the support error code the outage screen names. */
export interface PageSignal {
  kind: PageSignalKind;
  code?: string;
}

/** A support error code as the outage screen shows it ("1034YMZ"); nothing else may travel. */
export const ERROR_CODE = /^[A-Z0-9]{4,16}$/;

/**
 * Any message we match contains one of these words (lower case); text without them is skipped at
 * once. Kept in step with every `core` pattern below (a unit test checks it).
 */
export const MAYBE_WORDS = [
  'capacity',
  'overloaded',
  '529',
  'disruption',
  'return soon',
  'longer than usual',
  'trying again',
  'retrying shortly',
  'mid-response',
  'may be incomplete',
  'response incomplete',
  'is currently unavailable',
] as const;

/**
 * Whether `text` holds one of MAYBE_WORDS, in any case. Words looked up one by one, with no
 * regular expression: V8 compiles an expression on its first use, in every page, and this runs on
 * every page load (a case-insensitive expression of these words cost about a millisecond of the
 * page's main thread there; docs/benchmarks.md, "What the always-on script costs").
 */
export function mayBeSignal(text: string): boolean {
  const lower = text.toLowerCase();
  for (const word of MAYBE_WORDS) if (lower.includes(word)) return true;
  // Markup written by hand wraps long lines: a message's words may be split by a line break and
  // indentation (the outage screen is a page of its own). Joined without a regular expression, for
  // the reason above; the joined text has no line break left.
  if (!lower.includes('\n') || !lower.trim()) return false;
  return mayBeSignal(
    lower
      .split('\n')
      .map((line) => line.trim())
      .join(' '),
  );
}

/**
 * Every message we match, by kind: at least one match of its pattern must be there. Texts and
 * their sources: docs/claude-page.md. Text is matched with its white space collapsed.
 */
const KINDS: readonly (readonly [PageSignalKind, RegExp])[] = [
  // The outage screen (March 2026): "Claude is currently experiencing a temporary service disruption. …",
  // under the heading "Claude will return soon".
  [
    'outage-screen',
    /\bClaude (?:is (?:currently )?experiencing a (?:temporary )?service disruption|will return soon)\b/gi,
  ],
  // A reply cut off (2026, claude.ai's own strings): "Server error mid-response. The response above may
  // be incomplete."; "Response incomplete".
  [
    'incomplete',
    /\b(?:Server error mid-response\.?(?: The response above may be incomplete\.?)?|The response above may be incomplete|Response incomplete)/gi,
  ],
  // A model failing on claude.ai's own screen (2026): "Claude Fable 5 is currently unavailable."
  [
    'model-unavailable',
    /\b(?:Claude [A-Z][a-z]+|Opus|Sonnet|Haiku)(?: \d(?:\.\d{1,2})?)? is currently unavailable\b\.?/g,
  ],
  // The retry notice (April 2026): "Taking longer than usual. Trying again shortly (attempt 20+)"; also
  // "Retrying shortly (attempt N)" (2026).
  ['retry', /\b(?:Taking longer than usual|(?:Trying again|Retrying) shortly(?: \(attempt \d{1,4}\+?\))?)/gi],
  // "Due to unexpected capacity constraints, Claude is unable to respond to your message." (2026),
  // its stable core, the older "Claude is (currently) at/over capacity", and "529 Overloaded" as
  // Claude Code and the API name it ("API Error: Repeated 529 Overloaded errors" in Claude Code on the web).
  [
    'capacity',
    /\b(?:(?:Due to )?(?:unexpected )?capacity constraints,? Claude is unable to respond(?: to your message)?|unexpected capacity constraints|Claude is (?:currently )?(?:at|over) capacity|API Error:? Repeated 529 Overloaded errors|(?:API Error:? |HTTP )?529\W{0,3}overloaded)\b/gi,
  ],
];

/** What may stand beside a message in its element: the sentences seen with it, and its buttons. */
const EXTRAS =
  /\b(?:We[’']re working on it,? please check back soon|Still not working\? You can reach out to support with this error code:?(?: [A-Z0-9]{4,16}\b)?|Or consider upgrading to Claude Pro|For higher limits, explore our Pro plan|Please try again(?: soon| later)?|try again(?: in a few minutes)?|retry|dismiss|close|learn more|upgrade(?: to (?:claude )?(?:pro|max))?)/gi;

/** Letters and digits an error element may hold beyond its message and extras (an icon's label). */
export const SLACK = 8;
/** Longer than any message we match with its extras: such an element holds more than an error. */
export const MAX_SURFACE_CHARS = 600;
/** More elements and text nodes than any notice has: such an element holds more than an error. */
export const MAX_SURFACE_NODES = 400;

/** One letter or digit, in any script: tested one character at a time. */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * Whether `text` holds more than `most` letters or digits. Counted one character at a time and
 * no further than needed: a global match of the class collected every letter, and scanning two
 * megabytes of a character outside it took 35 to 54 ms (tests/unit/fuzz-regex.test.ts).
 */
function moreLettersThan(text: string, most: number): boolean {
  let count = 0;
  for (const char of text) if (LETTER_OR_DIGIT.test(char) && ++count > most) return true;
  return false;
}

/**
 * The signal that `text` (the whole text of one element) is, or null. It counts only when the
 * element holds the message and little else (at most `slack` other letters or digits): a sentence
 * inside a longer text is someone quoting it. The error code is read here; only a validated one
 * leaves, and the caller decides whether it may travel (only from the outage screen as a page of its own).
 */
export function classifyNotice(raw: string, slack = SLACK): PageSignal | null {
  if (raw.length > MAX_SURFACE_CHARS * 2 || !mayBeSignal(raw)) return null;
  const text = raw.replace(/\s+/g, ' ');
  for (const [kind, pattern] of KINDS) {
    // String.search ignores `lastIndex`, so the global patterns are safe to reuse here.
    if (text.search(pattern) < 0) continue;
    const rest = text.replace(pattern, ' ').replace(EXTRAS, ' ');
    if (moreLettersThan(rest, slack)) return null;
    const code = /error code:? ?([A-Z0-9]{4,16})\b/i.exec(text)?.[1]?.toUpperCase();
    return code && kind === 'outage-screen' ? { kind, code } : { kind };
  }
  return null;
}
