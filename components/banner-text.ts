/**
 * The banner's words, composed where the decision is made (the background), in the user's
 * language: the content script only turns this plain structure into DOM, which keeps it small
 * (issue #8's 10 KB budget) and keeps every surface's wording in one place.
 */
import { clockTime, relativeTime } from '../core/format';
import type { UserAlternative } from '../core/settings';
import type { Site } from '../core/sites';
import type { Banner } from '../core/verdict';
import { alternativeName, locale, plural, t } from '../shell/i18n';
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
  /** The compact form's (under 600 px) "more" and "less". */
  moreLabel: string;
  lessLabel: string;
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
        : { text: plural('bannerFailingConfirmed', fault.failures), testId: 'banner-fault' },
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
): BannerText {
  const started = relativeTime(banner.startedAt, now, locale(), t('relativeNow'));
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
    severityLabel: t(`severity_${banner.severity}`),
    title: title(banner, site.label),
    more: banner.moreIncidents > 0 ? plural('bannerMore', banner.moreIncidents) : null,
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
      ...banner.alternatives.map((a) => ({ href: a.url, text: alternativeName(a), alternative: a.id })),
      // Only where the banner offers alternatives at all (not for maintenance or a local connection problem).
      ...(banner.alternatives.length > 0 ? mine.slice(0, MINE_IN_BANNER) : []).map((a) => ({
        href: a.url,
        text: a.name,
        alternative: a.id,
      })),
    ],
    dismissLabel: t('bannerDismiss'),
    moreLabel: t('bannerMoreText'),
    lessLabel: t('bannerLess'),
  };
}
