/** Page object for the toolbar popup, opened as an extension page. */
import type { DriverPage } from '../drivers/types';
import { until } from './banner-page';
import { type DeepElement, deepClick, deepQueryAll } from './deep-query';

export class PopupPage {
  constructor(readonly page: DriverPage) {}

  query(selector: string): Promise<DeepElement[]> {
    return this.page.evaluate(deepQueryAll, selector);
  }

  async services(): Promise<{ id: string; name: string; state: string }[]> {
    const rows = await this.query('.so-service');
    return rows.map((r) => ({
      id: r.attrs['data-service-id'] ?? '',
      name: (r.text.split('\n')[1] ?? r.text).trim(),
      state: r.attrs['data-state'] ?? '',
    }));
  }

  async waitForServices(count: number, timeoutMs = 5_000) {
    return until(
      async () => {
        const rows = await this.services();
        return rows.length >= count ? rows : null;
      },
      timeoutMs,
      `${count} services in the popup`,
    );
  }

  async overall(): Promise<string> {
    return (await this.query('[data-testid="overall"]'))[0]?.text.trim() ?? '';
  }

  async headerKind(): Promise<string> {
    return (await this.query('.so-header'))[0]?.attrs['data-kind'] ?? '';
  }

  async unreachable(): Promise<string | null> {
    return (await this.query('[data-testid="unreachable"]'))[0]?.text.trim() ?? null;
  }

  async clickRefresh(): Promise<void> {
    await this.page.evaluate(deepClick, '.so-refresh');
  }
}
