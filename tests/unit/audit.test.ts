// @vitest-environment node
/**
 * Security audit of the build (issue #7), on what `npm test` has just built (SO_OUT_DIR, default
 * .output; skipped when nothing is built, like the bundle budgets):
 * - the manifests ask for exactly the permissions below, and loosen no content security policy;
 * - no remote code: no remote script, no eval, no Function constructor, no importScripts, no string
 *   timers, no dynamic import of anything but our own files; zod runs jitless;
 * - every URL written into our bundles is on the allowlists below, and every link the UI can open
 *   is https: the catalogue, the status page, checked incident links, or one the user added (checked).
 * Changing a permission or adding a link means changing this file: that is the point.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALTERNATIVES } from '../../core/advice/alternatives';
import { validateAlternative } from '../../core/advice/user-alternatives';
import { DEFAULT_SETTINGS } from '../../core/settings/settings';
import { applySettingsPatch } from '../../core/settings/settings-patch';
import { STATUS_ORIGINS, STATUS_PAGE_URL, safeStatusLink } from '../../core/status-page/sources';

const OUT_DIR = path.resolve(process.env.SO_OUT_DIR ?? '.output');
const TARGETS = ['chrome-mv3', 'firefox-mv3'] as const;

// ---------------------------------------------------------------------------------------------
// Allowlists.

/**
 * `alarms` polls, `storage` keeps state, `webRequest` watches the outcome of claude.ai's own API
 * requests (issue #10), `scripting` injects the banner's view into a claude.ai tab only when a
 * banner is due (issue #17).
 */
const PERMISSIONS = ['alarms', 'storage', 'webRequest', 'scripting'];
/** Asked for only when the user turns notifications on in the options. */
const OPTIONAL_PERMISSIONS = ['notifications'];
/** The two status origins, and the two sites the banner runs on. */
const HOST_PERMISSIONS = [
  'https://status.claude.com/*',
  'https://anthropic.statuspage.io/*',
  'https://claude.ai/*',
  'https://platform.claude.com/*',
];
const SITE_MATCHES = ['https://claude.ai/*', 'https://platform.claude.com/*'];
/** Top-level manifest keys we use; a new one (externally_connectable, sandbox, key, update_url, …) needs a look. */
const MANIFEST_KEYS = [
  'manifest_version',
  'name',
  'description',
  'version',
  'icons',
  'default_locale',
  'permissions',
  'optional_permissions',
  'host_permissions',
  'action',
  'background',
  'options_ui',
  'content_scripts',
  'browser_specific_settings',
  'minimum_chrome_version',
];

/** The alternatives catalogue (core/advice/alternatives.ts), link by link. */
const CATALOGUE_URLS = [
  'https://platform.claude.com/workbench',
  'https://aws.amazon.com/bedrock/claude/',
  'https://cloud.google.com/vertex-ai/generative-ai/docs/partner-models/claude',
  'https://openrouter.ai/anthropic',
  'https://www.typingmind.com',
  'https://www.librechat.ai',
  'https://lobehub.com',
  'https://poe.com',
  'https://platform.claude.com/settings/keys',
  'https://code.claude.com/docs/en/third-party-integrations',
];

/** Every absolute URL our bundles may contain, and why. */
const BUNDLE_URLS: Record<string, string> = {
  ...Object.fromEntries(CATALOGUE_URLS.map((url) => [url, 'alternatives catalogue'])),
  'https://status.claude.com': 'status origin (fetched) and the status page link',
  'https://anthropic.statuspage.io': 'fallback status origin (fetched)',
  'https://claude.ai/*': 'content script match pattern',
  'https://platform.claude.com/*': 'content script match pattern',
  'https://claude.ai/api/*': "webRequest filter: outcomes of claude.ai's own requests, never bodies",
  'https://': 'the https check of links (startsWith)',
  // Library text, never fetched nor opened:
  'http://www.w3.org/2000/svg': 'Preact: SVG namespace',
  'http://www.w3.org/1999/xhtml': 'Preact: XHTML namespace',
  'http://www.w3.org/1998/Math/MathML': 'Preact: MathML namespace',
  'https://github.com/wxt-dev/wxt/issues/371': 'WXT: text of a warning',
  'https://wxt.dev/guide/go-further/testing.html': 'WXT: text of an error message (fake browser)',
};

// ---------------------------------------------------------------------------------------------

/** The parts of manifest.json the audit reads. */
interface Manifest {
  manifest_version?: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: string | Record<string, string>;
  content_scripts?: { matches: string[]; world?: string; match_about_blank?: boolean }[];
  web_accessible_resources?: { resources: string[]; matches?: string[] }[];
  browser_specific_settings?: { gecko?: { data_collection_permissions?: unknown } };
}

function filesOf(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesOf(full, ext));
    else if (ext.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** Problems of a CSP value compared with MV3's default (`script-src 'self'; object-src 'self'`). */
function cspProblems(policy: string): string[] {
  const problems: string[] = [];
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [(name ?? '').toLowerCase(), values.map((v) => v.toLowerCase())]),
  );
  const scripts = directives.get('script-src') ?? directives.get('default-src');
  if (!scripts) problems.push('no script-src');
  for (const value of scripts ?? []) if (value !== "'self'" && value !== "'none'") problems.push(`script-src ${value}`);
  const objects = directives.get('object-src') ?? directives.get('default-src');
  for (const value of objects ?? []) if (value !== "'self'" && value !== "'none'") problems.push(`object-src ${value}`);
  return problems;
}

describe('audit helpers', () => {
  it.each<[string, boolean]>([
    ["script-src 'self'; object-src 'self'", true],
    ["script-src 'none'; object-src 'none'", true],
    ["default-src 'self'", true],
    ["script-src 'self' 'unsafe-eval'; object-src 'self'", false],
    ["script-src 'self' 'wasm-unsafe-eval'", false],
    ["script-src 'self' https://cdn.example.com", false],
    ["script-src 'self'; object-src *", false],
    ["object-src 'self'", false],
  ])('CSP %j acceptable: %s', (policy, ok) => {
    expect(cspProblems(policy).length === 0).toBe(ok);
  });
});

describe('links the UI can open', () => {
  it('the catalogue is exactly the allowlist, all https', () => {
    expect(ALTERNATIVES.map((a) => a.url).sort()).toEqual([...CATALOGUE_URLS].sort());
    for (const url of CATALOGUE_URLS) expect(new URL(url).protocol).toBe('https:');
  });

  it('the status page and its origins are https', () => {
    for (const url of [STATUS_PAGE_URL, ...STATUS_ORIGINS]) expect(new URL(url).protocol).toBe('https:');
  });

  it('incident links from the status page: https on the status origins or stspg.io only', () => {
    expect(safeStatusLink('https://stspg.io/abc')).toBe('https://stspg.io/abc');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'http://stspg.io/a', 'https://evil.example/']) {
      expect(safeStatusLink(bad)).toBeNull();
    }
  });

  it.each<[string, boolean]>([
    ['https://chat.example.com/', true],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['http://chat.example.com/', false],
    ['https://user:secret@chat.example.com/', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('a link the user adds (%s) is accepted only if https: %s', (url, ok) => {
    expect(validateAlternative({ name: 'Mine', url }, []) === null).toBe(ok);
  });

  it('links the options page asks to add are checked again before they are stored', () => {
    let settings = DEFAULT_SETTINGS;
    for (const [id, url] of [
      ['a', 'https://chat.example.com'],
      ['b', 'javascript:alert(1)'],
      ['c', 'http://chat.example.com'],
    ] as const) {
      settings = applySettingsPatch(settings, { op: 'alternative-add', alternative: { id, name: 'Mine', url } });
    }
    expect(settings.alternatives).toEqual([{ id: 'a', name: 'Mine', url: 'https://chat.example.com/' }]);
  });
});

for (const target of TARGETS) {
  const dir = path.join(OUT_DIR, target);
  const built = existsSync(path.join(dir, 'manifest.json'));

  // `npm test` always builds first; a bare `vitest run` without a build has nothing to audit.
  describe.skipIf(!built)(`audit of ${path.relative(process.cwd(), dir) || dir}`, () => {
    const manifest = built
      ? (JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest)
      : ({} as Manifest);
    const scripts = built ? filesOf(dir, /\.(m?js)$/) : [];
    const pages = built ? filesOf(dir, /\.html$/) : [];
    const read = (file: string) => readFileSync(file, 'utf8');
    const rel = (file: string) => path.relative(dir, file);

    it('permissions equal the allowlist', () => {
      expect([...(manifest.permissions ?? [])].sort()).toEqual([...PERMISSIONS].sort());
      expect([...(manifest.optional_permissions ?? [])].sort()).toEqual([...OPTIONAL_PERMISSIONS].sort());
      expect([...(manifest.host_permissions ?? [])].sort()).toEqual([...HOST_PERMISSIONS].sort());
      expect(manifest.optional_host_permissions ?? []).toEqual([]);
    });

    it('no manifest key outside the known set (no externally_connectable, sandbox, key, update_url)', () => {
      for (const key of Object.keys(manifest)) expect(MANIFEST_KEYS, `manifest key ${key}`).toContain(key);
      expect(manifest.manifest_version).toBe(3);
    });

    it('content scripts only on the two sites, and nothing web-accessible a page could probe for', () => {
      expect(manifest.content_scripts?.length).toBeGreaterThan(0);
      for (const script of manifest.content_scripts ?? []) {
        for (const match of script.matches) expect(SITE_MATCHES).toContain(match);
        expect(script.world ?? 'ISOLATED').toBe('ISOLATED');
        expect(script.match_about_blank ?? false).toBe(false);
      }
      // The banner carries its styles inline into its shadow root (issue #17).
      expect(manifest.web_accessible_resources ?? []).toEqual([]);
    });

    it('the content security policy is the default (no key) or stricter', () => {
      const csp = manifest.content_security_policy;
      if (csp === undefined) return;
      const policies = typeof csp === 'string' ? [csp] : Object.values(csp as Record<string, string>);
      for (const policy of policies) expect(cspProblems(policy)).toEqual([]);
    });

    if (target === 'firefox-mv3') {
      it('Firefox: declares that no data is collected', () => {
        expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
      });
    }

    it('HTML pages load only our own scripts', () => {
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) {
        const html = read(page);
        const tags = html.match(/<script\b[^>]*>/gi) ?? [];
        for (const tag of tags) expect(tag, rel(page)).toMatch(/\ssrc="\/(chunks|assets)\/[\w-]+\.js"/);
        // No inline script either (MV3 would refuse it anyway).
        expect(html.replace(/<script\b[^>]*><\/script>/gi, ''), rel(page)).not.toMatch(/<script/i);
        for (const [, url] of html.matchAll(/\s(?:src|href)="([^"]*)"/gi)) expect(url, rel(page)).toMatch(/^\//);
      }
    });

    it('no remote code in any bundle: no eval, Function constructor, importScripts, string timers or remote import', () => {
      expect(scripts.length).toBeGreaterThan(0);
      const found: string[] = [];
      for (const file of scripts) {
        const code = read(file);
        const patterns: [string, RegExp][] = [
          ['eval(', /(?<![\w$.])eval\s*\(/g],
          ['new Function', /\bnew\s+Function\b/g],
          ['Function(', /(?<![\w$.])Function\s*\(/g],
          ['importScripts(', /\bimportScripts\s*\(/g],
          ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g],
          ['import() of a non-relative module', /\bimport\s*\(\s*["'`](?![./])/g],
          ['script URL', /["'`](?:https?:)?\/\/[^"'`\s]*\.m?js(?:\?[^"'`]*)?["'`]/g],
          ['document.write', /\bdocument\.write(?:ln)?\s*\(/g],
        ];
        for (const [name, pattern] of patterns) {
          for (const match of code.matchAll(pattern)) {
            found.push(
              `${rel(file)}: ${name} at ${match.index}: ${code.slice(Math.max(0, match.index - 40), match.index + 40)}`,
            );
          }
        }
      }
      expect(found).toEqual([]);
    });

    it('zod is configured jitless wherever it is bundled (it never probes new Function)', () => {
      const withZod = scripts.filter((file) => read(file).includes('_zod'));
      expect(withZod.length).toBeGreaterThan(0);
      for (const file of withZod) expect(read(file), rel(file)).toMatch(/jitless:!0|jitless:true/);
    });

    it('HTML from strings only in Preact (dangerouslySetInnerHTML, which our code never uses)', () => {
      for (const file of scripts) {
        const code = read(file);
        for (const match of code.matchAll(
          /\.(?:innerHTML|outerHTML)\s*=|insertAdjacentHTML\s*\(|createContextualFragment\s*\(/g,
        )) {
          // Preact's only uses: `e.innerHTML = props.dangerouslySetInnerHTML.__html` (minified
          // `.innerHTML=f.__html`) and clearing it again (`.innerHTML=''`).
          const around = code.slice(match.index, match.index + 40);
          expect(around, `${rel(file)} at ${match.index}`).toMatch(/^\.innerHTML=(\w+\.__html|``|""|'')/);
        }
      }
      // The scripts in claude.ai's pages (the watcher and the banner) and the background have none at all.
      const inPageOrBackground = scripts.filter((f) => /(claude-watch|claude-banner|background)\.js$/.test(f));
      expect(inPageOrBackground.length).toBe(3);
      for (const file of inPageOrBackground) {
        expect(read(file), rel(file)).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML/);
      }
    });

    it('every URL written into the bundles is on the allowlist', () => {
      const unexpected = new Set<string>();
      for (const file of scripts) {
        for (const [url] of read(file).matchAll(/https?:\/\/[^\s"'`<>)\\]*/g)) {
          if (!(url in BUNDLE_URLS)) unexpected.add(`${rel(file)}: ${url}`);
        }
      }
      expect([...unexpected]).toEqual([]);
    });
  });
}
