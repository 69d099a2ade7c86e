/**
 * What a built bundle is made of, through its source map (SO_SOURCEMAP=1 builds): per package
 * (npm:NAME) or own source file, the minified bytes and an estimate of its gzip bytes.
 *
 * The estimate: each source's code is gzipped alone, then all are scaled so they add up to the
 * file's real gzip size (gzip shares back-references across sources, so the alone sizes add up
 * to more than the file). It is roughly what removing that source would save.
 * Same mapping walk as bench/attribute-bytes.mjs, which lists raw bytes only.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

/** @param {string} source */
function keyOf(source) {
  return source
    .replace(/.*node_modules\//, 'npm:')
    .replace(/^(npm:(@[^/]+\/)?[^/]+).*/, '$1')
    .replace(/^(\.\.\/)+/, '');
}

/**
 * @param {string} file a built .js with its .map beside it
 * @returns {{ file: string, raw: number, gzip: number, sources: { source: string, raw: number, gzipAlone: number, gzipShare: number }[] } | null}
 */
export function breakdown(file) {
  if (!fs.existsSync(`${file}.map`)) return null;
  const code = fs.readFileSync(file, 'utf8').replace(/\n?\/\/# sourceMappingURL=[^\n]*\n?$/, '');
  const map = new SourceMapConsumer(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
  const lines = code.split('\n');
  /** @type {Map<string, string[]>} */
  const pieces = new Map();
  /** @type {{ generatedLine: number, generatedColumn: number, source: string | null } | null} */
  let prev = null;
  const take = (from, toLine, toColumn) => {
    const line = lines[from.generatedLine - 1] ?? '';
    const text =
      toLine === from.generatedLine ? line.slice(from.generatedColumn, toColumn) : line.slice(from.generatedColumn);
    const key = from.source ? keyOf(from.source) : '(none)';
    const list = pieces.get(key) ?? [];
    list.push(text);
    pieces.set(key, list);
  };
  map.eachMapping((m) => {
    if (prev) take(prev, m.generatedLine, m.generatedColumn);
    prev = { generatedLine: m.generatedLine, generatedColumn: m.generatedColumn, source: m.source };
  });
  if (prev) take(prev, -1, 0);
  const raw = Buffer.byteLength(code);
  const gzip = zlib.gzipSync(code, { level: 9 }).length;
  const rows = [...pieces.entries()].map(([source, list]) => {
    const text = list.join('');
    return { source, raw: Buffer.byteLength(text), gzipAlone: zlib.gzipSync(text, { level: 9 }).length };
  });
  const aloneTotal = rows.reduce((sum, r) => sum + r.gzipAlone, 0);
  return {
    file,
    raw,
    gzip,
    sources: rows
      .map((r) => ({ ...r, gzipShare: Math.round((r.gzipAlone * gzip) / aloneTotal) }))
      .sort((a, b) => b.gzipShare - a.gzipShare),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = breakdown(process.argv[2] ?? '');
  if (!result) {
    console.error('no source map: build with SO_SOURCEMAP=1');
    process.exit(1);
  }
  console.info(`${result.file}: ${result.raw} B, ${result.gzip} B gzip -9`);
  console.info('    raw  gzip alone  est. share  source');
  for (const r of result.sources.slice(0, 25)) {
    console.info(
      `${String(r.raw).padStart(7)}  ${String(r.gzipAlone).padStart(10)}  ${String(r.gzipShare).padStart(10)}  ${r.source}`,
    );
  }
}
