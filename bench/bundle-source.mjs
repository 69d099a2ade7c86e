/**
 * Bundles some of the project's TypeScript modules for node (rolldown, as vite does) and imports
 * the result, so that the benches run the real code without a build of the extension.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * @param {string} name a name for the temporary folder and file
 * @param {Record<string, string[]>} exports file under the project root -> the names it exports
 */
export async function importBundled(name, exports) {
  const dir = await mkdtemp(path.join(os.tmpdir(), `so-bench-${name}-`));
  try {
    const entry = path.join(dir, 'entry.ts');
    const lines = Object.entries(exports).map(
      ([file, names]) => `export { ${names.join(', ')} } from ${JSON.stringify(path.join(ROOT, file))};`,
    );
    await writeFile(entry, lines.join('\n'));
    const out = path.join(dir, `${name}.mjs`);
    await build({
      input: entry,
      platform: 'node',
      cwd: ROOT,
      logLevel: 'silent',
      output: { file: out, format: 'esm' },
    });
    return await import(pathToFileURL(out).href);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
