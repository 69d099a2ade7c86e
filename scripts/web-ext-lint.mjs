/**
 * `web-ext lint` on the Firefox build: no errors, and no warning but the ones README explains
 * (each caused by a library line, listed here with the reason it is safe).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const SOURCE_DIR = `${process.env.SO_OUT_DIR ?? '.output'}/firefox-mv3`;

/** Known warnings from libraries, by code and file: see README, "web-ext lint". */
const EXPLAINED = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // Vite names the chunk that holds Preact after one of its modules; the marker below is Preact's.
    file: /^chunks\/[\w-]+\.js$/,
    marker: 'dangerouslySetInnerHTML',
    why: "Preact's renderer implements dangerouslySetInnerHTML; our code never uses it (biome forbids it).",
  },
];

const run = spawnSync(
  path.join('node_modules', '.bin', 'web-ext'),
  ['lint', '--source-dir', SOURCE_DIR, '--output', 'json', '--no-config-discovery'],
  { encoding: 'utf8' },
);
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(run.stdout, run.stderr);
  process.exit(1);
}
const problems = [...report.errors, ...report.warnings];
let bad = 0;
for (const p of problems) {
  const explained = EXPLAINED.find(
    (e) =>
      e.code === p.code &&
      e.file.test(p.file ?? '') &&
      readFileSync(path.join(SOURCE_DIR, p.file), 'utf8').includes(e.marker),
  );
  const tag = explained ? 'explained' : p._type;
  if (!explained) bad++;
  console.info(
    `  ${tag}: ${p.code} ${p.file ?? ''}:${p.line ?? ''} ${p.message}${explained ? ` (${explained.why})` : ''}`,
  );
}
console.info(
  `web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings (${report.summary.warnings - bad + report.summary.errors > 0 ? 'explained ones listed above' : 'none'}), ${report.summary.notices} notices`,
);
process.exit(bad === 0 ? 0 : 1);
