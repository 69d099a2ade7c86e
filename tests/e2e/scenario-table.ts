/**
 * Runs the shared scenario table against the production build in one real browser, fed by the
 * local Statuspage replay server. extension-chromium.test.ts and extension-firefox.test.ts each
 * run it in theirs, so the two browsers' halves can run side by side.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { ExtensionBrowser } from './drivers/types';
import { Harness } from './harness';
import { measured, SCENARIOS } from './scenarios';
import { LOOK_SCENARIOS } from './scenarios-look';
import { PAGE_SCENARIOS } from './scenarios-page';
import { STORY_SCENARIOS } from './scenarios-story';

export function runScenarioTable(name: string, launch: (replayPort: number) => Promise<ExtensionBrowser>): void {
  describe(name, () => {
    let harness: Harness;

    beforeAll(async () => {
      harness = await Harness.start(launch);
    });

    afterAll(async () => {
      await harness?.stop();
      for (const [what, values] of Object.entries(measured)) console.info(`[measure] ${what}: ${values.join(', ')}`);
    });

    // Each test is titled by its scenario, so a failure names the case.
    for (const scenario of [...SCENARIOS, ...LOOK_SCENARIOS, ...STORY_SCENARIOS, ...PAGE_SCENARIOS]) {
      it(scenario.name, async () => {
        await harness.reset(scenario.status);
        await scenario.run(harness);
      });
    }
  });
}
