/** core/status-page/update-preview.ts: one preview rule for the banner and the popup. */
import { describe, expect, it } from 'vitest';
import { UPDATE_PREVIEW_CHARS, updatePreview } from '../../core/status-page/update-preview';

describe('updatePreview', () => {
  it('a short update is shown whole', () => {
    expect(updatePreview('short')).toBeNull();
    expect(updatePreview('a'.repeat(UPDATE_PREVIEW_CHARS))).toBeNull();
  });

  it('a long one is cut at a word, with an ellipsis', () => {
    const cut = updatePreview('abcd '.repeat(100));
    expect(cut?.endsWith('abcd…')).toBe(true);
    expect(cut?.length).toBeLessThanOrEqual(UPDATE_PREVIEW_CHARS + 1);
  });

  it('with no word break in the second half, it is cut at the length', () => {
    const cut = updatePreview(`${'a'.repeat(100)} ${'b'.repeat(400)}`);
    expect(cut).toBe(`${'a'.repeat(100)} ${'b'.repeat(UPDATE_PREVIEW_CHARS - 101)}…`);
  });
});
