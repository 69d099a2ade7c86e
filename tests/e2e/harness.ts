/**
 * What every scenario gets: the browser with the extension, the replay server, and helpers to
 * open claude.ai or the popup. One harness per browser; state is reset between scenarios.
 */
import { type ReplayServer, type ScenarioName, startReplayServer } from '../replay/server.mjs';
import { ExtensionApi } from './drivers/extension-api';
import type { DriverPage, ExtensionBrowser } from './drivers/types';
import { BannerPage } from './pages/banner-page';
import { PopupPage } from './pages/popup-page';

export class Harness<B extends ExtensionBrowser = ExtensionBrowser> {
  private pages: DriverPage[] = [];
  api!: ExtensionApi;

  constructor(
    readonly browser: B,
    readonly server: ReplayServer,
  ) {}

  /** What every suite starts with: a replay server (healthy), the browser `launch` starts against it, a harness. */
  static async start<B extends ExtensionBrowser>(launch: (replayPort: number) => Promise<B>): Promise<Harness<B>> {
    const server = await startReplayServer({ scenario: 'healthy' });
    const harness = new Harness(await launch(server.port), server);
    await harness.init();
    return harness;
  }

  async init(): Promise<void> {
    this.api = new ExtensionApi(await this.browser.extensionPage());
  }

  /** A clean slate: no stored state, the given status scenario, one fresh poll. */
  async reset(scenario: ScenarioName): Promise<void> {
    await Promise.all(this.pages.map((p) => p.close().catch(() => undefined)));
    this.pages = [];
    this.server.setScenario(scenario);
    this.server.setApiBehaviour({ body: '{"ok":true}', contentType: 'application/json' });
    // Drain first: a poll or history fetch the last test started (the popup refreshes stale data
    // when it opens) may still be in flight against the last scenario. Both are single flight, so
    // without this, the refresh below could join that poll and its outcome land on the cleared
    // storage: seen as "no banner within 5 s" on a loaded machine.
    await Promise.all([this.api.refresh(), this.api.send({ type: 'history-refresh' })]);
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

  /** Another page of the extension ("welcome.html"), closed at the next reset. */
  async openPage(file: string): Promise<DriverPage> {
    const page = await this.browser.openPage(file);
    this.pages.push(page);
    return page;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /** Closes the browser and the replay server. */
  async stop(): Promise<void> {
    await this.close();
    await this.server.close();
  }
}
