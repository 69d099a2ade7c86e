/**
 * Remote text is shown as text only. These helpers also remove what could still mislead
 * as text: bidi overrides that reorder what a reader sees, and control characters.
 */

// U+202A-U+202E (embeddings, overrides) and U+2066-U+2069 (isolates); C0/C1 controls but tab and newline.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function cleanText(raw: string, maxLength: number): string {
  // toWellFormed: a lone surrogate (a JSON "\ud800" escape) would render as U+FFFD anyway.
  const text = raw.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').trim().toWellFormed();
  if (text.length <= maxLength) return text;
  // Never cut between the two halves of a surrogate pair (an emoji would end in U+FFFD).
  const high = text.charCodeAt(maxLength - 2);
  const cut = high >= 0xd800 && high <= 0xdbff ? maxLength - 2 : maxLength - 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/** Incident update bodies may carry simple HTML from Statuspage's editor: show the words only. */
export function plainBody(raw: string, maxLength: number): string {
  const withoutTags = raw
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(?:x([0-9a-f]{1,6})|(\d{1,7}));/gi, (entity, hex: string | undefined, dec: string | undefined) => {
      const code = hex ? Number.parseInt(hex, 16) : Number(dec);
      // Lone surrogates and out-of-range values stay as written.
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : entity;
    })
    .replace(/&amp;/g, '&');
  return cleanText(withoutTags, maxLength).replace(/\n{3,}/g, '\n\n');
}
