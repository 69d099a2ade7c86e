/**
 * `node scripts/build-release-fixture.mjs <version> <commit>`: builds an earlier release from git
 * history into tests/fixtures/releases/<version>/ (the Chrome and Firefox zips, each with its
 * SHA-256), so the update test (tests/e2e/update.test.ts) installs exactly what users had, and CI
 * needs neither git history nor a network. The commit is exported with `git archive` into a
 * temporary directory and built with this checkout's node_modules.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [version, commit] = process.argv.slice(2);
if (!version || !commit) {
  console.error('usage: node scripts/build-release-fixture.mjs <version> <commit>');
  process.exit(2);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
}

const root = process.cwd();
const work = mkdtempSync(path.join(os.tmpdir(), `so-release-${version}-`));
try {
  const tar = path.join(work, 'source.tar');
  run('git', ['archive', '--format=tar', '-o', tar, commit]);
  const src = path.join(work, 'src');
  mkdirSync(src);
  run('tar', ['-xf', tar, '-C', src]);
  const built = JSON.parse(readFileSync(path.join(src, 'package.json'), 'utf8')).version;
  if (built !== version) throw new Error(`${commit} is version ${built}, not ${version}`);
  symlinkSync(path.join(root, 'node_modules'), path.join(src, 'node_modules'), 'dir');
  const wxt = path.join(root, 'node_modules', '.bin', 'wxt');
  const env = { ...process.env, SO_OUT_DIR: '.output' };
  run(wxt, ['prepare'], { cwd: src, env });
  run(wxt, ['zip', '-b', 'chrome'], { cwd: src, env });
  run(wxt, ['zip', '-b', 'firefox', '--mv3'], { cwd: src, env });

  const target = path.join(root, 'tests', 'fixtures', 'releases', version);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const out = path.join(src, '.output');
  for (const name of readdirSync(out).filter((n) => /-(chrome|firefox)\.zip$/.test(n))) {
    copyFileSync(path.join(out, name), path.join(target, name));
    const sum = createHash('sha256')
      .update(readFileSync(path.join(target, name)))
      .digest('hex');
    writeFileSync(path.join(target, `${name}.sha256`), `${sum}  ${name}\n`);
    console.info(`${path.relative(root, path.join(target, name))}  ${sum}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
