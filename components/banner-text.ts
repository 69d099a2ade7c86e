/**
 * The banner's words, composed where the decision is made (the background), in the user's
 * language: the content script only turns this plain structure into DOM, which keeps it small
 * (issue #8's 10 KB budget) and keeps every surface's wording in one place.
 */
import { clockTime, relativeTime } from '../core/format';
import type { UserAlternative } from '../core/settings';
import type { Site } from '../core/sites';
import type { Banner } from '../core/verdict';
import { locale, t } from '../shell/i18n';
import { affectedText, modelText } from './model-text';

/** Longer updates are cut here; the whole text is one click away. */
export const BODY_PREVIEW = 280;

export interface BannerLink {
  href: string;
  text: string;
  testId?: string;
  alternative?: string;
}

export interface BannerText {
  kind: Banner['kind'];
  role: Banner['role'];
  severity: Banner['severity'];
  label: string;
  severityLabel: string;
  title: string;
  more: string | null;
  /** Paragraphs before the update, each with an optional test id. */
  lines: { text: string; testId?: string; strong?: string; strongTestId?: string }[];
  /** The latest update: the full text, and the preview when it is long. */
  update: { full: string; preview: string | null; moreLabel: string; lessLabel: string } | null;
  meta: string[];
  incidentLink: BannerLink | null;
  alternativesLabel: string;
  alternatives: BannerLink[];
  dismissLabel: string;
  /** What the banner offers to keep the user's work going (issue #18); null where it offers nothing. */
  actions: BannerActions | null;
}

/** "Copy my message" and "Tell me when it's back", in words; the page wires them (banner-host.ts). */
export interface BannerActions {
  /** Offered only where the page shows a message or a draft; the page checks at draw time. */
  copy: { label: string; done: string; failed: string } | null;
  watch: { on: false; label: string } | { on: true; note: string; cancel: string; openPopup: string | null };
}

/** The banners "Copy my message" belongs to: claude.ai failing to answer what the user sent. */
const COPY_KINDS: readonly Banner['kind'][] = ['capacity', 'failing', 'outage-screen'];
/** The banners that offer "Tell me when it's back": claude.ai itself in trouble. */
const WATCH_KINDS: readonly Banner['kind'][] = [...COPY_KINDS, 'incident', 'outage'];

/** Whether "Tell me when it's back" is on, and whether it may notify (the permission is the popup's to ask). */
export interface WatchState {
  watching: boolean;
  canNotify: boolean;
}

function actions(banner: Banner, site: Site, watch: WatchState | null): BannerActions | null {
  if (!watch || !site.detectsCapacity || banner.role !== 'alert' || !WATCH_KINDS.includes(banner.kind)) return null;
  return {
    copy: COPY_KINDS.includes(banner.kind)
      ? { label: t('bannerCopyMessage'), done: t('bannerCopied'), failed: t('bannerCopyFailed') }
      : null,
    watch: watch.watching
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
      return t('bannerOutageTitle', siteLabel, t(`severity_${banner.severity}`));
    case 'capacity':
      return t('bannerCapacityTitle');
    case 'maintenance':
      return t('bannerMaintenanceTitle', banner.maintenance?.name ?? siteLabel);
    case 'failing':
      return t('bannerFailingTitle');
    case 'connection':
      return t('bannerConnectionTitle');
    case 'outage-screen':
      return t('bannerOutageScreenTitle');
    case 'retry':
      return t('bannerRetryTitle');
    case 'back':
      return t('bannerBackTitle');
  }
}

function lines(banner: Banner): BannerText['lines'] {
  const out: BannerText['lines'] = [];
  const advice = banner.models;
  if (advice) {
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
    const since = clockTime(new Date(fault.since).toISOString(), locale()) ?? '';
    out.push(
      banner.kind === 'failing'
        ? { text: t('bannerFailingBody', since), testId: 'banner-fault' }
        : { text: t('bannerFailingConfirmed', fault.failures), testId: 'banner-fault' },
    );
  }
  return out;
}

/** The user's own alternatives shown after the catalogue's picks (the popup lists them all). */
const MINE_IN_BANNER = 2;

export function bannerText(
  banner: Banner,
  site: Site,
  lastSuccessAt: string | null,
  now: number,
  mine: readonly UserAlternative[] = [],
  watch: WatchState | null = null,
): BannerText {
  const started = relativeTime(banner.startedAt, now, locale());
  const body = banner.latestUpdate?.body ?? '';
  const meta: string[] = [];
  if (started) meta.push(t('bannerStarted', started));
  if (banner.maintenance?.scheduledUntil) {
    meta.push(t('bannerMaintenanceUntil', clockTime(banner.maintenance.scheduledUntil, locale()) ?? ''));
  }
  if (banner.stale) meta.push(t('bannerStale', clockTime(lastSuccessAt, locale()) ?? t('never')));
  return {
    kind: banner.kind,
    role: banner.role,
    severity: banner.severity,
    label: t('bannerLabel'),
    // The "back" note says claude.ai answers again, not that every service is operational.
    severityLabel: banner.kind === 'back' ? '' : t(`severity_${banner.severity}`),
    title: title(banner, site.label),
    more: banner.moreIncidents > 0 ? t('bannerMore', banner.moreIncidents) : null,
    lines: lines(banner),
    update: body
      ? {
          full: body,
          preview: body.length > BODY_PREVIEW ? `${body.slice(0, BODY_PREVIEW).trimEnd()}…` : null,
          moreLabel: t('bannerMoreText'),
          lessLabel: t('bannerLess'),
        }
      : null,
    meta,
    incidentLink: banner.url
      ? { href: banner.url, text: t('bannerIncidentLink'), testId: 'banner-incident-link' }
      : null,
    alternativesLabel: t('bannerTryInstead'),
    alternatives: [
      ...banner.alternatives.map((a) => ({ href: a.url, text: a.name, alternative: a.id })),
      // Only where the banner offers alternatives at all (not for maintenance or a local connection problem).
      ...(banner.alternatives.length > 0 ? mine.slice(0, MINE_IN_BANNER) : []).map((a) => ({
        href: a.url,
        text: a.name,
        alternative: a.id,
      })),
    ],
    dismissLabel: t('bannerDismiss'),
    actions: actions(banner, site, watch),
  };
}
