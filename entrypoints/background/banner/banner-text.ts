/**
 * The banner's words, composed where the decision is made (the background), in the user's
 * language: the content script only turns this plain structure into DOM, which keeps it small
 * (its size budget is in bench/budgets.json) and keeps every surface's wording in one place.
 */

import { WATCH_BANNER_KINDS } from '../../../core/back-watch/back-watch';
import type { Banner } from '../../../core/banner/banner-decision';
import { type BannerActions, type BannerText, INCIDENT_LINK } from '../../../core/banner/banner-words';
import type { UserAlternative } from '../../../core/settings/settings';
import type { Site } from '../../../core/sites/sites';
import type { Typical } from '../../../core/status-page/typical-duration';
import { updatePreview } from '../../../core/status-page/update-preview';
import { agoTime } from '../../../core/time/format';
import { bannerColour } from '../../../core/verdict/kind-look';
import type { Overall } from '../../../core/verdict/overall';
import { alternativeName, locale, plural, t } from '../../../shell/i18n';
import { typicalText } from '../../../shell/words/duration-text';
import { affectedText, modelText } from '../../../shell/words/model-text';
import { overallHeadline, overallLastKnown } from '../../../shell/words/overall-text';
import { dayTime } from '../../../shell/words/time-text';

/** The banners "Copy my message" belongs to: claude.ai failing to answer what the user sent (a reply cut off copies the reply). */
const COPY_KINDS: readonly Banner['kind'][] = ['capacity', 'failing', 'outage-screen'];

/** Whether "Tell me when it's back" is on, and whether it may notify (the permission is the popup's to ask). */
export interface WatchState {
  watching: boolean;
  canNotify: boolean;
}

function actions(banner: Banner, site: Site, watch: WatchState | null): BannerActions | null {
  if (!watch || !site.detectsCapacity || banner.role !== 'alert') return null;
  const offersWatch = WATCH_BANNER_KINDS.includes(banner.kind);
  // A reply cut off: what arrived of it is what the user may lose.
  const copy = COPY_KINDS.includes(banner.kind)
    ? { label: t('bannerCopyMessage'), done: t('bannerCopied'), failed: t('bannerCopyFailed') }
    : banner.kind === 'incomplete'
      ? {
          label: t('bannerCopyReply'),
          done: t('bannerReplyCopied'),
          failed: t('bannerCopyFailed'),
          from: 'reply' as const,
        }
      : null;
  if (!copy && !offersWatch) return null;
  return {
    copy,
    watch: !offersWatch
      ? null
      : watch.watching
        ? {
            on: true,
            note: t(watch.canNotify ? 'bannerWatching' : 'bannerWatchingNoNotify'),
            cancel: t('watchCancel'),
            openPopup: watch.canNotify ? null : t('bannerOpenPopup'),
          }
        : { on: false, label: t('watchStart') },
  };
}

function title(banner: Banner, siteLabel: string): string {
  switch (banner.kind) {
    case 'incident':
      return banner.incident?.name ?? t(`severity_${banner.severity}`);
    case 'outage':
      return t('bannerOutageTitle', siteLabel);
    case 'capacity':
      return t('bannerCapacityTitle');
    case 'maintenance':
      // The label says "maintenance" already: the title is the work's own name.
      return banner.maintenance?.name ?? t('bannerMaintenanceTitle', siteLabel);
    case 'failing':
      return t('bannerFailingTitle');
    case 'connection':
      return t('bannerConnectionTitle');
    case 'outage-screen':
      return t('bannerOutageScreenTitle');
    case 'retry':
      return t('bannerRetryTitle');
    case 'incomplete':
      return t('bannerIncompleteTitle');
    case 'model-unavailable':
      return t('bannerModelUnavailableTitle');
    case 'back':
      return t('bannerBackTitle');
  }
}

function lines(banner: Banner, now: number): BannerText['lines'] {
  const out: BannerText['lines'] = [];
  const advice = banner.models;
  if (advice && banner.kind === 'model-unavailable' && advice.current) {
    // The model claude.ai says is unavailable is the one the page is on.
    out.push({
      text: t('bannerModelUnavailableOn', modelText(advice.current)),
      testId: 'banner-models',
      ...(advice.switchTo
        ? { strong: t('bannerSwitchModel', modelText(advice.switchTo)), strongTestId: 'banner-switch-model' }
        : {}),
    });
  } else if (advice) {
    const names = affectedText(advice);
    if (advice.currentAffected === false && advice.current) {
      out.push({ text: t('bannerModelNotNamed', names, modelText(advice.current)), testId: 'banner-models' });
    } else {
      out.push({
        text: t('bannerModelsAffected', names),
        testId: 'banner-models',
        ...(advice.switchTo
          ? { strong: t('bannerSwitchModel', modelText(advice.switchTo)), strongTestId: 'banner-switch-model' }
          : {}),
      });
    }
  }
  if (banner.kind === 'capacity') out.push({ text: t('bannerCapacityBody') });
  if (banner.kind === 'outage-screen') out.push({ text: t('bannerOutageScreenBody') });
  if (banner.errorCode) out.push({ text: t('bannerErrorCode', banner.errorCode), testId: 'banner-error-code' });
  if (banner.kind === 'retry') out.push({ text: t('bannerRetryBody') });
  if (banner.kind === 'incomplete') out.push({ text: t('bannerIncompleteBody') });
  // Without the model in use, the advice is any other model.
  if (banner.kind === 'model-unavailable' && !advice) out.push({ text: t('bannerModelUnavailableBody') });
  if (banner.kind === 'back') out.push({ text: t('bannerBackBody') });
  if (banner.kind === 'connection') {
    out.push({
      text: t(
        banner.fault?.kind === 'connection' && banner.fault.blocked ? 'bannerBlockedBody' : 'bannerConnectionBody',
      ),
    });
  }
  const fault = banner.fault;
  if (fault?.kind === 'claude') {
    const since = dayTime(new Date(fault.since).toISOString(), now);
    out.push(
      banner.kind === 'failing'
        ? { text: t('bannerFailingBody', since), testId: 'banner-fault' }
        : { text: plural('bannerFailingConfirmed', fault.failures), testId: 'banner-fault' },
    );
  }
  return out;
}

/** What the banner says alike with the other surfaces: the one verdict, and how long incidents like this lasted. */
export interface BannerStory {
  /** The verdict the badge and the popup show (core/verdict/overall.ts), from the same inputs. */
  verdict: Overall | null;
  /** For the banner's incident (core/status-page/typical-duration.ts); null: no figure. */
  typical: Typical | null;
}

const NO_STORY: BannerStory = { verdict: null, typical: null };

/**
 * While the status is unknown, the words the badge's tooltip and the popup's header use: since
 * when, and what was known last (issue #27, item 2). The banner's incident is that last known state.
 */
function unknownLines(lastSuccessAt: string | null, verdict: Overall | null, now: number): BannerText['lines'] {
  const since = overallHeadline({ kind: 'stale', affected: [], lastSuccessAt }, now);
  const lastKnown = verdict && overallLastKnown(verdict);
  return [
    { text: since, testId: 'banner-unknown' },
    ...(lastKnown ? [{ text: lastKnown, testId: 'banner-last-known' }] : []),
  ];
}

/** The banners whose label is the status page's word: while it cannot be checked, "Status unknown". */
const PAGE_KINDS: readonly Banner['kind'][] = ['incident', 'outage', 'maintenance'];

/** The user's own alternatives shown after the catalogue's picks (the popup lists them all). */
const USER_ALTERNATIVES_IN_BANNER = 2;

export function bannerText(
  banner: Banner,
  site: Site,
  lastSuccessAt: string | null,
  now: number,
  userAlternatives: readonly UserAlternative[] = [],
  watch: WatchState | null = null,
  story: BannerStory = NO_STORY,
  /** The "Wrong banner?" report (core/claude-page/page-report.ts), for banners raised by the page's signals. */
  report: string | null = null,
): BannerText {
  const started = agoTime(banner.startedAt, now, locale(), t('relativeNow'));
  const body = banner.latestUpdate?.body ?? '';
  const meta: string[] = [];
  if (started) meta.push(t('bannerStarted', started));
  if (banner.incident && story.typical) meta.push(typicalText(story.typical));
  if (banner.maintenance?.scheduledUntil) {
    meta.push(t('bannerMaintenanceUntil', dayTime(banner.maintenance.scheduledUntil, now)));
  }
  const unknown = banner.stale ? unknownLines(lastSuccessAt, story.verdict, now) : [];
  return {
    kind: banner.kind,
    role: banner.role,
    severity: banner.severity,
    colour: bannerColour(banner.kind, banner.severity),
    label: t('bannerLabel'),
    // The status page's word for its own incidents ("Status unknown" while it cannot be checked);
    // a word of its own for everything else; none for the "back" note, which says claude.ai
    // answers again, not that every service is operational.
    severityLabel:
      banner.kind === 'back'
        ? ''
        : banner.stale && PAGE_KINDS.includes(banner.kind)
          ? t('severity_stale')
          : banner.kind === 'incident' || banner.kind === 'outage'
            ? t(`severity_${banner.severity}`)
            : t(`bannerKind_${banner.kind.replace('-', '_')}`),
    title: title(banner, site.label),
    more: banner.moreIncidents > 0 ? plural('bannerMore', banner.moreIncidents) : null,
    lines: [...unknown, ...lines(banner, now)],
    update: body ? { full: body, preview: updatePreview(body) } : null,
    meta,
    incidentLink: banner.url
      ? {
          id: INCIDENT_LINK,
          href: banner.url,
          text: t(
            banner.incident ? 'bannerIncidentLink' : banner.maintenance ? 'bannerMaintenanceLink' : 'bannerStatusLink',
          ),
          testId: 'banner-incident-link',
        }
      : null,
    alternativesLabel: t('bannerTryInstead'),
    alternatives: [
      ...banner.alternatives.map((a) => ({
        id: a.id,
        href: a.url,
        text: alternativeName(a),
        alternative: a.id,
        // Why it works now, on hover: the banner stays one line of links.
        why: t(`altWhy_${a.id.replace(/-/g, '_')}`),
      })),
      // Only where the banner offers alternatives at all (not for maintenance or a local connection problem).
      // By name only: the user's own addresses (an internal gateway, say) never enter the page.
      ...(banner.alternatives.length > 0 ? userAlternatives.slice(0, USER_ALTERNATIVES_IN_BANNER) : []).map((a) => ({
        id: a.id,
        text: a.name,
        alternative: a.id,
      })),
    ],
    dismissLabel: t('bannerDismiss'),
    moreLabel: t('bannerMoreText'),
    lessLabel: t('bannerLess'),
    actions: actions(banner, site, watch),
    report: report
      ? { label: t('bannerReport'), done: t('bannerReportCopied'), failed: t('bannerCopyFailed'), text: report }
      : null,
  };
}
