/**
 * Issue #26 in the shared scenario table (tests/e2e/scenario-table.ts, run in real Chromium and
 * real Firefox): claude.ai's page as it is rendered in 2026, on the real-structure pages built from
 * public captures (tests/fixtures/pages/claude-2026-*.html; docs/claude-page.md, "Captures").
 * What Claude or the user wrote raises nothing; claude.ai's own failure messages raise the right
 * banner within a second; the model is read from the 2026 button; the popup says when the page's
 * markers vanish; the node-heavy shapes make no long task.
 */
import { expect } from 'vitest';
import { KIND_LOOK } from '../../core/verdict/kind-look';
import { type ChromiumExtensionBrowser, driverPage } from './drivers/chromium';
import type { Harness } from './harness';
import { BannerPage } from './pages/banner-page';
import { traceScriptCalls } from './pages/extension-tasks';
import { CLAUDE_AI, extensionCalls, modelIncident, record, type Scenario } from './scenarios';
import { sleep, until } from './support';

/** The June 2026 page; `?fixture=` picks a real-structure page (tests/replay/server.ts). */
const JUNE = `${CLAUDE_AI}?fixture=claude-2026-06`;
const REAL_PAGES = ['claude-2026-01', 'claude-2026-02', 'claude-2026-06'].map((f) => `${CLAUDE_AI}?fixture=${f}`);
const CAPACITY =
  'Due to unexpected capacity constraints, Claude is unable to respond to your message. Please try again soon.';
const OUTAGE_WORDS =
  "Claude will return soon. Claude is currently experiencing a temporary service disruption. We're working on it, please check back soon. Still not working? You can reach out to support with this error code: PWNED0WNED";
/** How long the watcher is given to (wrongly) raise something. */
const SETTLE_MS = 1_500;
/** The page must be quiet this long before the watcher checks its markers (watcher.ts), plus a batch. */
const MARKERS_MS = 3_500;

async function storedSignals(h: Harness) {
  return ((await h.api.getStorage('signals')) ?? { detections: [] }) as {
    detections: { kind: string; code?: string; shape?: { surface: string } }[];
    markers?: { missing: string[] } | null;
  };
}

/** Waits for the watcher's check of the page's markers to be stored. */
async function storedMarkers(h: Harness, timeoutMs = 10_000): Promise<string[]> {
  return until(async () => (await storedSignals(h)).markers?.missing ?? null, timeoutMs, 'the markers check');
}

/** Opens the June page, runs `act` in it, and times the banner of `kind` from there (within 1 s). */
async function bannerWithin1s(h: Harness, kind: string, act: (page: BannerPage) => Promise<unknown>) {
  const page = await h.openSite(JUNE);
  // The watcher is on once the background has answered its first question.
  await h.watcherAnswered(page);
  const started = Date.now();
  await act(page);
  await page.waitForKind(kind, 1_000);
  record(`${h.browser.name}: ${kind} on the June 2026 page -> banner (ms)`, Date.now() - started);
  return page;
}

/** A reply starts streaming, and 0.7 s into it claude.ai shows `text` in its body or as a note under it. */
function showsWhileStreaming(where: 'body' | 'note', text: string) {
  return async (page: BannerPage) => {
    await page.hook('__startStreaming');
    await sleep(700);
    await page.hook('__streamShows', where, text);
  };
}

/**
 * The two kinds issue #26 added, as every surface tells them: the banner (its kind, label, title and
 * colour), the badge (its mark, colour and tooltip), the popup's header and the welcome page (the
 * tooltip's headline, in the badge's colour). `popupLine`: a line the popup's header adds in the
 * banner's own words, and the banner's line it repeats.
 */
async function oneStory(
  h: Harness,
  page: BannerPage,
  kind: 'incomplete' | 'model-unavailable',
  expected: { mark: string; label: string; title: string; headline: string; popupLine?: [string, string] },
): Promise<void> {
  const colour = KIND_LOOK[kind].light;
  // The banner.
  expect(await page.label()).toBe(expected.label);
  expect(await page.title()).toBe(expected.title);
  const [section] = await page.query('.so-banner');
  expect(section?.attrs['data-colour']).toBe(kind);
  expect(section?.attrs.style).toContain(colour);
  // The badge, redrawn once the signal is stored.
  await until(async () => ((await h.api.badgeText()) === expected.mark ? true : null), 5_000, 'the badge');
  expect(await h.api.badgeColour()).toBe(colour);
  expect((await h.api.badgeTitle()).split('\n')[1]).toBe(expected.headline);
  // The popup's header: the same headline, kind and colour.
  const popup = await h.openPopup();
  await popup.waitForServices(6);
  expect(await popup.headerKind()).toBe(kind);
  expect(await popup.overall()).toBe(expected.headline);
  if (expected.popupLine) {
    const [testId, bannerTestId] = expected.popupLine;
    const said = await page.text(bannerTestId);
    // The model in use reaches the popup with the page's next question (the banner's advice depends on it).
    await until(
      async () => ((await popup.query(`[data-testid="${testId}"]`))[0]?.text.trim() === said ? true : null),
      5_000,
      `the popup to say "${said}"`,
    );
  }
  // The welcome page: the same headline, in the same colour.
  const welcome = await h.openPage('welcome.html');
  const status = await until(
    () =>
      welcome.evaluate(() => {
        const el = document.querySelector('[data-testid="welcome-status"]');
        return el ? { text: el.textContent?.trim() ?? '', kind: el.getAttribute('data-kind') } : null;
      }, null),
    5_000,
    "the welcome page's status",
  );
  expect(status).toEqual({ text: expected.headline, kind });
}

export const PAGE_SCENARIOS: Scenario[] = [
  {
    name: 'the real 2026 pages (captures of January, February and June) as they are: no banner, no signal, every marker found',
    status: 'healthy',
    async run(h) {
      // One page at a time: the stored check is the latest page's, and a page lacking a marker would show.
      for (const url of REAL_PAGES) {
        const page = await h.openSite(url);
        await sleep(MARKERS_MS + 500);
        expect(await page.hostCount(), url).toBe(0);
        expect(await storedMarkers(h), url).toEqual([]);
      }
      expect((await storedSignals(h)).detections).toEqual([]);
      const popup = await h.openPopup();
      await popup.waitForServices(6);
      expect(await popup.query('[data-testid="page-drift"]')).toEqual([]);
    },
  },
  {
    name: "June 2026 page: a user message quoting the error with its hidden heading, titles with the error words, a reply of outage-screen words with a code, a reply of 'Sure!' and the sentence: no banner",
    status: 'healthy',
    async run(h) {
      const page = await h.openSite(JUNE);
      await page.hook('__sendUserMessage', CAPACITY);
      await page.hook('__setTitle', 'Unexpected capacity constraints error');
      await page.hook('__insertReply', [OUTAGE_WORDS]);
      await page.hook('__setTitle', '529 Overloaded error fix');
      await page.hook('__insertReply', ['Sure!', CAPACITY]);
      await page.hook('__insertReplyHtml', `<table><tbody><tr><td>${CAPACITY}</td></tr></tbody></table>`);
      await sleep(SETTLE_MS);
      expect(await page.hostCount()).toBe(0);
      expect((await storedSignals(h)).detections).toEqual([]);
      // The watcher is alive: a failed reply after all that is seen.
      await page.hook('__insertFailedReply');
      await page.waitForKind('capacity', 2_000);
    },
  },
  {
    name: 'June 2026 page: a failed reply with its hidden heading: the capacity banner within a second',
    status: 'healthy',
    async run(h) {
      const page = await bannerWithin1s(h, 'capacity', (p) => p.hook('__insertFailedReply'));
      expect(await page.role()).toBe('alert');
      const [detection] = (await storedSignals(h)).detections;
      expect(detection?.shape?.surface).toBe('reply');
    },
  },
  {
    name: "June 2026 page: the error in the notice band beside 'Get more usage': the capacity banner within a second",
    status: 'healthy',
    async run(h) {
      await bannerWithin1s(h, 'capacity', (p) => p.hook('__bandNotice', CAPACITY));
      const [detection] = (await storedSignals(h)).detections;
      expect(detection?.shape?.surface).toBe('band');
    },
  },
  {
    name: "June 2026 page: claude.ai's retry notice in the band with its words wrapped over two lines (markup written by hand): the 'retrying' banner within a second",
    status: 'healthy',
    async run(h) {
      await bannerWithin1s(h, 'retry', (p) => p.hook('__bandNotice', 'Taking longer than\n        usual.'));
      const [detection] = (await storedSignals(h)).detections;
      expect(detection?.shape?.surface).toBe('band');
    },
  },
  {
    name: "June 2026 page: a reply cut off mid-response: the 'reply cut off' banner within a second; it copies the partial reply",
    status: 'healthy',
    async run(h) {
      const page = await bannerWithin1s(h, 'incomplete', (p) =>
        p.hook(
          '__insertCutOffReply',
          ['The first half of the answer', 'and then it'],
          'Server error mid-response. The response above may be incomplete.',
        ),
      );
      expect(await page.role()).toBe('alert');
      expect(await page.title()).toBe('claude.ai stopped in the middle of a reply');
      await page.click('[data-testid="banner-copy"]');
      await page.waitFor('[data-testid="banner-copied"]');
      expect(await page.page.readClipboard()).toBe('The first half of the answer\n\nand then it');
    },
  },
  {
    name: "June 2026 page, a reply streaming (issue #29): claude.ai's retry notice in place of its words raises the 'retrying' banner within a second, while it still streams",
    status: 'healthy',
    async run(h) {
      const page = await bannerWithin1s(
        h,
        'retry',
        showsWhileStreaming('body', 'Taking longer than usual. Retrying shortly (attempt 2)'),
      );
      expect(await page.role()).toBe('status');
      expect(await page.page.evaluate(() => document.querySelectorAll('[data-is-streaming="true"]').length, null)).toBe(
        1,
      );
    },
  },
  {
    name: "June 2026 page, a reply streaming (issue #29): the note of a reply cut off under it raises the 'reply cut off' banner within a second",
    status: 'healthy',
    async run(h) {
      const page = await bannerWithin1s(
        h,
        'incomplete',
        showsWhileStreaming('note', 'Server error mid-response. The response above may be incomplete.'),
      );
      expect(await page.title()).toBe('claude.ai stopped in the middle of a reply');
    },
  },
  {
    name: 'June 2026 page, a reply streaming (issue #29) whose first words are the capacity sentence (Claude quoting it): no banner while it streams, nor once it ends',
    status: 'healthy',
    async run(h) {
      const page = await h.openSite(JUNE);
      await h.watcherAnswered(page);
      await page.hook('__startStreaming', CAPACITY, 300);
      await sleep(SETTLE_MS);
      await page.hook('__stopStreaming');
      await sleep(SETTLE_MS);
      expect(await page.hostCount()).toBe(0);
      expect((await storedSignals(h)).detections).toEqual([]);
      // The watcher watches the page again once the reply has ended: a failed reply after it is seen.
      await page.hook('__insertFailedReply');
      await page.waitForKind('capacity', 2_000);
    },
  },
  {
    name: "June 2026 page, a reply cut off: banner, badge 'CUT' (its tooltip), popup header and welcome page tell one story in one colour",
    status: 'healthy',
    async run(h) {
      const page = await bannerWithin1s(h, 'incomplete', (p) =>
        p.hook('__insertCutOffReply', ['The first half of the answer'], 'Response incomplete'),
      );
      await oneStory(h, page, 'incomplete', {
        mark: 'CUT',
        label: 'Reply cut off',
        title: 'claude.ai stopped in the middle of a reply',
        headline: 'claude.ai stopped in the middle of a reply for you: a server error cut it off',
      });
    },
  },
  {
    name: "June 2026 page, a model unavailable on 'Opus 4.8 High': banner, badge 'MOD' (its tooltip), popup header with the banner's model advice and welcome page tell one story in one colour",
    status: 'healthy',
    async run(h) {
      const page = await bannerWithin1s(h, 'model-unavailable', (p) =>
        p.hook('__insertFailedReply', 'Claude Opus 4.8 is currently unavailable.'),
      );
      // The banner names the model the page is on once it has sent it.
      await until(
        async () => ((await page.text('banner-switch-model')) ? true : null),
        5_000,
        "the banner's model advice",
      );
      expect(await page.text('banner-models')).toMatch(
        /^claude\.ai says Opus 4\.8 is unavailable\. Switch to \S.* in the model menu\.$/,
      );
      expect(await page.alternatives()).toEqual([]);
      await oneStory(h, page, 'model-unavailable', {
        mark: 'MOD',
        label: 'Model unavailable',
        title: 'The model you chose is unavailable on claude.ai',
        headline: 'claude.ai says the model you chose is unavailable; other models may still answer',
        popupLine: ['overall-model', 'banner-models'],
      });
    },
  },
  {
    name: "June 2026 page: 'Wrong banner?' copies a report of the signal's structure, without page text",
    status: 'healthy',
    async run(h) {
      const page = await bannerWithin1s(h, 'capacity', (p) => p.hook('__bandNotice', CAPACITY));
      await page.click('[data-testid="banner-report"]');
      await page.waitFor('[data-testid="banner-copied"]');
      const report = await page.page.readClipboard();
      expect(report).toMatch(
        /^Status Overlay for Claude: wrong banner\?\nExtension \d+\.\d+\.\d+, (Chrome|Firefox) \d+\n/,
      );
      expect(report).toContain('Signal: capacity on claude-ai');
      expect(report).toContain('Read from: band');
      expect(report).toContain('[role=status]');
      expect(report).not.toMatch(/capacity constraints|unable to respond|Get more usage|Sample/i);
    },
  },
  {
    name: "June 2026 page: the model button 'Opus 4.8 High' (and its aria-label) with an Opus 4.8 incident: the banner advises switching; on 'Sonnet 5 Medium' it says Sonnet 5 is not named",
    status: 'healthy',
    async run(h) {
      h.server.setBehaviour('primary', {
        body: modelIncident('Elevated errors on Claude Opus 4.8'),
        contentType: 'application/json',
      });
      await h.api.refresh();
      const page = await h.openSite(JUNE);
      await page.waitForBanner();
      expect(await page.role()).toBe('alert');
      expect(await page.text('banner-models')).toContain('Opus 4.8');
      expect(await page.text('banner-switch-model')).toBe('Switch to Sonnet 4.6 in the model menu.');
      await page.hook('__setModel', 'Sonnet 5 Medium');
      await until(async () => ((await page.role()) === 'status' ? true : null), 3_000, 'the informational style');
      expect(await page.text('banner-models')).toBe(
        'Your model, Sonnet 5, is not named: this incident is about Opus 4.8.',
      );
    },
  },
  {
    name: "a conversation page whose markers vanished (claude.ai changed): the popup's 'Seen on your screen' says reading the page may be unreliable",
    status: 'healthy',
    async run(h) {
      const page = await h.openSite(JUNE);
      await page.hook('__removeMarkers');
      const missing = await storedMarkers(h);
      expect(missing).toEqual(['user-message', 'reply', 'composer', 'model-button']);
      const popup = await h.openPopup();
      await popup.waitForServices(6);
      const [drift] = await popup.query('[data-testid="page-drift"]');
      expect(drift?.text.trim()).toBe(
        "Reading claude.ai's page may be unreliable until the extension is updated: it no longer finds your messages, Claude's replies, the message box, and the model menu on the page.",
      );
      // claude.ai back to its markers (a reload of the real page): the notice goes.
      await page.page.reload();
      await until(
        async () => ((await storedSignals(h)).markers?.missing.length === 0 ? true : null),
        10_000,
        'the markers back',
      );
      await until(
        async () => ((await popup.query('[data-testid="page-drift"]')).length === 0 ? true : null),
        5_000,
        'the notice to go',
      );
    },
  },
  {
    name: 'node-heavy shapes: a notice beside 100,000 empty spans raises its banner, and no extension task is over 16 ms',
    status: 'healthy',
    async run(h) {
      if (h.browser.name !== 'chromium') {
        const page = await h.openSite(JUNE);
        await page.hook('__noticeBesideEmptySpans', 100_000);
        await page.waitForKind('capacity', 10_000);
        return;
      }
      const { context } = h.browser as unknown as ChromiumExtensionBrowser;
      const { calls, page } = await traceScriptCalls(context, async (tab) => {
        const banner = new BannerPage(driverPage(tab));
        await banner.open(JUNE);
        await sleep(300);
        await banner.hook('__noticeBesideEmptySpans', 100_000);
        await banner.waitForKind('capacity', 10_000);
        await sleep(SETTLE_MS);
      });
      try {
        const own = extensionCalls(calls);
        record('chromium: longest extension call, notice beside 100,000 empty spans (ms CPU)', own.longestMs);
        expect(own.count).toBeGreaterThan(0);
        expect(own.long).toEqual([]);
      } finally {
        await page.close();
      }
    },
  },
];
