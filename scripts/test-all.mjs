/**
 * `npm test`: every check the project has, in one run, ending with one line `N passed, N failed`
 * summed over all suites. Each tool step (type check, lint, build, web-ext lint) counts as one
 * test; vitest's unit and e2e projects count their own tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createJiti } from 'jiti';

// vitest-report.ts is TypeScript; jiti loads it on any Node (Node 20 runs no .ts by itself).
const { failedTests } = await createJiti(import.meta.url).import('./vitest-report.ts');

const results = [];
/** Failed tests by name, repeated in the summary: CI shows only the tail of the output. */
const failures = [];
let passed = 0;
let failed = 0;

function step(name, command, args, options = {}) {
  const started = Date.now();
  console.info(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const run = spawnSync(command, args, { stdio: 'inherit', shell: false, ...options });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = run.status === 0;
  results.push({ name, ok, seconds });
  return ok;
}

function count(ok) {
  if (ok) passed++;
  else failed++;
}

const bin = (name) => path.join('node_modules', '.bin', name);

count(step('browsers', 'bash', ['scripts/ensure-browsers.sh']));
count(step('typecheck', bin('tsc'), ['--noEmit', '-p', '.']));
count(step('lint', bin('biome'), ['check', '--error-on-warnings', '.']));
const built =
  step('build', 'npm', ['run', '--silent', 'build']) &&
  // The e2e test build: notifications granted, a few timings shortened (core/time/test-build.ts).
  step('build (test build)', bin('wxt'), ['build', '-b', 'chrome'], {
    env: { ...process.env, SO_OUT_DIR: '.output-test', SO_TEST_BUILD: '1' },
  });
count(built);
if (built) count(step('web-ext lint', 'node', ['scripts/web-ext-lint.mjs']));
else count(false);

const reportDir = 'test-results';
mkdirSync(reportDir, { recursive: true });

/** Runs one vitest project with a JSON report and adds its counts. Projects run one after the
 * other so the real-browser suites do not compete with the unit suites for the two cores. */
function vitestProject(project) {
  const report = path.join(reportDir, `vitest-${project}.json`);
  rmSync(report, { force: true });
  step(`vitest ${project}`, bin('vitest'), [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) {
    console.error(`vitest ${project} wrote no report`);
    failed++;
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  failures.push(...failedTests(json, process.cwd()));
  passed += json.numPassedTests;
  // A suite that failed to load has no failed test but does fail the run: count it once.
  failed += json.numFailedTests + (json.success === false && json.numFailedTests === 0 ? 1 : 0);
  if (json.numPendingTests + json.numTodoTests > 0) {
    console.error(`vitest ${project}: ${json.numPendingTests + json.numTodoTests} skipped tests`);
    failed++;
  }
  console.info(`vitest ${project}: ${json.numPassedTests} passed, ${json.numFailedTests} failed`);
}

vitestProject('unit');
if (built) vitestProject('e2e');
else failed++;

console.info('\nSteps:');
for (const r of results) console.info(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds} s)`);
if (failures.length > 0) {
  console.info('\nFailed tests:');
  for (const failure of failures) console.info(`  ${failure}`);
}
console.info(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
