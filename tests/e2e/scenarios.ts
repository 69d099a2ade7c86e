/**
 * The one table of user-visible scenarios, run in real Chromium and real Firefox alike
 * (tests/e2e/extension-chromium.test.ts and extension-firefox.test.ts). Each starts from a clean
 * profile state and one poll of the given status scenario.
 */
import { expect } from 'vitest';
import { LAYOUT_SELECTORS } from '../../core/claude-page/page-facts';
import type { ScenarioName } from '../replay/server';
import { loadFixture, OTHER_SITE } from '../replay/server';
import { type ChromiumExtensionBrowser, driverPage } from './drivers/chromium';
import type { Harness } from './harness';
import { BannerPage } from './pages/banner-page';
import { type ScriptCall, traceScriptCalls } from './pages/extension-tasks';
import { changeSettings, sleep, until } from './support';

export const CLAUDE_AI = 'https://claude.ai/chat/3f1c2a7e-0d4b-4c8e-9a51-6b2f0e7d9c14';
export const PLATFORM = 'https://platform.claude.com/workbench';

/** How long the content script is given to (wrongly) add something on a healthy page. */
const SETTLE_MS = 1_500;

export interface Scenario {
  name: string;
  status: ScenarioName;
  run(h: Harness): Promise<void>;
}

/** Figures worth reporting (not asserted on: timings are measured by `npm run bench`). */
export const measured: Record<string, number[]> = {};

export function record(name: string, value: number): void {
  const list = measured[name] ?? [];
  list.push(value);
  measured[name] = list;
}

const CAPACITY =
  'Due to unexpected capacity constraints, Claude is unable to respond to your message. Please try again soon.';
const LOG_529 = 'HTTP 529 Overloaded\n{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}';

/** What the extension stored about page signals (kinds only). */
async function storedKinds(h: Harness): Promise<string[]> {
  const signals = (await h.api.getStorage('signals')) as { detections: { kind: string }[] } | undefined;
  return (signals?.detections ?? []).map((d) => d.kind);
}

/** The content script's calls longer than 16 ms of CPU time, and how many calls it made in all. */
export function extensionCalls(calls: ScriptCall[]): { count: number; long: ScriptCall[]; longestMs: number } {
  const own = calls.filter((c) => /^(?:chrome|moz)-extension:\/\//.test(c.url));
  return {
    count: own.length,
    long: own.filter((c) => c.cpuMs > 16),
    longestMs: Math.max(0, ...own.map((c) => c.cpuMs)),
  };
}

/** claude-ai-partial, with its incident renamed to name models only (claude.ai itself not down). */
export function modelIncident(name: string): string {
  const summary = JSON.parse(loadFixture('claude-ai-partial'));
  summary.incidents[0].name = name;
  for (const update of summary.incidents[0].incident_updates)
    update.body = 'We are currently investigating this issue.';
  for (const component of summary.components) component.status = 'operational';
  return JSON.stringify(summary);
}

export interface IncidentVariant {
  name: string;
  impact?: string;
  /** Component ids the incident lists; the page shows them in `state`, every other one operational. */
  components?: string[];
  state?: string;
}

/**
 * claude-ai-partial with its incident as the real page posts others: a title, an impact, the
 * components it lists (or none: title only) and their state.
 */
function incidentVariant(variant: IncidentVariant): string {
  const summary = JSON.parse(loadFixture('claude-ai-partial'));
  const incident = summary.incidents[0];
  const listed = variant.components ?? [];
  incident.name = variant.name;
  incident.impact = variant.impact ?? incident.impact;
  for (const component of summary.components) {
    component.status = listed.includes(component.id) ? (variant.state ?? 'degraded_performance') : 'operational';
  }
  incident.components = summary.components.filter((c: { id: string }) => listed.includes(c.id));
  for (const update of incident.incident_updates) {
    update.body = 'We are currently investigating this issue.';
    update.affected_components = null;
  }
  return JSON.stringify(summary);
}

export async function serveIncident(h: Harness, variant: IncidentVariant): Promise<void> {
  h.server.setBehaviour('primary', { body: incidentVariant(variant), contentType: 'application/json' });
  await h.api.refresh();
}

const CLAUDE_AI_COMPONENT = 'rwppv331jlwc';

/** Serves a model-naming incident, polls, and opens claude.ai with `model` selected; the banner is up. */
export async function openWithModelIncident(
  h: Harness,
  incident: string,
  model: string,
  viewport?: { width: number; height: number },
) {
  h.server.setBehaviour('primary', { body: modelIncident(incident), contentType: 'application/json' });
  await h.api.refresh();
  const page = await h.openSite(`${CLAUDE_AI}?model=${encodeURIComponent(model)}`, viewport);
  await page.waitForBanner();
  return page;
}

/**
 * Ten minutes pass without a successful check (three intervals make data stale), then every check fails.
 * The status page goes down first: the alarm's poll, due as soon as the last attempt reads ten
 * minutes old, could otherwise start against the old scenario, succeed, and write a fresh state
 * over the stale one (seen once in CI as "!!" instead of "?"). Every poll from then on fails and
 * keeps the stale success time.
 */
export async function statusPageGone(h: Harness): Promise<void> {
  await h.statusBecomes('all-down');
  const status = (await h.api.getStorage('status')) as { health: Record<string, unknown> };
  const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
  await h.api.setStorage({
    status: { ...status, health: { ...status.health, lastSuccessAt: tenMinutesAgo, lastAttemptAt: tenMinutesAgo } },
  });
  await h.api.refresh();
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'healthy: no badge text and no element added to claude.ai',
    status: 'healthy',
    async run(h) {
      expect(await h.api.badgeText()).toBe('');
      const page = await h.openSite(CLAUDE_AI);
      expect((await h.watcherAnswered(page)).text).toBeNull();
      expect(await page.hostCount()).toBe(0);
    },
  },
  {
    name: 'claude.ai partial outage: badge, banner with the incident name and its link',
    status: 'claude-ai-partial',
    async run(h) {
      expect(await h.api.badgeText()).toBe('!!');
      expect(await h.api.badgeTitle()).toContain('claude.ai');
      const page = await h.openSite(CLAUDE_AI);
      const banner = await page.waitForBanner();
      expect(banner.attrs.role).toBe('alert');
      expect(await page.title()).toBe('Elevated errors on claude.ai');
      const link = await page.incidentLink();
      expect(link?.attrs.href).toMatch(/^https:\/\/stspg\.io\/\w+$/);
      expect(link?.attrs.target).toBe('_blank');
      expect(link?.attrs.rel).toContain('noopener');
      expect(await page.alternatives()).toContain('workbench');
    },
  },
  {
    name: 'Cowork-only incident: badge shows it, no banner on claude.ai, no "instead of claude.ai" alternatives in the popup',
    status: 'cowork-only',
    async run(h) {
      expect(await h.api.badgeText()).toBe('!');
      const page = await h.openSite(CLAUDE_AI);
      expect((await h.watcherAnswered(page)).text).toBeNull();
      expect(await page.hostCount()).toBe(0);
      const popup = await h.openPopup();
      await popup.waitForServices(6);
      expect(await popup.overall()).toBe('Degraded performance: Claude Cowork');
      expect(await popup.query('[data-testid="alternatives"]')).toEqual([]);
      expect((await popup.alternatives()).chat).toEqual([]);
    },
  },
  {
    name: "capacity error on a green status page: badge, tooltip and popup header say so, with the banner's alternatives",
    status: 'healthy',
    async run(h) {
      expect(await h.api.badgeText()).toBe('');
      const page = await h.openSite(CLAUDE_AI);
      await page.hook('__insertCapacityNotice');
      await page.waitForKind('capacity', 1_000);
      expect(await page.label()).toBe('Over capacity');
      expect(await page.alternativesLabel()).toBe('You could try:');
      const offered = await page.alternatives();
      expect(offered.length).toBeGreaterThan(0);
      await until(async () => ((await h.api.badgeText()) !== '' ? true : null), 5_000, 'a badge');
      expect(await h.api.badgeText()).toBe('CAP');
      expect(await h.api.badgeTitle()).toContain(
        "claude.ai is over capacity for you; the status page doesn't list capacity limits",
      );
      const popup = await h.openPopup();
      await popup.waitForServices(6);
      expect(await popup.headerKind()).toBe('capacity');
      const overall = await popup.overall();
      expect(overall).not.toBe('All systems operational');
      expect(overall).toBe("claude.ai is over capacity for you; the status page doesn't list capacity limits");
      // The same alternatives as the banner lead the popup's list.
      const listed = await popup.alternatives();
      expect(listed.chat.slice(0, offered.length)).toEqual(offered);
    },
  },
  {
    name: 'capacity error text inserted after load on a healthy day: banner within a second',
    status: 'healthy',
    async run(h) {
      const page = await h.openSite(CLAUDE_AI);
      expect((await h.watcherAnswered(page)).text).toBeNull();
      expect(await page.hostCount()).toBe(0);
      // Someone typing: the banner must not take the focus away.
      await page.page.evaluate((box) => {
        document.querySelector<HTMLElement>(box)?.focus();
      }, LAYOUT_SELECTORS.messageBox);
      const started = Date.now();
      await page.insertCapacityError();
      await page.waitForBanner(1_000);
      record(`${h.browser.name}: capacity text -> banner (ms)`, Date.now() - started);
      expect(await page.title()).toBe('Claude is over capacity right now');
      expect(
        await page.page.evaluate((box) => document.activeElement?.matches(box) ?? false, LAYOUT_SELECTORS.messageBox),
      ).toBe(true);
      const signals = (await h.api.getStorage('signals')) as { detections: { site: string; kind: string }[] };
      expect(signals.detections.map((d) => `${d.site} ${d.kind}`)).toEqual(['claude-ai capacity']);
      // Only the fact and the time are stored, never page text.
      expect(JSON.stringify(signals)).not.toContain('capacity constraints');
    },
  },
  {
    name: "text that only quotes claude.ai's errors raises nothing: composer, user message, a paragraph of a longer reply, a 529 log in code, a usage-limit notice",
    status: 'healthy',
    async run(h) {
      const page = await h.openSite(CLAUDE_AI);
      await page.hook('__typeInComposer', CAPACITY);
      await page.hook('__sendUserMessage', `Why do I keep getting "${CAPACITY}"?`);
      await page.hook('__sendUserMessage', CAPACITY);
      await page.hook('__insertReply', [
        'That is claude.ai telling you it is busy. The message reads:',
        CAPACITY,
        'It is load management, not your account.',
      ]);
      await page.hook('__insertReply', ['Your log shows the API was overloaded:'], LOG_529);
      await page.hook('__insertUsageLimit');
      // The page is read in order: once claude.ai's retry notice, added after all that, has its
      // banner, all that was read, and raised nothing (a capacity signal would outrank the retry).
      await page.hook('__insertRetryNotice');
      await page.waitForKind('retry');
      expect(await storedKinds(h)).toEqual(['retry']);
      // The watcher is alive: claude.ai's own notice after all that is seen.
      await page.hook('__insertCapacityNotice');
      await page.waitForKind('capacity', 1_000);
    },
  },
  {
    name: 'the capacity error as a notice of its own in the conversation: the capacity banner within a second',
    status: 'healthy',
    async run(h) {
      const page = await h.openSite(CLAUDE_AI);
      expect((await h.watcherAnswered(page)).text).toBeNull();
      const started = Date.now();
      await page.hook('__insertCapacityNotice');
      await page.waitForBanner(1_000);
      record(`${h.browser.name}: capacity notice -> banner (ms)`, Date.now() - started);
      expect(await page.kind()).toBe('capacity');
      expect(await page.role()).toBe('alert');
    },
  },
  {
    name: "claude.ai's outage screen while the status page is green: an alert with the error code",
    status: 'healthy',
    async run(h) {
      const page = await h.openSite(CLAUDE_AI);
      expect((await h.watcherAnswered(page)).text).toBeNull();
      await page.hook('__showOutageScreen', '1034YMZ');
      await page.waitForKind('outage-screen', 1_000);
      expect(await page.role()).toBe('alert');
      expect(await page.title()).toBe('claude.ai says it is down right now');
      expect(await page.text('banner-error-code')).toBe('Error code claude.ai showed: 1034YMZ');
      expect(await page.alternatives()).toContain('workbench');
      expect(await storedKinds(h)).toEqual(['outage-screen']);
    },
  },
  {
    name: "a 3,000-message conversation quoting the error, with 529 logs in code, then a 5,000-line code block: no capacity banner, the scan reaches the end (claude.ai's retry notice there), no long task from the extension",
    status: 'healthy',
    async run(h) {
      const url = `${CLAUDE_AI}?messages=3000&retry=end`;
      if (h.browser.name !== 'chromium') {
        const page = await h.openSite(url);
        await page.waitForKind('retry', 10_000);
        expect(await page.role()).toBe('status');
        expect(await storedKinds(h)).toEqual(['retry']);
        return;
      }
      const { context } = h.browser as unknown as ChromiumExtensionBrowser;
      const { calls, page } = await traceScriptCalls(context, async (tab) => {
        const banner = new BannerPage(driverPage(tab));
        await banner.open(url);
        await banner.waitForKind('retry', 10_000);
        // A reply with a 5,000-line highlighted code block full of the words, added after load.
        await banner.hook('__insertCodeReply', 5_000);
        await sleep(SETTLE_MS);
        // A task of the page's own, to show the trace sees long tasks and tells whose they are: 60 ms
        // of the page's clock, so that it reads as at least 40 ms in the trace's whatever the two
        // clocks' grain (it once read under 40 in a clean-clone run).
        await banner.hook('__busy', 60);
      });
      try {
        expect(await storedKinds(h)).toEqual(['retry']);
        const own = extensionCalls(calls);
        record('chromium: longest content-script call on a 3,000-message conversation (ms CPU)', own.longestMs);
        record('chromium: content-script calls during that load', own.count);
        // The trace saw the content script at work, and saw the page's own 40 ms task as long.
        expect(own.count).toBeGreaterThan(0);
        expect(calls.some((c) => c.url.startsWith('https://claude.ai/') && c.wallMs >= 40)).toBe(true);
        expect(own.long).toEqual([]);
      } finally {
        await page.close();
      }
    },
  },
  {
    name: 'the popup lists every service of the status page in order',
    status: 'claude-ai-partial',
    async run(h) {
      const popup = await h.openPopup();
      const services = await popup.waitForServices(6);
      expect(services.map((s) => s.id)).toEqual([
        'rwppv331jlwc',
        '0qbwn08sd68x',
        'k8w3r06qmzrp',
        'yyzkbfz2thpt',
        'bpp5gb3hpjcl',
        '0scnb50nvy53',
      ]);
      expect(services[0]?.state).toBe('partial_outage');
      expect(await popup.overall()).toBe('Partial outage: claude.ai');
    },
  },
  {
    name: 'badge text follows the state from poll to poll',
    status: 'healthy',
    async run(h) {
      const seen: string[] = [await h.api.badgeText()];
      for (const scenario of ['cowork-only', 'claude-ai-partial', 'major-outage', 'maintenance', 'healthy'] as const) {
        await h.statusBecomes(scenario);
        seen.push(await h.api.badgeText());
      }
      expect(seen).toEqual(['', '!', '!!', '!!!', 'M', '']);
    },
  },
  {
    name: 'challenged primary with a healthy fallback: fresh data from the fallback',
    status: 'challenged-primary',
    async run(h) {
      const status = (await h.api.getStorage('status')) as {
        snapshot: { services: unknown[] } | null;
        health: { source: string; lastSuccessAt: string | null; failingSince: string | null };
      };
      expect(status.health.source).toBe('fallback');
      expect(status.health.failingSince).toBeNull();
      expect(Date.now() - Date.parse(status.health.lastSuccessAt ?? '')).toBeLessThan(60_000);
      expect(status.snapshot?.services).toHaveLength(6);
      expect(await h.api.badgeText()).toBe('');
    },
  },
  {
    name: 'everything down: grey stale badge while the popup keeps the last good services',
    status: 'claude-ai-partial',
    async run(h) {
      await statusPageGone(h);
      expect(await h.api.badgeText()).toBe('?');
      const popup = await h.openPopup();
      const services = await popup.waitForServices(6);
      expect(services[0]?.state).toBe('partial_outage');
      expect(await popup.headerKind()).toBe('stale');
      expect(await popup.unreachable()).toMatch(/Status page unreachable since .+ showing the last known state/);
    },
  },
  {
    name: "while a banner is due on claude.ai its script is registered to load with claude.ai's pages (issue #29), the banner comes with the page, and once healthy again nothing is registered",
    status: 'claude-ai-partial',
    async run(h) {
      const preload = {
        id: 'banner-preload',
        matches: ['https://claude.ai/*'],
        js: ['claude-banner.js'],
        runAt: 'document_start',
      };
      await until(
        async () => ((await h.api.registeredScripts()).length > 0 ? true : null),
        5_000,
        'the banner script to be registered',
      );
      expect(await h.api.registeredScripts()).toEqual([preload]);
      // A page loaded a second later runs it: its banner needs no injection.
      await sleep(1_100);
      const page = await h.openSite(CLAUDE_AI);
      await page.waitForBanner();
      expect(await page.title()).toBe('Elevated errors on claude.ai');
      await h.statusBecomes('healthy');
      await until(
        async () => ((await h.api.registeredScripts()).length === 0 ? true : null),
        5_000,
        'the banner script to be unregistered',
      );
      await page.waitForNoBanner();
    },
  },
  {
    name: 'dismissed banner stays away after a reload, and comes back when the incident gets worse',
    status: 'claude-ai-partial',
    async run(h) {
      const page = await h.openSite(CLAUDE_AI);
      await page.waitForBanner();
      await page.dismiss();
      await page.waitForNoBanner();
      await page.page.reload();
      await sleep(SETTLE_MS);
      expect(await page.hostCount()).toBe(0);
      const worse = JSON.parse(loadFixture('claude-ai-partial'));
      worse.incidents[0].impact = 'critical';
      h.server.setBehaviour('primary', { body: JSON.stringify(worse), contentType: 'application/json' });
      await h.api.refresh();
      await page.waitForBanner();
      expect(await page.title()).toBe('Elevated errors on claude.ai');
    },
  },
  {
    name: 'API incident: banner on platform.claude.com, none on claude.ai',
    status: 'api-outage',
    async run(h) {
      const platform = await h.openSite(PLATFORM);
      await platform.waitForBanner();
      expect(await platform.title()).toBe('Elevated errors on the Claude API');
      // The Workbench is where they are: it is never offered there.
      expect(await platform.alternatives()).not.toContain('workbench');
      const chat = await h.openSite(CLAUDE_AI);
      expect((await h.watcherAnswered(chat)).text).toBeNull();
      expect(await chat.hostCount()).toBe(0);
    },
  },
  {
    name: 'API down too: the banner offers Bedrock, not the Workbench',
    status: 'major-outage',
    async run(h) {
      const page = await h.openSite(CLAUDE_AI);
      await page.waitForBanner();
      const alternatives = await page.alternatives();
      expect(alternatives).toContain('bedrock');
      expect(alternatives).not.toContain('workbench');
      expect(alternatives).not.toContain('typingmind');
    },
  },
  {
    name: 'at 360 px wide the banner covers neither the message box nor the send button',
    status: 'claude-ai-partial',
    async run(h) {
      const page = await h.openSite(CLAUDE_AI, { width: 360, height: 740 });
      await page.waitForBanner();
      const [banner, box, send] = await page.rects([
        '.so-banner',
        LAYOUT_SELECTORS.messageBox,
        LAYOUT_SELECTORS.sendButton,
      ]);
      expect(banner).not.toBeNull();
      for (const target of [box, send]) {
        expect(target).not.toBeNull();
        if (!banner || !target) continue;
        const overlaps =
          banner.left < target.right &&
          target.left < banner.right &&
          banner.top < target.bottom &&
          target.top < banner.bottom;
        expect(overlaps).toBe(false);
      }
      expect(banner && banner.right - banner.left).toBeLessThanOrEqual(360);
    },
  },
  {
    name: 'an incident naming Opus, with Opus selected: banner suggests switching model',
    status: 'healthy',
    async run(h) {
      const page = await openWithModelIncident(h, 'Elevated errors on Claude Opus 4.6', 'Opus 4.6');
      expect(await page.role()).toBe('alert');
      expect(await page.text('banner-models')).toContain('Opus 4.6');
      expect(await page.text('banner-switch-model')).toBe('Switch to Sonnet 4.6 in the model menu.');
    },
  },
  {
    name: 'the same incident with Sonnet selected: the informational banner says so plainly',
    status: 'healthy',
    async run(h) {
      const page = await openWithModelIncident(h, 'Elevated errors on Claude Opus 4.6', 'Sonnet 4.6');
      expect(await page.role()).toBe('status');
      expect(await page.text('banner-models')).toBe(
        'Your model, Sonnet 4.6, is not named: this incident is about Opus 4.6.',
      );
      // Switching to the affected model in the page turns it into advice.
      await page.setModel('Opus 4.6');
      await until(async () => ((await page.role()) === 'alert' ? true : null), 3_000, 'the alert style');
      expect(await page.text('banner-switch-model')).toContain('Sonnet 4.6');
    },
  },
  {
    name: 'an Opus 4.6 incident with claude.ai degraded (as the page marks it): informational on Sonnet 4.6, alert with the switch on Opus 4.6',
    status: 'healthy',
    async run(h) {
      await serveIncident(h, { name: 'Elevated errors on Claude Opus 4.6', components: [CLAUDE_AI_COMPONENT] });
      const page = await h.openSite(`${CLAUDE_AI}?model=${encodeURIComponent('Sonnet 4.6')}`);
      await page.waitForBanner();
      expect(await page.role()).toBe('status');
      expect(await page.text('banner-models')).toBe(
        'Your model, Sonnet 4.6, is not named: this incident is about Opus 4.6.',
      );
      await page.setModel('Opus 4.6');
      await until(async () => ((await page.role()) === 'alert' ? true : null), 3_000, 'the alert style');
      expect(await page.text('banner-switch-model')).toBe('Switch to Sonnet 4.6 in the model menu.');
    },
  },
  {
    name: 'the fast mode of Opus 4.6 named, the page on ordinary Opus 4.6: informational, and it says so',
    status: 'healthy',
    async run(h) {
      await serveIncident(h, { name: 'Elevated errors on Opus 4.6 Fast Mode', components: [CLAUDE_AI_COMPONENT] });
      const page = await h.openSite(`${CLAUDE_AI}?model=${encodeURIComponent('Opus 4.6')}`);
      await page.waitForBanner();
      expect(await page.role()).toBe('status');
      expect(await page.text('banner-models')).toBe(
        'Your model, Opus 4.6, is not named: this incident is about Opus 4.6 Fast mode.',
      );
    },
  },
  {
    name: 'a title-only "API and claude.ai" incident (no components listed): banner on platform.claude.com',
    status: 'healthy',
    async run(h) {
      await serveIncident(h, { name: 'Elevated error rates on API and claude.ai' });
      const platform = await h.openSite(PLATFORM);
      await platform.waitForBanner();
      expect(await platform.title()).toBe('Elevated error rates on API and claude.ai');
      expect(await platform.role()).toBe('alert');
    },
  },
  {
    name: 'an incident about no product: no banner on either site, still in the badge and the popup',
    status: 'healthy',
    async run(h) {
      await serveIncident(h, { name: 'Unauthorized post from @AnthropicAI X.com account', impact: 'minor' });
      expect(await h.api.badgeText()).toBe('!');
      const chat = await h.openSite(CLAUDE_AI);
      const platform = await h.openSite(PLATFORM);
      expect((await h.watcherAnswered(chat)).text).toBeNull();
      expect((await h.watcherAnswered(platform)).text).toBeNull();
      expect(await chat.hostCount()).toBe(0);
      expect(await platform.hostCount()).toBe(0);
      const popup = await h.openPopup();
      await popup.waitForServices(6);
      expect((await popup.incidents()).map((i) => i.name)).toEqual([
        'Unauthorized post from @AnthropicAI X.com account',
      ]);
    },
  },
  {
    name: 'a Vertex-only incident: no banner on claude.ai; the popup lists it and offers alternatives only once claude.ai fails, never Vertex',
    status: 'healthy',
    async run(h) {
      await serveIncident(h, { name: 'Opus in Vertex Complete Outage', impact: 'major' });
      const chat = await h.openSite(CLAUDE_AI);
      expect((await h.watcherAnswered(chat)).text).toBeNull();
      expect(await chat.hostCount()).toBe(0);
      const popup = await h.openPopup();
      await popup.waitForServices(6);
      expect((await popup.incidents()).map((i) => i.name)).toEqual(['Opus in Vertex Complete Outage']);
      expect(await popup.query('[data-testid="alternatives"]')).toEqual([]);
      // claude.ai over capacity meanwhile: now alternatives help, and Vertex is not one of them.
      await chat.hook('__insertCapacityNotice');
      await chat.waitForKind('capacity');
      const alternatives = await until(
        async () => {
          const found = await popup.alternatives();
          return found.affected ? found : null;
        },
        5_000,
        'the alternatives',
      );
      expect(alternatives.affected).toBe('Also affected, not recommended now: Google Vertex AI');
      expect(alternatives.chat).toContain('bedrock');
      expect(alternatives.chat).not.toContain('vertex');
    },
  },
  {
    name: 'a resolution seen only in incidents.json clears the banner while summary.json still lists the incident',
    status: 'claude-ai-partial',
    async run(h) {
      const page = await h.openSite(CLAUDE_AI);
      await page.waitForBanner();
      const incident = JSON.parse(loadFixture('claude-ai-partial')).incidents[0];
      const resolved = { ...incident, status: 'resolved', resolved_at: new Date().toISOString() };
      h.server.setIncidentsBehaviour('primary', {
        body: JSON.stringify({ page: { id: 'tymt9n04zgry', name: 'Claude' }, incidents: [resolved] }),
        contentType: 'application/json',
      });
      // Five minutes since the last check (the one after the first poll), as the alarm would find it.
      const before = (await h.api.getStorage('resolutions')) as Record<string, unknown>;
      await h.api.setStorage({
        resolutions: { ...before, checkedAt: new Date(Date.now() - 5 * 60_000).toISOString() },
      });
      await h.api.refresh();
      await page.waitForNoBanner();
      expect(await h.api.badgeText()).toBe('');
      // summary.json still lists it: the stored snapshot is what the page served.
      const status = (await h.api.getStorage('status')) as { snapshot: { incidents: { id: string }[] } };
      expect(status.snapshot.incidents.map((i) => i.id)).toEqual([incident.id]);
    },
  },
  {
    name: '"many models": no model advice',
    status: 'healthy',
    async run(h) {
      const page = await openWithModelIncident(h, 'Elevated errors across many models', 'Opus 4.6');
      expect(await page.title()).toBe('Elevated errors across many models');
      expect(await page.text('banner-models')).toBeNull();
    },
  },
  {
    name: "claude.ai's own requests fail (529, 500) while the status page is healthy: banner, then it clears on success",
    status: 'healthy',
    async run(h) {
      const page = await h.openSite(CLAUDE_AI);
      h.server.setApiBehaviour({ status: 529 });
      expect(await page.sendCompletion()).toBe(529);
      h.server.setApiBehaviour({ status: 500 });
      const second = Date.now();
      expect(await page.sendCompletion()).toBe(500);
      await page.waitForKind('failing', 5_000);
      record(`${h.browser.name}: second failed request -> banner (ms)`, Date.now() - second);
      expect(await page.title()).toBe('claude.ai is failing for you right now');
      expect(await page.alternatives()).toContain('workbench');
      // The popup counts them, since the status page does not show them yet.
      const popup = await h.openPopup();
      await until(
        async () =>
          (await popup.query('[data-testid="failures-note"]'))[0]?.attrs['data-count'] === '2' ? true : null,
        5_000,
        'the popup to count 2 failed requests',
      );
      h.server.setApiBehaviour({ body: '{"ok":true}', contentType: 'application/json' });
      expect(await page.sendCompletion()).toBe(200);
      await page.waitForNoBanner(5_000);
    },
  },
  {
    name: 'claude.ai and the status page both unreachable: a quiet "looks local" note, no alternatives',
    status: 'healthy',
    async run(h) {
      const page = await h.openSite(CLAUDE_AI);
      h.server.setBehaviour('primary', { reset: true });
      h.server.setBehaviour('fallback', { reset: true });
      h.server.setApiBehaviour({ reset: true });
      expect(await page.sendCompletion()).toBe('network-error');
      expect(await page.sendCompletion()).toBe('network-error');
      // The next status poll fails with connection errors too (the alarm's poll, made now).
      await h.api.refresh();
      await page.waitForKind('connection', 5_000);
      expect(await page.role()).toBe('status');
      expect(await page.alternatives()).toEqual([]);
    },
  },
  {
    name: "claude.ai's own navigation (history.pushState) keeps one banner, still up to date",
    status: 'claude-ai-partial',
    async run(h) {
      const page = await h.openSite(CLAUDE_AI);
      await page.waitForBanner();
      await page.page.evaluate(() => {
        history.pushState({}, '', '/chat/another-conversation');
      }, null);
      await h.statusBecomes('major-outage');
      await until(async () => ((await page.title()).includes('Claude Code') ? true : null), 5_000, 'the new incident');
      expect(await page.hostCount()).toBe(1);
    },
  },
  {
    name: 'the popup shows the models an incident names as chips beside the affected services',
    status: 'many-models',
    async run(h) {
      const popup = await h.openPopup();
      await popup.waitForServices(6);
      const chips = await popup.query('[data-testid="incident-models"] .so-chip');
      expect(chips.map((c) => c.text.trim())).toEqual(['Sonnet 4.0', 'Sonnet 4.5', 'Opus 4.5']);
    },
  },
  {
    name: 'maintenance in progress on the Console: an informational banner on platform.claude.com only',
    status: 'maintenance',
    async run(h) {
      expect(await h.api.badgeText()).toBe('M');
      const platform = await h.openSite(PLATFORM);
      await platform.waitForBanner();
      expect(await platform.role()).toBe('status');
      expect(await platform.kind()).toBe('maintenance');
      // The label says it is maintenance; the title is the work's own name, said once.
      expect(await platform.label()).toBe('Maintenance in progress');
      expect(await platform.title()).toBe('Scheduled maintenance on Claude Console');
      expect((await platform.incidentLink())?.text.trim()).toBe('Maintenance details');
      expect(await platform.alternatives()).toEqual([]);
      const chat = await h.openSite(CLAUDE_AI);
      expect((await h.watcherAnswered(chat)).text).toBeNull();
      expect(await chat.hostCount()).toBe(0);
    },
  },
  {
    name: "another site framing claude.ai's API address, answered 4xx, does not clear the 'failing for you' banner",
    status: 'healthy',
    async run(h) {
      const page = await h.openSite(CLAUDE_AI);
      h.server.setApiBehaviour({ status: 529 });
      expect(await page.sendCompletion()).toBe(529);
      expect(await page.sendCompletion()).toBe(529);
      await page.waitForKind('failing', 5_000);
      h.server.setApiBehaviour({ status: 404 });
      const other = await h.openSite(`https://${OTHER_SITE}/frames-claude-api`);
      await until(
        async () => ((await other.page.evaluate(() => document.title, null)) === 'framed' ? true : null),
        5_000,
        'the frame to load',
      );
      // Given the time a page's answer takes to reach the banner (a success clears it within a second)...
      await sleep(SETTLE_MS);
      const failures = (await h.api.getStorage('failures')) as { lastCompletionSuccessAt: number | null } | null;
      expect(failures?.lastCompletionSuccessAt).toBeNull();
      expect(await page.kind()).toBe('failing');
      // ...while the page's own success does clear it.
      h.server.setApiBehaviour({ body: '{"ok":true}', contentType: 'application/json' });
      expect(await page.sendCompletion()).toBe(200);
      await page.waitForNoBanner(5_000);
    },
  },
  {
    name: 'a claude.ai document that another site frames: its failing requests do not count (issue #28)',
    status: 'healthy',
    async run(h) {
      const page = await h.openSite(CLAUDE_AI);
      h.server.setApiBehaviour({ status: 529 });
      h.server.resetLog();
      const other = await h.openSite(`https://${OTHER_SITE}/frames-claude-page`);
      await until(
        async () => ((await other.page.evaluate(() => document.title, null)) === 'fetched' ? true : null),
        5_000,
        'the framed claude.ai document to make its requests',
      );
      const framed = h.server.requests.filter((r) => r.host === 'claude.ai' && r.path.endsWith('/completion'));
      expect(framed.map((r) => r.status)).toEqual([529, 529]);
      expect(await page.kind()).toBeNull();
      // The same two failures of the page's own do raise it. The background folds request outcomes
      // in the order they come, the framed ones first: had those counted, the failure log written
      // for the banner would have begun with them, before the page's own were sent.
      const ownFrom = Date.now();
      expect(await page.sendCompletion()).toBe(529);
      expect(await page.sendCompletion()).toBe(529);
      await page.waitForKind('failing', 5_000);
      const log = await until(
        async () => (await h.api.getStorage('failures')) as { firstFailureAt: number | null } | null,
        5_000,
        'the failures to be stored',
      );
      expect(log.firstFailureAt).toBeGreaterThanOrEqual(ownFrom);
    },
  },
  {
    name: 'the status origin redirects to another site: its answer is not stored as the status',
    status: 'healthy',
    async run(h) {
      h.server.setBehaviour('primary', { redirect: `https://${OTHER_SITE}/api/v2/summary.json` });
      await h.api.refresh();
      const status = (await h.api.getStorage('status')) as {
        snapshot: { severity: string } | null;
        health: { source: string | null };
      };
      expect(h.server.requests.some((r) => r.host === OTHER_SITE && r.path === '/api/v2/summary.json')).toBe(true);
      // The fallback answered (healthy), not the other site's major outage.
      expect(status.health.source).toBe('fallback');
      expect(status.snapshot?.severity).toBe('operational');
      expect(await h.api.badgeText()).toBe('');
    },
  },
  {
    name: "a page script's click on the banner's dismiss button is not saved; the user's click is",
    status: 'claude-ai-partial',
    async run(h) {
      const page = await h.openSite(CLAUDE_AI);
      await page.waitForBanner();
      expect(await page.scriptedClick('.so-dismiss')).toBe(true);
      await sleep(SETTLE_MS);
      expect(await page.hostCount()).toBe(1);
      expect(await h.api.getStorage('dismissals')).toBeNull();
      await page.dismiss();
      await page.waitForNoBanner();
      await until(
        async () => ((await h.api.getStorage('dismissals')) ? true : null),
        5_000,
        'the dismissal to be stored',
      );
    },
  },
  {
    name: "a person's click on a banner alternative opens it in a tab, through a gesture token; a page script's click opens nothing (issue #28)",
    status: 'claude-ai-partial',
    async run(h) {
      // The user's own alternative, on a host the replay server answers: the tab a person's click
      // on it opens is the sign that the clicks before it were handled.
      const mine = `https://${OTHER_SITE}/mine`;
      await changeSettings(h.api, { alternatives: [{ id: 'u-mine', name: 'Mine', url: mine }] });
      const page = await h.openSite(CLAUDE_AI);
      await page.waitFor('[data-alternative="u-mine"]');
      const tabsAt = async (url: string) => (await h.browser.tabs()).filter((tab) => tab.url.startsWith(url)).length;
      const workbench = '[data-alternative="workbench"]';
      const workbenchUrl = 'https://platform.claude.com/workbench';
      expect(await page.scriptedClick(workbench)).toBe(true);
      // A person's click after the script's, on another link, asks the background the same way:
      // once its tab is open, the script's click was handled too, and opened nothing.
      await page.click('[data-alternative="u-mine"]');
      await until(async () => ((await tabsAt(mine)) > 0 ? true : null), 10_000, "the user's alternative to open");
      expect(await tabsAt(workbenchUrl)).toBe(0);
      await page.click(workbench);
      await until(
        async () => ((await tabsAt(workbenchUrl)) > 0 ? true : null),
        10_000,
        'the workbench to open in a tab',
      );
    },
  },
  {
    name: 'the page hears nothing from the extension on a healthy day, and a forged WXT start event does not stop the watcher',
    status: 'healthy',
    async run(h) {
      const page = await h.openSite(CLAUDE_AI);
      expect((await h.watcherAnswered(page)).text).toBeNull();
      expect(await page.page.evaluate(() => (window as unknown as { __heard: string[] }).__heard, null)).toEqual([]);
      expect(await page.hostCount()).toBe(0);
      // What WXT's content-script wrapper listens for to stop an older copy of itself.
      await page.page.evaluate(() => {
        const detail = { contentScriptName: 'claude-watch', messageId: 'forged' };
        window.postMessage({ type: 'wxt:content-script-started', ...detail }, '*');
        window.dispatchEvent(new CustomEvent('wxt:content-script-started', { detail }));
      }, null);
      await sleep(200);
      await page.insertCapacityError();
      await page.waitForKind('capacity', 5_000);
    },
  },
];
