/**
 * Everything we look for in pages we do not own: the selectors and the error texts. They
 * change without notice, so they live here, each with what it targets and where it was seen
 * (shared/notes/claude-status.md), and every use of them fails soft.
 */

export const SELECTORS = {
  /** claude.ai: the message box; the banner must never cover it. */
  messageBox: '[contenteditable="true"][aria-label="Write your prompt to Claude"]',
  /** claude.ai: the send button, which must stay reachable too. */
  sendButton: 'button[aria-label="Send message"]',
  /** claude.ai: the model menu button; its text is the model in use, e.g. "Opus 4.6". */
  modelButton: 'button[data-testid="model-selector-dropdown"]',
  /**
   * Marks of a dark page theme on <html> (which one claude.ai uses is unconfirmed; these are
   * the common ones). Without any, the banner follows the system setting.
   */
  darkPage: 'html.dark, html[data-mode="dark"], html[data-theme="dark"]',
  lightPage: 'html.light, html[data-mode="light"], html[data-theme="light"]',
  /**
   * claude.ai: subtrees that cannot hold claude.ai's own error messages, so the watcher skips
   * their changes: a reply while it streams (`div[data-is-streaming="true"]`, re-rendered many
   * times a second), the composer (ProseMirror's contenteditable, or a textarea) and code blocks.
   */
  quietSubtree: '[data-is-streaming="true"], [contenteditable="true"], textarea, pre, code',
  /** claude.ai: the attribute a reply's wrapper flips from "true" to "false" when it finishes. */
  streamingAttribute: 'data-is-streaming',
} as const;

export interface TextPattern {
  id: string;
  pattern: RegExp;
}

/**
 * The capacity error of claude.ai's conversation. The full sentence seen in 2026 is "Due to
 * unexpected capacity constraints, Claude is unable to respond to your message. Please try
 * again soon." (often followed by an upsell such as "Or consider upgrading to Claude Pro." in
 * the same paragraph). The wording varies, so we match stable cores, not the sentence.
 */
export const CAPACITY_PATTERNS: readonly TextPattern[] = [
  // The core of the 2026 wording: "Due to unexpected capacity constraints, ..."
  { id: 'capacity-constraints', pattern: /\bunexpected capacity constraints\b/i },
  // Variants of the same message that drop "unexpected" but keep the refusal to answer.
  { id: 'capacity-unable', pattern: /\bcapacity\b[^.]{0,60}\bunable to respond\b/i },
  // "Claude is currently at capacity" / "over capacity": older claude.ai wording of the same limit.
  { id: 'at-capacity', pattern: /\bClaude is (?:currently )?(?:at|over) capacity\b/i },
  // Claude Code and the API name it "529 Overloaded" / overloaded_error; claude.ai has shown it raw.
  { id: 'overloaded-529', pattern: /\b529\b[^\n]{0,20}\boverloaded\b|\boverloaded_error\b/i },
];

/** Longest text we test; the error paragraph is about 150 characters. */
const MAX_TEXT = 2000;

/** The id of the capacity pattern that `text` shows, or null. Only the fact leaves this function. */
export function matchCapacityText(text: string): string | null {
  const sample = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  if (!/capacity|overloaded|529/i.test(sample)) return null;
  for (const { id, pattern } of CAPACITY_PATTERNS) if (pattern.test(sample)) return id;
  return null;
}
