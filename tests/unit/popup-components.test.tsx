// @vitest-environment happy-dom
/**
 * The popup's Preact components on recorded fixtures, rendered into happy-dom with the English
 * messages: what each section says, that remote text stays text, and that links are only the
 * checked ones.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AlternativesList } from '../../components/popup/alternatives-list';
import { BackWatchControl } from '../../components/popup/back-watch-control';
import { CapacityNote } from '../../components/popup/capacity-note';
import { HistorySection } from '../../components/popup/history-section';
import { type CardContext, IncidentList } from '../../components/popup/incident-list';
import { MaintenanceList } from '../../components/popup/maintenance-list';
import { PopupApp } from '../../components/popup/popup-app';
import { popupStore } from '../../components/popup/popup-store';
import { StatusHeader } from '../../components/popup/status-header';
import { alternativeGroups, siteAlternatives } from '../../core/advice/alternatives';
import { type BackWatch, EMPTY_BACK_WATCH, startWatch } from '../../core/back-watch/back-watch';
import type { Signals } from '../../core/claude-page/detections';
import { EMPTY_FAILURE_LOG as EMPTY_FAILURES } from '../../core/claude-page/fault';
import { applyOutcome } from '../../core/polling/health';
import { EMPTY_HISTORY, type History, historyFromIncidents, historySuccess } from '../../core/status-page/history';
import { SERVICE_IDS } from '../../core/status-page/services';
import { EMPTY_STATUS, type Snapshot, type StatusState } from '../../core/status-page/status-model';
import { EMPTY_PAST_DURATIONS } from '../../core/status-page/typical-duration';
import { UPDATE_PREVIEW_CHARS } from '../../core/status-page/update-preview';
import { HOUR_MS as HOUR, MINUTE_MS as MIN } from '../../core/time/time';
import { badgeFor } from '../../core/verdict/badge';
import { loadIncidents, loadSnapshot, type SummaryFixture } from './fixtures';
import { useEnglish } from './support/translator';

/** The recorded incidents.json ends one hour before this. */
const HISTORY_NOW = Date.parse('2026-11-20T14:00:40.833Z');

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

function show(vnode: preact.ComponentChild): HTMLElement {
  act(() => render(vnode, root));
  return root;
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const all = (selector: string) => [...root.querySelectorAll(selector)];

function snapshotAt(name: SummaryFixture): { snapshot: Snapshot; now: number } {
  const snapshot = loadSnapshot(name);
  return { snapshot, now: Date.parse(snapshot.pageUpdatedAt ?? '') };
}

function state(snapshot: Snapshot, atMs: number): StatusState {
  return applyOutcome(EMPTY_STATUS, { kind: 'success', source: 'primary', snapshot, validators: null }, atMs, 0.5);
}

/** No model known, claude.ai's alternatives listed, no past durations. */
const CARD: CardContext = { modelInUse: null, claudeAiAlternatives: true, pastDurations: EMPTY_PAST_DURATIONS };

/** Every link in the rendered tree opens in a new tab, without an opener, over https. */
function expectSafeLinks(): void {
  for (const a of all('a')) {
    expect(a.getAttribute('href')).toMatch(/^https:\/\//);
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
  }
}

describe('IncidentList', () => {
  it('major outage: name, impact, status, start, services, latest update, earlier updates, link', () => {
    const { snapshot, now } = snapshotAt('major-outage');
    show(
      <IncidentList
        incidents={snapshot.incidents}
        services={snapshot.services}
        now={now}
        expanded={{}}
        onToggle={() => {}}
        context={CARD}
      />,
    );
    const card = root.querySelector('[data-incident-id="8dkw448dcmil"]');
    expect(text(card?.querySelector('h3'))).toBe(
      'Elevated errors on claude.ai, Claude Code, Claude Cowork and the Claude API',
    );
    // The incident's impact is "major" (partial), but the services it names are in major outage:
    // one word for the event, the one the header uses too.
    expect(text(card?.querySelector('[data-testid="incident-impact"]'))).toBe('!!! Major outage');
    expect(text(card?.querySelector('[data-testid="incident-status"]'))).toBe('Identified');
    expect(text(card?.querySelector('[data-testid="incident-started"]'))).toMatch(/^Started 35 min\. ago \(.+\)$/);
    expect(text(card)).toContain('Affects: claude.ai, Claude API (api.anthropic.com), Claude Code, Claude Cowork');
    const latest = card?.querySelector('[data-testid="latest-update"]');
    expect(text(latest)).toContain('We are continuing to work on a fix for this issue.');
    expect(text(latest)).toMatch(/^Identified, just now \(/);
    expect(text(card?.querySelector('details summary'))).toBe('Earlier updates (2)');
    expect(all('details li')).toHaveLength(2);
    expect(text(all('details li')[1])).toContain('We are currently investigating this issue.');
    expect(card?.querySelector('[data-testid="incident-link"]')?.getAttribute('href')).toBe(
      'https://stspg.io/u1jjal6x5hkp',
    );
    expectSafeLinks();
    // A heading per incident under the section's own heading.
    expect(text(root.querySelector('h2'))).toBe('Active incidents');
  });

  it('nothing at all on a healthy day', () => {
    const { snapshot, now } = snapshotAt('healthy');
    show(
      <IncidentList
        incidents={snapshot.incidents}
        services={[]}
        now={now}
        expanded={{}}
        onToggle={() => {}}
        context={CARD}
      />,
    );
    expect(root.innerHTML).toBe('');
  });

  it('keeps line breaks, collapses a long update behind "more", and expands it on demand', () => {
    const { snapshot, now } = snapshotAt('claude-ai-partial');
    const long = `First line.\nSecond line.\n\n${'word '.repeat(120)}END`;
    const incident = snapshot.incidents[0];
    if (!incident) throw new Error('fixture has an incident');
    const first = {
      ...incident,
      updates: [{ ...(incident.updates[0] ?? { id: 'u', status: 'identified' as const, at: null }), body: long }],
    };
    const onToggle = vi.fn();
    show(
      <IncidentList
        incidents={[first]}
        services={snapshot.services}
        now={now}
        expanded={{}}
        onToggle={onToggle}
        context={CARD}
      />,
    );
    const body = root.querySelector('.so-body');
    expect(body?.textContent?.startsWith('First line.\nSecond line.\n\n')).toBe(true);
    expect(body?.textContent?.endsWith('…')).toBe(true);
    expect(body?.textContent?.length).toBeLessThanOrEqual(UPDATE_PREVIEW_CHARS + 1);
    const button = root.querySelector('button.so-link-button');
    expect(text(button)).toBe('more');
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    act(() => (button as HTMLButtonElement).click());
    expect(onToggle).toHaveBeenCalledWith(first.id);

    show(
      <IncidentList
        incidents={[first]}
        services={snapshot.services}
        now={now}
        expanded={{ [first.id]: true }}
        onToggle={onToggle}
        context={CARD}
      />,
    );
    expect(root.querySelector('.so-body')?.textContent).toBe(long);
    expect(text(root.querySelector('button.so-link-button'))).toBe('less');
    expect(root.querySelector('button.so-link-button')?.getAttribute('aria-expanded')).toBe('true');
  });

  it('hostile text stays text: no element, no handler, no link but the checked ones', () => {
    const { snapshot, now } = snapshotAt('hostile');
    show(
      <IncidentList
        incidents={snapshot.incidents}
        services={snapshot.services}
        now={now}
        expanded={{}}
        onToggle={() => {}}
        context={CARD}
      />,
    );
    expect(root.querySelectorAll('script, img, iframe, b').length).toBe(0);
    for (const el of all('*')) {
      expect([...el.attributes].filter((a) => a.name.startsWith('on') || /javascript:|data:/.test(a.value))).toEqual(
        [],
      );
    }
    // The markup in names and bodies is shown as the characters it is made of.
    expect(text(root)).toContain('Affects: claude.ai, <img src=x onerror="window.__pwned=1">Claude Labs');
    expect(all('a').map((a) => a.getAttribute('href'))).toEqual(['https://stspg.io/whes8ek5v98a']);
    expect(text(root)).not.toMatch(/[\u202a-\u202e]/);
    expectSafeLinks();
  });
});

describe('MaintenanceList', () => {
  it('in progress first with its end, then upcoming with both times', () => {
    const { snapshot, now } = snapshotAt('maintenance');
    show(<MaintenanceList maintenances={snapshot.maintenances} now={now} />);
    const cards = all('[data-maintenance-id]');
    expect(cards.map((c) => c.getAttribute('data-in-progress'))).toEqual(['true', 'false']);
    expect(text(cards[0]?.querySelector('h3'))).toBe('Scheduled maintenance on Claude Console');
    expect(text(cards[0])).toMatch(/In progress, scheduled until .+/);
    expect(text(cards[1])).toMatch(/Scheduled in 2 days: .+ to .+/);
    expectSafeLinks();
  });
});

describe('AlternativesList', () => {
  const recommended = (groupId: string) =>
    all(`[data-group="${groupId}"] [data-alt-id]`).map((li) => li.getAttribute('data-alt-id'));
  /** The groups and alternatives shown before "more". */
  const firstGroups = () =>
    all('[data-testid="alternatives"] > div > [data-group]').map((g) => g.getAttribute('data-group'));
  const shownFirst = () =>
    all('[data-testid="alternatives"] > div > [data-group] [data-alt-id]').map((li) => li.getAttribute('data-alt-id'));

  it('everything down: the Workbench and API-key apps are out, Bedrock and Vertex stay for both sites; Claude Code gets its own line', () => {
    const { snapshot } = snapshotAt('major-outage');
    show(<AlternativesList snapshot={snapshot} surfaces={['claude-ai', 'platform', 'code']} />);
    expect(recommended('chat')).toEqual(['bedrock', 'vertex', 'openrouter']);
    expect(recommended('code')).toEqual(['code-cloud']);
    // Both sites' banners offer the same: one group for both.
    expect(all('[data-testid="alternatives"] h3').map(text)).toEqual([
      'Instead of claude.ai or platform.claude.com',
      'For Claude Code',
    ]);
    expect(recommended('platform')).toEqual([]);
    expect(text(root.querySelector('[data-testid="also-affected"]'))).toBe(
      'Also affected, not recommended now: Console Workbench, TypingMind, LibreChat, LobeChat, Poe, Claude Code with an API key',
    );
    expect(text(root.querySelector('[data-alt-id="bedrock"]'))).toBe(
      'Amazon BedrockClaude on AWS, independent of the Claude API; needs an AWS account',
    );
    // Three for chat and one for Claude Code first; the rest behind "more".
    expect(shownFirst()).toEqual(['bedrock', 'vertex', 'openrouter', 'code-cloud']);
    expectSafeLinks();
  });

  it('only claude.ai down: the Workbench first, and nothing for Claude Code, which works', () => {
    show(<AlternativesList snapshot={snapshotAt('claude-ai-partial').snapshot} surfaces={['claude-ai']} />);
    expect(recommended('chat')[0]).toBe('workbench');
    expect(recommended('code')).toEqual([]);
    expect(firstGroups()).toEqual(['chat']);
    expect(shownFirst()).toEqual(['workbench', 'bedrock', 'vertex']);
    const more = root.querySelector('[data-testid="alternatives-more"]');
    expect(more?.hasAttribute('open')).toBe(false);
    expect(all('[data-testid="alternatives-more"] [data-alt-id]').map((li) => li.getAttribute('data-alt-id'))).toEqual([
      'openrouter',
      'typingmind',
      'librechat',
      'lobechat',
      'poe',
    ]);
    expect(root.querySelector('[data-testid="also-affected"]')).toBeNull();
  });

  it('only Claude Code down: its line alone, nothing "instead of claude.ai"', () => {
    const { snapshot } = snapshotAt('healthy');
    const codeDown: Snapshot = {
      ...snapshot,
      services: snapshot.services.map((s) => (s.id === SERVICE_IDS.code ? { ...s, state: 'major_outage' } : s)),
    };
    show(<AlternativesList snapshot={codeDown} surfaces={['code']} />);
    expect(firstGroups()).toEqual(['code']);
    expect(shownFirst()).toEqual(['code-api-key', 'code-cloud']);
    expect(all('[data-testid="alternatives"] h3').map(text)).toEqual(['For Claude Code']);
  });

  it('only the API and Console down: the list the platform.claude.com banner shows, under its own heading', () => {
    const { snapshot } = snapshotAt('api-outage');
    show(<AlternativesList snapshot={snapshot} surfaces={['platform']} />);
    expect(all('[data-testid="alternatives"] h3').map(text)).toEqual(['Instead of platform.claude.com']);
    expect(recommended('chat')).toEqual([]);
    expect(shownFirst()).toEqual(
      siteAlternatives(snapshot, 'platform')
        .slice(0, 3)
        .map((a) => a.id),
    );
    expect(shownFirst()).toEqual(['bedrock', 'vertex', 'openrouter']);
  });
});

describe('alternativeGroups', () => {
  const ids = (name: SummaryFixture, surfaces: Parameters<typeof alternativeGroups>[1]) =>
    alternativeGroups(loadSnapshot(name), surfaces).groups.map((g) => [g.surfaces.join('+'), g.items.map((a) => a.id)]);

  it.each<[string, SummaryFixture, Parameters<typeof alternativeGroups>[1], [string, string[]][]]>([
    ['nothing in trouble: no group', 'healthy', [], []],
    [
      'claude.ai alone: its banner’s list, the Workbench first',
      'claude-ai-partial',
      ['claude-ai'],
      [['claude-ai', ['workbench', 'bedrock', 'vertex', 'openrouter', 'typingmind', 'librechat', 'lobechat', 'poe']]],
    ],
    [
      'the API down: platform.claude.com’s list, never the Workbench it is',
      'api-outage',
      ['platform'],
      [['platform', ['bedrock', 'vertex', 'openrouter']]],
    ],
    [
      'claude.ai and platform.claude.com with different lists: one group each',
      'claude-ai-partial',
      ['claude-ai', 'platform'],
      [
        ['claude-ai', ['workbench', 'bedrock', 'vertex', 'openrouter', 'typingmind', 'librechat', 'lobechat', 'poe']],
        ['platform', ['bedrock', 'vertex', 'openrouter', 'typingmind', 'librechat', 'lobechat', 'poe']],
      ],
    ],
    [
      'every surface in a major outage: both sites share a list, Claude Code its own',
      'major-outage',
      ['claude-ai', 'platform', 'code'],
      [
        ['claude-ai+platform', ['bedrock', 'vertex', 'openrouter']],
        ['code', ['code-cloud']],
      ],
    ],
  ])('%s', (_what, name, surfaces, expected) => {
    expect(ids(name, surfaces)).toEqual(expected);
  });
});

describe('CapacityNote', () => {
  const now = Date.parse('2026-11-20T14:00:00Z');
  const at = (ms: number, site: 'claude-ai' | 'platform' = 'claude-ai') => ({
    at: new Date(ms).toISOString(),
    site,
    kind: 'capacity' as const,
  });

  it('counts claude.ai detections of the last hour only', () => {
    const signals: Signals = {
      detections: [
        at(now - 2 * HOUR),
        at(now - 50 * MIN),
        at(now - 20 * MIN),
        at(now - 5 * MIN, 'platform'),
        at(now - MIN),
      ],
    };
    show(<CapacityNote signals={signals} now={now} />);
    const note = root.querySelector('[data-testid="capacity-note"]');
    expect(note?.getAttribute('data-count')).toBe('3');
    expect(text(note)).toMatch(/Capacity errors shown by claude\.ai in the last hour: 3 \(latest: .+\)/);
    expect(text(note)).toContain('Anthropic does not list capacity limits on the status page.');
  });

  it('says none when there was none', () => {
    show(<CapacityNote signals={{ detections: [at(now - 3 * HOUR)] }} now={now} />);
    expect(text(root)).toContain('No capacity error seen on claude.ai in the last hour.');
  });

  it("says reading claude.ai's page may be unreliable when a recent check found markers missing", () => {
    const markers = {
      at: new Date(now - HOUR).toISOString(),
      missing: ['user-message' as const, 'model-button' as const],
    };
    show(<CapacityNote signals={{ detections: [], markers }} now={now} />);
    const drift = root.querySelector('[data-testid="page-drift"]');
    expect(drift?.getAttribute('data-missing')).toBe('user-message model-button');
    expect(text(drift)).toBe(
      "Reading claude.ai's page may be unreliable until the extension is updated: it no longer finds your messages and the model menu on the page.",
    );
  });

  it.each([
    ['all markers there', { at: new Date(now - HOUR).toISOString(), missing: [] }],
    ['a check over a week old', { at: new Date(now - 8 * 24 * HOUR).toISOString(), missing: ['reply' as const] }],
    ['no check yet', null],
  ])('no drift notice: %s', (_label, markers) => {
    show(<CapacityNote signals={{ detections: [], markers }} now={now} />);
    expect(root.querySelector('[data-testid="page-drift"]')).toBeNull();
  });

  it('"Wrong banner?" copies the report of the latest signal of the last hour, and says so', async () => {
    const onReport = vi.fn(async () => true);
    const signals: Signals = {
      detections: [
        at(now - 20 * MIN),
        { at: new Date(now - 5 * MIN).toISOString(), site: 'claude-ai', kind: 'incomplete' },
      ],
    };
    show(<CapacityNote signals={signals} now={now} onReport={onReport} />);
    const button = root.querySelector<HTMLButtonElement>('[data-testid="popup-report"]');
    expect(text(button)).toBe('Wrong banner?');
    await act(async () => button?.click());
    expect(onReport).toHaveBeenCalledWith('incomplete');
    expect(text(root.querySelector('[data-testid="popup-report-copied"]'))).toContain('Report copied');
  });

  it('"Wrong banner?" is not offered without a signal in the last hour', () => {
    show(<CapacityNote signals={{ detections: [at(now - 2 * HOUR)] }} now={now} onReport={async () => true} />);
    expect(root.querySelector('[data-testid="popup-report"]')).toBeNull();
  });
});

describe('HistorySection', () => {
  const services = loadSnapshot('healthy').services;
  const history: History = historySuccess(
    historyFromIncidents(loadIncidents(), services, HISTORY_NOW),
    'primary',
    HISTORY_NOW,
  );

  it('a strip of 6 services x 7 days, today marked, no tab stop per day, with details on hover; the list closed until opened', () => {
    const onDetail = vi.fn();
    show(
      <HistorySection
        history={history}
        services={services}
        now={HISTORY_NOW}
        loading={false}
        detail=""
        onDetail={onDetail}
      />,
    );
    const rows = all('.so-strip tbody tr');
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.querySelectorAll('td').length === 7)).toBe(true);
    expect(all('.so-strip thead th')).toHaveLength(7);
    expect(all('.so-strip thead th').map(text).at(-1)).toBe('Today');
    // The keyboard reads the list instead: not one tab stop in the strip.
    expect(all('.so-strip [tabindex]')).toEqual([]);
    // Closed by default, so that the popup stays a sensible height (issue #27, item 12).
    expect(root.querySelector('details.so-earlier')?.hasAttribute('open')).toBe(false);
    const claude = rows[0]?.querySelectorAll('td');
    const worst = [...(claude ?? [])].map((c) => c.getAttribute('data-worst'));
    // Local days; the test runner's zone may move an incident by a day, never drop it.
    expect(worst.filter((w) => w !== 'none').sort()).toEqual(['major_outage', 'partial_outage', 'partial_outage']);
    const marked = all('tbody td:not([data-worst="none"])');
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((c) => c.textContent !== '')).toBe(true);
    // Each day marked as the badge marks it: "!!" for a partial outage, "!!!" for a major one.
    expect(text(rows[0]?.querySelector('td[data-worst="partial_outage"]'))).toBe('!!');
    expect(text(rows[0]?.querySelector('td[data-worst="major_outage"]'))).toBe('!!!');
    const cell = rows[0]?.querySelector('td[data-worst="major_outage"]') as HTMLElement;
    act(() => {
      cell.dispatchEvent(new MouseEvent('mouseenter'));
    });
    expect(onDetail).toHaveBeenCalledWith(
      expect.stringMatching(
        /^claude\.ai, .+: Elevated errors on claude\.ai, Claude Code, Claude Cowork and the Claude API \(Major outage\)$/,
      ),
    );
    expect(cell.getAttribute('aria-label')).toBe(onDetail.mock.calls[0]?.[0]);
    expect(text(root.querySelector('caption'))).toContain('worst impact');
  });

  it('lists the 7 incidents with their durations', () => {
    show(
      <HistorySection
        history={history}
        services={services}
        now={HISTORY_NOW}
        loading={false}
        detail="chosen"
        onDetail={() => {}}
      />,
    );
    expect(text(root.querySelector('summary'))).toBe('Incidents (7)');
    const items = all('.so-history-list li');
    expect(items.map((li) => li.getAttribute('data-incident-id'))).toEqual([
      'kkiudd9295rx',
      'nwnj78jf00ou',
      'ypbkk3onyme4',
      '31wgicvalep2',
      '24o7x7itpncj',
      'joy31ab76oaj',
      'hrqjqmc0iwv6',
    ]);
    expect(text(items[0])).toMatch(/^Elevated errors on claude\.ai .+ · lasted 1 hr 12 min · Partial outage$/);
    expect(text(items[5])).toContain('lasted 3 hr 10 min');
    expect(text(root.querySelector('[data-testid="strip-detail"]'))).toBe('chosen');
    expectSafeLinks();
  });

  it('before the first fetch: loading, then unavailable after a failure', () => {
    show(
      <HistorySection
        history={EMPTY_HISTORY}
        services={services}
        now={HISTORY_NOW}
        loading
        detail=""
        onDetail={() => {}}
      />,
    );
    expect(text(root.querySelector('[data-testid="history-state"]'))).toBe('Loading the last 7 days…');
    const failed: History = {
      ...EMPTY_HISTORY,
      lastAttemptAt: new Date(HISTORY_NOW).toISOString(),
      lastErrorKind: 'timeout',
    };
    show(
      <HistorySection
        history={failed}
        services={services}
        now={HISTORY_NOW}
        loading={false}
        detail=""
        onDetail={() => {}}
      />,
    );
    expect(text(root.querySelector('[data-testid="history-state"]'))).toBe('The incident history could not be loaded.');
    expect(root.querySelector('.so-strip')).toBeNull();
  });
});

describe('StatusHeader', () => {
  it('stale: grey, since when the status is unknown and what was known last, with the source that answered last', () => {
    const { snapshot, now } = snapshotAt('claude-ai-partial');
    const good = state(snapshot, now - 10 * MIN);
    const failed = applyOutcome(good, { kind: 'failure', errorKind: 'http', message: 'HTTP 503' }, now - 5 * MIN, 0.5);
    const view = badgeFor(failed, now, 60_000);
    show(<StatusHeader status={failed} view={view} now={now} refreshing={false} onRefresh={() => {}} />);
    expect(root.querySelector('header')?.getAttribute('data-kind')).toBe('stale');
    expect(text(root.querySelector('h1'))).toMatch(
      /^Status unknown since \d\d:\d\d( [AP]M)?: the status page could not be checked$/,
    );
    expect(text(root.querySelector('[data-testid="last-known"]'))).toBe('Last known: Partial outage: claude.ai');
    // Unknown never reads as healthy: nothing "working normally", and the time is in the headline.
    expect(root.querySelector('[data-testid="working"]')).toBeNull();
    expect(root.querySelector('[data-testid="checked"]')).toBeNull();
    expect(text(root)).not.toContain('Working normally');
    expect(text(root.querySelector('[data-testid="unreachable"]'))).toMatch(
      /^Status page unreachable since .+, showing the last known state \(from status\.claude\.com\)\.$/,
    );
  });

  it('only services the user does not care about in trouble: not green, and it names them', () => {
    const { snapshot, now } = snapshotAt('api-outage');
    const status = state(snapshot, now);
    const settings = {
      mutedServices: [SERVICE_IDS.api, SERVICE_IDS.console],
      capacityDetection: false,
      requestSignal: false,
    };
    const view = badgeFor(status, now, 60_000, {
      signals: { detections: [] },
      failures: EMPTY_FAILURES,
      settings,
      online: true,
    });
    expect(view.text).toBe('');
    show(<StatusHeader status={status} view={view} now={now} refreshing={false} onRefresh={() => {}} />);
    expect(root.querySelector('header')?.getAttribute('data-kind')).toBe('muted');
    expect(root.querySelector('header')?.className).not.toContain('so-kind-operational');
    expect(text(root.querySelector('h1'))).toBe('No trouble on the services you care about');
    expect(text(root.querySelector('[data-testid="muted-trouble"]'))).toBe(
      'In trouble, but not among the services you care about: Claude Console (platform.claude.com), Claude API (api.anthropic.com)',
    );
  });
});

describe('PopupApp', () => {
  function setStore(patch: Partial<ReturnType<typeof popupStore.getState>>) {
    act(() => popupStore.setState(patch));
  }

  beforeEach(() => {
    popupStore.setState({
      status: EMPTY_STATUS,
      signals: { detections: [] },
      history: EMPTY_HISTORY,
      access: 'unknown',
      refreshing: false,
      announcement: '',
      expanded: {},
      stripDetail: '',
    });
  });

  it('landmarks and headings, an aria-live note, and no alternatives on a healthy day', () => {
    const { snapshot, now } = snapshotAt('healthy');
    setStore({ status: state(snapshot, now), now });
    show(<PopupApp onRefresh={() => {}} onGrantAccess={() => {}} onOpenOptions={() => undefined} />);
    expect(root.querySelector('.so-popup > header')).not.toBeNull();
    expect(root.querySelector('.so-popup > main')).not.toBeNull();
    expect(root.querySelector('.so-popup > footer a')?.getAttribute('href')).toBe('https://status.claude.com');
    expect(all('h1')).toHaveLength(1);
    expect(all('h2').map(text)).toEqual(['Services', 'Seen on your screen', 'Last 7 days']);
    expect(root.querySelector('[data-testid="alternatives"]')).toBeNull();
    expect(all('.so-service')).toHaveLength(6);
    const live = root.querySelector('[aria-live="polite"]');
    expect(text(live)).toBe('');
    setStore({ announcement: 'Status updated' });
    expect(text(live)).toBe('Status updated');
  });

  it('during an outage: where to keep working, incidents, services and history in that order; the store drives the "more" toggle', () => {
    const { snapshot, now } = snapshotAt('major-outage');
    const history = historySuccess(historyFromIncidents(loadIncidents(), snapshot.services, now), 'primary', now);
    setStore({ status: state(snapshot, now), now, history });
    show(<PopupApp onRefresh={() => {}} onGrantAccess={() => {}} onOpenOptions={() => undefined} />);
    expect(text(root.querySelector('h1'))).toBe(
      'Major outage: claude.ai, Claude API (api.anthropic.com), Claude Code, Claude Cowork',
    );
    expect(all('h2').map(text)).toEqual([
      'Where to keep working',
      'Active incidents',
      'Services',
      'Seen on your screen',
      'Last 7 days',
    ]);
    expect(root.querySelector('[data-alt-id="workbench"]')).toBeNull();
    expect(root.querySelector('[data-alt-id="bedrock"]')).not.toBeNull();
    const id = snapshot.incidents[0]?.id ?? '';
    act(() => popupStore.getState().toggleExpanded(id));
    expect(popupStore.getState().expanded[id]).toBe(true);
  });

  it('a capacity error that arrives between two ticks counts at once (its stamp is not "ahead of the clock")', () => {
    const { snapshot } = snapshotAt('healthy');
    const lastTick = Date.now() - 9_000;
    setStore({ status: state(snapshot, lastTick), now: lastTick });
    show(
      <PopupApp
        onRefresh={() => {}}
        onGrantAccess={() => {}}
        onOpenOptions={() => undefined}
        settings={{ mutedServices: [], capacityDetection: true, requestSignal: true }}
      />,
    );
    expect(root.querySelector('header')?.getAttribute('data-kind')).toBe('operational');
    const seen = { at: new Date().toISOString(), site: 'claude-ai' as const, kind: 'capacity' as const };
    act(() => popupStore.getState().setSignals({ detections: [seen] }));
    expect(root.querySelector('header')?.getAttribute('data-kind')).toBe('capacity');
    expect(root.querySelector('[data-testid="alternatives"]')).not.toBeNull();
  });

  it('withheld host permissions: a notice whose button asks for them', () => {
    const onGrant = vi.fn();
    setStore({ access: 'missing', now: Date.now() });
    show(<PopupApp onRefresh={() => {}} onGrantAccess={onGrant} onOpenOptions={() => undefined} />);
    const notice = root.querySelector('[data-testid="permission"]');
    expect(notice?.getAttribute('role')).toBe('alert');
    expect(text(notice)).toContain('Access to the status page is not granted');
    act(() => notice?.querySelector('button')?.click());
    expect(onGrant).toHaveBeenCalledOnce();
    setStore({ access: 'granted' });
    expect(root.querySelector('[data-testid="permission"]')).toBeNull();
  });
});

describe('BackWatchControl', () => {
  // A watch started at 18:13 local time ends at 06:13 the next day (12 hours).
  const STARTED = new Date(2026, 10, 20, 18, 13).getTime();
  const ON: BackWatch = startWatch(EMPTY_BACK_WATCH, 'capacity', STARTED);

  it('the focus moves from "Tell me when it\'s back" to "Stop watching" and back, never to <body>', () => {
    let backWatch: BackWatch = EMPTY_BACK_WATCH;
    const draw = () =>
      show(
        <BackWatchControl
          backWatch={backWatch}
          now={STARTED}
          onWatch={() => {
            backWatch = ON;
          }}
          onCancel={() => {
            backWatch = EMPTY_BACK_WATCH;
          }}
        />,
      );
    draw();
    const start = root.querySelector<HTMLButtonElement>('[data-testid="back-watch-start"]');
    start?.focus();
    act(() => start?.click());
    draw();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('back-watch-cancel');
    act(() => (document.activeElement as HTMLButtonElement).click());
    draw();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('back-watch-start');
  });

  it('says the day the watch ends when it is not today', () => {
    show(<BackWatchControl backWatch={ON} now={STARTED} onWatch={() => {}} onCancel={() => {}} />);
    expect(text(root.querySelector('[data-testid="back-watch-on"]'))).toMatch(
      /^Watching claude\.ai: you'll hear when it's back \(until tomorrow at \d{2}:\d{2}\s?[AP]M\)\.$/,
    );
  });
});
