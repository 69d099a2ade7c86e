/**
 * Test set-up and read-back through an extension page, which has the extension's own API in
 * both browsers (`chrome` in Chromium, `browser` in Firefox): storage, badge, messages.
 * Each callback is serialised into the page, so each finds the API object itself.
 */
import type Browser from 'webextension-polyfill';
import type { DriverPage } from './types';

type G = { browser?: Browser.Browser; chrome?: Browser.Browser };

export class ExtensionApi {
  constructor(readonly page: DriverPage) {}

  /** Asks the background for a fresh poll and waits until it is stored. */
  refresh(): Promise<unknown> {
    return this.page.evaluate(async () => {
      const g = globalThis as unknown as G;
      return (g.browser ?? g.chrome)?.runtime.sendMessage({ type: 'refresh' });
    }, null);
  }

  send(message: unknown): Promise<unknown> {
    return this.page.evaluate(async (m) => {
      const g = globalThis as unknown as G;
      return (g.browser ?? g.chrome)?.runtime.sendMessage(m);
    }, message);
  }

  badgeText(): Promise<string> {
    return this.page.evaluate(async () => {
      const g = globalThis as unknown as G;
      return (await (g.browser ?? g.chrome)?.action.getBadgeText({})) ?? '';
    }, null);
  }

  /** The badge's background colour, as #rrggbb (both browsers give it as [r, g, b, a]). */
  badgeColour(): Promise<string> {
    return this.page.evaluate(async () => {
      const g = globalThis as unknown as G;
      const rgba = (await (g.browser ?? g.chrome)?.action.getBadgeBackgroundColor({})) ?? [];
      return `#${[...rgba]
        .slice(0, 3)
        .map((c) => Number(c).toString(16).padStart(2, '0'))
        .join('')}`;
    }, null);
  }

  badgeTitle(): Promise<string> {
    return this.page.evaluate(async () => {
      const g = globalThis as unknown as G;
      return (await (g.browser ?? g.chrome)?.action.getTitle({})) ?? '';
    }, null);
  }

  /** The content scripts the background registered (scripting.registerContentScripts): id and matches. */
  registeredScripts(): Promise<{ id: string; matches: string[]; js: string[]; runAt: string }[]> {
    return this.page.evaluate(async () => {
      const g = globalThis as unknown as G;
      const scripts = (await (g.browser ?? g.chrome)?.scripting.getRegisteredContentScripts()) ?? [];
      return scripts.map((s) => ({
        id: s.id,
        matches: [...(s.matches ?? [])],
        js: [...(s.js ?? [])],
        runAt: String(s.runAt),
      }));
    }, null);
  }

  getStorage(key: string): Promise<unknown> {
    return this.page.evaluate(async (k) => {
      const g = globalThis as unknown as G;
      const all = await (g.browser ?? g.chrome)?.storage.local.get(k);
      return all?.[k] ?? null;
    }, key);
  }

  setStorage(values: Record<string, unknown>): Promise<void> {
    return this.page.evaluate(async (v) => {
      const g = globalThis as unknown as G;
      await (g.browser ?? g.chrome)?.storage.local.set(v);
    }, values);
  }

  /** Local storage and session storage (the model in use, when a site tab was last seen). */
  clearStorage(): Promise<void> {
    return this.page.evaluate(async () => {
      const g = globalThis as unknown as G;
      const storage = (g.browser ?? g.chrome)?.storage;
      await Promise.all([storage?.local.clear(), storage?.session.clear()]);
    }, null);
  }

  /**
   * From now on, notes the address of every page that asks the background for its view
   * (`site-view`). A content script's message reaches every extension page, not only the
   * background; this page listens and never answers.
   */
  recordSiteViews(): Promise<void> {
    return this.page.evaluate(() => {
      const g = globalThis as unknown as G & { __siteViews?: string[] };
      if (g.__siteViews) return;
      const seen: string[] = [];
      g.__siteViews = seen;
      (g.browser ?? g.chrome)?.runtime.onMessage.addListener(
        (message: unknown, sender: Browser.Runtime.MessageSender) => {
          if ((message as { type?: unknown }).type === 'site-view' && sender.tab) seen.push(sender.url ?? '');
          return undefined;
        },
      );
    }, null);
  }

  forgetSiteViews(): Promise<void> {
    return this.page.evaluate(() => {
      (globalThis as unknown as { __siteViews?: string[] }).__siteViews?.splice(0);
    }, null);
  }

  /** How many times the page at `url` has asked for its view since recordSiteViews(). */
  siteViewsFrom(url: string): Promise<number> {
    return this.page.evaluate(
      (u) => ((globalThis as unknown as { __siteViews?: string[] }).__siteViews ?? []).filter((v) => v === u).length,
      url,
    );
  }

  alarms(): Promise<{ name: string; periodInMinutes: number | null }[]> {
    return this.page.evaluate(async () => {
      const g = globalThis as unknown as G;
      const list = (await (g.browser ?? g.chrome)?.alarms.getAll()) ?? [];
      return list.map((a) => ({ name: a.name, periodInMinutes: a.periodInMinutes ?? null }));
    }, null);
  }
}
