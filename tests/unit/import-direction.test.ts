/**
 * Imports run one way: entrypoints -> components -> shell -> core. A file may import from its own
 * layer or a lower one, never a higher one; core/ imports nothing that reaches the browser. Reads
 * the import specifiers of every .ts/.tsx file in those four folders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
/** Lowest first: a layer may import only from itself and the layers before it. */
const LAYERS = ['core', 'shell', 'components', 'entrypoints'] as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every specifier of `import … from`, `export … from`, `import '…'` and `import('…')`. */
function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1] as string);
  return found;
}

function layerOf(path: string): number {
  return LAYERS.indexOf(path.split(/[\\/]/)[0] as (typeof LAYERS)[number]);
}

/** The imports of `file` (relative to the root) that run the wrong way. */
function wrongWay(file: string, source: string): string[] {
  const own = layerOf(file);
  const wrong: string[] = [];
  for (const specifier of importSpecifiers(source)) {
    if (specifier.startsWith('.')) {
      const target = relative(ROOT, resolve(ROOT, dirname(file), specifier));
      const layer = layerOf(target);
      if (layer > own) wrong.push(`${specifier} (${LAYERS[layer]})`);
    } else if (own === 0 && /^(?:wxt|@wxt-dev|webextension-polyfill|preact|zustand)(?:\/|$)/.test(specifier)) {
      // core/ is pure: no browser API, no view library, no store.
      wrong.push(specifier);
    }
  }
  return wrong;
}

describe('import direction', () => {
  const files = LAYERS.flatMap((layer) => sourceFiles(layer));

  it('finds the sources of every layer', () => {
    for (const layer of LAYERS) expect(files.some((f) => f.startsWith(`${layer}/`))).toBe(true);
  });

  it.each(files)('%s imports only from its own layer or below', (file) => {
    expect(wrongWay(file, readFileSync(join(ROOT, file), 'utf8'))).toEqual([]);
  });

  it.each([
    ['core/x.ts', "import { t } from '../shell/i18n';", ['../shell/i18n (shell)']],
    ['core/x.ts', "import { browser } from 'wxt/browser';", ['wxt/browser']],
    [
      'shell/x.ts',
      "import type { PopupState } from '../components/popup-store';",
      ['../components/popup-store (components)'],
    ],
    [
      'components/x.tsx',
      "export { store } from '../entrypoints/popup/store';",
      ['../entrypoints/popup/store (entrypoints)'],
    ],
    [
      'components/x.tsx',
      "const m = await import('../entrypoints/background/x');",
      ['../entrypoints/background/x (entrypoints)'],
    ],
    ['components/x.tsx', "import {\n  a,\n  b,\n} from '../core/banner-decision';\nimport '../shell/i18n';", []],
    ['entrypoints/popup/main.tsx', "import { PopupApp } from '../../components/popup/popup-app';", []],
  ])('flags the wrong way in %s: %s', (file, source, expected) => {
    expect(wrongWay(file, source)).toEqual(expected);
  });
});
