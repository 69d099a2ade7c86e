/**
 * Remote text is shown as text only. These helpers also remove what could still mislead
 * as text: bidi overrides that reorder what a reader sees, and control characters.
 */

// U+202A-U+202E (embeddings, overrides) and U+2066-U+2069 (isolates); C0/C1 controls but tab and newline.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function cleanText(raw: string, maxLength: number): string {
  const text = raw.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
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
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  return cleanText(withoutTags, maxLength).replace(/\n{3,}/g, '\n\n');
}
