// @vitest-environment happy-dom
/**
 * No user-visible literal strings: the popup, the options page and every kind of banner are
 * rendered with a translator that answers every key with a marker (⟦key⟧, substitutions appended
 * as ⟨…⟩) and with Intl formatting in a language written in another script (Japanese). Every text
 * node and every user-visible attribute must then be made only of markers, data that came from the
 * fixtures (service, incident and maintenance names, update bodies, model labels, alternatives),
 * Intl's output, numbers, punctuation and symbols. A Latin letter left over is a literal string:
 * English that no translation reaches, or a time formatted in the browser's language rather than
 * the chosen one.
 */
import type { ComponentChild } from 'preact';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBanner } from '../../components/banner/banner';
import { OptionsApp } from '../../components/options/options-app';
import { newDraft, optionsStore } from '../../components/options/options-store';
import { PopupApp } from '../../components/popup/popup-app';
import { popupStore } from '../../components/popup/popup-store';
import { WelcomeApp } from '../../components/welcome/welcome-app';
import { ALTERNATIVES } from '../../core/advice/alternatives';
import { type AssessInput, assess, type Banner } from '../../core/banner/banner-decision';
import { EMPTY_DISMISSALS } from '../../core/banner/dismissals';
import type { Signals } from '../../core/claude-page/detections';
import type { FaultVerdict } from '../../core/claude-page/fault';
import { CLAUDE_AI_MODELS, incidentModelScope, parseModelLabel } from '../../core/models/claude-models';
import { applyOutcome, DEFAULT_INTERVAL_MS } from '../../core/polling/health';
import { DEFAULT_SETTINGS, type UserAlternative } from '../../core/settings/settings';
import { SITES, type SiteId, siteById } from '../../core/sites/sites';
import { EMPTY_HISTORY, type History, historyFromIncidents, historySuccess } from '../../core/status-page/history';
import { SERVICE_IDS } from '../../core/status-page/services';
import { shortServiceName } from '../../core/status-page/snapshot';
import { EMPTY_STATUS, type Snapshot, type StatusState } from '../../core/status-page/status-model';
import { updatePreview } from '../../core/status-page/update-preview';
import { MINUTE_MS as MIN } from '../../core/time/time';
import { badgeFor } from '../../core/verdict/badge';
import { KIND_LOOK, LOOK_KINDS } from '../../core/verdict/kind-look';
import { bannerText } from '../../entrypoints/background/banner/banner-text';
import { setTranslator, t } from '../../shell/i18n';
import { loadIncidents, loadSnapshot, SUMMARY_FIXTURES, type SummaryFixture } from './fixtures';
import { EN_MESSAGES } from './support/translator';

/** Intl in a language whose script is not Latin, so its words cannot be mistaken for literals. */
const MARKER_LANGUAGE = 'ja';
const MARKER = /⟦[A-Za-z0-9_@]+⟧/g;
const INTL_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** Attributes a user reads or hears. */
const VISIBLE_ATTRIBUTES = [
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'abbr',
  'label',
];

/** Every key asked for, to check each one exists in the English messages. */
const requested = new Set<string>();

function useMarkers(): void {
  setTranslator((key, substitutions = []) => {
    requested.add(key);
    return `⟦${key}⟧${substitutions.map((s) => `⟨${s}⟩`).join('')}`;
  }, MARKER_LANGUAGE);
}

interface Finding {
  where: string;
  text: string;
  literal: string;
}

/** What is left of `text` once markers, data, Intl's words, numbers and punctuation are taken out. */
function literalIn(text: string, data: readonly string[]): string {
  let rest = text.replace(MARKER, ' ');
  for (const d of data) rest = rest.split(d).join(' ');
  rest = rest.replace(INTL_SCRIPT, ' ');
  // Words, keeping "claude.ai" and "don't" whole; a trailing full stop is not part of the word.
  return (rest.match(/\p{L}(?:[\p{L}\p{M}'’-]|\.(?=\p{L}))*/gu) ?? []).join(' ');
}

function describeNode(node: Node): string {
  const el = node instanceof Element ? node : node.parentElement;
  if (!el) return '#text';
  const id = el.getAttribute('data-testid') ?? el.id;
  const cls = el.getAttribute('class');
  return `<${el.tagName.toLowerCase()}${id ? `#${id}` : ''}${cls ? `.${cls.split(/\s+/).join('.')}` : ''}>`;
}

/** Every text node and visible attribute under `root` holding a word that is neither a marker nor data. */
function findLiterals(root: Node, data: Iterable<string>): Finding[] {
  const known = [...new Set(data)].filter((d) => d.trim() !== '').sort((a, b) => b.length - a.length);
  const findings: Finding[] = [];
  const check = (where: string, text: string) => {
    const literal = literalIn(text, known);
    if (literal) findings.push({ where, text, literal });
  };
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      check(describeNode(node), node.textContent ?? '');
      return;
    }
    if (!(node instanceof Element)) return;
    if (node.tagName === 'SCRIPT' || node.tagName === 'STYLE') return;
    for (const name of VISIBLE_ATTRIBUTES) {
      const value = node.getAttribute(name);
      if (value !== null) check(`${describeNode(node)}[${name}]`, value);
    }
    // What a button or input shows as its face.
    if (node instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(node.type)) {
      check(`${describeNode(node)}[value]`, node.value);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return findings;
}

/** How many markers the tree holds: a render that shows nothing must not pass as clean. */
function markerCount(root: Element): number {
  const attributes = [...root.querySelectorAll('*')].flatMap((el) =>
    VISIBLE_ATTRIBUTES.map((name) => el.getAttribute(name) ?? ''),
  );
  return [root.textContent ?? '', ...attributes].join(' ').match(MARKER)?.length ?? 0;
}

// ---------------------------------------------------------------- data the fixtures bring

const USER_ALTERNATIVES: UserAlternative[] = [
  { id: 'user-1', name: 'Mistral Le Chat', url: 'https://chat.mistral.ai/' },
  { id: 'user-2', name: 'Company gateway', url: 'https://llm.example.com/' },
];

/** Strings that are not ours to translate: what the status page, the catalogue and the user wrote. */
function dataOf(snapshots: (Snapshot | null)[], histories: History[] = [], banners: Banner[] = []): string[] {
  const out: string[] = [];
  for (const snapshot of snapshots) {
    if (!snapshot) continue;
    for (const s of snapshot.services) out.push(s.name, shortServiceName(s.name));
    for (const g of snapshot.groups) out.push(g.name);
    for (const m of snapshot.maintenances) out.push(m.name);
    for (const i of snapshot.incidents) {
      out.push(i.name);
      // The popup's model chips: labels read out of the incident's own texts.
      const scope = incidentModelScope(i);
      if (scope.kind === 'models') out.push(...scope.models.map((m) => m.label));
      for (const u of i.updates) out.push(u.body, updatePreview(u.body) ?? u.body);
    }
  }
  for (const h of histories) for (const i of h.incidents) out.push(i.name);
  for (const b of banners) {
    const models = b.models;
    if (models) out.push(...[...models.affected, models.current, models.switchTo].flatMap((m) => (m ? [m.label] : [])));
    if (b.maintenance) out.push(b.maintenance.name);
    // The support error code claude.ai's outage screen showed.
    if (b.errorCode) out.push(b.errorCode);
  }
  for (const a of ALTERNATIVES) out.push(a.name, a.url);
  for (const a of USER_ALTERNATIVES) out.push(a.name, a.url);
  for (const site of SITES) out.push(site.label, site.host);
  for (const m of CLAUDE_AI_MODELS) out.push(m.label);
  // The badge's marks (M, CAP, DOWN …), the same in every language (docs/words.md): the popup's
  // icons and the welcome page's legend show them as the toolbar does.
  for (const kind of LOOK_KINDS) if (KIND_LOOK[kind].mark) out.push(KIND_LOOK[kind].mark);
  return out;
}

// ---------------------------------------------------------------- rendering

let root: HTMLElement;

beforeEach(() => {
  useMarkers();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

function show(vnode: ComponentChild): HTMLElement {
  act(() => render(vnode, root));
  return root;
}

/** Fails with every literal found, where it is and what it says. */
function expectNoLiterals(el: Element, data: Iterable<string>, minMarkers = 1): void {
  const findings = findLiterals(el, data);
  expect(
    findings.map((f) => `${f.where}: "${f.literal}" in "${f.text}"`),
    'user-visible text that is neither a message nor data',
  ).toEqual([]);
  expect(markerCount(el)).toBeGreaterThanOrEqual(minMarkers);
}

function snapshotAt(name: SummaryFixture): { snapshot: Snapshot; now: number } {
  const snapshot = loadSnapshot(name);
  return { snapshot, now: Date.parse(snapshot.pageUpdatedAt ?? '') };
}

function good(snapshot: Snapshot, atMs: number): StatusState {
  return applyOutcome(EMPTY_STATUS, { kind: 'success', source: 'primary', snapshot, validators: null }, atMs, 0.5);
}

describe('the checker', () => {
  it(`has Intl data for "${MARKER_LANGUAGE}" (a Node built with full ICU)`, () => {
    expect(new Intl.RelativeTimeFormat(MARKER_LANGUAGE).resolvedOptions().locale).toBe(MARKER_LANGUAGE);
    expect(new Intl.RelativeTimeFormat(MARKER_LANGUAGE).format(-3, 'minute')).toMatch(/\p{Script=Han}/u);
  });

  it('flags a literal word in text and in an attribute, and an Intl time in the wrong language', () => {
    function Careless() {
      return (
        <div>
          <p>
            {t('popupRefresh')} now {'Claude'}
          </p>
          <button type="button" aria-label="Close" title={t('bannerDismiss')}>
            ×
          </button>
          <input type="submit" value="Send" />
          <p>{new Intl.RelativeTimeFormat('en', { style: 'short' }).format(-5, 'minute')}</p>
        </div>
      );
    }
    show(<Careless />);
    const findings = findLiterals(root, ['Claude']);
    expect(findings.map((f) => f.literal)).toEqual(['now', 'Close', 'Send', 'min ago']);
    expect(findings[1]?.where).toBe('<button>[aria-label]');
  });

  it('passes markers, data, Intl in the chosen language, numbers and symbols', () => {
    const at = Date.parse('2026-11-20T13:38:00Z');
    show(
      <p title={t('popupCheckedAgo', new Intl.RelativeTimeFormat(MARKER_LANGUAGE).format(-3, 'minute'))}>
        ✓ ▲ ✕ ⚙ × ↑ ↓ … {t('popupAffects', 'claude.ai, Claude API')} 42 %{' '}
        {new Intl.DateTimeFormat(MARKER_LANGUAGE, { dateStyle: 'medium', timeStyle: 'short' }).format(at)}
      </p>,
    );
    expect(findLiterals(root, ['claude.ai', 'Claude API'])).toEqual([]);
    expect(markerCount(root)).toBe(2);
    // Data only counts whole: a word of it on its own is still a literal.
    expect(findLiterals(root, ['Claude API, claude.ai']).map((f) => f.literal)).toEqual(['claude.ai Claude API']);
  });
});

describe('popup', () => {
  function setPopup(patch: Partial<ReturnType<typeof popupStore.getState>>) {
    act(() => popupStore.setState(patch));
  }

  beforeEach(() => {
    popupStore.setState({
      status: EMPTY_STATUS,
      signals: { detections: [] },
      history: EMPTY_HISTORY,
      access: 'unknown',
      refreshing: false,
      historyLoading: false,
      announcement: '',
      expanded: {},
      stripDetail: '',
    });
  });

  const popup = () => (
    <PopupApp
      onRefresh={() => {}}
      onGrantAccess={() => {}}
      onOpenOptions={() => {}}
      userAlternatives={USER_ALTERNATIVES}
    />
  );

  it('during the major outage: incidents, services, alternatives, capacity errors, history, notices', () => {
    const { snapshot, now } = snapshotAt('major-outage');
    const history = historySuccess(historyFromIncidents(loadIncidents(), snapshot.services, now), 'primary', now);
    const signals: Signals = {
      detections: [
        { at: new Date(now - 20 * MIN).toISOString(), site: 'claude-ai', kind: 'capacity' },
        { at: new Date(now - 2 * MIN).toISOString(), site: 'claude-ai', kind: 'capacity' },
      ],
    };
    // Unreachable since five minutes, the last good state ten minutes old.
    const stale = applyOutcome(
      good(snapshot, now - 10 * MIN),
      { kind: 'failure', errorKind: 'timeout', message: 'no answer within 10 s' },
      now - 5 * MIN,
      0.5,
    );
    setPopup({
      status: stale,
      now,
      history,
      signals,
      access: 'missing',
      announcement: t('popupRefreshDone'),
    });
    show(popup());
    const data = dataOf([snapshot], [history]);
    expect(root.querySelector('[data-testid="unreachable"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="permission"]')).not.toBeNull();
    expect(root.querySelectorAll('[data-incident-id]').length).toBeGreaterThan(1);
    expect(root.querySelectorAll('.so-strip td[title]').length).toBeGreaterThan(0);
    expect(root.querySelector('[data-testid="capacity-note"]')?.getAttribute('data-count')).toBe('2');
    expect(root.querySelector('[data-testid="my-alternatives"]')).not.toBeNull();
    expectNoLiterals(root, data, 50);

    // Every incident opened in full, a strip cell described, a refresh under way.
    const cell = root.querySelector('.so-strip td[title]')?.getAttribute('title') ?? '';
    setPopup({
      expanded: Object.fromEntries(snapshot.incidents.map((i) => [i.id, true])),
      stripDetail: cell,
      refreshing: true,
      status: good(snapshot, now),
    });
    expect(root.querySelector('[data-testid="strip-detail"]')?.textContent).toBe(cell);
    expectNoLiterals(root, data, 50);
  });

  it.each(SUMMARY_FIXTURES)('with the %s fixture and its history', (name) => {
    const { snapshot, now } = snapshotAt(name);
    const history = historySuccess(historyFromIncidents(loadIncidents(), snapshot.services, now), 'primary', now);
    setPopup({ status: good(snapshot, now), now, history });
    show(popup());
    expectNoLiterals(root, dataOf([snapshot], [history]), 5);
  });

  it('a long update collapsed behind "more", then expanded', () => {
    const { snapshot, now } = snapshotAt('claude-ai-partial');
    const incident = snapshot.incidents[0];
    if (!incident) throw new Error('fixture has an incident');
    const body = `First line.\nSecond line.\n\n${'words enough to need the toggle '.repeat(20)}`;
    const latest = incident.updates[0];
    if (!latest) throw new Error('fixture has an update');
    incident.updates = [{ ...latest, body }, ...incident.updates.slice(1)];
    setPopup({ status: good(snapshot, now), now });
    show(popup());
    expect(root.querySelector('.so-update button.so-link-button')).not.toBeNull();
    expectNoLiterals(root, dataOf([snapshot]));
    setPopup({ expanded: { [incident.id]: true } });
    expectNoLiterals(root, dataOf([snapshot]));
  });

  it('before any data: checking, unreachable, history loading and unavailable', () => {
    const now = Date.parse('2026-11-20T14:00:00Z');
    setPopup({ now, historyLoading: true });
    show(popup());
    expect(root.querySelector('.so-nodata')).not.toBeNull();
    expectNoLiterals(root, dataOf([]));

    for (const [errorKind, message] of [
      ['timeout', 'status.claude.com: no answer within 10 s; anthropic.statuspage.io: no answer within 10 s'],
      ['not-json', 'HTML instead of JSON (challenge or error page)'],
      ['http', 'HTTP 503'],
      ['network', 'Failed to fetch'],
      ['permission', 'no host permission for https://status.claude.com'],
    ] as const) {
      const failed = applyOutcome(EMPTY_STATUS, { kind: 'failure', errorKind, message }, now - MIN, 0.5);
      setPopup({
        status: failed,
        historyLoading: false,
        history: { ...EMPTY_HISTORY, lastAttemptAt: new Date(now).toISOString(), lastErrorKind: 'timeout' },
      });
      expect(root.querySelector('[data-testid="unreachable"]')).not.toBeNull();
      expectNoLiterals(root, dataOf([]));
    }
  });
});

describe('options', () => {
  beforeEach(() => {
    optionsStore.setState({
      settings: DEFAULT_SETTINGS,
      services: [],
      draft: newDraft(),
      errors: {},
      announcement: '',
      permissionRefused: false,
    });
  });

  const options = () => <OptionsApp change={async () => {}} requestNotifications={async () => true} />;

  it("every section, with the user's alternatives, errors shown and notifications refused", () => {
    const snapshot = loadSnapshot('healthy');
    act(() =>
      optionsStore.setState({
        settings: { ...DEFAULT_SETTINGS, alternatives: USER_ALTERNATIVES, language: 'de', theme: 'dark' },
        services: snapshot.services,
        draft: { id: 'user-3', name: 'Half typed', url: 'http://insecure.example' },
        errors: { name: 'optionsError_name_required', url: 'optionsError_url_not_https' },
        permissionRefused: true,
        announcement: t('optionsAlternativeAdded', 'Company gateway'),
      }),
    );
    show(options());
    expect(root.querySelectorAll('[data-alternative]')).toHaveLength(2);
    expect(root.querySelectorAll('[data-testid^="service-"]').length).toBe(snapshot.services.length);
    expect(root.querySelector('[data-testid="alt-name-error"]')).not.toBeNull();
    // What the user is typing is theirs, not ours: it is in the inputs' values, never in text.
    expectNoLiterals(root, dataOf([snapshot]), 40);
  });

  it('before the first check: no services yet', () => {
    show(options());
    expect(root.querySelector('.so-muted')).not.toBeNull();
    expectNoLiterals(root, dataOf([]), 30);
  });
});

describe('welcome', () => {
  it("every section, with incidents, in Chrome's words and Firefox's", () => {
    const { snapshot, now } = snapshotAt('major-outage');
    const status = good(snapshot, now);
    for (const browserName of ['chrome', 'firefox'] as const) {
      show(
        <WelcomeApp
          status={status}
          view={badgeFor(status, now + MIN, DEFAULT_INTERVAL_MS)}
          settings={DEFAULT_SETTINGS}
          now={now + MIN}
          browserName={browserName}
          bannerCss=""
        />,
      );
      expect(root.querySelectorAll('section')).toHaveLength(5);
      expectNoLiterals(root, dataOf([snapshot]), 15);
    }
  });

  it('before the first check', () => {
    show(
      <WelcomeApp
        status={EMPTY_STATUS}
        view={badgeFor(EMPTY_STATUS, 0, DEFAULT_INTERVAL_MS)}
        settings={DEFAULT_SETTINGS}
        now={0}
        browserName="chrome"
        bannerCss=""
      />,
    );
    expectNoLiterals(root, dataOf([]), 12);
  });
});

describe('banner', () => {
  const NOW = Date.parse('2026-11-20T14:00:00Z');
  const FAILING: FaultVerdict = { kind: 'claude', since: NOW - 3 * MIN, confidence: 'likely', failures: 3 };

  function decide(site: SiteId, snapshot: Snapshot | null, extra: Partial<AssessInput> = {}): Banner {
    const banner = assess({
      site: siteById(site),
      snapshot,
      stale: false,
      capacitySeenAt: null,
      dismissals: EMPTY_DISMISSALS,
      now: NOW,
      fault: { kind: 'none' },
      ...extra,
    });
    if (!banner) throw new Error('expected a banner');
    return banner;
  }

  /** claude.ai down on the status page without an incident. */
  function outageSnapshot(): Snapshot {
    const snapshot = loadSnapshot('healthy');
    return {
      ...snapshot,
      incidents: [],
      services: snapshot.services.map((s) => (s.id === SERVICE_IDS.claudeAi ? { ...s, state: 'major_outage' } : s)),
    };
  }

  /** An incident naming Opus 4.6 only, claude.ai itself up. */
  function opusSnapshot(): Snapshot {
    const snapshot = loadSnapshot('claude-ai-partial');
    const incident = snapshot.incidents[0];
    if (!incident) throw new Error('fixture without incident');
    incident.name = 'Elevated errors on Claude Opus 4.6';
    snapshot.services = snapshot.services.map((s) => ({ ...s, state: 'operational' }));
    incident.serviceIds = [SERVICE_IDS.claudeAi];
    return snapshot;
  }

  const CASES: [string, SiteId, () => Snapshot | null, Partial<AssessInput>, Banner['kind']][] = [
    ['incident (major outage)', 'claude-ai', () => loadSnapshot('major-outage'), {}, 'incident'],
    ['incident with stale data', 'claude-ai', () => loadSnapshot('claude-ai-partial'), { stale: true }, 'incident'],
    ['incident, several of them', 'platform', () => loadSnapshot('api-outage'), {}, 'incident'],
    ['incident, models named', 'claude-ai', () => loadSnapshot('many-models'), {}, 'incident'],
    [
      'incident on the model in use',
      'claude-ai',
      opusSnapshot,
      { currentModel: parseModelLabel('Opus 4.6') },
      'incident',
    ],
    [
      'incident on another model',
      'claude-ai',
      opusSnapshot,
      { currentModel: parseModelLabel('Sonnet 4.6') },
      'incident',
    ],
    ['hostile incident text', 'claude-ai', () => loadSnapshot('hostile'), {}, 'incident'],
    ['outage without incident', 'claude-ai', outageSnapshot, {}, 'outage'],
    ['capacity', 'claude-ai', () => loadSnapshot('healthy'), { capacitySeenAt: NOW - MIN }, 'capacity'],
    [
      'capacity with failing requests',
      'claude-ai',
      () => loadSnapshot('cowork-only'),
      { capacitySeenAt: NOW - MIN, fault: FAILING },
      'capacity',
    ],
    ['failing', 'claude-ai', () => loadSnapshot('healthy'), { fault: FAILING }, 'failing'],
    ['failing, stale and never checked', 'claude-ai', () => null, { fault: FAILING, stale: true }, 'failing'],
    [
      'connection',
      'claude-ai',
      () => loadSnapshot('healthy'),
      { fault: { kind: 'connection', since: NOW - 2 * MIN } },
      'connection',
    ],
    [
      'connection: blocked network or region',
      'claude-ai',
      () => loadSnapshot('healthy'),
      { fault: { kind: 'connection', since: NOW - 2 * MIN, blocked: true } },
      'connection',
    ],
    ['maintenance', 'platform', () => loadSnapshot('maintenance'), {}, 'maintenance'],
    [
      'outage screen with its error code',
      'claude-ai',
      () => loadSnapshot('healthy'),
      { outageScreen: { at: NOW - MIN, code: '1034YMZ' } },
      'outage-screen',
    ],
    ['retry notice', 'claude-ai', () => loadSnapshot('healthy'), { retrySeenAt: NOW - MIN }, 'retry'],
    ['a reply cut off', 'claude-ai', () => loadSnapshot('healthy'), { incompleteSeenAt: NOW - MIN }, 'incomplete'],
    [
      'a model unavailable, the model in use known',
      'claude-ai',
      () => loadSnapshot('healthy'),
      { modelUnavailableSeenAt: NOW - MIN, currentModel: parseModelLabel('Opus 4.8 High') },
      'model-unavailable',
    ],
    [
      'a model unavailable, the model in use unknown',
      'claude-ai',
      () => loadSnapshot('healthy'),
      { modelUnavailableSeenAt: NOW - MIN },
      'model-unavailable',
    ],
  ];

  it.each(CASES)('%s', (_name, site, snapshotOf, extra, kind) => {
    const snapshot = snapshotOf();
    const banner = decide(site, snapshot, extra);
    expect(banner.kind).toBe(kind);
    const lastSuccessAt = snapshot ? new Date(NOW - 4 * MIN).toISOString() : null;
    const words = bannerText(banner, siteById(site), lastSuccessAt, NOW, USER_ALTERNATIVES);
    const data = dataOf([snapshot], [], [banner]);
    for (const expanded of [false, true]) {
      const section = buildBanner({ text: words, expanded, onToggle: () => {}, onDismiss: () => {}, onLink: () => {} });
      root.replaceChildren(section);
      expectNoLiterals(section, data, 3);
    }
  });

  it('covers every kind of banner', () => {
    expect(new Set(CASES.map((c) => c[4]))).toEqual(
      new Set([
        'incident',
        'outage',
        'capacity',
        'failing',
        'connection',
        'maintenance',
        'outage-screen',
        'retry',
        'incomplete',
        'model-unavailable',
      ]),
    );
  });

  it('a long update: the preview and its toggle', () => {
    const snapshot = loadSnapshot('claude-ai-partial');
    const incident = snapshot.incidents[0];
    const latest = incident?.updates[0];
    if (!incident || !latest) throw new Error('fixture has an update');
    latest.body = 'A long update. '.repeat(40);
    const banner = decide('claude-ai', snapshot);
    const words = bannerText(banner, siteById('claude-ai'), null, NOW);
    expect(words.update?.preview).not.toBeNull();
    for (const expanded of [false, true]) {
      const section = buildBanner({ text: words, expanded, onToggle: () => {}, onDismiss: () => {}, onLink: () => {} });
      root.replaceChildren(section);
      expect(section.querySelector('.so-link-button')).not.toBeNull();
      expectNoLiterals(section, dataOf([snapshot], [], [banner]), 3);
    }
  });
});

describe('keys', () => {
  it('every key the surfaces asked for exists in the English messages', () => {
    // Runs last in this file: the renders above filled `requested`.
    expect(requested.size).toBeGreaterThan(60);
    expect([...requested].filter((key) => !(key in EN_MESSAGES))).toEqual([]);
  });
});
