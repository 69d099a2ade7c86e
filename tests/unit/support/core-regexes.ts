/**
 * Every regular expression in core/, found in the source so that a new one cannot be left out of
 * the hostile-origin timing test (tests/unit/fuzz-regex.test.ts): regex literals are read from the
 * syntax tree and rebuilt from their own text; patterns built at run time (`new RegExp(…)`) are
 * caught as the code builds them, each attributed to the line that built it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '../../..');

export interface RegexSite {
  /** Relative to the repository, e.g. core/status-page/text.ts. */
  file: string;
  line: number;
  /** The literal (`/…/g`) or the constructing expression, shortened. */
  text: string;
  kind: 'literal' | 'constructed';
}

function coreFiles(dir = 'core'): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return coreFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every regex literal and every `new RegExp(…)` / `RegExp(…)` in core/. */
export function regexSitesInCore(): RegexSite[] {
  const sites: RegexSite[] = [];
  for (const file of coreFiles()) {
    const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        sites.push({ file, line, text: node.getText(source), kind: 'literal' });
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        sites.push({ file, line, text: node.getText(source).replace(/\s+/g, ' ').slice(0, 120), kind: 'constructed' });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}

/** A literal's pattern, rebuilt from its text: `/a+b/gi` -> new RegExp('a+b', 'gi'). */
export function literalRegex(site: RegexSite): RegExp {
  const end = site.text.lastIndexOf('/');
  return new RegExp(site.text.slice(1, end), site.text.slice(end + 1));
}

/** `file:line` of the first stack frame in core/, where a constructed pattern was built. */
function siteOfStack(stack: string): string | null {
  for (const frame of stack.split('\n')) {
    const match = /([\w./\\-]*core[\\/][\w./\\-]+\.ts):(\d+):\d+/.exec(frame);
    if (match?.[1]) {
      const file = relative(ROOT, resolve(ROOT, match[1])).split('\\').join('/');
      if (file.startsWith('core/')) return `${file}:${match[2]}`;
    }
  }
  return null;
}

/**
 * Runs `workload` with the RegExp constructor watched, and gives the patterns it built by the
 * core/ line that built them (`file:line`). The workload must import the modules fresh
 * (vi.resetModules) so that patterns built when a module loads are seen too.
 */
export async function constructedWhile(workload: () => Promise<void>): Promise<Map<string, RegExp[]>> {
  const built = new Map<string, RegExp[]>();
  const Real = globalThis.RegExp;
  globalThis.RegExp = new Proxy(Real, {
    construct(target, args, newTarget) {
      const regex = Reflect.construct(target, args, newTarget) as RegExp;
      const site = siteOfStack(new Error().stack ?? '');
      if (site) built.set(site, [...(built.get(site) ?? []), regex]);
      return regex;
    },
    apply(target, _this, args) {
      const regex = Reflect.construct(target, args) as RegExp;
      const site = siteOfStack(new Error().stack ?? '');
      if (site) built.set(site, [...(built.get(site) ?? []), regex]);
      return regex;
    },
  });
  try {
    await workload();
  } finally {
    globalThis.RegExp = Real;
  }
  return built;
}
