import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          // Plain Node: the core and background tests need no DOM. A test that does (views, the
          // watcher, the banner) says so in its first lines: `@vitest-environment happy-dom`.
          environment: 'node',
          // Vitest's default is one worker fewer than the cores: on two cores the files ran one
          // after another. Two workers keep both cores busy.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Two suites at a time, each with its own browser, replay server and profile: a suite
          // spends most of its time waiting on its browser (about half a core), so two fill the
          // two cores without starving each other, and every wait is for an event, not a time.
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
