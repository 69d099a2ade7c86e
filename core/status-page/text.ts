/**
 * Remote text is shown as text only. These helpers also remove what could still mislead as text:
 * bidi overrides that reorder what a reader sees, invisible characters that hide, join or split
 * words, and control characters. Every text is cut before any pattern reads it, and every pattern
 * here takes time in proportion to its input (tests/unit/fuzz-regex.test.ts): a hostile origin's
 * 1.9 MB body of `<` once held the background for 92.9 s in `/<[^>]*>/g`.
 */

/**
 * Removed from every text: C0 and C1 controls but tab and newline; every format character
 * (Unicode category Cf: bidi embeddings, overrides, isolates and marks, U+061C included; the zero
 * width space and joiners U+200B-U+200D; the word joiner and invisible operators U+2060-U+2064;
 * U+FEFF; the soft hyphen U+00AD; U+180E; the tag characters U+E0000-U+E007F); and letters that
 * draw nothing: the combining grapheme joiner U+034F, Khmer U+17B4 and U+17B5, and the Hangul
 * fillers U+115F, U+1160, U+3164 and U+FFA0.
 * https://www.unicode.org/reports/tr44/#General_Category_Values
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\p{Cf}\u115f\u1160\u17b4\u17b5\u3164\uffa0]|\u034f/gu;
/** CR LF, CR, and the line and paragraph separators U+2028 and U+2029 are line breaks. */
const LINE_BREAK = /\r\n?|[\u2028\u2029]/g;

/** The longest name (incident, service, page) and update body shown, in UTF-16 units. */
export const MAX_NAME = 300;
export const MAX_BODY = 4000;

/**
 * How much raw text is read for each character shown: room for markup, entities and invisible
 * characters that cleaning removes, and no more (a name of 300 characters reads 1,200).
 */
export const RAW_PER_SHOWN = 4;

/** The first `length` UTF-16 units of `text`, never ending on the first half of a surrogate pair. */
export function head(text: string, length: number): string {
  if (text.length <= length) return text;
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}

export function cleanText(raw: string, maxLength: number): string {
  // toWellFormed: a lone surrogate (a JSON "\ud800" escape) would render as U+FFFD anyway.
  const text = head(raw, maxLength * RAW_PER_SHOWN)
    .replace(LINE_BREAK, '\n')
    .replace(INVISIBLE, '')
    .trim()
    .toWellFormed();
  if (text.length <= maxLength) return text;
  // Never cut between the two halves of a surrogate pair (an emoji would end in U+FFFD).
  return `${head(text, maxLength - 1).trimEnd()}…`;
}

/** Incident update bodies may carry simple HTML from Statuspage's editor: show the words only. */
export function plainBody(raw: string, maxLength: number): string {
  const cut = head(raw, maxLength * RAW_PER_SHOWN);
  // A tag the cut left open is not text.
  const whole = cut.length < raw.length ? cut.replace(/<[^<>]*$/, '') : cut;
  const withoutTags = whole
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>/gi, '\n')
    // `[^<>]`, not `[^>]`: from each `<` the search stops at the next one, so a run of `<` is read once.
    .replace(/<[^<>]*>/g, '')
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
