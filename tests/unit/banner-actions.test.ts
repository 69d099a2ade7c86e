// @vitest-environment happy-dom
/**
 * Which banners offer "Copy my message" and "Tell me when it's back" (entrypoints/background/banner/banner-text.ts),
 * and what they say while the watch is on; and the banner's DOM (components/banner/banner.ts) offering
 * the copy only where the page has something to copy (issue #18).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { buildBanner, renderBanner } from '../../components/banner/banner';
import { backBanner } from '../../core/back-watch/back-note';
import { assess, type Banner } from '../../core/banner/banner-decision';
import type { BannerText } from '../../core/banner/banner-words';
import { EMPTY_DISMISSALS } from '../../core/banner/dismissals';
import { siteById } from '../../core/sites/sites';
import { bannerText } from '../../entrypoints/background/banner/banner-text';
import { loadSnapshot } from './fixtures';
import { useEnglish } from './support/translator';

beforeEach(() => useEnglish());

const NOW = Date.parse('2026-11-20T14:00:00Z');
const claudeAi = siteById('claude-ai');

function banner(input: Partial<Parameters<typeof assess>[0]> & { site?: ReturnType<typeof siteById> }): Banner {
  const result = assess({
    site: claudeAi,
    snapshot: loadSnapshot('healthy'),
    stale: false,
    capacitySeenAt: null,
    dismissals: EMPTY_DISMISSALS,
    now: NOW,
    fault: { kind: 'none' },
    ...input,
  });
  if (!result) throw new Error('a banner was expected');
  return result;
}

const OFF = { watching: false, canNotify: true };

describe('bannerText: the actions offered', () => {
  it.each<[string, () => Banner, boolean, boolean]>([
    // name, banner, offers the copy, offers the watch
    ['capacity', () => banner({ capacitySeenAt: NOW }), true, true],
    ['outage screen', () => banner({ outageScreen: { at: NOW, code: null } }), true, true],
    [
      'failing requests',
      () => banner({ fault: { kind: 'claude', since: NOW - 60_000, confidence: 'likely', failures: 3 } }),
      true,
      true,
    ],
    ['incident on claude.ai', () => banner({ snapshot: loadSnapshot('claude-ai-partial') }), false, true],
    ['retry notice (informational)', () => banner({ retrySeenAt: NOW }), false, false],
    ['a reply cut off: copy the partial reply, no watch', () => banner({ incompleteSeenAt: NOW }), true, false],
    [
      'a model unavailable: neither (the advice is another model)',
      () => banner({ modelUnavailableSeenAt: NOW }),
      false,
      false,
    ],
    ['maintenance', () => banner({ snapshot: loadSnapshot('maintenance'), site: siteById('platform') }), false, false],
    ['the "back" note itself', () => backBanner(new Date(NOW).toISOString(), EMPTY_DISMISSALS) as Banner, false, false],
  ])('%s', (_name, make, copy, watch) => {
    const b = make();
    const text = bannerText(b, claudeAi, null, NOW, [], OFF);
    expect(text.actions?.copy != null).toBe(copy);
    expect(text.actions?.watch != null).toBe(watch);
  });

  it('a reply cut off copies the reply, in its own words', () => {
    const copy = bannerText(banner({ incompleteSeenAt: NOW }), claudeAi, null, NOW, [], OFF).actions?.copy;
    expect(copy).toEqual({
      label: 'Copy the partial reply',
      done: 'Copied: the partial reply is on your clipboard',
      failed: 'Could not copy: the browser refused the clipboard',
      from: 'reply',
    });
  });

  it('"Wrong banner?" is offered with the report it was given, and only then', () => {
    const b = banner({ capacitySeenAt: NOW });
    expect(bannerText(b, claudeAi, null, NOW, [], OFF).report).toBeNull();
    expect(bannerText(b, claudeAi, null, NOW, [], OFF, undefined, 'the report').report).toMatchObject({
      label: 'Wrong banner?',
      text: 'the report',
    });
  });

  it('on platform.claude.com: none', () => {
    const b = banner({ snapshot: loadSnapshot('api-outage'), site: siteById('platform') });
    expect(bannerText(b, siteById('platform'), null, NOW, [], OFF).actions).toBeNull();
  });

  it('while watching: says so, with cancel; without the permission, offers to open the popup', () => {
    const b = banner({ capacitySeenAt: NOW });
    expect(bannerText(b, claudeAi, null, NOW, [], { watching: true, canNotify: true }).actions?.watch).toEqual({
      on: true,
      note: "We'll tell you when claude.ai is back.",
      cancel: 'Stop watching',
      openPopup: null,
    });
    const without = bannerText(b, claudeAi, null, NOW, [], { watching: true, canNotify: false }).actions?.watch;
    expect(without).toMatchObject({ on: true, openPopup: 'Open the popup' });
  });
});

describe('buildBanner: the action row', () => {
  const noop = () => undefined;
  const handlers = (canCopy: boolean, copyNote: string | null = null) => ({
    canCopy,
    copyNote,
    onCopy: noop,
    onWatch: noop,
    onCancelWatch: noop,
    onOpenPopup: noop,
  });
  const capacityText = (): BannerText => bannerText(banner({ capacitySeenAt: NOW }), claudeAi, null, NOW, [], OFF);
  const testIds = (node: HTMLElement) =>
    [...node.querySelectorAll('.so-actions [data-testid]')].map((e) => e.getAttribute('data-testid'));

  it.each<[string, boolean, string | null, string[]]>([
    ['something to copy', true, null, ['banner-copy', 'banner-watch']],
    ['nothing to copy: not offered', false, null, ['banner-watch']],
    [
      'after a copy: the confirmation',
      true,
      'Copied: paste it into Console Workbench',
      ['banner-copy', 'banner-watch', 'banner-copied'],
    ],
  ])('%s', (_name, canCopy, note, ids) => {
    const node = buildBanner({
      text: capacityText(),
      expanded: false,
      onToggle: noop,
      onLink: noop,
      onDismiss: noop,
      handlers: handlers(canCopy, note),
    });
    expect(testIds(node)).toEqual(ids);
  });
});

describe('the banner and the keyboard (issue #27, item 8)', () => {
  const noop = () => undefined;
  const handlers = {
    canCopy: true,
    copyNote: null,
    onCopy: noop,
    onWatch: noop,
    onCancelWatch: noop,
    onOpenPopup: noop,
  };
  const props = (watching: boolean, onDismiss: () => void = noop) => ({
    text: bannerText(banner({ capacitySeenAt: NOW }), claudeAi, null, NOW, [], { watching, canNotify: true }),
    expanded: false,
    onToggle: noop,
    onLink: noop,
    onDismiss,
    handlers,
  });

  it('after "Tell me when it\'s back" the focus lands on "Stop watching", and back again', () => {
    const container = document.createElement('div');
    document.body.replaceChildren(container);
    renderBanner(container, props(false));
    container.querySelector<HTMLElement>('[data-testid="banner-watch"]')?.focus();
    // The watch is on: the button pressed is gone from the redrawn banner.
    renderBanner(container, props(true));
    expect(document.activeElement?.getAttribute('data-testid')).toBe('banner-watch-cancel');
    renderBanner(container, props(false));
    expect(document.activeElement?.getAttribute('data-testid')).toBe('banner-watch');
  });

  it('Escape dismisses only when the user pressed it: a page script cannot', () => {
    let dismissed = 0;
    const section = buildBanner(props(false, () => dismissed++));
    document.body.replaceChildren(section);
    const press = (trusted: boolean, key = 'Escape') => {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
      section.querySelector('[data-testid="banner-watch"]')?.dispatchEvent(event);
    };
    press(false);
    expect(dismissed).toBe(0);
    press(true, 'Enter');
    expect(dismissed).toBe(0);
    press(true);
    expect(dismissed).toBe(1);
  });

  it('the title, the summary and × sit together, apart from what scrolls', () => {
    const section = buildBanner(props(false));
    const head = section.querySelector('.so-head');
    expect(head?.querySelector('[data-testid="banner-title"]')).not.toBeNull();
    expect(head?.querySelector('.so-summary')?.textContent).toContain('capacity error');
    expect(head?.querySelector('.so-dismiss')).not.toBeNull();
    const details = section.querySelector('.so-details');
    expect(details?.querySelector('.so-actions')).not.toBeNull();
    expect(details?.querySelector('[data-testid="banner-toggle"]')).not.toBeNull();
  });
});

describe('buildBanner: "Wrong banner?"', () => {
  const noop = () => undefined;
  it('a button beside the links when the banner has a report and the page wires it; the note after a copy', () => {
    const text = bannerText(banner({ retrySeenAt: NOW }), claudeAi, null, NOW, [], OFF, undefined, 'the report');
    const build = (copyNote: string | null, onReport?: () => void) =>
      buildBanner({
        text,
        expanded: false,
        onToggle: noop,
        onLink: noop,
        onDismiss: noop,
        handlers: {
          canCopy: false,
          copyNote,
          onCopy: noop,
          onWatch: noop,
          onCancelWatch: noop,
          onOpenPopup: noop,
          onReport,
        },
      });
    expect(build(null).querySelector('[data-testid="banner-report"]')).toBeNull();
    const node = build(null, noop);
    expect(node.querySelector('.so-meta [data-testid="banner-report"]')?.textContent).toBe('Wrong banner?');
    // The retry banner offers no actions: the row is there only for the note.
    expect(node.querySelector('.so-actions')).toBeNull();
    const copied = build(text.report?.done ?? '', noop);
    expect(copied.querySelector('[data-testid="banner-copied"]')?.textContent).toContain('Report copied');
  });
});
