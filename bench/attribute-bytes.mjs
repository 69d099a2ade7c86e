/**
 * Which sources the bytes of a built bundle come from, through its source map. Build with
 * SO_SOURCEMAP=1 first. Usage: node bench/attribute-bytes.mjs .output/chrome-mv3/background.js
 * (FULL=1 lists files instead of packages).
 */
import fs from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';

export function attributeBytes(file, full = false) {
  const code = fs.readFileSync(file, 'utf8');
  const map = new SourceMapConsumer(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
  const lines = code.split('\n');
  const sizes = {};
  let prev = null;
  map.eachMapping((m) => {
    if (prev) {
      const src = prev.source || '(none)';
      const len =
        m.generatedLine === prev.generatedLine
          ? m.generatedColumn - prev.generatedColumn
          : lines[prev.generatedLine - 1].length - prev.generatedColumn;
      const key = full
        ? src
        : src
            .replace(/.*node_modules\//, 'npm:')
            .replace(/^(npm:(@[^/]+\/)?[^/]+).*/, '$1')
            .replace(/^(\.\.\/)+/, '');
      sizes[key] = (sizes[key] || 0) + len;
    }
    prev = m;
  });
  return Object.entries(sizes).sort((a, b) => b[1] - a[1]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [source, bytes] of attributeBytes(process.argv[2], process.env.FULL === '1').slice(0, 30)) {
    console.info(String(bytes).padStart(7), source);
  }
}
