/**
 * What every scenario gets: the browser with the extension, the replay server, and helpers to
 * open claude.ai or the popup. One harness per browser; state is reset between scenarios.
 */
import type { ReplayServer, ScenarioName } from '../replay/server.mjs';
import { ExtensionApi } from './drivers/extension-api';
import type { DriverPage, ExtensionBrowser } from './drivers/types';
import { BannerPage } from './pages/banner-page';
import { PopupPage } from './pages/popup-page';

export class Harness {
  private pages: DriverPage[] = [];
  api!: ExtensionApi;

  constructor(
    readonly browser: ExtensionBrowser,
    readonly server: ReplayServer,
  ) {}

  async init(): Promise<void> {
    this.api = new ExtensionApi(await this.browser.extensionPage());
  }

  /** A clean slate: no stored state, the given status scenario, one fresh poll. */
  async reset(scenario: ScenarioName): Promise<void> {
    await Promise.all(this.pages.map((p) => p.close().catch(() => undefined)));
    this.pages = [];
    this.server.setScenario(scenario);
    this.server.setApiBehaviour({ body: '{"ok":true}', contentType: 'application/json' });
    await this.api.clearStorage();
    await this.api.refresh();
  }

  /** Switches the status page and polls once, as the alarm would. */
  async statusBecomes(scenario: ScenarioName): Promise<void> {
    this.server.setScenario(scenario);
    await this.api.refresh();
  }

  async openSite(url: string, viewport?: { width: number; height: number }): Promise<BannerPage> {
    const page = await this.browser.newPage();
    this.pages.push(page);
    if (viewport) await page.setViewport(viewport.width, viewport.height);
    const banner = new BannerPage(page);
    await banner.open(url);
    return banner;
  }

  async openPopup(): Promise<PopupPage> {
    const page = await this.browser.openPopup();
    this.pages.push(page);
    return new PopupPage(page);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
