/**
 * The toolbar popup: paints from stored state at once, refreshes when the data is old. In its
 * first screen, in this order: the verdict naming the service, where to keep working, the
 * incident, the services, maintenance; then what claude.ai showed, history and links.
 */
import { useEffect } from 'preact/hooks';
import { watchOffered } from '../../core/back-watch/back-watch';
import type { PageSignalKind } from '../../core/claude-page/page-facts';
import { unavailableModelAdvice } from '../../core/models/claude-models';
import { DEFAULT_INTERVAL_MS } from '../../core/polling/health';
import type { UserAlternative } from '../../core/settings/settings';
import { storageFullShown } from '../../core/settings/storage-full';
import { STATUS_PAGE_URL } from '../../core/status-page/sources';
import { badgeFor } from '../../core/verdict/badge';
import { type OverallContext, PAGE_ONLY } from '../../core/verdict/overall';
import { t } from '../../shell/i18n';
import { useStore } from '../shared/use-store';
import { AlternativesList } from './alternatives-list';
import { BackWatchControl } from './back-watch-control';
import { CapacityNote } from './capacity-note';
import { HistorySection } from './history-section';
import { ExternalLink, IncidentList } from './incident-list';
import { MaintenanceList } from './maintenance-list';
import { PermissionNotice } from './permission-notice';
import { popupStore } from './popup-store';
import { ServiceList } from './service-list';
import { StatusHeader } from './status-header';

export interface PopupAppProps {
  onRefresh: () => void;
  onGrantAccess: () => void;
  onOpenOptions: () => void;
  /** "Tell me when it's back": on (asking for the notification permission in the same click), or off. */
  onWatch?: () => void;
  onCancelWatch?: () => void;
  /** "Wrong banner?": copies the report of the latest signal of this kind (the page entry composes it). */
  onReport?: (kind: PageSignalKind) => Promise<boolean>;
  intervalMs?: number;
  /** The user's own alternatives, from the options. */
  userAlternatives?: UserAlternative[];
  /** The options the verdict follows: services I care about, what is watched on claude.ai. */
  settings?: OverallContext['settings'];
}

export function PopupApp({
  onRefresh,
  onGrantAccess,
  onOpenOptions,
  onWatch = () => undefined,
  onCancelWatch = () => undefined,
  onReport,
  intervalMs = DEFAULT_INTERVAL_MS,
  userAlternatives = [],
  settings = PAGE_ONLY.settings,
}: PopupAppProps) {
  const s = useStore(popupStore);
  const { status, now, signals } = s;
  const snapshot = status.snapshot;
  const tick = s.tick;
  useEffect(() => {
    // Keeps "checked 40 s ago" true while the popup stays open.
    const timer = setInterval(() => tick(Date.now()), 10_000);
    return () => clearInterval(timer);
  }, [tick]);
  const services = snapshot?.services ?? [];
  // The badge's verdict: the header says what it says, and alternatives show when they help.
  const view = badgeFor(status, now, intervalMs, {
    signals,
    failures: s.failures,
    settings,
    online: navigator.onLine,
    currentModel: s.modelInUse,
  });
  // "Tell me when it's back" is about claude.ai: offered while the verdict has it in trouble, shown while on.
  const claudeAiTrouble = watchOffered(view.local, snapshot, settings.mutedServices);
  // The model claude.ai says is unavailable is the one its latest tab showed: the banner's advice.
  const modelAdvice = view.kind === 'model-unavailable' ? unavailableModelAdvice(s.modelInUse) : null;
  return (
    <div class="so-popup">
      <StatusHeader
        status={status}
        view={view}
        now={now}
        refreshing={s.refreshing}
        onRefresh={onRefresh}
        modelAdvice={modelAdvice}
      />
      <main>
        {(s.access === 'missing' || (s.access !== 'granted' && status.health.lastErrorKind === 'permission')) && (
          <PermissionNotice onGrant={onGrantAccess} />
        )}
        {view.alternatives && (
          <AlternativesList snapshot={snapshot} surfaces={view.surfaces} userAlternatives={userAlternatives} />
        )}
        {snapshot && (
          <>
            <IncidentList
              incidents={snapshot.incidents}
              services={services}
              now={now}
              expanded={s.expanded}
              onToggle={s.toggleExpanded}
              context={{
                modelInUse: s.modelInUse,
                claudeAiAlternatives: view.surfaces.includes('claude-ai'),
                pastDurations: s.pastDurations,
              }}
            />
            {snapshot.trimmed && (
              <p class="so-nodata" data-testid="trimmed">
                {t('popupTrimmed')}
              </p>
            )}
            <ServiceList services={services} groups={snapshot.groups} />
            <MaintenanceList maintenances={snapshot.maintenances} now={now} />
          </>
        )}
        {storageFullShown(s.storageFull, now) && (
          <p class="so-nodata" role="status" data-testid="storage-full">
            {t('popupStorageFull')}
          </p>
        )}
        {(claudeAiTrouble || s.backWatch.watch !== null) && (
          <BackWatchControl backWatch={s.backWatch} now={now} onWatch={onWatch} onCancel={onCancelWatch} />
        )}
        <CapacityNote signals={signals} failures={s.failures} now={now} onReport={onReport} />
        <HistorySection
          history={s.history}
          services={services}
          now={now}
          loading={s.historyLoading}
          detail={s.stripDetail}
          onDetail={s.setStripDetail}
        />
      </main>
      <footer class="so-footer">
        <ExternalLink href={STATUS_PAGE_URL} text={t('popupOpenStatusPage')} />
        <button type="button" class="so-link-button" data-testid="open-options" onClick={onOpenOptions}>
          {t('popupOptions')}
        </button>
      </footer>
      <p class="so-sr" aria-live="polite">
        {s.announcement}
      </p>
    </div>
  );
}
