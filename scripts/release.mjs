/**
 * `npm run release -- <version>`: makes a release ready for the stores.
 *
 * 1. Refuses unless the version is x.y.z and not below the current one, the git tree is clean,
 *    and CHANGELOG.md's "Unreleased" section says what changed.
 * 2. Runs `npm test` (every check the project has); stops on any failure.
 * 3. Sets the version in its one place, package.json (`npm version`, which keeps
 *    package-lock.json in step; the manifests take it from there), and turns "Unreleased" into
 *    the version's section, dated today.
 * 4. Builds the Chrome, Firefox and Edge packages and the sources zip (what AMO reviewers build
 *    from) into .output/release/<version>/, each with its SHA-256 beside it (`NAME.sha256`, the
 *    format `sha256sum -c` reads), and all of them in SHA256SUMS.
 * It commits and tags nothing: that, and the uploads, are the maintainer's (docs/store/README.md).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createJiti } from 'jiti';

// changelog.ts is TypeScript; jiti loads it on any Node (Node 20 runs no .ts by itself).
const { releaseChangelog } = await createJiti(import.meta.url).import('./changelog.ts');

const version = process.argv[2];

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  console.info(`\n=== ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed`);
}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;
if (!version || !SEMVER.test(version)) fail('usage: npm run release -- <x.y.z>');
const current = JSON.parse(readFileSync('package.json', 'utf8')).version;
const parts = (v) => v.match(SEMVER).slice(1).map(Number);
const [a, b] = [parts(version), parts(current)];
const order = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
if (order < 0) fail(`${version} is below the current version ${current}`);

const status = spawnSync('git', ['status', '--porcelain'], { encoding: 'utf8' });
if (status.status !== 0) fail('not a git checkout');
if (status.stdout.trim() !== '') fail(`the tree is not clean; commit or stash first:\n${status.stdout}`);

const today = new Date().toISOString().slice(0, 10);
// Checked now, written only after the tests pass.
const changelog = releaseChangelog(readFileSync('CHANGELOG.md', 'utf8'), version, today);
if (typeof changelog !== 'string') fail(changelog.error);

run('npm', ['test']);

run('npm', ['version', version, '--no-git-tag-version', '--allow-same-version']);
writeFileSync('CHANGELOG.md', changelog);

const outDir = path.resolve('.output');
const releaseDir = path.join(outDir, 'release', version);
rmSync(releaseDir, { recursive: true, force: true });
const wxt = path.join('node_modules', '.bin', 'wxt');
const env = { ...process.env, SO_OUT_DIR: outDir };
// Store builds: never the test-only switches.
delete env.SO_TEST_BUILD;
delete env.SO_SOURCEMAP;
run(wxt, ['zip', '-b', 'chrome'], { env });
run(wxt, ['zip', '-b', 'firefox', '--mv3'], { env });
run(wxt, ['zip', '-b', 'edge'], { env });

mkdirSync(releaseDir, { recursive: true });
const expected = ['chrome', 'firefox', 'edge', 'sources'].map((kind) => `claude-status-overlay-${version}-${kind}.zip`);
const sums = [];
for (const name of expected) {
  if (!readdirSync(outDir).includes(name)) fail(`${name} was not built`);
  copyFileSync(path.join(outDir, name), path.join(releaseDir, name));
  const sum = createHash('sha256')
    .update(readFileSync(path.join(releaseDir, name)))
    .digest('hex');
  writeFileSync(path.join(releaseDir, `${name}.sha256`), `${sum}  ${name}\n`);
  sums.push(`${sum}  ${name}`);
}
writeFileSync(path.join(releaseDir, 'SHA256SUMS'), `${sums.join('\n')}\n`);

console.info(`\nRelease ${version} in ${path.relative(process.cwd(), releaseDir)}/:`);
for (const line of sums) console.info(`  ${line}`);
console.info(`
Next (docs/store/README.md):
  git commit -am "Release ${version}" && git tag v${version}
  Chrome Web Store: the chrome zip; addons.mozilla.org: the firefox zip and the sources zip;
  Edge Add-ons: the edge zip. Listing texts, screenshots and privacy policy: docs/store/.`);
