/**
 * Issue #27, "one story": the badge's tooltip, the popup and the banner tell the same story in the
 * states where they told three. Run in real Chromium and real Firefox alike (tests/e2e/extension.test.ts).
 */
import { expect } from 'vitest';
import { SERVICE_IDS } from '../../core/status-page/services';
import { loadFixture } from '../replay/server';
import type { Harness } from './harness';
import type { PopupPage } from './pages/popup-page';
import { CLAUDE_AI, PLATFORM, type Scenario, serveIncident, statusPageGone } from './scenarios';
import { until } from './support';

const { claudeAi, console: consoleId, api, code, cowork } = SERVICE_IDS;

/** The first element's text in the popup, or null. */
async function popupText(popup: PopupPage, testId: string): Promise<string | null> {
  return (await popup.query(`[data-testid="${testId}"]`))[0]?.text.trim() ?? null;
}

/** Waits until the popup says `expected` at `testId`. */
function popupSays(popup: PopupPage, testId: string, expected: string): Promise<true> {
  return until(
    async () => ((await popupText(popup, testId)) === expected ? true : null),
    5_000,
    `the popup to say "${expected}"`,
  );
}

/** claude.ai with `model` selected, its banner up. */
async function claudeOn(h: Harness, model: string) {
  const page = await h.openSite(`${CLAUDE_AI}?model=${encodeURIComponent(model)}`);
  await page.waitForBanner();
  return page;
}

const DAY_MS = 86_400_000;

/**
 * The recorded incidents.json (its newest resolution an hour ago) and two copies of that fortnight,
 * 15 and 30 days earlier: six resolved major claude.ai incidents, like claude-ai-partial's.
 */
function threeFortnights(): string {
  const recorded = JSON.parse(loadFixture('incidents')) as { incidents: Record<string, unknown>[] };
  const back = (iso: unknown, days: number) =>
    typeof iso === 'string' ? new Date(Date.parse(iso) - days * DAY_MS).toISOString() : iso;
  const copies = [0, 15, 30].flatMap((days) =>
    recorded.incidents.map((incident) => ({
      ...incident,
      id: days === 0 ? incident.id : `${incident.id}-${days}`,
      created_at: back(incident.created_at, days),
      started_at: back(incident.started_at, days),
      updated_at: back(incident.updated_at, days),
      resolved_at: back(incident.resolved_at, days),
    })),
  );
  return JSON.stringify({ ...recorded, incidents: copies });
}

export const STORY_SCENARIOS: Scenario[] = [
  {
    name: 'item 1: an Opus 4.6 incident, claude.ai on Sonnet 4.6: the popup gives the banner’s advice, and follows the page to Opus 4.6',
    status: 'healthy',
    async run(h) {
      // As the page marks it: claude.ai degraded along with the model incident.
      await serveIncident(h, { name: 'Elevated errors on Claude Opus 4.6', components: [claudeAi] });
      const page = await claudeOn(h, 'Sonnet 4.6');
      expect(await page.role()).toBe('status');
      expect(await page.text('banner-models')).toBe(
        'Your model, Sonnet 4.6, is not named: this incident is about Opus 4.6.',
      );
      const popup = await h.openPopup();
      await popup.waitForServices(6);
      // The same advice, not "switch to Sonnet 4.6" (the page is on it), and nowhere else to go.
      expect(await popupText(popup, 'advice-claude-ai-model')).toBe(
        'claude.ai: your model, Sonnet 4.6, is not named: this incident is about Opus 4.6.',
      );
      expect(await popup.query('[data-testid="alternatives"]')).toEqual([]);
      expect((await popup.query('[data-testid="service-advice"]'))[0]?.text).not.toContain('alternatives');
      // The page switches to the named model: the banner alerts, and the popup follows it.
      await page.setModel('Opus 4.6');
      await until(async () => ((await page.role()) === 'alert' ? true : null), 5_000, 'the alert style');
      expect(await page.text('banner-switch-model')).toBe('Switch to Sonnet 4.6 in the model menu.');
      await popupSays(popup, 'advice-claude-ai-model', 'claude.ai: switch to Sonnet 4.6 in the model menu.');
      const offered = await page.alternatives();
      const listed = await until(
        async () => {
          const found = await popup.alternatives();
          return found.chat.length > 0 ? found : null;
        },
        5_000,
        "claude.ai's alternatives in the popup",
      );
      expect(listed.chat.slice(0, offered.length)).toEqual(offered);
    },
  },
  {
    name: 'item 2: the status page unreachable after an incident: badge tooltip, popup header and banner say the last known state and since when it is unknown, never "working normally"',
    status: 'claude-ai-partial',
    async run(h) {
      await statusPageGone(h);
      expect(await h.api.badgeText()).toBe('?');
      const [, headline, lastKnown, ...rest] = (await h.api.badgeTitle()).split('\n');
      expect(headline).toMatch(/^Status unknown since \S.*: the status page could not be checked$/);
      expect(lastKnown).toBe('Last known: Partial outage: claude.ai');
      const tooltip = await h.api.badgeTitle();
      expect(tooltip).not.toContain('Working normally');
      expect(tooltip.match(/Status unknown/g)).toHaveLength(1);
      expect(rest.at(-1)).toMatch(/^Last checked: /);

      const popup = await h.openPopup();
      await popup.waitForServices(6);
      expect(await popup.headerKind()).toBe('stale');
      expect(await popup.overall()).toBe(headline);
      expect(await popupText(popup, 'last-known')).toBe(lastKnown);
      expect(await popup.query('[data-testid="working"]')).toEqual([]);

      const page = await h.openSite(CLAUDE_AI);
      await page.waitForBanner();
      expect(await page.label()).toBe('Status unknown');
      expect(await page.title()).toBe('Elevated errors on claude.ai');
      expect(await page.text('banner-unknown')).toBe(headline);
      expect(await page.text('banner-last-known')).toBe(lastKnown);
    },
  },
  {
    name: 'item 3: the Claude API and Claude Code unticked during an API incident: no green header above the active card, the card explained',
    status: 'healthy',
    async run(h) {
      await serveIncident(h, {
        name: 'Elevated errors on the Claude API',
        impact: 'major',
        components: [api],
        state: 'partial_outage',
      });
      for (const id of [api, code])
        await h.api.send({ type: 'settings-patch', patch: { op: 'service', id, on: false } });
      await until(
        async () => ((await h.api.badgeText()) === '' ? true : null),
        5_000,
        'the badge to leave the API out',
      );
      const popup = await h.openPopup();
      await popup.waitForServices(4);
      expect((await popup.incidents()).map((i) => i.name)).toEqual(['Elevated errors on the Claude API']);
      expect(await popup.headerKind()).not.toBe('operational');
      expect(await popup.overall()).not.toBe('All systems operational');
      expect(await popup.overall()).toBe('No trouble on the services you care about');
      expect(await popupText(popup, 'muted-trouble')).toBe(
        'In trouble, but not among the services you care about: Claude API (api.anthropic.com)',
      );
      expect(await h.api.badgeTitle()).toContain('No trouble on the services you care about');
    },
  },
  {
    name: 'item 5: "Elevated errors on Opus 4.6" with impact none (April 2026): the informational banner with the model advice, and the popup’s',
    status: 'healthy',
    async run(h) {
      await serveIncident(h, {
        name: 'Elevated errors on Opus 4.6',
        impact: 'none',
        components: [claudeAi, consoleId, api, code, cowork],
        state: 'operational',
      });
      const page = await claudeOn(h, 'Opus 4.6');
      expect(await page.role()).toBe('status');
      expect(await page.text('banner-models')).toContain('Opus 4.6');
      expect(await page.text('banner-switch-model')).toBe('Switch to Sonnet 4.6 in the model menu.');
      expect(await page.alternatives()).toEqual([]);
      const popup = await h.openPopup();
      await popup.waitForServices(6);
      await popupSays(popup, 'advice-claude-ai-model', 'claude.ai: switch to Sonnet 4.6 in the model menu.');
      const advice = (await popup.query('[data-testid="service-advice"] li')).map((li) => li.text.trim());
      expect(advice).toContain('Claude Code: switch model with /model.');
      // Informational: nowhere else to go.
      expect(await popup.query('[data-testid="alternatives"]')).toEqual([]);
    },
  },
  {
    name: 'item 5: a title-only "Elevated error rates on API, Claude, and Console" incident means claude.ai too',
    status: 'healthy',
    async run(h) {
      await serveIncident(h, { name: 'Elevated error rates on API, Claude, and Console', impact: 'major' });
      const page = await h.openSite(CLAUDE_AI);
      await page.waitForBanner();
      expect(await page.title()).toBe('Elevated error rates on API, Claude, and Console');
      expect(await page.role()).toBe('alert');
      expect(await h.api.badgeTitle()).toContain('claude.ai');
    },
  },
  {
    name: 'item 9: an API-only incident: the popup lists what the platform.claude.com banner offers, under its name, and nothing "instead of claude.ai"',
    status: 'api-outage',
    async run(h) {
      const platform = await h.openSite(PLATFORM);
      await platform.waitForBanner();
      const offered = await platform.alternatives();
      expect(offered.length).toBeGreaterThan(0);
      const popup = await h.openPopup();
      await popup.waitForServices(6);
      const headings = (await popup.query('[data-testid="alternatives"] h3')).map((e) => e.text.trim());
      expect(headings).toEqual(['Instead of platform.claude.com']);
      const shown = (await popup.query('[data-group="platform"] [data-alt-id]')).map((e) => e.attrs['data-alt-id']);
      expect(shown.slice(0, offered.length)).toEqual(offered);
      expect((await popup.alternatives()).chat).toEqual([]);
    },
  },
  {
    name: 'how long will it last: the popup and the banner give the same typical duration from the status page’s history',
    status: 'claude-ai-partial',
    async run(h) {
      // The recorded fortnight alone gave two comparable incidents at the first poll: no figure yet.
      const popupBefore = await h.openPopup();
      await popupBefore.waitForServices(6);
      const before = await until(() => popupText(popupBefore, 'incident-duration'), 5_000, 'the duration line');
      expect(before).toMatch(/^Going on for .+\.$/);
      expect(before).not.toContain('Past incidents');
      // Three fortnights of history, and the hour since the last fetch gone by.
      h.server.setIncidentsBehaviour('primary', { body: threeFortnights(), contentType: 'application/json' });
      const stored = (await h.api.getStorage('pastDurations')) as Record<string, unknown>;
      await h.api.setStorage({
        pastDurations: { ...stored, checkedAt: new Date(Date.now() - 3_600_000).toISOString() },
      });
      await h.api.refresh();
      const popup = await h.openPopup();
      await popup.waitForServices(6);
      const line = await until(
        async () => {
          const found = await popupText(popup, 'incident-duration');
          return found?.includes('Past incidents') ? found : null;
        },
        5_000,
        'the typical duration in the popup',
      );
      const figure = line.slice(line.indexOf('Past incidents'));
      expect(figure).toMatch(
        /^Past incidents like this one \(6 in the last 90 days, same impact and services\) lasted .+ to .+ \(median .+\)\.$/,
      );
      const page = await h.openSite(CLAUDE_AI);
      await page.waitForBanner();
      const meta = (await page.query('.so-meta span')).map((m) => m.text.trim());
      expect(meta).toContain(figure);
    },
  },
];
