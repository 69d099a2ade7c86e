/**
 * Firefox lets users withhold an extension's host permissions (about:addons). With the status
 * origins withheld, the popup must say so and offer to ask for them, instead of failing silently.
 * Chromium cannot withhold the host permissions a manifest requires, so this runs in Firefox only.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Browser from 'webextension-polyfill';
import { STATUS_ORIGINS } from '../../core/status-page/sources';
import { launchFirefox } from './drivers/firefox';
import { Harness } from './harness';
import { until } from './support';

let harness: Harness;

describe('withheld host permissions (firefox)', () => {
  beforeAll(async () => {
    harness = await Harness.start((replayPort) => launchFirefox({ replayPort }));
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('the popup says access is missing and offers to ask for it; the failure is recorded as such', async () => {
    await harness.reset('healthy');
    const origins = STATUS_ORIGINS.map((origin) => `${origin}/*`);
    const removed = await harness.api.page.evaluate(
      (o) => (globalThis as unknown as { browser: Browser.Browser }).browser.permissions.remove({ origins: o }),
      origins,
    );
    expect(removed).toBe(true);
    await harness.api.refresh();
    const status = (await harness.api.getStorage('status')) as { health: { lastErrorKind: string | null } };
    expect(status.health.lastErrorKind).toBe('permission');
    const popup = await harness.openPopup();
    const notice = await until(
      async () => (await popup.query('[data-testid="permission"]'))[0] ?? null,
      5_000,
      'the permission notice',
    );
    expect(notice.attrs.role).toBe('alert');
    expect((await popup.query('[data-testid="permission"] button')).length).toBe(1);
  });
});
