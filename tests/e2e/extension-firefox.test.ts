/** The scenario table (tests/e2e/scenarios.ts) in real Firefox. */
import { launchFirefox } from './drivers/firefox';
import { runScenarioTable } from './scenario-table';

runScenarioTable('firefox', (replayPort) => launchFirefox({ replayPort }));
