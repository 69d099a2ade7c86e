/**
 * How a long incident update is previewed, alike in the banner and the popup: cut at
 * UPDATE_PREVIEW_CHARS, back to the last word break when one falls in the second half, with an
 * ellipsis; the whole text is one click away.
 */

/** About four lines of the banner at claude.ai's narrowest layout, and of the popup. */
export const UPDATE_PREVIEW_CHARS = 280;

/** The preview of `body`, or null when it is short enough to show whole. */
export function updatePreview(body: string): string | null {
  if (body.length <= UPDATE_PREVIEW_CHARS) return null;
  const cut = body.slice(0, UPDATE_PREVIEW_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > UPDATE_PREVIEW_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
