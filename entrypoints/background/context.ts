/**
 * What message handlers (messages/handlers.ts) may use of the background: the poll gate, the stores' writers,
 * the page's view. Built once in index.ts; each handler takes only the parts it needs.
 */
import type { Browser } from 'wxt/browser';
import type { MarkerName, PageShape, PageSignal } from '../../core/claude-page/page-facts';
import type { Sender } from '../../core/messages/message-senders';
import type { PageView } from '../../core/messages/messages';
import type { PollReason } from '../../core/polling/poll-gate';
import type { Settings } from '../../core/settings/settings';
import type { SiteId } from '../../core/sites/site-hosts';
import type { SiteView } from '../../core/verdict/site-view';
import type { WriteQueue } from './storage/write-queue';

export interface BackgroundContext {
  poll(reason: PollReason): Promise<void>;
  refreshHistory(force: boolean): Promise<unknown>;
  /** What the site's page shows now: the decision and its words, read from storage at call time. */
  pageView(site: SiteId, modelLabel: string | null): Promise<{ view: PageView; old: boolean }>;
  /** The decision alone: which banner the site's page shows now, without its words. */
  decision(site: SiteId): Promise<SiteView>;
  recordSignal(seen: PageSignal & { site: SiteId; shape?: PageShape }): Promise<boolean>;
  /** What a claude.ai conversation page lacks of the markers the watcher relies on (none: all there). */
  recordMarkers(missing: readonly MarkerName[]): Promise<void>;
  /** The one queue every stored read-modify-write goes through (./write-queue.ts). */
  queue: WriteQueue;
  /** The settings as last applied (in memory). */
  settings(): Settings;
  /** A tab of ours asked for its view: the cadence keeps up while one is open. */
  noteSiteSeen(): Promise<void>;
  /** The model label a claude.ai tab sent: the model in use, for the popup's advice. */
  noteModel(site: SiteId, label: string | null): Promise<void>;
  injectBanner(sender: Browser.runtime.MessageSender): Promise<void>;
  /** Whether the site's pages load the banner script themselves now (./banner/banner-preload.ts). */
  bannerPreloaded(site: SiteId): boolean;
  /** Loads the page reader (entrypoints/claude-read.ts) into the frame that asked. */
  injectReader(sender: Browser.runtime.MessageSender): Promise<void>;
  /** "Tell me when it's back" on or off (./back-watch.ts). */
  backWatch(on: boolean): Promise<void>;
  /** Opens the popup, or popup.html in a tab where the browser cannot (./open-popup.ts). */
  openPopup(): Promise<void>;
  openTab(url: string): Promise<void>;
  /** A gesture token for the page's tab, or null when it asks too often (../banner/gestures.ts). */
  issueGesture(page: PageSender): string | null;
  /** Whether the page sent its tab's live token; used up either way. */
  redeemGesture(page: PageSender, token: string | undefined): boolean;
}

type PageSender = Extract<Sender, { kind: 'page' }>;
