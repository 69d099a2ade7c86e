/**
 * The in-page banner. Plain DOM rather than Preact: the content script runs on every claude.ai
 * page and has a 10 KB gzip budget (issue #8), which Preact alone would use half of.
 * Remote text only ever becomes text nodes (`textContent`); links are only those core/ checked
 * (https on the status origins, or the alternatives catalogue).
 */
import { clockTime, relativeTime } from '../core/format';
import type { Banner as BannerModel } from '../core/verdict';
import { t } from '../shell/i18n';

/** Longer updates are cut here; the whole text is one click away. */
export const BODY_PREVIEW = 280;

export interface BannerProps {
  banner: BannerModel;
  siteLabel: string;
  lastSuccessAt: string | null;
  now: number;
  expanded: boolean;
  onToggle: () => void;
  onDismiss: () => void;
}

type Attrs = Record<string, string>;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | false)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

function link(href: string, text: string, attrs: Attrs = {}): HTMLAnchorElement {
  return el('a', { href, target: '_blank', rel: 'noopener noreferrer', ...attrs }, text);
}

export function bannerTitle(banner: BannerModel, siteLabel: string): string {
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
  }
}

/** Which models the incident names, and the way out inside claude.ai: another model. */
function modelLine(banner: BannerModel): HTMLElement | null {
  const advice = banner.models;
  if (!advice || advice.affected.length === 0) return null;
  const names = advice.affected.map((m) => m.label).join(', ');
  if (advice.currentAffected === false && advice.current) {
    return el(
      'p',
      { class: 'so-models', 'data-testid': 'banner-models' },
      t('bannerModelNotNamed', names, advice.current.label),
    );
  }
  return el(
    'p',
    { class: 'so-models', 'data-testid': 'banner-models' },
    el('span', {}, t('bannerModelsAffected', names)),
    advice.switchTo &&
      el('strong', { 'data-testid': 'banner-switch-model' }, t('bannerSwitchModel', advice.switchTo.label)),
  );
}

/** What the page's own failed requests say, in words. */
function faultLine(banner: BannerModel): HTMLElement | null {
  const fault = banner.fault;
  if (banner.kind === 'connection') return el('p', { class: 'so-body' }, t('bannerConnectionBody'));
  if (fault?.kind !== 'claude') return null;
  const since = clockTime(new Date(fault.since).toISOString()) ?? '';
  if (banner.kind === 'failing') {
    return el('p', { class: 'so-body', 'data-testid': 'banner-fault' }, t('bannerFailingBody', since));
  }
  return el('p', { class: 'so-body', 'data-testid': 'banner-fault' }, t('bannerFailingConfirmed', fault.failures));
}

export function buildBanner(props: BannerProps): HTMLElement {
  const { banner, siteLabel, lastSuccessAt, now, expanded } = props;
  const started = relativeTime(banner.startedAt, now);
  const body = banner.latestUpdate?.body ?? '';
  const long = body.length > BODY_PREVIEW;

  const toggle = el('button', { type: 'button', class: 'so-link-button', 'aria-expanded': String(expanded) });
  toggle.textContent = expanded ? t('bannerLess') : t('bannerMoreText');
  toggle.addEventListener('click', props.onToggle);

  const dismiss = el('button', {
    type: 'button',
    class: 'so-dismiss',
    'aria-label': t('bannerDismiss'),
    title: t('bannerDismiss'),
  });
  dismiss.textContent = '×';
  dismiss.addEventListener('click', props.onDismiss);

  const meta = el(
    'p',
    { class: 'so-meta' },
    started && el('span', {}, t('bannerStarted', started)),
    banner.maintenance?.scheduledUntil
      ? el('span', {}, t('bannerMaintenanceUntil', clockTime(banner.maintenance.scheduledUntil) ?? ''))
      : null,
    banner.url && link(banner.url, t('bannerIncidentLink'), { 'data-testid': 'banner-incident-link' }),
    banner.stale && el('span', { class: 'so-stale' }, t('bannerStale', clockTime(lastSuccessAt) ?? t('never'))),
  );

  const alternatives =
    banner.alternatives.length > 0 &&
    el(
      'p',
      { class: 'so-alternatives', 'data-testid': 'banner-alternatives' },
      el('span', {}, t('bannerTryInstead')),
      ...banner.alternatives.map((a) => link(a.url, a.name, { 'data-alternative': a.id })),
    );

  return el(
    'section',
    {
      class: `so-banner so-kind-${banner.kind} so-sev-${banner.severity}`,
      role: banner.role,
      'aria-label': t('bannerLabel'),
      'data-kind': banner.kind,
      'data-severity': banner.severity,
    },
    el(
      'div',
      { class: 'so-main' },
      el(
        'p',
        { class: 'so-title' },
        el('span', { class: 'so-severity' }, t(`severity_${banner.severity}`)),
        el('span', { class: 'so-name', 'data-testid': 'banner-title' }, bannerTitle(banner, siteLabel)),
        banner.moreIncidents > 0 && el('span', { class: 'so-more' }, t('bannerMore', banner.moreIncidents)),
      ),
      modelLine(banner),
      banner.kind === 'capacity' && el('p', { class: 'so-body' }, t('bannerCapacityBody')),
      faultLine(banner),
      body &&
        el(
          'p',
          { class: 'so-body so-update', 'data-testid': 'banner-update' },
          long && !expanded ? `${body.slice(0, BODY_PREVIEW).trimEnd()}…` : body,
          long && toggle,
        ),
      meta,
      alternatives,
    ),
    dismiss,
  );
}

/** Replaces the banner in `container`, keeping focus on the control that had it. */
export function renderBanner(container: HTMLElement, props: BannerProps): void {
  const root = container.getRootNode() as Document | ShadowRoot;
  const focused = root.activeElement;
  const focusKey = focused?.classList.contains('so-link-button')
    ? '.so-link-button'
    : focused?.classList.contains('so-dismiss')
      ? '.so-dismiss'
      : null;
  container.replaceChildren(buildBanner(props));
  if (focusKey) container.querySelector<HTMLElement>(focusKey)?.focus();
}
