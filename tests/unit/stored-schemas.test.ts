/**
 * A stored item's shape may only change with a new version and a migration: users update with
 * values of the old shape in storage. The JSON Schema of every item in shell/stored-items.ts is recorded
 * per version in tests/fixtures/stored-schemas.json; this test fails when a schema differs from
 * the one recorded for its version, and tells what to do.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { StoredItem } from '../../shell/stored-item';
import * as items from '../../shell/stored-items';

const RECORD_FILE = path.resolve('tests/fixtures/stored-schemas.json');
const RECORD_COMMAND = 'npm run schemas:record';
/** Set by `npm run schemas:record`: adds schemas of versions not yet recorded, never changes one. */
const RECORDING = process.env.SO_RECORD_SCHEMAS === '1';

type Recorded = Record<string, Record<string, unknown>>;

const recorded = JSON.parse(readFileSync(RECORD_FILE, 'utf8')) as Recorded;
const stored = (Object.values(items) as unknown[]).filter(
  (value): value is StoredItem<unknown> => typeof value === 'object' && value !== null && 'schema' in value,
);

function jsonSchema(item: StoredItem<unknown>): unknown {
  return z.toJSONSchema(item.schema);
}

describe('stored item schemas', () => {
  it('finds the stored items', () => {
    expect(stored.map((item) => item.key)).toContain('local:settings');
  });

  for (const item of stored) {
    describe(item.key, () => {
      it(`has a migration to every version after 1 (now ${item.version})`, () => {
        const missing = Array.from({ length: item.version - 1 }, (_, i) => i + 2).filter(
          (v) => typeof item.migrations[v] !== 'function',
        );
        expect(
          missing,
          `${item.key} is version ${item.version} but has no migration to version(s) ${missing.join(', ')}: ` +
            'add migrations[N] (old value -> new shape) in shell/stored-items.ts, with a unit test.',
        ).toEqual([]);
      });

      it(`has the schema recorded for version ${item.version}`, () => {
        const versions = recorded[item.key] ?? {};
        const newest = Math.max(0, ...Object.keys(versions).map(Number));
        expect(
          newest,
          `${item.key}: a schema is recorded for version ${newest}, above the item's version ${item.version}. ` +
            'Versions only go up: users may have that version stored.',
        ).toBeLessThanOrEqual(item.version);
        const now = jsonSchema(item);
        const before = versions[String(item.version)];
        if (before === undefined && RECORDING) {
          recorded[item.key] = { ...versions, [String(item.version)]: now };
          writeFileSync(RECORD_FILE, `${JSON.stringify(recorded, null, 2)}\n`);
          return;
        }
        expect(
          before,
          `${item.key} version ${item.version} has no recorded schema. If this is a new item or a new ` +
            `version (with its migration), record it: ${RECORD_COMMAND}`,
        ).toBeDefined();
        expect(
          now,
          `The schema of ${item.key} changed, but its version is still ${item.version}: stored values of ` +
            `the old shape would fail to parse after an update and be replaced by defaults (user data lost). ` +
            `1. Bump its version to ${item.version + 1} in shell/stored-items.ts. ` +
            `2. Add migrations[${item.version + 1}], turning a version ${item.version} value into the new shape, ` +
            'with a unit test. ' +
            `3. Run ${RECORD_COMMAND} (it adds version ${item.version + 1}, keeps ${item.version}). ` +
            `If the change is only a comment or a name, the JSON Schema is unchanged and this does not fail.`,
        ).toEqual(before);
      });
    });
  }
});
