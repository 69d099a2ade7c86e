/**
 * The alternatives a user adds in the options: how one is checked and stored. Apart from
 * core/settings/settings.ts so that the popup, which shares that module with the options page,
 * does not load what only the options page and the background run (the popup has a 30 KB budget).
 */
import {
  MAX_ALTERNATIVE_NAME,
  MAX_INPUT_LENGTH,
  MAX_USER_ALTERNATIVES,
  type UserAlternative,
} from '../settings/settings';

export type AlternativeError =
  | 'name-required'
  | 'url-invalid'
  | 'url-too-long'
  | 'url-not-https'
  | 'url-duplicate'
  | 'too-many';

/** Checks one alternative a user typed; null when it may be saved. */
export function validateAlternative(
  candidate: { name: string; url: string },
  others: readonly { url: string }[],
): { field: 'name' | 'url'; error: AlternativeError } | null {
  if (others.length >= MAX_USER_ALTERNATIVES) return { field: 'name', error: 'too-many' };
  if (candidate.name.trim().length === 0 || candidate.name.length > MAX_ALTERNATIVE_NAME)
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
