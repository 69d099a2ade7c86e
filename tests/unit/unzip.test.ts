/** The e2e tests' unzip (tests/e2e/drivers/unzip.ts): extracts what it is given, and refuses a damaged or unsafe zip. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unzip } from '../e2e/drivers/unzip';

describe('unzip', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'so-unzip-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A zip of `files`, deflated as `wxt zip` writes them. */
  async function zipOf(files: Record<string, string>): Promise<string> {
    const zip = new AdmZip();
    for (const [name, text] of Object.entries(files)) zip.addFile(name, Buffer.from(text.repeat(50)));
    const file = path.join(dir, 'in.zip');
    await writeFile(file, zip.toBuffer());
    return file;
  }

  it('extracts every file, in folders', async () => {
    const file = await zipOf({ 'manifest.json': '{"manifest_version":3}', 'chunks/popup.js': 'console.log(1);' });
    const out = path.join(dir, 'out');
    expect((await unzip(file, out)).sort()).toEqual(['chunks/popup.js', 'manifest.json']);
    expect(await readFile(path.join(out, 'chunks/popup.js'), 'utf8')).toBe('console.log(1);'.repeat(50));
  });

  it('refuses an entry whose bytes do not match its CRC-32', async () => {
    const file = await zipOf({ 'background.js': 'let a = 1;' });
    const bytes = await readFile(file);
    // Flip a bit of the compressed data, just after the local header and the name.
    const dataAt = 30 + bytes.readUInt16LE(26) + bytes.readUInt16LE(28);
    bytes[dataAt + 2] = (bytes[dataAt + 2] as number) ^ 0x01;
    await writeFile(file, bytes);
    await expect(unzip(file, path.join(dir, 'out'))).rejects.toThrow(/CRC|invalid|inflat/i);
  });

  it('refuses an entry that would land outside the directory', async () => {
    const zip = new AdmZip();
    zip.addFile('a.txt', Buffer.from('a'));
    // adm-zip cleans such names when adding; set the stored name as a hostile zip would have it.
    (zip.getEntries()[0] as AdmZip.IZipEntry).entryName = '../escape.txt';
    const file = path.join(dir, 'evil.zip');
    await writeFile(file, zip.toBuffer());
    await expect(unzip(file, path.join(dir, 'out'))).rejects.toThrow(/unsafe entry/);
  });
});
