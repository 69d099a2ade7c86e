/** The welcome page opens on install only (entrypoints/background/pages/welcome.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { openWelcomeOnInstall } from '../../entrypoints/background/pages/welcome';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('openWelcomeOnInstall', () => {
  it('opens the welcome page in a new tab on install', () => {
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    openWelcomeOnInstall({ reason: 'install' } as never);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]?.[0].url).toMatch(/\/welcome\.html$/);
  });

  it.each(['update', 'browser_update', 'chrome_update', 'shared_module_update'] as const)(
    'opens nothing on %s',
    (reason) => {
      const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
      openWelcomeOnInstall({ reason } as never);
      expect(create).not.toHaveBeenCalled();
    },
  );
});
