/**
 * "Copy my message" in the banner: what it copies (the unsent draft, else the user's last
 * message; for a reply cut off, that reply as far as it arrived), read from the page at the click
 * only, and the short note that says how it went. The text goes to the clipboard and nowhere else.
 * The "Wrong banner?" report goes the same way, with its own text (no page text).
 */
import type { BannerActions } from '../../core/banner/banner-words';
import { MESSAGE_SELECTORS } from '../../core/claude-page/page-facts';

/** How long "Copied: …" stays. */
const COPY_NOTE_MS = 6_000;

type CopyWords = NonNullable<BannerActions['copy']>;

/** The composer, when it holds an unsent draft. */
function draftBox(): HTMLElement | null {
  const box = document.querySelector<HTMLElement>(MESSAGE_SELECTORS.composer);
  return box?.textContent?.trim() ? box : null;
}

/** The unsent draft, else the user's last message; null when the page shows neither. */
function messageToCopy(): string | null {
  // innerText, not textContent, for the draft: the composer keeps each line in a paragraph of its
  // own, and only the rendered text has the line breaks between them.
  // biome-ignore lint/performance/useDomNodeTextContent: the line breaks, read once at the click.
  const draft = draftBox()?.innerText.trim();
  if (draft) return draft;
  const messages = document.querySelectorAll<HTMLElement>(MESSAGE_SELECTORS.userMessage);
  const last = messages[messages.length - 1];
  if (!last) return null;
  // A sent message's paragraphs keep their line breaks in their text (white-space: pre-wrap).
  const paragraphs = [...last.querySelectorAll<HTMLElement>(MESSAGE_SELECTORS.userMessageText)];
  const text =
    paragraphs.length > 0
      ? paragraphs.map((p) => p.textContent ?? '').join('\n\n')
      : // biome-ignore lint/performance/useDomNodeTextContent: without the paragraphs, the rendered lines.
        last.innerText;
  return text.trim() || null;
}

/** The last reply's rendered text, as far as it arrived; null when the page shows none. */
function replyToCopy(): string | null {
  const replies = document.querySelectorAll<HTMLElement>(MESSAGE_SELECTORS.reply);
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered lines, read once at the click.
  return replies[replies.length - 1]?.innerText.trim() || null;
}

/** Whether there is anything to copy, without reading it. */
export function canCopy(from: 'message' | 'reply' = 'message'): boolean {
  if (from === 'reply') return document.querySelector(MESSAGE_SELECTORS.reply) !== null;
  return draftBox() !== null || document.querySelector(MESSAGE_SELECTORS.userMessage) !== null;
}

/** The copy action and its note; `redraw` shows the banner again when the note comes or goes. */
export function createMessageCopy(redraw: () => void) {
  let note: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const show = (next: string | null) => {
    note = next;
    if (timer !== null) clearTimeout(timer);
    timer = next === null ? null : setTimeout(() => show(null), COPY_NOTE_MS);
    redraw();
  };

  return {
    /** "Copied: …" or "Could not copy …", while it stays. */
    note: () => note,
    /** Copies what `words` says to copy, or `given` text (the report). */
    async copy(words: CopyWords | null | undefined, given?: string): Promise<void> {
      const text = given ?? (words?.from === 'reply' ? replyToCopy() : messageToCopy());
      if (!words || text === null) return show(null);
      try {
        await navigator.clipboard.writeText(text);
        show(words.done);
      } catch {
        show(words.failed);
      }
    },
    /** The banner went: the note goes with it, without a redraw. */
    clear(): void {
      note = null;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
