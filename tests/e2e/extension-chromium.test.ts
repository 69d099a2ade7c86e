/** The scenario table (tests/e2e/scenarios.ts) in real Chromium. */
import { launchChromium } from './drivers/chromium';
import { runScenarioTable } from './scenario-table';

runScenarioTable('chromium', (replayPort) => launchChromium({ replayPort }));
