/**
 * Imports run one way: entrypoints -> components -> shell -> core. A file may import from its own
 * layer or a lower one, never a higher one; core/ imports nothing that reaches the browser. Reads
 * the import specifiers of every .ts/.tsx file in those four folders.
 *
 * Inside entrypoints/, each entrypoint is its own program, loaded in its own place: the background
 * (a worker), the content scripts (claude.ai's pages), and the popup, options and welcome pages.
 * None imports another's code, the background draws no views, and what runs in claude.ai's pages
 * carries no Preact view and no store; the always-on watcher not even zod, the polyfill, the
 * storage library or the banner's view (those it follows through every file it imports).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
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

/** Which entrypoint a file of entrypoints/ belongs to; null outside entrypoints/. */
function entrypointOf(path: string): string | null {
  const parts = path.split(/[\\/]/);
  if (parts[0] !== 'entrypoints' || parts.length < 2) return null;
  const top = parts[1] as string;
  // The content scripts: the always-on watcher, the banner script, and their code.
  if (top === 'claude.content' || /^claude-[\w-]+\.ts$/.test(top)) return 'content scripts';
  return top.replace(/\.tsx?$/, '');
}

/** The imports of `file` that reach into another entrypoint's code (its stylesheets are assets, not code). */
function crossEntrypoint(file: string, source: string): string[] {
  const own = entrypointOf(file);
  if (!own) return [];
  return importSpecifiers(source).flatMap((specifier) => {
    if (!specifier.startsWith('.') || /\.css(?:\?|$)/.test(specifier)) return [];
    const target = entrypointOf(relative(ROOT, resolve(ROOT, dirname(file), specifier)));
    return target && target !== own ? [`${specifier} (${target})`] : [];
  });
}

/** What a file imports that stays in the bundle: `import type` and `export type` are erased. */
function runtimeSpecifiers(file: string, source: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const statement of tree.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) {
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  for (const match of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1] as string);
  return found;
}

/** A relative specifier as a file of the tree (with its extension or index), or null (a stylesheet, an asset). */
function resolveFile(from: string, specifier: string, exists: (file: string) => boolean): string | null {
  const base = relative(ROOT, resolve(ROOT, dirname(from), specifier.replace(/\?.*$/, '')));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (/\.tsx?$/.test(candidate) && exists(candidate)) return candidate;
  }
  return null;
}

/** The tree as it is on disk. */
const onDisk = {
  read: (file: string) => readFileSync(join(ROOT, file), 'utf8'),
  exists: (file: string) => existsSync(join(ROOT, file)),
};
type Tree = typeof onDisk;

/**
 * Everything `entry` brings into its bundle: the files it reaches and the packages they import,
 * each with the chain of files that led there.
 */
function reach(entry: string, tree: Tree): Map<string, string[]> {
  const reached = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    const chain = reached.get(file) as string[];
    for (const specifier of runtimeSpecifiers(file, tree.read(file))) {
      const target = specifier.startsWith('.') ? resolveFile(file, specifier, tree.exists) : specifier;
      if (!target || reached.has(target)) continue;
      reached.set(target, [...chain, target]);
      if (specifier.startsWith('.')) queue.push(target);
    }
  }
  return reached;
}

/** Chains from `entry` to anything `forbidden` matches (a file path of the tree, or a package). */
function forbiddenReach(entry: string, forbidden: RegExp, tree: Tree = onDisk): string[] {
  return [...reach(entry, tree)].filter(([target]) => forbidden.test(target)).map(([, chain]) => chain.join(' -> '));
}

const readSource = onDisk.read;

/** Preact views, stores and the pages' components: never in claude.ai's pages. */
const VIEWS = /^(?:preact|zustand)(?:\/|$)|^components\/(?:popup|options|welcome|shared)\/|^entrypoints\/background\//;
/** And for the script on every page: the libraries and views that are loaded only when a banner is due. */
const NOT_ALWAYS_ON = /^(?:zod|webextension-polyfill|@wxt-dev\/storage)(?:\/|$)|^components\//;

describe('entrypoints', () => {
  const files = sourceFiles('entrypoints');

  it('tells the entrypoints apart', () => {
    expect(new Set(files.map(entrypointOf))).toEqual(
      new Set(['background', 'content scripts', 'popup', 'options', 'welcome']),
    );
  });

  it.each(files)("%s imports no other entrypoint's code", (file) => {
    expect(crossEntrypoint(file, readSource(file))).toEqual([]);
  });

  it.each(files.filter((file) => entrypointOf(file) === 'background'))('%s draws no views', (file) => {
    expect(importSpecifiers(readSource(file)).filter((s) => /(?:^|\/)components\/|^preact|^zustand/.test(s))).toEqual(
      [],
    );
  });

  it.each(['entrypoints/claude-watch.ts', 'entrypoints/claude-banner.ts'])(
    "%s brings no Preact view, store or background code into claude.ai's pages",
    (entry) => {
      expect(forbiddenReach(entry, VIEWS)).toEqual([]);
    },
  );

  it('the always-on watcher brings neither zod, the polyfill, the storage library nor a view', () => {
    const reached = [...reach('entrypoints/claude-watch.ts', onDisk).keys()];
    expect(reached).toContain('entrypoints/claude.content/watcher.ts');
    expect(reached).toContain('core/claude-page/page-facts.ts');
    expect(forbiddenReach('entrypoints/claude-watch.ts', NOT_ALWAYS_ON)).toEqual([]);
  });

  it.each([
    ['entrypoints/popup/main.tsx', "import { x } from '../background/index';", ['../background/index (background)']],
    [
      'entrypoints/options/main.tsx',
      "import { y } from '../claude.content/page-api';",
      ['../claude.content/page-api (content scripts)'],
    ],
    ['entrypoints/claude.content/x.ts', "import { z } from '../popup/main';", ['../popup/main (popup)']],
    ['entrypoints/welcome/main.tsx', "import css from '../claude.content/style.css?inline';", []],
    ['entrypoints/claude.content/x.ts', "import { startWatcher } from './watcher';", []],
  ])("flags another entrypoint's code in %s: %s", (file, source, expected) => {
    expect(crossEntrypoint(file, source)).toEqual(expected);
  });

  it('follows imports through files, and not through erased type imports', () => {
    const tree: Record<string, string> = {
      'entrypoints/claude-watch.ts': "import { a } from './claude.content/a';\nimport type { T } from '../shell/t';",
      'entrypoints/claude.content/a.ts': "import { b } from '../../shell/b';",
      'shell/b.ts': "import * as z from 'zod/mini';",
      'shell/t.ts': "import { h } from 'preact';",
    };
    const made = { read: (file: string) => tree[file] ?? '', exists: (file: string) => file in tree };
    expect(forbiddenReach('entrypoints/claude-watch.ts', NOT_ALWAYS_ON, made)).toEqual([
      'entrypoints/claude-watch.ts -> entrypoints/claude.content/a.ts -> shell/b.ts -> zod/mini',
    ]);
    expect(forbiddenReach('entrypoints/claude-watch.ts', VIEWS, made)).toEqual([]);
  });
});

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
