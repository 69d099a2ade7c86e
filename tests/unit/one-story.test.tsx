// @vitest-environment happy-dom
/**
 * Issue #27: the badge's tooltip, the popup and the banner say the same thing in the same words,
 * because each calls the same function: while the status is unknown (item 2), with services the
 * user does not care about (item 3), about the model in use (item 1), and about how long incidents
 * like this one lasted. English messages, recorded fixtures.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CardContext, IncidentList } from '../../components/popup/incident-list';
import { StatusHeader } from '../../components/popup/status-header';
import { alternativeGroups } from '../../core/advice/alternatives';
import { watchOffered } from '../../core/back-watch/back-watch';
import { EMPTY_DISMISSALS } from '../../core/banner/dismissals';
import { EMPTY_SIGNALS, type Signals } from '../../core/claude-page/detections';
import { EMPTY_FAILURE_LOG } from '../../core/claude-page/fault';
import { parseModelLabel, unavailableModelAdvice } from '../../core/models/claude-models';
import { reportedModel } from '../../core/models/model-in-use';
import { applyOutcome } from '../../core/polling/health';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings/settings';
import { type SiteId, siteById } from '../../core/sites/sites';
import { SERVICE_IDS } from '../../core/status-page/services';
import { EMPTY_STATUS, type Snapshot, type StatusState } from '../../core/status-page/status-model';
import { EMPTY_PAST_DURATIONS, type PastDurations, typicalDuration } from '../../core/status-page/typical-duration';
import { DAY_MS, MINUTE_MS as MIN } from '../../core/time/time';
import { badgeFor } from '../../core/verdict/badge';
import { type OverallContext, overallFor } from '../../core/verdict/overall';
import { siteView } from '../../core/verdict/site-view';
import { badgeTitle } from '../../entrypoints/background/badge/badge';
import { bannerText } from '../../entrypoints/background/banner/banner-text';
import { incidentVariant, loadSnapshot } from './fixtures';
import { useEnglish } from './support/translator';

const NOW = Date.parse('2026-11-20T14:00:00Z');
const I = 60_000;
let root: HTMLElement;

beforeEach(() => {
  useEnglish();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function statusAt(snapshot: Snapshot, atMs: number): StatusState {
  return applyOutcome(EMPTY_STATUS, { kind: 'success', source: 'primary', snapshot, validators: null }, atMs, 0.5);
}

function context(settings: Settings, model: string | null = null): OverallContext {
  return {
    signals: EMPTY_SIGNALS,
    failures: EMPTY_FAILURE_LOG,
    settings,
    online: true,
    currentModel: model ? parseModelLabel(model) : null,
  };
}

/** A site's view at NOW, nothing seen on its page. */
function viewOf(siteId: SiteId, status: StatusState, settings: Settings) {
  return siteView({
    siteId,
    status,
    signals: EMPTY_SIGNALS,
    dismissals: EMPTY_DISMISSALS,
    failures: EMPTY_FAILURE_LOG,
    now: NOW,
    intervalMs: I,
    online: true,
    settings,
  });
}

/** The popup's incident cards for `snapshot`, with what every card shares. */
function showCards(snapshot: Snapshot, context: CardContext): void {
  act(() =>
    render(
      <IncidentList
        incidents={snapshot.incidents}
        services={snapshot.services}
        now={NOW}
        expanded={{}}
        onToggle={() => {}}
        context={context}
      />,
      root,
    ),
  );
}

/** What each surface shows for `status`: the tooltip's lines, the popup header, the claude.ai banner's words. */
function surfaces(status: StatusState, settings: Settings = DEFAULT_SETTINGS, past = EMPTY_PAST_DURATIONS) {
  const ctx = context(settings);
  const view = badgeFor(status, NOW, I, ctx);
  const tooltip = badgeTitle(view, NOW).split('\n');
  act(() =>
    render(<StatusHeader status={status} view={view} now={NOW} refreshing={false} onRefresh={() => {}} />, root),
  );
  const header = {
    headline: text(root.querySelector('h1')),
    lastKnown: text(root.querySelector('[data-testid="last-known"]')),
    muted: text(root.querySelector('[data-testid="muted-trouble"]')),
  };
  const site = viewOf('claude-ai', status, settings);
  const incident = site.banner?.incident ?? null;
  const words = site.banner
    ? bannerText(site.banner, siteById('claude-ai'), site.lastSuccessAt, NOW, [], null, {
        verdict: overallFor(status, NOW, I, ctx),
        typical: incident ? typicalDuration(incident, past, NOW) : null,
      })
    : null;
  return { tooltip, header, words };
}

describe('item 2: the status page unreachable after an incident', () => {
  const stale = () => {
    const good = statusAt(loadSnapshot('claude-ai-partial'), NOW - 10 * MIN);
    return applyOutcome(good, { kind: 'failure', errorKind: 'network', message: 'offline' }, NOW - 5 * MIN, 0.5);
  };

  it('the tooltip, the popup header and the banner say since when it is unknown, and the last known state', () => {
    const { tooltip, header, words } = surfaces(stale());
    const [, headline, lastKnown] = tooltip;
    expect(headline).toMatch(/^Status unknown since \d\d:\d\d( [AP]M)?: the status page could not be checked$/);
    expect(lastKnown).toBe('Last known: Partial outage: claude.ai');
    expect(header.headline).toBe(headline);
    expect(header.lastKnown).toBe(lastKnown);
    const line = (id: string) => words?.lines.find((l) => l.testId === id)?.text;
    expect(line('banner-unknown')).toBe(headline);
    expect(line('banner-last-known')).toBe(lastKnown);
    expect(words?.severityLabel).toBe('Status unknown');
    expect(words?.title).toBe('Elevated errors on claude.ai');
  });

  it('never "working normally", and "Status unknown" said once in the tooltip', () => {
    const { tooltip } = surfaces(stale());
    const all = tooltip.join('\n');
    expect(all).not.toContain('Working normally');
    expect(all.match(/Status unknown/g)).toHaveLength(1);
    expect(tooltip.at(-1)).toMatch(/^Last checked: /);
  });

  it('a check on another day says the day', () => {
    const yesterday = applyOutcome(
      statusAt(loadSnapshot('claude-ai-partial'), NOW - DAY_MS),
      { kind: 'failure', errorKind: 'network', message: 'offline' },
      NOW - 5 * MIN,
      0.5,
    );
    const [, headline] = surfaces(yesterday).tooltip;
    expect(headline).toMatch(/^Status unknown since yesterday at \d\d:\d\d( [AP]M)?: /);
    const lastWeek = statusAt(loadSnapshot('claude-ai-partial'), NOW - 7 * DAY_MS);
    const [, older] = surfaces(
      applyOutcome(lastWeek, { kind: 'failure', errorKind: 'network', message: 'offline' }, NOW - 5 * MIN, 0.5),
    ).tooltip;
    expect(older).toMatch(/^Status unknown since Nov 13, \d\d:\d\d( [AP]M)?: /);
  });
});

describe('item 3: services the user does not care about', () => {
  it('tooltip and header: not "All systems operational", and the services in trouble named', () => {
    const status = statusAt(
      incidentVariant({
        name: 'Elevated errors on the Claude API',
        components: [SERVICE_IDS.api],
        state: 'partial_outage',
      }),
      NOW,
    );
    const settings = { ...DEFAULT_SETTINGS, mutedServices: [SERVICE_IDS.api, SERVICE_IDS.code] };
    const { tooltip, header, words } = surfaces(status, settings);
    expect(tooltip[1]).toBe('No trouble on the services you care about');
    expect(header.headline).toBe(tooltip[1]);
    const named = 'In trouble, but not among the services you care about: Claude API (api.anthropic.com)';
    expect(tooltip).toContain(named);
    expect(header.muted).toBe(named);
    expect(words).toBeNull();
  });
});

describe('item 1: the model advice the banner gives is the popup’s', () => {
  it.each<[string, string, string]>([
    ['on Sonnet 4.6', 'Sonnet 4.6', 'your model, Sonnet 4.6, is not named: this incident is about Opus 4.6.'],
    ['on Opus 4.6', 'Opus 4.6', 'switch to Sonnet 4.6 in the model menu.'],
  ])('%s', (_what, model, advice) => {
    const snapshot = incidentVariant({
      name: 'Elevated errors on Claude Opus 4.6',
      components: [SERVICE_IDS.claudeAi],
    });
    showCards(snapshot, {
      modelInUse: parseModelLabel(model),
      claudeAiAlternatives: false,
      pastDurations: EMPTY_PAST_DURATIONS,
    });
    expect(text(root.querySelector('[data-testid="advice-claude-ai-model"]'))).toBe(`claude.ai: ${advice}`);
  });

  it('the popup learns the model from the latest report, and a report it cannot read changes nothing', () => {
    const sonnet = parseModelLabel('Sonnet 4.6');
    const opus = parseModelLabel('Opus 4.6');
    expect(reportedModel(null, sonnet)).toEqual(sonnet);
    const stored = reportedModel(null, sonnet);
    expect(reportedModel(stored, parseModelLabel('Sonnet 4.6'))).toBe(stored);
    expect(reportedModel(stored, opus)).toEqual(opus);
    expect(reportedModel(stored, null)).toBe(stored);
  });
});

describe('how long will it last: the banner and the popup card give the same figure', () => {
  it('from six comparable incidents', () => {
    const snapshot = loadSnapshot('claude-ai-partial');
    const incident = snapshot.incidents[0];
    if (!incident) throw new Error('claude-ai-partial has an incident');
    const past: PastDurations = {
      ...EMPTY_PAST_DURATIONS,
      // The two major claude.ai incidents of the recorded incidents.json, three times each.
      incidents: [0, 1, 2].flatMap((n) => [
        {
          id: `kkiudd9295rx-${n}`,
          impact: 'major',
          serviceIds: [SERVICE_IDS.claudeAi],
          resolvedAt: new Date(NOW - (1 + 15 * n) * DAY_MS).toISOString(),
          durationMs: 72 * MIN,
        },
        {
          id: `hrqjqmc0iwv6-${n}`,
          impact: 'major',
          serviceIds: [SERVICE_IDS.claudeAi],
          resolvedAt: new Date(NOW - (6 + 15 * n) * DAY_MS).toISOString(),
          durationMs: 59 * MIN,
        },
      ]),
    };
    const { words } = surfaces(statusAt(snapshot, NOW), DEFAULT_SETTINGS, past);
    const figure =
      'Past incidents like this one (6 in the last 90 days, same impact and services) lasted 59 min to 1 hr 12 min (median 1 hr 6 min).';
    expect(words?.meta).toContain(figure);
    showCards(snapshot, { modelInUse: null, claudeAiAlternatives: true, pastDurations: past });
    expect(text(root.querySelector('[data-testid="incident-duration"]'))).toBe(`Going on for 23 min. ${figure}`);
  });

  it('from fewer than five: no figure on either, only how long it has gone on', () => {
    const snapshot = loadSnapshot('claude-ai-partial');
    const { words } = surfaces(statusAt(snapshot, NOW));
    expect(words?.meta.some((m) => m.startsWith('Past incidents'))).toBe(false);
  });
});

describe('item 9: each site’s banner and the popup list the same alternatives for it', () => {
  const { claudeAi, console: consoleId, api, code } = SERVICE_IDS;
  // Recorded fixtures and incidents as the page posts them.
  const cases: [string, Snapshot][] = [
    ['claude-ai-partial', loadSnapshot('claude-ai-partial')],
    ['api-outage', loadSnapshot('api-outage')],
    ['major-outage', loadSnapshot('major-outage')],
    ['many-models', loadSnapshot('many-models')],
    ['unknown-enums', loadSnapshot('unknown-enums')],
    ['a title-only "API and claude.ai"', incidentVariant({ name: 'Elevated error rates on API and claude.ai' })],
    [
      'the Console alone',
      incidentVariant({ name: 'Console unavailable', components: [consoleId], state: 'major_outage' }),
    ],
    ['Claude Code and the API', incidentVariant({ name: 'Elevated errors on Claude Code', components: [code, api] })],
    [
      'claude.ai with no model named',
      incidentVariant({ name: 'Elevated errors on claude.ai', components: [claudeAi] }),
    ],
  ];

  it.each(cases)('%s', (_what, snapshot) => {
    const status = statusAt(snapshot, NOW);
    const verdict = overallFor(status, NOW, I, context(DEFAULT_SETTINGS));
    const groups = alternativeGroups(snapshot, verdict.surfaces).groups;
    for (const site of ['claude-ai', 'platform'] as const) {
      const banner = viewOf(site, status, DEFAULT_SETTINGS).banner;
      const offered = (banner?.alternatives ?? []).map((a) => a.id);
      const listed = groups.find((g) => g.surfaces.includes(site))?.items.map((a) => a.id) ?? [];
      // The banner shows the first three of what the popup lists for that site; none when it offers none.
      expect(listed.slice(0, offered.length), site).toEqual(offered);
      expect(offered.length > 0, site).toBe(listed.length > 0);
    }
  });
});

describe("issue #26's kinds: a reply cut off and a model unavailable tell one story on every surface", () => {
  const signalsOf = (kind: 'incomplete' | 'model-unavailable'): Signals => ({
    detections: [{ at: new Date(NOW - MIN).toISOString(), site: 'claude-ai', kind }],
  });

  // [kind, badge mark, the headline of the tooltip and the popup header, the banner's label and title]
  it.each<['incomplete' | 'model-unavailable', string, string, string, string]>([
    [
      'incomplete',
      'CUT',
      'claude.ai stopped in the middle of a reply for you: a server error cut it off',
      'Reply cut off',
      'claude.ai stopped in the middle of a reply',
    ],
    [
      'model-unavailable',
      'MOD',
      'claude.ai says the model you chose is unavailable; other models may still answer',
      'Model unavailable',
      'The model you chose is unavailable on claude.ai',
    ],
  ])('%s: badge %s, and the tooltip, the popup header and the banner agree', (kind, mark, headline, label, title) => {
    const status = statusAt(loadSnapshot('healthy'), NOW);
    const ctx = { ...context(DEFAULT_SETTINGS), signals: signalsOf(kind) };
    const view = badgeFor(status, NOW, I, ctx);
    expect(view.kind).toBe(kind);
    expect(view.text).toBe(mark);
    expect(badgeTitle(view, NOW).split('\n')[1]).toBe(headline);
    act(() =>
      render(<StatusHeader status={status} view={view} now={NOW} refreshing={false} onRefresh={() => {}} />, root),
    );
    expect(text(root.querySelector('h1'))).toBe(headline);
    expect(root.querySelector('header')?.getAttribute('data-kind')).toBe(kind);
    const site = siteView({
      siteId: 'claude-ai',
      status,
      signals: ctx.signals,
      dismissals: EMPTY_DISMISSALS,
      failures: EMPTY_FAILURE_LOG,
      now: NOW,
      intervalMs: I,
      online: true,
      settings: DEFAULT_SETTINGS,
    });
    expect(site.banner?.kind).toBe(kind);
    if (!site.banner) return;
    const words = bannerText(site.banner, siteById('claude-ai'), site.lastSuccessAt, NOW, [], {
      watching: false,
      canNotify: true,
    });
    expect(words.severityLabel).toBe(label);
    expect(words.title).toBe(title);
    expect(words.colour).toEqual({ kind, light: view.color, dark: expect.any(String) });
    // Somewhere else to work: offered by both for a reply cut off, by neither for a model unavailable.
    expect(view.alternatives).toBe(site.banner.alternatives.length > 0);
    expect(view.alternatives).toBe(kind === 'incomplete');
    // Neither is a trouble claude.ai comes back from: no "Tell me when it's back" on either surface.
    expect(words.actions?.watch ?? null).toBeNull();
    expect(watchOffered(view.local, status.snapshot, [])).toBe(false);
  });

  it.each<[string, string | null, string, string | null]>([
    ['on Opus 4.6', 'Opus 4.6', 'claude.ai says Opus 4.6 is unavailable.', 'Switch to Sonnet 4.6 in the model menu.'],
    [
      'on Sonnet 4.6',
      'Sonnet 4.6',
      'claude.ai says Sonnet 4.6 is unavailable.',
      'Switch to Opus 4.6 in the model menu.',
    ],
  ])('a model unavailable %s: the popup gives the banner’s advice, word for word', (_what, model, says, switchTo) => {
    const status = statusAt(loadSnapshot('healthy'), NOW);
    const current = model ? parseModelLabel(model) : null;
    const ctx = { ...context(DEFAULT_SETTINGS, model), signals: signalsOf('model-unavailable') };
    const view = badgeFor(status, NOW, I, ctx);
    const site = siteView({
      siteId: 'claude-ai',
      status,
      signals: ctx.signals,
      dismissals: EMPTY_DISMISSALS,
      failures: EMPTY_FAILURE_LOG,
      now: NOW,
      intervalMs: I,
      online: true,
      settings: DEFAULT_SETTINGS,
      modelLabel: model,
    });
    if (!site.banner) throw new Error('no banner');
    const line = bannerText(site.banner, siteById('claude-ai'), site.lastSuccessAt, NOW).lines[0];
    expect(line).toMatchObject({ text: says, testId: 'banner-models' });
    expect(line?.strong ?? null).toBe(switchTo);
    act(() =>
      render(
        <StatusHeader
          status={status}
          view={view}
          now={NOW}
          refreshing={false}
          onRefresh={() => {}}
          modelAdvice={unavailableModelAdvice(current)}
        />,
        root,
      ),
    );
    expect(text(root.querySelector('[data-testid="overall-model"]'))).toBe(
      [line?.text, line?.strong].filter(Boolean).join(' '),
    );
    expect(text(root.querySelector('[data-testid="overall-switch-model"]'))).toBe(switchTo ?? '');
  });

  it('a model unavailable, the model in use unknown: no model line, the headline says to choose another', () => {
    const status = statusAt(loadSnapshot('healthy'), NOW);
    const view = badgeFor(status, NOW, I, { ...context(DEFAULT_SETTINGS), signals: signalsOf('model-unavailable') });
    expect(unavailableModelAdvice(null)).toBeNull();
    act(() =>
      render(
        <StatusHeader
          status={status}
          view={view}
          now={NOW}
          refreshing={false}
          onRefresh={() => {}}
          modelAdvice={null}
        />,
        root,
      ),
    );
    expect(root.querySelector('[data-testid="overall-model"]')).toBeNull();
    expect(text(root.querySelector('h1'))).toContain('other models may still answer');
  });
});
