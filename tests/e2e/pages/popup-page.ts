/** Page object for the toolbar popup, opened as an extension page. */

import type { DriverPage } from '../drivers/types';
import { until } from '../support';
import { type DeepElement, deepClick, deepQueryAll } from './deep-query';

export interface PopupIncident {
  id: string;
  name: string;
  impact: string;
  status: string;
  started: string;
  latest: string;
  link: string | null;
}

export class PopupPage {
  constructor(readonly page: DriverPage) {}

  query(selector: string): Promise<DeepElement[]> {
    return this.page.evaluate(deepQueryAll, selector);
  }

  private async text(selector: string): Promise<string | null> {
    return (await this.query(selector))[0]?.text.trim() ?? null;
  }

  async services(): Promise<{ id: string; name: string; state: string }[]> {
    const rows = await this.query('.so-service');
    return rows.map((r) => ({
      id: r.attrs['data-service-id'] ?? '',
      name: (r.text.split('\n')[1] ?? r.text).trim(),
      state: r.attrs['data-state'] ?? '',
    }));
  }

  async waitForServices(count: number, timeoutMs = 5_000) {
    return until(
      async () => {
        const rows = await this.services();
        return rows.length >= count ? rows : null;
      },
      timeoutMs,
      `${count} services in the popup`,
    );
  }

  async overall(): Promise<string> {
    return (await this.text('[data-testid="overall"]')) ?? '';
  }

  async headerKind(): Promise<string> {
    return (await this.query('.so-header'))[0]?.attrs['data-kind'] ?? '';
  }

  async unreachable(): Promise<string | null> {
    return this.text('[data-testid="unreachable"]');
  }

  /** Waits until the control with this test id is in the popup. */
  async waitForControl(testId: string, timeoutMs = 5_000): Promise<void> {
    await until(
      async () => ((await this.query(`[data-testid="${testId}"]`)).length > 0 ? true : null),
      timeoutMs,
      `${testId} in the popup`,
    );
  }

  /** Clicks a control with the real mouse, as the user would (a trusted click). */
  async clickWithMouse(testId: string): Promise<void> {
    const box = await this.page.evaluate((id) => {
      const target = document.querySelector(`[data-testid="${id}"]`);
      // Below the fold in a long popup: scrolled to, as a person would, before the real click.
      target?.scrollIntoView({ block: 'center' });
      const r = target?.getBoundingClientRect();
      return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    }, testId);
    if (!box) throw new Error(`no ${testId} in the popup`);
    await this.page.clickAt(box.x, box.y);
  }

  async clickRefresh(): Promise<void> {
    await this.page.evaluate(deepClick, '.so-refresh');
  }

  /** The aria-live note read out when a refresh ends. */
  async announcement(): Promise<string> {
    return (await this.text('[aria-live="polite"]')) ?? '';
  }

  async incidents(): Promise<PopupIncident[]> {
    return this.page.evaluate(() => {
      const pick = (root: Element, selector: string) => root.querySelector(selector)?.textContent?.trim() ?? '';
      return [...document.querySelectorAll('[data-incident-id].so-card')].map((card) => ({
        id: card.getAttribute('data-incident-id') ?? '',
        name: pick(card, 'h3'),
        impact: pick(card, '[data-testid="incident-impact"]'),
        status: pick(card, '[data-testid="incident-status"]'),
        started: pick(card, '[data-testid="incident-started"]'),
        latest: pick(card, '[data-testid="latest-update"] .so-body'),
        link: card.querySelector('[data-testid="incident-link"]')?.getAttribute('href') ?? null,
      }));
    }, null);
  }

  /** Recommended alternatives by group ('chat', 'code'), and the "also affected" line. */
  async alternatives(): Promise<{ chat: string[]; code: string[]; affected: string }> {
    return this.page.evaluate(() => {
      const ids = (group: string) =>
        [...document.querySelectorAll(`[data-group="${group}"] [data-alt-id]`)].map(
          (li) => li.getAttribute('data-alt-id') ?? '',
        );
      const affected = document.querySelector('[data-testid="also-affected"]')?.textContent ?? '';
      return { chat: ids('chat'), code: ids('code'), affected };
    }, null);
  }

  /** The day strip once history has arrived: per service id, each day's worst impact ('none' if none). */
  async waitForStrip(timeoutMs = 5_000): Promise<Record<string, string[]>> {
    return until(
      () =>
        this.page.evaluate(() => {
          const rows = [...document.querySelectorAll('.so-strip tbody tr')];
          if (rows.length === 0) return null;
          return Object.fromEntries(
            rows.map((row) => [
              row.getAttribute('data-service-id') ?? '',
              [...row.querySelectorAll('td')].map((td) => td.getAttribute('data-worst') ?? ''),
            ]),
          );
        }, null),
      timeoutMs,
      'the history strip',
    );
  }

  /** Incidents of the history list: id and its line of text. */
  async historyItems(): Promise<{ id: string; text: string }[]> {
    return this.page.evaluate(
      () =>
        [...document.querySelectorAll('.so-history-list li')].map((li) => ({
          id: li.getAttribute('data-incident-id') ?? '',
          text: (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
        })),
      null,
    );
  }

  async stripDetail(): Promise<string> {
    return (await this.text('[data-testid="strip-detail"]')) ?? '';
  }
}
