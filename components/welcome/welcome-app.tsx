/**
 * The page the extension opens once, on install (issue #15, item 6): today's status, how to pin
 * the button to see the badge, what the banner looks like and when it appears, and the options.
 * Each part is a section of WELCOME_SECTIONS: a later feature adds its own section there.
 */
import type { ComponentChild } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { BannerText } from '../../core/banner/banner-words';
import type { Settings } from '../../core/settings/settings';
import type { StatusState } from '../../core/status-page/status-model';
import { agoTime } from '../../core/time/format';
import { MINUTE_MS } from '../../core/time/time';
import type { BadgeView } from '../../core/verdict/badge';
import { bannerColour, KIND_LOOK, LOOK_KINDS } from '../../core/verdict/kind-look';
import { locale, t } from '../../shell/i18n';
import { overallLastKnown, overallWorking, statusHeadline } from '../../shell/words/overall-text';
import { dayTime } from '../../shell/words/time-text';
import { renderBanner } from '../banner/banner';

export interface WelcomeProps {
  status: StatusState;
  /** The one verdict the badge and the popup's header show (core/verdict/overall.ts). */
  view: BadgeView;
  settings: Settings;
  now: number;
  /** Which browser's words to use for pinning the button. */
  browserName: 'chrome' | 'firefox';
  /** The banner's own styles (entrypoints/claude.content/style.css), for the sample. */
  bannerCss: string;
}

export interface WelcomeSection {
  id: string;
  heading: () => string;
  body: (props: WelcomeProps) => ComponentChild;
}

/**
 * Today's status in the words of the popup's header (components/popup/status-header.tsx): the one
 * verdict, then whether the status page answers. Until a first check succeeds that is "checking",
 * and once a check has failed it says the status is unknown and why, as the badge's grey `?` does,
 * rather than "checking" for ever.
 */
function TodayStatus({ status, view, now }: WelcomeProps) {
  const { snapshot, health } = status;
  const checked = agoTime(health.lastSuccessAt, now, locale(), t('relativeNow'));
  const working = overallWorking(view);
  const failing = health.failingSince !== null;
  const lastKnown = overallLastKnown(view);
  return (
    <>
      <p data-testid="welcome-status" data-kind={view.kind} class={`so-state so-colour-${view.kind}`}>
        {statusHeadline(snapshot, view, now)}
      </p>
      {lastKnown && <p data-testid="welcome-last-known">{lastKnown}</p>}
      {!snapshot && !failing && <p data-testid="welcome-checking">{t('popupNoData')}</p>}
      {/* Once the status counts as unknown the headline says since when; before that, say the check fails. */}
      {failing && !lastKnown && (
        <p data-testid="welcome-unreachable">
          {snapshot
            ? t(
                'popupUnreachable',
                dayTime(health.failingSince, now),
                health.source ? t(`source_${health.source}`) : '',
              )
            : t('popupUnreachableNoData', t(`fetchError_${(health.lastErrorKind ?? 'network').replaceAll('-', '_')}`))}
        </p>
      )}
      {working && <p data-testid="welcome-working">{working}</p>}
      {snapshot && snapshot.incidents.length > 0 && (
        <ul>
          {snapshot.incidents.map((incident) => (
            <li key={incident.id}>{incident.name}</li>
          ))}
        </ul>
      )}
      {checked && <p class="so-muted">{t('popupCheckedAgo', checked)}</p>}
    </>
  );
}

function Pin({ browserName }: WelcomeProps) {
  return (
    <>
      <p data-testid="welcome-pin">{t(browserName === 'firefox' ? 'welcomePinFirefox' : 'welcomePinChrome')}</p>
      <p>{t('welcomeBadgeIntro')}</p>
      <BadgeLegend />
      <p>{t('welcomeBadgeClick')}</p>
    </>
  );
}

/**
 * Every mark the badge can show, in its own colour (core/verdict/kind-look.ts, the badge's table),
 * with what it means: nothing is left out, since the list is the table.
 */
export function BadgeLegend() {
  return (
    <dl class="so-legend" data-testid="welcome-badge-legend">
      {LOOK_KINDS.map((kind) => (
        <div key={kind} class="so-legend-row" data-kind={kind}>
          <dt>
            {KIND_LOOK[kind].mark ? (
              // The badge's own look: white on its colour, whatever the page's theme.
              <span
                class="so-legend-mark"
                style={{ background: KIND_LOOK[kind].light }}
                data-testid="welcome-badge-mark"
              >
                {KIND_LOOK[kind].mark}
              </span>
            ) : (
              <span class="so-legend-mark so-legend-empty" data-testid="welcome-badge-mark">
                {t('welcomeBadgeEmpty')}
              </span>
            )}
          </dt>
          <dd>{t(`welcomeBadge_${kind.replace('-', '_')}`)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A sample of the banner: the real view and styles, fixed in place, with nothing to click, in a
 * frame captioned as a sample so that nobody takes it for today's status (the status section
 * above says that). The banner itself is hidden from assistive tools (the list above says it in
 * words), so it is never announced as an alert; the caption is read.
 */
const SAMPLE_CSS =
  '.so-banner{position:static;transform:none;width:auto;max-height:none}.so-dismiss,.so-toggle{display:none}';

function sampleText(now: number): BannerText {
  const started = agoTime(new Date(now - 14 * MINUTE_MS).toISOString(), now, locale(), t('relativeNow')) ?? '';
  return {
    kind: 'incident',
    role: 'alert',
    severity: 'partial_outage',
    colour: bannerColour('incident', 'partial_outage'),
    label: t('bannerLabel'),
    severityLabel: t('severity_partial_outage'),
    title: t('welcomeSampleTitle'),
    more: null,
    lines: [],
    update: { full: t('welcomeSampleUpdate'), preview: null },
    meta: [t('bannerStarted', started)],
    incidentLink: null,
    alternativesLabel: '',
    alternatives: [],
    dismissLabel: t('bannerDismiss'),
    moreLabel: t('bannerMoreText'),
    lessLabel: t('bannerLess'),
    actions: null,
  };
}

function BannerSample({ settings, now, bannerCss }: WelcomeProps) {
  const ref = useRef<HTMLDivElement>(null);
  const language = settings.language;
  const theme = settings.theme;
  useEffect(() => {
    const host = ref.current;
    if (!host) return;
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = bannerCss + SAMPLE_CSS;
    const box = document.createElement('div');
    root.replaceChildren(style, box);
    host.classList.toggle('so-dark', theme === 'dark');
    host.classList.toggle('so-light', theme === 'light');
    renderBanner(box, {
      text: sampleText(now),
      expanded: true,
      onToggle: () => undefined,
      onDismiss: () => undefined,
      onLink: () => undefined,
    });
  }, [bannerCss, language, theme, now]);
  return (
    <figure class="so-sample" data-testid="welcome-sample">
      <figcaption data-testid="welcome-sample-caption">{t('welcomeSampleCaption')}</figcaption>
      <div ref={ref} data-testid="welcome-banner-sample" aria-hidden="true" />
    </figure>
  );
}

const BANNER_CASES = ['incident', 'capacity', 'outage', 'failing', 'reply', 'maintenance'] as const;

function Banner(props: WelcomeProps) {
  return (
    <>
      <p>{t('welcomeBannerWhen')}</p>
      <ul data-testid="welcome-banner-cases">
        {BANNER_CASES.map((c) => (
          <li key={c}>{t(`welcomeBannerCase_${c}`)}</li>
        ))}
      </ul>
      <p>{t('welcomeBannerLooks')}</p>
      <BannerSample {...props} />
    </>
  );
}

function Options() {
  return (
    <>
      <p>{t('welcomeOptionsBody')}</p>
      <p>
        <a href="options.html" data-testid="welcome-options">
          {t('welcomeOptionsLink')}
        </a>
      </p>
    </>
  );
}

/** "Copy my message" (or the partial reply) and "Tell me when it's back": what the banner and the popup offer in an outage. */
function KeepWorking() {
  return (
    <ul data-testid="welcome-keep-working">
      <li>{t('welcomeKeepCopy')}</li>
      <li>{t('welcomeKeepCopyReply')}</li>
      <li>{t('welcomeKeepWatch')}</li>
    </ul>
  );
}

export const WELCOME_SECTIONS: readonly WelcomeSection[] = [
  { id: 'status', heading: () => t('welcomeStatusHeading'), body: TodayStatus },
  { id: 'pin', heading: () => t('welcomePinHeading'), body: Pin },
  { id: 'banner', heading: () => t('welcomeBannerHeading'), body: Banner },
  { id: 'keep-working', heading: () => t('welcomeKeepHeading'), body: KeepWorking },
  { id: 'options', heading: () => t('welcomeOptionsHeading'), body: Options },
];

export function WelcomeApp(props: WelcomeProps & { sections?: readonly WelcomeSection[] }) {
  const sections = props.sections ?? WELCOME_SECTIONS;
  return (
    <main class="so-welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeIntro')}</p>
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`so-${section.id}`} data-testid={`welcome-section-${section.id}`}>
          <h2 id={`so-${section.id}`}>{section.heading()}</h2>
          {section.body(props)}
        </section>
      ))}
    </main>
  );
}
