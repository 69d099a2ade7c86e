/**
 * Runs the shared scenario table against the production builds in real browsers, fed by the
 * local Statuspage replay server.
 */
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { type ReplayServer, startReplayServer } from '../replay/server.mjs';
import { launchChromium } from './drivers/chromium';
import { launchFirefox } from './drivers/firefox';
import type { ExtensionBrowser } from './drivers/types';
import { Harness } from './harness';
import { measured, SCENARIOS } from './scenarios';

type Launcher = (server: ReplayServer) => Promise<ExtensionBrowser>;

const DRIVERS: [string, Launcher][] = [
  ['chromium', (server) => launchChromium({ replayPort: server.port })],
  ['firefox', (server) => launchFirefox({ replayPort: server.port })],
];

describe.each(DRIVERS)('%s', (_name, launch) => {
  let server: ReplayServer;
  let harness: Harness;

  beforeAll(async () => {
    server = await startReplayServer({ scenario: 'healthy' });
    harness = new Harness(await launch(server), server);
    await harness.init();
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
    for (const [name, values] of Object.entries(measured)) console.info(`[measure] ${name}: ${values.join(', ')}`);
  });

  describe.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (_title, scenario) => {
    beforeEach(async () => {
      await harness.reset(scenario.status);
    });
    it('behaves as users expect', async () => {
      await scenario.run(harness);
    });
  });
});
