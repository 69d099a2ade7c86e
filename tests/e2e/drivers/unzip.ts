/**
 * Extracts a zip into a directory: the update test loads the previous release's Chrome zip
 * unpacked. adm-zip reads the central directory (zip64 too) and checks each entry's CRC-32 as it
 * inflates it, throwing on a mismatch; entries that would land outside the directory are refused.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import AdmZip from 'adm-zip';

export async function unzip(zipPath: string, targetDir: string): Promise<string[]> {
  const root = path.resolve(targetDir);
  const names: string[] = [];
  for (const entry of new AdmZip(zipPath).getEntries()) {
    const target = path.resolve(root, entry.entryName);
    if (!target.startsWith(root + path.sep)) throw new Error(`${zipPath}: unsafe entry ${entry.entryName}`);
    if (entry.isDirectory) {
      await mkdir(target, { recursive: true });
      continue;
    }
    // getData() inflates and throws "CRC32 checksum failed" when the bytes are not what the zip says.
    const data = entry.getData();
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, data);
    names.push(entry.entryName);
  }
  return names;
}
