/**
 * Bundle sizes of a built extension, per entrypoint, against the budgets in bench/budgets.json.
 * Shared by the benchmark (bench/run.mjs) and the size test (tests/unit/bundle-size.test.ts), so
 * both count the same bytes.
 *
 * What is counted: the JavaScript each entrypoint loads, found from the built manifest (the
 * background's service worker or scripts, the content script's `js`, and the scripts popup.html
 * loads plus the chunks they import statically), and the scripts the background injects on demand
 * (the page reader, READER_SCRIPT, and the banner, BANNER_SCRIPT; not in the manifest). gzip is
 * node's zlib at level 9 (gzip -9), per file, summed. A trailing `//# sourceMappingURL=` comment (SO_SOURCEMAP=1 builds) is not
 * counted, so a build with source maps measures like the production one. CSS is reported beside
 * the JavaScript; it counts towards the budget only where budgets.json says `countsCss` (the
 * always-on content script: issue #17 budgets its JS + CSS). The banner's CSS is inline in its
 * script. 1 KB = 1000 bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export type Entrypoint = 'content' | 'reader' | 'banner' | 'background' | 'popup';

export interface Budgets {
  /** How the figures are counted, for a reader of the JSON. */
  unit: string;
  /** gzip -9 bytes; the KB are 1000 bytes. */
  bundles: Record<
    Entrypoint,
    { label: string; maxGzipBytes: number; targetGzipBytes?: number; why?: string; countsCss?: boolean }
  >;
  /** Targets the benchmark compares its figures with; never asserted (timings vary). */
  targets: Record<string, { value: number; unit: string; what: string }>;
}

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface EntrypointSize {
  entry: Entrypoint;
  label: string;
  /** The JavaScript counted against the budget (with the CSS where `countsCss`). */
  files: FileSize[];
  css: FileSize[];
  raw: number;
  gzip: number;
  cssRaw: number;
  cssGzip: number;
  /** Whether `gzip` includes the CSS. */
  countsCss: boolean;
  budgetBytes: number;
  withinBudget: boolean;
  /** The target when it differs from the enforced budget (see budgets.json `why`). */
  targetBytes: number;
  withinTarget: boolean;
}

export const BUDGETS_FILE = new URL('./budgets.json', import.meta.url);
export const KB = 1000;
export const ENTRYPOINTS = ['content', 'reader', 'banner', 'background', 'popup'] as const;
/** The banner script as built (entrypoints/claude-banner.ts; entrypoints/background/banner/banner-injector.ts injects it). */
export const BANNER_SCRIPT = 'claude-banner.js';
/** The page reader as built (entrypoints/claude-read.ts; entrypoints/background/claude-page/reader-injector.ts injects it). */
export const READER_SCRIPT = 'claude-read.js';

export function loadBudgets(): Budgets {
  return JSON.parse(fs.readFileSync(BUDGETS_FILE, 'utf8'));
}

function withoutSourceMapComment(bytes: Buffer) {
  const text = bytes.toString('utf8');
  const stripped = text.replace(/\n?\/\/# sourceMappingURL=[^\n]*\n?$/, '');
  return stripped === text ? bytes : Buffer.from(stripped, 'utf8');
}

function sizeOf(file: string) {
  const bytes = withoutSourceMapComment(fs.readFileSync(file));
  return { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

/**
 * The relative chunks a module imports statically (`import … from "./x.js"`, `import "./x.js"`,
 * `export … from "./x.js"`), as Vite/Rolldown write them. Dynamic `import()` is lazy: not counted.
 */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:^|[;\s})])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+|\/[^"']+)["']/g;
  for (const match of code.matchAll(pattern)) found.add(match[1] as string);
  return [...found];
}

/**
 * Files relative to buildDir: the module scripts an HTML page loads, and their static imports.
 */
function pageScripts(buildDir: string, html: string) {
  const text = fs.readFileSync(path.join(buildDir, html), 'utf8');
  const pending: string[] = [];
  for (const tag of text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) pending.push(tag[1] as string);
  for (const tag of text.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g))
    pending.push(tag[1] as string);
  const base = path.posix.dirname(`/${html}`);
  const seen = new Set<string>();
  while (pending.length > 0) {
    const ref = pending.shift() as string;
    const file = path.posix.resolve(base, ref).slice(1);
    if (seen.has(file)) continue;
    seen.add(file);
    const code = fs.readFileSync(path.join(buildDir, file), 'utf8');
    for (const imported of staticImports(code))
      pending.push(path.posix.resolve(`/${path.posix.dirname(file)}`, imported));
  }
  return [...seen];
}

function pageStyles(buildDir: string, html: string): string[] {
  const text = fs.readFileSync(path.join(buildDir, html), 'utf8');
  const base = path.posix.dirname(`/${html}`);
  return [...text.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((tag) =>
    path.posix.resolve(base, tag[1] as string).slice(1),
  );
}

/** Which built files belong to which entrypoint, read from the manifest. */
export function entrypointFiles(buildDir: string): Record<Entrypoint, { js: string[]; css: string[] }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(buildDir, 'manifest.json'), 'utf8'));
  const background = manifest.background?.service_worker
    ? [manifest.background.service_worker]
    : (manifest.background?.scripts ?? []);
  const scripts = manifest.content_scripts ?? [];
  const popupHtml = manifest.action?.default_popup;
  if (background.length === 0) throw new Error(`${buildDir}: the manifest names no background script`);
  if (scripts.length === 0) throw new Error(`${buildDir}: the manifest names no content script`);
  if (!popupHtml) throw new Error(`${buildDir}: the manifest names no popup`);
  const contentJs: string[] = [...new Set<string>(scripts.flatMap((s: { js?: string[] }) => s.js ?? []))];
  // The manifest's css, and (builds before issue #17) the CSS WXT's cssInjectionMode 'ui' fetched
  // from a web-accessible file into the shadow root, named like the script.
  const contentCss = [
    ...new Set([
      ...scripts.flatMap((s: { css?: string[] }) => s.css ?? []),
      ...contentJs.map((file) => file.replace(/\.js$/, '.css')),
    ]),
  ].filter((file) => fs.existsSync(path.join(buildDir, file)));
  return {
    content: { js: contentJs, css: contentCss },
    reader: { js: fs.existsSync(path.join(buildDir, READER_SCRIPT)) ? [READER_SCRIPT] : [], css: [] },
    banner: { js: fs.existsSync(path.join(buildDir, BANNER_SCRIPT)) ? [BANNER_SCRIPT] : [], css: [] },
    background: { js: background, css: [] },
    popup: { js: pageScripts(buildDir, popupHtml), css: pageStyles(buildDir, popupHtml) },
  };
}

/** Raw and gzip bytes per entrypoint, with the budget verdict. */
export function measureBuild(buildDir: string, budgets: Budgets = loadBudgets()): EntrypointSize[] {
  const files = entrypointFiles(buildDir);
  return ENTRYPOINTS.map((entry) => {
    const js = files[entry].js.map((file) => ({ file, ...sizeOf(path.join(buildDir, file)) }));
    const css = files[entry].css.map((file) => ({ file, ...sizeOf(path.join(buildDir, file)) }));
    const cssGzip = css.reduce((sum, f) => sum + f.gzip, 0);
    const countsCss = budgets.bundles[entry].countsCss === true;
    const raw = js.reduce((sum, f) => sum + f.raw, 0);
    const gzip = js.reduce((sum, f) => sum + f.gzip, 0) + (countsCss ? cssGzip : 0);
    const budgetBytes = budgets.bundles[entry].maxGzipBytes;
    const targetBytes = budgets.bundles[entry].targetGzipBytes ?? budgetBytes;
    return {
      entry,
      label: budgets.bundles[entry].label,
      files: js,
      css,
      raw,
      gzip,
      cssRaw: css.reduce((sum, f) => sum + f.raw, 0),
      cssGzip,
      countsCss,
      budgetBytes,
      withinBudget: gzip <= budgetBytes,
      targetBytes,
      withinTarget: gzip <= targetBytes,
    };
  });
}

/** 20521 -> "20.5 KB" (1 KB = 1000 bytes). */
export function kb(bytes: number) {
  return `${(bytes / KB).toFixed(1)} KB`;
}

/** Where README.md holds the table sizesMarkdown() writes (tests/unit/bundle-size.test.ts checks it). */
export const README_SIZES = { start: '<!-- sizes:start -->', end: '<!-- sizes:end -->' };

/**
 * The sizes as README.md states them: one row per entrypoint, in KB to 10 B, with its enforced
 * budget and the target where that is lower. Written by
 * `npm run bench -- --only sizes --update-docs`.
 */
export function sizesMarkdown(sizes: EntrypointSize[]) {
  const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} KB`;
  const rows = sizes.map((s) => {
    const what = `${s.label}${s.countsCss ? ', JS + CSS' : ''}`;
    const target =
      s.targetBytes < s.budgetBytes ? `${kb(s.targetBytes)}, ${s.withinTarget ? 'met' : 'missed'}` : 'the budget';
    return `| ${what} | ${kb(s.gzip)} | ${kb(s.budgetBytes)} | ${target} |`;
  });
  return ["| Bundle (gzip -9) | Size | Budget (enforced) | Issue's target |", '|---|---:|---:|---|', ...rows].join(
    '\n',
  );
}
