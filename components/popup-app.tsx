/** The toolbar popup: paints from stored state at once, refreshes when the data is old. */
import { useEffect } from 'preact/hooks';
import { DEFAULT_INTERVAL_MS } from '../core/health';
import { STATUS_PAGE_URL } from '../core/sources';
import { usePopupStore } from '../entrypoints/popup/store';
import { t } from '../shell/i18n';
import { ServiceList } from './service-list';
import { StatusHeader } from './status-header';

export interface PopupAppProps {
  onRefresh: () => void;
}

export function PopupApp({ onRefresh }: PopupAppProps) {
  const { status, now, refreshing, announcement } = usePopupStore();
  const tick = usePopupStore((s) => s.tick);
  useEffect(() => {
    // Keeps "checked 40 s ago" true while the popup stays open.
    const timer = setInterval(() => tick(Date.now()), 10_000);
    return () => clearInterval(timer);
  }, [tick]);
  return (
    <main class="so-popup">
      <StatusHeader
        status={status}
        now={now}
        intervalMs={DEFAULT_INTERVAL_MS}
        refreshing={refreshing}
        onRefresh={onRefresh}
      />
      {status.snapshot && <ServiceList services={status.snapshot.services} groups={status.snapshot.groups} />}
      <footer class="so-footer">
        <a href={STATUS_PAGE_URL} target="_blank" rel="noopener noreferrer">
          {t('popupOpenStatusPage')}
        </a>
      </footer>
      <p class="so-live" aria-live="polite">
        {announcement}
      </p>
    </main>
  );
}
