/** Page object for the in-page banner on claude.ai or platform.claude.com. */
import type { DriverPage } from '../drivers/types';
import { until } from '../support';
import { type DeepElement, deepClick, deepQueryAll, deepRects, deepScrollIntoView } from './deep-query';

export const BANNER_HOST = 'status-overlay-banner';

export class BannerPage {
  constructor(readonly page: DriverPage) {}

  open(url: string): Promise<void> {
    return this.page.goto(url);
  }

  /** Elements matching `selector` inside the banner's shadow root (and anywhere else in the page). */
  query(selector: string): Promise<DeepElement[]> {
    return this.page.evaluate(deepQueryAll, selector);
  }

  /** Number of banner host elements the extension added to the page. */
  async hostCount(): Promise<number> {
    return this.page.evaluate((tag) => document.querySelectorAll(tag).length, BANNER_HOST);
  }

  /** Waits for the banner, and for the frame that paints it (where it takes the page's theme and its place). */
  async waitForBanner(timeoutMs = 5_000): Promise<DeepElement> {
    await until(async () => (await this.query('.so-banner'))[0] ?? null, timeoutMs, 'the banner');
    // A tab in the background paints no frame: then it is settled when it shows, and waiting ends
    // after 100 ms (a banner drawn after the page's load is settled at once, see banner-host.ts).
    await this.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
          setTimeout(resolve, 100);
        }),
      null,
    );
    return until(async () => (await this.query('.so-banner'))[0] ?? null, timeoutMs, 'the banner');
  }

  async waitForNoBanner(timeoutMs = 5_000): Promise<void> {
    await until(async () => ((await this.hostCount()) === 0 ? true : null), timeoutMs, 'the banner to go');
  }

  async title(): Promise<string> {
    return (await this.query('[data-testid="banner-title"]'))[0]?.text.trim() ?? '';
  }

  async incidentLink(): Promise<DeepElement | null> {
    return (await this.query('[data-testid="banner-incident-link"]'))[0] ?? null;
  }

  async alternatives(): Promise<string[]> {
    return (await this.query('[data-alternative]')).map((a) => a.attrs['data-alternative'] ?? '');
  }

  /** Waits until `selector` is in the banner (or, with `present` false, gone). */
  async waitFor(selector: string, present = true, timeoutMs = 5_000): Promise<void> {
    await until(
      async () => ((await this.query(selector)).length > 0 === present ? true : null),
      timeoutMs,
      `${selector} ${present ? 'to show' : 'to go'}`,
    );
  }

  /** A computed style property of the first element matching `selector` in the banner's shadow root. */
  computed(selector: string, property: string): Promise<string> {
    return this.page.evaluate(
      ([tag, s, p]) => {
        const el = document.querySelector(tag)?.shadowRoot?.querySelector(s);
        return el ? getComputedStyle(el).getPropertyValue(p) : '';
      },
      [BANNER_HOST, selector, property] as const,
    );
  }

  /** Dismisses as a person does: a real click (the banner ignores a script's click()). */
  async dismiss(): Promise<void> {
    await this.click('.so-dismiss');
  }

  /** A real mouse click in the middle of the first element matching `selector`, deep, scrolled to first. */
  async click(selector: string): Promise<void> {
    await this.page.evaluate(deepScrollIntoView, selector);
    const [rect] = await this.page.evaluate(deepRects, [selector]);
    if (!rect) throw new Error(`nothing matches ${selector}`);
    await this.page.clickAt((rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2);
  }

  /** What a page script can do: click() from the page, an untrusted event. */
  scriptedClick(selector: string): Promise<boolean> {
    return this.page.evaluate(deepClick, selector);
  }

  /** Inserts claude.ai's capacity error text into the fixture conversation (its test hook). */
  insertCapacityError(): Promise<void> {
    return this.page.evaluate(() => {
      (window as unknown as { __insertCapacityError: () => void }).__insertCapacityError();
    }, null);
  }

  /** Calls one of the fixture page's test hooks (tests/fixtures/pages/claude-chat.html) with `args`. */
  hook(name: string, ...args: unknown[]): Promise<unknown> {
    return this.page.evaluate(
      ([n, a]) =>
        (window as unknown as Record<string, (...x: unknown[]) => unknown>)[n as string]?.(...(a as unknown[])),
      [name, args] as const,
    );
  }

  /** The fixture page's message send: a POST to claude.ai's completion endpoint (replayed). */
  sendCompletion(): Promise<number | 'network-error'> {
    return this.page.evaluate(
      () => (window as unknown as { __sendCompletion: () => Promise<number | 'network-error'> }).__sendCompletion(),
      null,
    );
  }

  /** Changes the model shown in the fixture's model menu button. */
  setModel(name: string): Promise<void> {
    return this.page.evaluate((n) => {
      (window as unknown as { __setModel: (n: string) => void }).__setModel(n);
    }, name);
  }

  /** The word before the title: the kind of banner, or the status page's severity for an incident. */
  async label(): Promise<string> {
    return (await this.query('.so-severity'))[0]?.text.trim() ?? '';
  }

  async alternativesLabel(): Promise<string> {
    return (await this.query('[data-testid="banner-alternatives"] > span'))[0]?.text.trim() ?? '';
  }

  async kind(): Promise<string | null> {
    return (await this.query('.so-banner'))[0]?.attrs['data-kind'] ?? null;
  }

  async role(): Promise<string | null> {
    return (await this.query('.so-banner'))[0]?.attrs.role ?? null;
  }

  async text(testId: string): Promise<string | null> {
    return (await this.query(`[data-testid="${testId}"]`))[0]?.text.trim() ?? null;
  }

  /** Waits until the banner is of `kind` (or gone, for null). */
  async waitForKind(kind: string | null, timeoutMs = 5_000): Promise<void> {
    await until(async () => ((await this.kind()) === kind ? true : null), timeoutMs, `a banner of kind ${kind}`);
  }

  /** A real key press to whatever has the focus (Tab, Enter, Escape). */
  press(key: string): Promise<void> {
    return this.page.press(key);
  }

  /** The data-testid of what has the focus, inside the banner's shadow root or in the page. */
  focused(): Promise<string | null> {
    return this.page.evaluate((tag) => {
      const host = document.querySelector(tag);
      const inner = host?.shadowRoot?.activeElement;
      if (inner) return inner.getAttribute('data-testid') ?? inner.className;
      const outer = document.activeElement;
      return outer === document.body || outer === null ? 'body' : outer === host ? 'host' : outer.tagName.toLowerCase();
    }, BANNER_HOST);
  }

  /** Boxes of the banner, the message box and the send button. */
  rects(selectors: string[]) {
    return this.page.evaluate(deepRects, selectors);
  }
}
