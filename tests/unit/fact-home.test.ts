/**
 * One home per fact: a time unit, a host, a stored key, a selector of claude.ai's page, the
 * Firefox add-on id, a threshold or any other named constant. Each is spelled in one file (its home) and imported everywhere else, so that
 * changing it is one edit and a reader finds it in one place. Reads the sources (core/, shell/,
 * components/, entrypoints/, wxt.config.ts and the e2e drivers) with TypeScript's parser, so
 * comments and prose never count, only the code's literals.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SITE_HOSTS } from '../../core/sites/site-hosts';
import { STATUS_ORIGINS } from '../../core/status-page/sources';

const ROOT = resolve(__dirname, '../..');
const SOURCE_DIRS = ['core', 'shell', 'components', 'entrypoints'];
/** Beside the sources: the build's config, and what the e2e tests share with the build. */
const MORE_FILES = ['wxt.config.ts', ...sourceFiles('tests/e2e/drivers')];

const HOMES = {
  time: 'core/time/time.ts',
  siteHosts: 'core/sites/site-hosts.ts',
  statusHosts: 'core/status-page/sources.ts',
  storedKeys: 'shell/stored-keys.ts',
  selectors: 'core/claude-page/page-facts.ts',
  geckoId: 'core/release/extension-ids.ts',
} as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A literal in the code: a string (or a template's text) or a number, with where it stands. */
interface Literal {
  kind: 'string' | 'number';
  text: string;
  value: number;
  line: number;
  node: ts.Node;
}

const parsed = new Map<string, Literal[]>();

function literals(file: string, source: string): Literal[] {
  const key = `${file}\0${source}`;
  const known = parsed.get(key);
  if (known) return known;
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: Literal[] = [];
  const line = (node: ts.Node) => tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      found.push({ kind: 'string', text: node.text, value: Number.NaN, line: line(node), node });
    } else if (ts.isNumericLiteral(node)) {
      found.push({ kind: 'number', text: node.getText(tree), value: Number(node.text), line: line(node), node });
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  parsed.set(key, found);
  return found;
}

/** Where a rule finds a fact outside its home: `file:line what`. */
type Finder = (file: string, source: string) => string[];

/**
 * Time units: a second, a minute, an hour and a day in ms, and the seconds-to-ms conversion, are
 * spelled in core/time/time.ts only (60_000 anywhere else is a minute written again).
 */
const timeUnits: Finder = (file, source) => {
  if (file === HOMES.time) return [];
  return literals(file, source).flatMap((lit) => {
    if (lit.kind !== 'number') return [];
    if ([60_000, 3_600_000, 86_400_000].includes(lit.value)) return [`${file}:${lit.line} ${lit.text}`];
    const parent = lit.node.parent;
    const conversion =
      lit.value === 1000 &&
      ts.isBinaryExpression(parent) &&
      [ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken].includes(parent.operatorToken.kind);
    return conversion ? [`${file}:${lit.line} ${parent.getText()}`] : [];
  });
};

/** What a host standing in a string means here: the host itself, an origin, or a match pattern. */
function hostFact(text: string, host: string): boolean {
  const at = text.indexOf(host);
  if (at < 0) return false;
  const before = text.slice(0, at);
  const after = text.slice(at + host.length);
  // Another host that ends or starts with this one (code.claude.com, claude.ai.example): not it.
  if (/[\w.-]$/.test(before) && !/\/\/$/.test(before)) return false;
  if (/^[\w-]/.test(after) || /^\.[\w]/.test(after)) return false;
  // A deep link to a page on that host (the Workbench, the API keys): an address, not the host.
  return !/^\/[\w-]+(?:\/[\w-]+)*\/?$/.test(after);
}

const SITE_HOST_NAMES = Object.keys(SITE_HOSTS);
const STATUS_HOST_NAMES = STATUS_ORIGINS.map((origin) => new URL(origin).host);

/**
 * Hosts: the sites' hosts are spelled in core/sites/site-hosts.ts, the status origins' in
 * core/status-page/sources.ts, each once; everything else (match patterns, origin checks,
 * messages naming an origin) builds on those.
 */
const hosts: Finder = (file, source) => {
  const found: string[] = [];
  for (const [names, home] of [
    [SITE_HOST_NAMES, HOMES.siteHosts],
    [STATUS_HOST_NAMES, HOMES.statusHosts],
  ] as const) {
    for (const host of names) {
      const hits = literals(file, source).filter((lit) => lit.kind === 'string' && hostFact(lit.text, host));
      const allowed = file === home ? 1 : 0;
      if (hits.length > allowed) found.push(...hits.map((lit) => `${file}:${lit.line} '${lit.text}'`));
    }
  }
  return found;
};

/** The stored keys, read from their home. */
function storedKeys(): string[] {
  return literals(HOMES.storedKeys, readFileSync(join(ROOT, HOMES.storedKeys), 'utf8'))
    .filter((lit) => lit.kind === 'string')
    .map((lit) => lit.text);
}

/**
 * Stored keys: spelled in shell/stored-keys.ts only. Elsewhere a literal `local:…` or
 * `session:…` key, or a key's bare name in a file that reads browser storage itself, is the
 * key written again.
 */
const keys: Finder = (file, source) => {
  if (file === HOMES.storedKeys) return [];
  const names = storedKeys();
  const readsStorage = /\bstorage\s*\.\s*(?:local|session|onChanged)\b/.test(source);
  return literals(file, source)
    .filter(
      (lit) =>
        lit.kind === 'string' &&
        (/^(?:local|session|sync|managed):\w/.test(lit.text) || (readsStorage && names.includes(lit.text))),
    )
    .map((lit) => `${file}:${lit.line} '${lit.text}'`);
};

/** The parts of a selector list (split at its top-level commas), trimmed; attribute names as they are. */
function selectorParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(' || char === '[') depth++;
    if (char === ')' || char === ']') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  parts.push(current.trim());
  return parts.filter((part) => part.length > 0);
}

/** A selector part that names something of claude.ai's page (not one of ours, not a bare tag). */
const isPageSelector = (part: string) => /[[.#:]/.test(part) && !/\bso-/.test(part) && !/status-overlay/.test(part);

/**
 * Selectors of claude.ai's page: in core/claude-page/page-facts.ts, each spelled once (a selector
 * used by two lists is one constant); nowhere else, neither written again nor as a literal
 * argument of querySelector, closest or matches.
 */
const selectors: Finder = (file, source) => {
  const lits = literals(file, source).filter((lit) => lit.kind === 'string');
  if (file === HOMES.selectors) {
    const seen = new Map<string, number>();
    const found: string[] = [];
    for (const lit of lits) {
      for (const part of selectorParts(lit.text).filter(isPageSelector)) {
        if (seen.has(part)) found.push(`${file}:${lit.line} '${part}' (also line ${seen.get(part)})`);
        else seen.set(part, lit.line);
      }
    }
    return found;
  }
  const home = literals(HOMES.selectors, readFileSync(join(ROOT, HOMES.selectors), 'utf8'))
    .filter((lit) => lit.kind === 'string')
    .flatMap((lit) => selectorParts(lit.text).filter(isPageSelector));
  return lits.flatMap((lit) => {
    const parent = lit.node.parent;
    const queried =
      ts.isCallExpression(parent) &&
      ts.isPropertyAccessExpression(parent.expression) &&
      ['querySelector', 'querySelectorAll', 'closest', 'matches'].includes(parent.expression.name.text) &&
      selectorParts(lit.text).some(isPageSelector);
    const repeated = selectorParts(lit.text).some((part) => home.includes(part));
    return queried || repeated ? [`${file}:${lit.line} '${lit.text}'`] : [];
  });
};

/** The Firefox add-on id (browser_specific_settings.gecko.id): the build and the Firefox driver share one constant. */
const geckoId: Finder = (file, source) => {
  const hits = literals(file, source).filter((lit) => lit.kind === 'string' && /@[\w-]+\.invalid$/.test(lit.text));
  return hits.slice(file === HOMES.geckoId ? 1 : 0).map((lit) => `${file}:${lit.line} '${lit.text}'`);
};

/** Module-level constants named in capitals (thresholds, limits, windows, lists) in `file`, with their lines. */
function constantNames(file: string, source: string): [string, number][] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  return tree.statements.flatMap((statement) =>
    ts.isVariableStatement(statement) && statement.declarationList.flags & ts.NodeFlags.Const
      ? statement.declarationList.declarations.flatMap((d) =>
          ts.isIdentifier(d.name) && /^[A-Z][A-Z0-9_]+$/.test(d.name.text)
            ? [[d.name.text, tree.getLineAndCharacterOfPosition(d.getStart(tree)).line + 1] as [string, number]]
            : [],
        )
      : [],
  );
}

/**
 * Thresholds and other named constants: a name is declared in one file. The same name in two
 * files is either one fact with two homes (a list of origins built again) or two facts under one
 * name; either way a reader cannot tell which one a use means.
 */
function constantsDeclaredTwice(files: [string, string][]): string[] {
  const where = new Map<string, string[]>();
  for (const [file, source] of files) {
    for (const [name, line] of constantNames(file, source))
      where.set(name, [...(where.get(name) ?? []), `${file}:${line}`]);
  }
  return [...where].filter(([, places]) => places.length > 1).map(([name, places]) => `${name}: ${places.join(', ')}`);
}

const RULES: [string, Finder][] = [
  ['time units', timeUnits],
  ['hosts', hosts],
  ['stored keys', keys],
  ['selectors', selectors],
  ['the Firefox add-on id', geckoId],
];

/** Every fact found outside its home, per rule, in the given files (path relative to the root, source). */
function factsOutOfHome(files: [string, string][]): Record<string, string[]> {
  return {
    ...Object.fromEntries(RULES.map(([name, find]) => [name, files.flatMap(([file, source]) => find(file, source))])),
    'named constants': constantsDeclaredTwice(files),
  };
}

describe('one home per fact', () => {
  const files = [...SOURCE_DIRS.flatMap((dir) => sourceFiles(dir)), ...MORE_FILES].map(
    (file) => [file, readFileSync(join(ROOT, file), 'utf8')] as [string, string],
  );

  it('reads the sources and every home', () => {
    expect(files.length).toBeGreaterThan(100);
    for (const home of Object.values(HOMES)) expect(files.map(([file]) => file)).toContain(home);
    expect(storedKeys()).toContain('status');
  });

  const found = factsOutOfHome(files);
  it.each([...RULES.map(([name]) => name), 'named constants'])('%s: spelled only in their home', (name) => {
    expect(found[name]).toEqual([]);
  });

  // Each rule finds what it is there for (and leaves alone what it is not).
  it.each([
    ['time units', 'core/x.ts', 'export const A_MS = 5 * 60_000;', ['core/x.ts:1 60_000']],
    ['time units', 'core/x.ts', 'const s = ms / 1000;', ['core/x.ts:1 ms / 1000']],
    ['time units', 'core/x.ts', 'const MAX = 1000; const B = 2_000;', []],
    ['hosts', 'core/x.ts', "const API = ['https://claude.ai/api/*'];", ["core/x.ts:1 'https://claude.ai/api/*'"]],
    ['hosts', 'core/x.ts', "if (url.hostname === 'claude.ai') go();", ["core/x.ts:1 'claude.ai'"]],
    ['hosts', 'core/x.ts', 'const m = `status.claude.com: $' + '{a}`;', ["core/x.ts:1 'status.claude.com: '"]],
    [
      'hosts',
      'core/x.ts',
      "const W = 'https://platform.claude.com/workbench'; const C = 'https://code.claude.com/docs';",
      [],
    ],
    ['stored keys', 'core/x.ts', "const item = defineItem('local:status');", ["core/x.ts:1 'local:status'"]],
    [
      'stored keys',
      'entrypoints/x.ts',
      "const SKIP = ['history']; api.storage.onChanged.addListener(f);",
      ["entrypoints/x.ts:1 'history'"],
    ],
    ['stored keys', 'core/x.ts', "const kind = 'status';", []],
    [
      'selectors',
      'entrypoints/x.ts',
      'document.querySelector(\'[data-testid="user-message"]\');',
      ['entrypoints/x.ts:1 \'[data-testid="user-message"]\''],
    ],
    ['selectors', 'entrypoints/x.ts', "root.querySelector('.so-banner');", []],
    [
      'selectors',
      'core/claude-page/page-facts.ts',
      'const A = \'button[data-x="y"]\'; const B = \'p, button[data-x="y"]\';',
      ['core/claude-page/page-facts.ts:1 \'button[data-x="y"]\' (also line 1)'],
    ],
    [
      'the Firefox add-on id',
      'wxt.config.ts',
      "const gecko = { id: 'someone@example.invalid' };",
      ["wxt.config.ts:1 'someone@example.invalid'"],
    ],
  ])('%s: finds what is out of its home in %s: %s', (rule, file, source, expected) => {
    expect(factsOutOfHome([[file, source]])[rule]).toEqual(expected);
  });

  it('named constants: finds a name declared in two files, not one declared once or a local', () => {
    expect(
      factsOutOfHome([
        ['core/a.ts', 'export const WINDOW_MS = 10;\nconst ONCE = 1;'],
        ['components/b.tsx', 'function f() { const ONCE = 2; }\nexport const WINDOW_MS = 10;'],
      ])['named constants'],
    ).toEqual(['WINDOW_MS: core/a.ts:1, components/b.tsx:2']);
  });
});
