/**
 * The alternatives a user adds in the options: how one is checked and stored, and the re-check of
 * settings the options page sends. Apart from core/settings/settings.ts so that the popup, which shares
 * that module with the options page, does not load what only the options page and the background
 * run (the popup has a 30 KB budget).
 */
import type { Settings, UserAlternative } from '../settings/settings';

export type AlternativeError =
  | 'name-required'
  | 'url-invalid'
  | 'url-too-long'
  | 'url-not-https'
  | 'url-duplicate'
  | 'too-many';

/**
 * The most alternatives a user keeps: the banner shows two or three and the popup lists them all,
 * and every one is stored and sent to each open tab's banner decision.
 */
export const MAX_USER_ALTERNATIVES = 20;
/** The longest URL (or any text typed into the options) accepted: browsers and servers commonly cap URLs near 2,048 characters. */
export const MAX_INPUT_LENGTH = 2048;
/** A name is shown in one line of the banner and the popup. */
const MAX_NAME_LENGTH = 80;

/** Checks one alternative a user typed; null when it may be saved. */
export function validateAlternative(
  candidate: { name: string; url: string },
  others: readonly { url: string }[],
): { field: 'name' | 'url'; error: AlternativeError } | null {
  if (others.length >= MAX_USER_ALTERNATIVES) return { field: 'name', error: 'too-many' };
  if (candidate.name.trim().length === 0 || candidate.name.length > MAX_NAME_LENGTH)
    return { field: 'name', error: 'name-required' };
  if (candidate.url.length > MAX_INPUT_LENGTH) return { field: 'url', error: 'url-too-long' };
  let url: URL;
  try {
    url = new URL(candidate.url.trim());
  } catch {
    return { field: 'url', error: 'url-invalid' };
  }
  // Only https: never javascript:, data:, http: or anything else that could run or be intercepted.
  if (url.protocol !== 'https:' || url.username || url.password || !url.hostname.includes('.')) {
    return { field: 'url', error: url.protocol === 'https:' ? 'url-invalid' : 'url-not-https' };
  }
  if (others.some((o) => o.url === url.href)) return { field: 'url', error: 'url-duplicate' };
  return null;
}

/** An alternative that passed validateAlternative(), as it is stored: trimmed name, normalised URL. */
export function normalizedAlternative(a: UserAlternative): UserAlternative {
  return { id: a.id, name: a.name.trim(), url: new URL(a.url.trim()).href };
}

/** Settings as sent by the options page, re-validated by the background before it stores them. */
export function sanitizeSettings(candidate: Settings): Settings {
  const alternatives: UserAlternative[] = [];
  for (const a of candidate.alternatives.slice(0, MAX_USER_ALTERNATIVES)) {
    if (validateAlternative(a, alternatives) === null) {
      alternatives.push(normalizedAlternative(a));
    }
  }
  return { ...candidate, alternatives };
}
