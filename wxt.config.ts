import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { GECKO_ID } from './core/release/extension-ids';
import { SITE_HOSTS } from './core/sites/site-hosts';
import { STATUS_ORIGINS } from './core/status-page/sources';

// Host permissions: the two status origins and, for the banner, the sites it runs on.
// Nothing else: no `tabs`, no `<all_urls>` (tests/unit/audit.test.ts checks the build).
const SITE_MATCHES = Object.keys(SITE_HOSTS).map((host) => `https://${host}/*`);

/** The e2e test build (core/time/test-build.ts says what differs). */
const BUILDING_FOR_TESTS = process.env.SO_TEST_BUILD === '1';

/**
 * WXT wraps every unlisted script (the always-on watcher, the banner) in a module that catches a
 * crash at start-up only to log it in development builds, yet keeps its log strings in production:
 * about 140 B gzip of the watcher's 3,000 B budget (docs/benchmarks.md). This swaps that wrapper
 * (node_modules/wxt/dist/virtual/unlisted-script-entrypoint.mjs in WXT 0.21.4) for the same steps
 * without the logging: plugins first, then the script's main().
 */
const UNLISTED_WRAPPER = '\0virtual:wxt-unlisted-script-entrypoint?';
const leanUnlistedWrapper = {
  name: 'status-overlay:lean-unlisted-wrapper',
  transform(_code: string, id: string) {
    if (!id.startsWith(UNLISTED_WRAPPER)) return null;
    const entry = JSON.stringify(id.slice(UNLISTED_WRAPPER.length));
    return `import definition from ${entry};\nimport { initPlugins } from 'virtual:wxt-plugins';\ninitPlugins();\nexport default definition.main();\n`;
  },
};

type ModuleInfoOf = (
  id: string,
) => { isEntry: boolean; importers: readonly string[]; dynamicImporters: readonly string[] } | null;

/**
 * One chunk for everything two extension pages share (popup, options, welcome), rather than one
 * chunk per set of pages that share it: each extra file the popup loads costs its own gzip
 * header and context, about 350 B of the popup's 30 KB budget once the welcome page shares
 * a different set of modules than the options page does (docs/benchmarks.md).
 */
function sharedChunk(id: string, { getModuleInfo }: { getModuleInfo: ModuleInfoOf }): string | undefined {
  const entries = new Set<string>();
  const seen = new Set<string>();
  const walk = (moduleId: string) => {
    if (seen.has(moduleId) || entries.size > 1) return;
    seen.add(moduleId);
    const info = getModuleInfo(moduleId);
    if (!info) return;
    if (info.isEntry) entries.add(moduleId);
    for (const importer of [...info.importers, ...info.dynamicImporters]) walk(importer);
  };
  walk(id);
  return entries.size > 1 && !getModuleInfo(id)?.isEntry ? 'shared' : undefined;
}

/** Applies sharedChunk to the build that splits code (the extension pages), not to single-file builds. */
const sharedPagesChunk = {
  name: 'status-overlay:shared-pages-chunk',
  outputOptions(options: { codeSplitting?: boolean; inlineDynamicImports?: boolean; manualChunks?: unknown }) {
    if (options.codeSplitting === false || options.inlineDynamicImports) return null;
    return { ...options, manualChunks: sharedChunk };
  },
};

export default defineConfig({
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  // Tests and helpers may build elsewhere (SO_OUT_DIR) so parallel builds do not clobber each other.
  outDir: process.env.SO_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // webRequest observes (never blocks, never reads bodies) claude.ai's own API requests, and only
    // on claude.ai: Chrome fires it only for hosts in host_permissions (README, "Permissions").
    permissions: [
      'alarms',
      'storage',
      'webRequest',
      // The banner's view is injected into a claude.ai tab only when a banner is due.
      'scripting',
      // Test build only (core/time/test-build.ts): a headless browser cannot answer the
      // permission prompt, so that build has the optional permission granted at install.
      ...(BUILDING_FOR_TESTS ? ['notifications'] : []),
    ],
    // Asked for only when the user turns notifications on in the options.
    optional_permissions: ['notifications'],
    host_permissions: [...STATUS_ORIGINS.map((origin) => `${origin}/*`), ...SITE_MATCHES],
    action: { default_title: '__MSG_extName__' },
    // The always-on part in the two sites' pages: an unlisted script (entrypoints/claude-watch.ts
    // says why it is not a WXT content script). The banner's view is injected only when due.
    // document_start: it asks whether a banner is due while the page still loads, so that a
    // stored incident's banner is drawn with the page (issue #29, docs/benchmarks.md); it watches
    // the page from DOMContentLoaded on.
    content_scripts: [{ matches: SITE_MATCHES, js: ['claude-watch.js'], run_at: 'document_start' }],
    // CSS light-dark() in the banner and pages (see vite.build.cssTarget below).
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '123' }),
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 is the first desktop Firefox that knows data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android learned data_collection_permissions in 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    // Reviewers get what builds the extension, nothing else (no logs, no build output).
    includeSources: [
      'core/**',
      'shell/**',
      'entrypoints/**',
      'components/**',
      'public/**',
      'scripts/make-icons.py',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'biome.json',
      'README.md',
    ],
  },
  vite: () => ({
    plugins: [preact(), leanUnlistedWrapper, sharedPagesChunk],
    // A literal, so that every other build drops the test build's values (core/time/test-build.ts).
    define: { __SO_TEST_BUILD__: JSON.stringify(BUILDING_FOR_TESTS) },
    build: {
      sourcemap: process.env.SO_SOURCEMAP === '1',
      // Browsers that know CSS light-dark() (Chrome 123, Firefox 120): no down-levelled copies.
      cssTarget: ['chrome123', 'firefox120'],
      // Every browser we support (Chrome 123, Firefox 140) preloads modules itself: Vite's
      // polyfill would be dead code in each page, about 150 B gzip of the popup's budget.
      modulePreload: { polyfill: false },
      // Constants imported from another module (a time unit, a test-build switch) become their
      // value where they are used, as if written there: no variable per constant in the bundle.
      rolldownOptions: { optimization: { inlineConst: { mode: 'all', pass: 2 } } },
    },
  }),
});
