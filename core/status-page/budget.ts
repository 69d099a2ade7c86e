/**
 * How much of what the status origin sends may cost: the bytes a snapshot, the history and the
 * past durations take in storage, and the time one snapshot may take to build. A hostile or
 * compromised origin (the fallback origin and its CDN are outside Anthropic's control) once filled
 * the browser's storage quota with 2,000 components named in 100 titles; past these bounds, what
 * it sends is reduced, never stored whole, and a poll's work stops. SECURITY.md lists them.
 */

/**
 * The most a stored snapshot may take, in bytes of its JSON as the browser counts storage
 * (storedTextBytes; https://developer.chrome.com/docs/extensions/reference/api/storage#property-local-QUOTA_BYTES).
 * A real snapshot takes about 10 KB; 150 KB keeps the whole status item under 200 KB.
 */
export const MAX_SNAPSHOT_BYTES = 150_000;
/** The most the stored history (incidents.json's last days) may take; real: about 5 KB. */
export const MAX_HISTORY_BYTES = 100_000;
/**
 * The most the stored past durations (core/status-page/typical-duration.ts: incidents.json's
 * resolved incidents of 90 days, at most 50) may take; real: the recorded list's 9 take 1,497
 * bytes, so 50 alike about 8 KB.
 */
export const MAX_PAST_DURATIONS_BYTES = 50_000;
/**
 * How long building one snapshot may take. A real page takes under 5 ms; past this, the incidents
 * and maintenances not yet built are left out (the snapshot says it was trimmed), so the
 * background answers its pages again within the budget rather than after the whole page.
 */
export const BUILD_BUDGET_MS = 250;

/**
 * An answer longer than this (characters) is heavy: over ten times a real summary (about 20 KB in
 * 2026). An origin that keeps sending heavy answers, or answers that are over the budgets above,
 * is backed off (core/polling/health.ts), and the same heavy answer again is not parsed again.
 */
export const HEAVY_ANSWER_CHARS = 256_000;

export interface WorkBudget {
  /** Whether the time is up; checked between pieces of work. */
  spent(): boolean;
}

/** No limit: tests, and tools that build a snapshot outside a poll. */
export const NO_BUDGET: WorkBudget = { spent: () => false };

/** A budget of `ms` from now, on `clock` (ms; performance.now in the background). */
export function workBudget(clock: () => number, ms = BUILD_BUDGET_MS): WorkBudget {
  const end = clock() + ms;
  let spent = false;
  return {
    spent() {
      spent ||= clock() >= end;
      return spent;
    },
  };
}

/**
 * What `text`, a JSON text, takes in storage: its UTF-8 bytes (1 to 3 per UTF-16 unit, 4 per
 * surrogate pair), where Chromium writes `<`, U+2028 and U+2029 as 6-byte escapes (`\u003C`:
 * base/json/string_escape.cc), as seen in chrome.storage.local.getBytesInUse.
 */
export function storedTextBytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3c || code === 0x2028 || code === 0x2029) bytes += 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** What `value` takes in storage as JSON. */
export function jsonBytes(value: unknown): number {
  return storedTextBytes(JSON.stringify(value) ?? '');
}

/**
 * The longest prefix of `rows` whose JSON, added to `usedBytes`, fits in `maxBytes` (each row
 * costs its JSON and a comma), and the bytes it adds.
 */
export function rowsWithin<T>(
  rows: readonly T[],
  usedBytes: number,
  maxBytes: number,
): { rows: readonly T[]; bytes: number } {
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = jsonBytes(rows[i]) + 1;
    if (usedBytes + bytes + row > maxBytes) return { rows: rows.slice(0, i), bytes };
    bytes += row;
  }
  return { rows, bytes };
}
