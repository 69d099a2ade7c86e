/**
 * What a scenario needs from a browser with our extension loaded, the same for Chromium
 * (Playwright) and Firefox (puppeteer-core over WebDriver BiDi), so one scenario table drives both.
 */

export interface DriverPage {
  goto(url: string): Promise<void>;
  /** Runs `fn(arg)` in the page (for extension pages: with extension privileges). */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  setViewport(width: number, height: number): Promise<void>;
  reload(): Promise<void>;
  close(): Promise<void>;
  /** A real mouse click at page coordinates: a trusted event (`isTrusted`), as a person's click (a script's click() is not). */
  clickAt(x: number, y: number): Promise<void>;
  /** The system clipboard's text, read through the page (the test browsers allow it without a prompt). */
  readClipboard(): Promise<string>;
  /** A real key press ("Tab", "Enter", "Escape") to whatever has the focus: a trusted event. */
  press(key: string): Promise<void>;
}

export interface ExtensionBrowser {
  readonly name: 'chromium' | 'firefox';
  /** A normal tab, e.g. on https://claude.ai/ served by the replay server. */
  newPage(): Promise<DriverPage>;
  /** The popup opened as a tab of its own. */
  openPopup(): Promise<DriverPage>;
  /** Another page of the extension ("welcome.html") opened as a tab of its own. */
  openPage(file: string): Promise<DriverPage>;
  /** A privileged extension page for test set-up and read-back (storage, badge, messages). */
  extensionPage(): Promise<DriverPage>;
  /** Every open tab with its address, including those the extension opened itself. */
  tabs(): Promise<{ url: string; page: DriverPage }[]>;
  close(): Promise<void>;
}
