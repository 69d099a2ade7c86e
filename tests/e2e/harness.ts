/**
 * What every scenario gets: the browser with the extension, the replay server, and helpers to
 * open claude.ai or the popup. One harness per browser; state is reset between scenarios.
 */
import type { PageView } from '../../core/messages/messages';
import { siteIdForHost } from '../../core/sites/site-hosts';
import { type ReplayServer, type ScenarioName, startReplayServer } from '../replay/server';
import { ExtensionApi } from './drivers/extension-api';
import type { DriverPage, ExtensionBrowser } from './drivers/types';
import { BannerPage } from './pages/banner-page';
import { PopupPage } from './pages/popup-page';
import { until } from './support';

export class Harness<B extends ExtensionBrowser = ExtensionBrowser> {
  private pages: DriverPage[] = [];
  /** Per banner page, how many view requests from its address had been seen before (watcherAnswered). */
  private answered = new WeakMap<BannerPage, number>();
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
    await this.api.recordSiteViews();
  }

  /**
   * Waits until the page's watcher has asked the background for its view (after it opened) and
   * the background has answered: an event to wait for instead of a time, before checking that
   * nothing was added. The page's answer is not visible from here, so the background is asked the
   * same question once the page's request has arrived; it answers after the page's (both note the
   * tab through the one write queue, the page's first). Gives that answer: the decision the page
   * got, whose banner (if any) the background injects before it answers the page.
   */
  async watcherAnswered(page: BannerPage): Promise<PageView> {
    const url = await page.page.evaluate(() => location.href, null);
    if (!this.answered.has(page)) throw new Error('watcherAnswered needs a page opened with openSite');
    const site = siteIdForHost(new URL(url).hostname);
    if (!site) throw new Error(`${url} is not a site the extension watches`);
    const before = this.answered.get(page) ?? 0;
    const now = await until(
      async () => {
        const count = await this.api.siteViewsFrom(url);
        return count > before ? count : null;
      },
      5_000,
      `${url} to ask for its view`,
    );
    this.answered.set(page, now);
    return (await this.api.send({ type: 'site-view', site, model: null, bannerLoaded: true })) as PageView;
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
    await this.api.forgetSiteViews();
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
    this.answered.set(banner, await this.api.siteViewsFrom(new URL(url).href));
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
