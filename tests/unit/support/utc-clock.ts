/**
 * Clock and date follow the runtime's time zone; tables written for UTC run in UTC: call once at
 * the top of a test file, the zone comes back after it.
 */
import { afterAll, beforeAll } from 'vitest';

export function inUtc(): void {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TZ;
    process.env.TZ = 'UTC';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
}
