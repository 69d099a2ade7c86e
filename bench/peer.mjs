/**
 * The peer of `PEER_DIR=<dir> npm run bench`: another unpacked extension (a competitor a developer
 * downloaded, say), measured as one more arm beside this build. Read here without a browser, so
 * that an invalid PEER_DIR fails before anything is built or launched.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** A manifest string, `__MSG_name__` resolved from the default locale's messages (as Chrome shows it). */
function localized(dir, manifest, value) {
  const key = /^__MSG_(\w+)__$/.exec(String(value ?? ''))?.[1];
  if (!key) return value ?? null;
  const file = path.join(dir, '_locales', manifest.default_locale ?? 'en', 'messages.json');
  if (!existsSync(file)) return value;
  const messages = JSON.parse(readFileSync(file, 'utf8'));
  // Message names are case-insensitive.
  const found = Object.entries(messages).find(([name]) => name.toLowerCase() === key.toLowerCase());
  return found?.[1]?.message ?? value;
}

/**
 * The id Chromium gives an unpacked extension: the first 16 bytes of the SHA-256 of its manifest's
 * `key` (the public key, base64 DER) when it has one, otherwise of its absolute path (symbolic
 * links resolved, as --load-extension does), in hex written with the letters a to p. An extension
 * with no service worker shows its id nowhere else.
 */
export function unpackedExtensionId(dir) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const input = manifest.key ? Buffer.from(manifest.key, 'base64') : realpathSync(dir);
  const hex = createHash('sha256').update(input).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

/** PEER_DIR's manifest: its name and version for the table's header. Throws at once without one. */
export function readPeer(dir) {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file))
    throw new Error(`PEER_DIR: no manifest.json in ${dir} (give an unpacked extension's directory)`);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`PEER_DIR: ${file} is not JSON: ${/** @type {Error} */ (error).message}`);
  }
  return {
    dir,
    id: unpackedExtensionId(dir),
    name: localized(dir, manifest, manifest.name) ?? path.basename(dir),
    version: String(manifest.version ?? ''),
    manifestVersion: manifest.manifest_version ?? null,
  };
}
