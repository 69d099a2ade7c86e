/**
 * The toolbar popup: paints from stored state at once, refreshes when the data is old. In one
 * glance: what is broken, since when, what Anthropic last said, and where to keep working.
 */
import { useEffect } from 'preact/hooks';
import { failingServiceIds } from '../core/alternatives';
import { statusTrouble } from '../core/back-watch';
import { DEFAULT_INTERVAL_MS } from '../core/health';
import { SERVICE_IDS } from '../core/services';
import type { UserAlternative } from '../core/settings';
import { STATUS_PAGE_URL } from '../core/sources';
import { t } from '../shell/i18n';
import { AlternativesList } from './alternatives-list';
import { BackWatchControl } from './back-watch-control';
import { CapacityNote, capacityCount } from './capacity-note';
import { HistorySection } from './history-section';
import { ExternalLink, IncidentList } from './incident-list';
import { MaintenanceList } from './maintenance-list';
import { PermissionNotice } from './permission-notice';
import { usePopupState } from './popup-store';
import { ServiceList } from './service-list';
import { StatusHeader } from './status-header';

export interface PopupAppProps {
  onRefresh: () => void;
  onGrantAccess: () => void;
  onOpenOptions: () => void;
  /** "Tell me when it's back": on (asking for the notification permission in the same click), or off. */
  onWatch?: () => void;
  onCancelWatch?: () => void;
  intervalMs?: number;
  /** The user's own alternatives, from the options. */
  mine?: UserAlternative[];
}

export function PopupApp({
  onRefresh,
  onGrantAccess,
  onOpenOptions,
  onWatch = () => undefined,
  onCancelWatch = () => undefined,
  intervalMs = DEFAULT_INTERVAL_MS,
  mine = [],
}: PopupAppProps) {
  const s = usePopupState();
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
  // "Tell me when it's back" is about claude.ai: offered while it is in trouble, shown while on.
  const claudeAiTrouble =
    (snapshot !== null && statusTrouble(snapshot, [SERVICE_IDS.claudeAi])) || capacityCount(signals, now) > 0;
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
        {(claudeAiTrouble || s.backWatch.watch !== null) && (
          <BackWatchControl backWatch={s.backWatch} onWatch={onWatch} onCancel={onCancelWatch} />
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
