/**
 * The last 7 days from incidents.json: one row per service (one cell a local day, coloured by the
 * worst impact and marked with its icon, so not colour alone; the last column marked "Today"), and
 * the incidents with their durations in a list that opens on demand. The strip is a picture for
 * the pointer (hover shows what a day holds); the keyboard and screen readers get the same facts
 * from the list (one tab stop opens it), without a tab stop per day.
 */

import { type DayCell, dayStrip, formatDuration, type History, recentIncidents } from '../../core/status-page/history';
import { safeStatusLink } from '../../core/status-page/sources';
import type { Service } from '../../core/status-page/status-model';
import { dateTime } from '../../core/time/format';
import { locale, t } from '../../shell/i18n';
import { ExternalLink } from './incident-list';
import { stateIcon } from './service-list';

export interface HistorySectionProps {
  history: History;
  services: Service[];
  now: number;
  loading: boolean;
  detail: string;
  onDetail: (text: string) => void;
}

const dayFormat = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale(), options);

export function cellText(cell: DayCell, serviceName: string, dayLabel: string): string {
  const what =
    cell.incidents.length === 0
      ? t('popupDayNone')
      : cell.incidents.map((i) => `${i.name} (${t(`severity_${i.severity}`)})`).join('; ');
  return `${serviceName}, ${dayLabel}: ${what}`;
}

export function HistorySection({ history, services, now, loading, detail, onDetail }: HistorySectionProps) {
  const recent = recentIncidents(history, now);
  const strip = dayStrip(
    recent.map((r) => r.incident),
    services,
    now,
  );
  const weekday = dayFormat({ weekday: 'short' });
  const longDay = dayFormat({ weekday: 'long', day: 'numeric', month: 'short' });
  const fetched = history.fetchedAt !== null;
  return (
    <section aria-labelledby="so-history-heading" data-testid="history">
      <h2 id="so-history-heading">{t('popupHistory')}</h2>
      {!fetched && (
        <p class="so-meta" data-testid="history-state">
          {loading || history.lastErrorKind === null ? t('popupHistoryLoading') : t('popupHistoryUnavailable')}
        </p>
      )}
      {fetched && strip.rows.length > 0 && (
        <>
          <table class="so-strip" onMouseLeave={() => onDetail('')}>
            <caption class="so-sr">{t('popupStripCaption')}</caption>
            <thead>
              <tr>
                <td />
                {strip.days.map((day, i) => {
                  const today = i === strip.days.length - 1;
                  return (
                    <th key={day} scope="col" abbr={longDay.format(day)} class={today ? 'so-today' : undefined}>
                      {today ? t('popupToday') : weekday.format(day)}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {strip.rows.map((row) => (
                <tr key={row.service.id} data-service-id={row.service.id}>
                  <th scope="row">{row.shortName}</th>
                  {row.cells.map((cell) => {
                    const text = cellText(cell, row.shortName, longDay.format(cell.start));
                    const show = () => onDetail(text);
                    return (
                      <td
                        key={cell.start}
                        class={`so-cell${cell.worst ? ` so-colour-${cell.worst}` : ''}`}
                        data-worst={cell.worst ?? 'none'}
                        title={text}
                        aria-label={text}
                        onMouseEnter={show}
                      >
                        {cell.worst ? stateIcon(cell.worst) : ''}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <p class="so-meta so-strip-detail" data-testid="strip-detail">
            {detail || t('popupStripHint')}
          </p>
        </>
      )}
      {fetched && recent.length === 0 && <p class="so-meta">{t('popupHistoryNone')}</p>}
      {recent.length > 0 && (
        // Closed until asked for: open, the list made the popup 1,100 to 1,900 px high (issue #27, item 12).
        <details class="so-earlier">
          <summary>{t('popupHistoryList', recent.length)}</summary>
          <ul class="so-history-list">
            {recent.map(({ incident, durationMs, ongoing }) => {
              const url = safeStatusLink(incident.url);
              const lasted = formatDuration(durationMs, locale());
              return (
                <li key={incident.id} data-incident-id={incident.id}>
                  {url ? <ExternalLink href={url} text={incident.name} /> : incident.name}
                  <span class="so-meta">
                    {' '}
                    {dateTime(incident.startedAt, locale(), now)} ·{' '}
                    {ongoing ? t('popupOngoing', lasted) : t('popupLasted', lasted)} ·{' '}
                    {t(`severity_${incident.severity}`)}
                  </span>
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </section>
  );
}
