/**
 * The toolbar popup: paints from stored state at once, refreshes when the data is old. In one
 * glance: what is broken, since when, what Anthropic last said, and where to keep working.
 */
import { useEffect } from 'preact/hooks';
import { failingServiceIds } from '../core/alternatives';
import { DEFAULT_INTERVAL_MS } from '../core/health';
import type { UserAlternative } from '../core/settings';
import { STATUS_PAGE_URL } from '../core/sources';
import { storageFullShown } from '../core/storage-full';
import { t } from '../shell/i18n';
import { AlternativesList } from './alternatives-list';
import { CapacityNote, capacityCount } from './capacity-note';
import { HistorySection } from './history-section';
import { ExternalLink, IncidentList } from './incident-list';
import { MaintenanceList } from './maintenance-list';
import { PermissionNotice } from './permission-notice';
import { popupStore } from './popup-store';
import { ServiceList } from './service-list';
import { StatusHeader } from './status-header';
import { useStore } from './use-store';

export interface PopupAppProps {
  onRefresh: () => void;
  onGrantAccess: () => void;
  onOpenOptions: () => void;
  intervalMs?: number;
  /** The user's own alternatives, from the options. */
  mine?: UserAlternative[];
}

export function PopupApp({
  onRefresh,
  onGrantAccess,
  onOpenOptions,
  intervalMs = DEFAULT_INTERVAL_MS,
  mine = [],
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
  const showAlternatives = failingServiceIds(snapshot).size > 0 || capacityCount(signals, now) > 0;
  return (
    <div class="so-popup">
      <StatusHeader status={status} now={now} intervalMs={intervalMs} refreshing={s.refreshing} onRefresh={onRefresh} />
      <main>
        {(s.access === 'missing' || (s.access !== 'granted' && status.health.lastErrorKind === 'permission')) && (
          <PermissionNotice onGrant={onGrantAccess} />
        )}
        {snapshot && (
          <>
            <IncidentList
              incidents={snapshot.incidents}
              services={services}
              now={now}
              expanded={s.expanded}
              onToggle={s.toggleExpanded}
            />
            {snapshot.trimmed && (
              <p class="so-nodata" data-testid="trimmed">
                {t('popupTrimmed')}
              </p>
            )}
            <MaintenanceList maintenances={snapshot.maintenances} now={now} />
            <ServiceList services={services} groups={snapshot.groups} />
          </>
        )}
        {storageFullShown(s.storageFull, now) && (
          <p class="so-nodata" role="status" data-testid="storage-full">
            {t('popupStorageFull')}
          </p>
        )}
        {(showAlternatives || mine.length > 0) && <AlternativesList snapshot={snapshot} mine={mine} />}
        <CapacityNote signals={signals} failures={s.failures} now={now} />
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
