/**
 * Runs the shared scenario table against the production builds in real browsers, fed by the
 * local Statuspage replay server.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchChromium } from './drivers/chromium';
import { launchFirefox } from './drivers/firefox';
import type { ExtensionBrowser } from './drivers/types';
import { Harness } from './harness';
import { measured, SCENARIOS } from './scenarios';
import { LOOK_SCENARIOS } from './scenarios-look';
import { PAGE_SCENARIOS } from './scenarios-page';

type Launcher = (replayPort: number) => Promise<ExtensionBrowser>;

const DRIVERS: [string, Launcher][] = [
  ['chromium', (replayPort) => launchChromium({ replayPort })],
  ['firefox', (replayPort) => launchFirefox({ replayPort })],
];

describe.each(DRIVERS)('%s', (_name, launch) => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.start(launch);
  });

  afterAll(async () => {
    await harness?.stop();
    for (const [name, values] of Object.entries(measured)) console.info(`[measure] ${name}: ${values.join(', ')}`);
  });

  // Each test is titled by its scenario, so a failure names the case.
  for (const scenario of [...SCENARIOS, ...LOOK_SCENARIOS, ...PAGE_SCENARIOS]) {
    it(scenario.name, async () => {
      await harness.reset(scenario.status);
      await scenario.run(harness);
    });
  }
});
