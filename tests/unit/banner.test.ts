// @vitest-environment happy-dom
/**
 * The banner as DOM (components/banner/banner.ts) and its words (entrypoints/background/banner/banner-text.ts), against what
 * a page script can do: click for the user, rewrite a link, read the shadow root.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildBanner } from '../../components/banner/banner';
import { assess, type Banner } from '../../core/banner/banner-decision';
import { EMPTY_DISMISSALS } from '../../core/banner/dismissals';
import type { UserAlternative } from '../../core/settings/settings';
import { siteById } from '../../core/sites/sites';
import { bannerText } from '../../entrypoints/background/banner/banner-text';
import { loadSnapshot } from './fixtures';
import { useEnglish } from './support/translator';

const NOW = Date.parse('2026-11-20T14:00:00Z');
const MINE: UserAlternative[] = [
  { id: 'mine-gateway', name: 'Our gateway', url: 'https://llm-gateway.internal.example/chat?token=secret' },
];

function incidentBanner(): Banner {
  const banner = assess({
    site: siteById('claude-ai'),
    snapshot: loadSnapshot('claude-ai-partial'),
    stale: false,
    capacitySeenAt: null,
    dismissals: EMPTY_DISMISSALS,
    now: NOW,
    currentModel: null,
    fault: { kind: 'none' },
    outageScreen: null,
    retrySeenAt: null,
  });
  if (!banner) throw new Error('the fixture raises a banner');
  return banner;
}

function render() {
  const onDismiss = vi.fn();
  const onLink = vi.fn();
  const onToggle = vi.fn();
  const text = bannerText(incidentBanner(), siteById('claude-ai'), null, NOW, MINE);
  const section = buildBanner({ text, expanded: false, onToggle, onDismiss, onLink });
  document.body.replaceChildren(section);
  return { section, onDismiss, onLink, onToggle, text };
}

/** A click as the browser delivers a person's: isTrusted true (a page's click() is false). */
function trustedClick(target: Element, init: MouseEventInit = {}): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, ...init });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
  return event;
}

describe('the banner and a page script', () => {
  beforeEach(() => useEnglish());

  it("the user's own alternatives enter the page by name only", () => {
    const { section, text } = render();
    expect(JSON.stringify(text)).not.toContain('llm-gateway');
    expect(section.outerHTML).not.toContain('llm-gateway');
    expect(section.querySelector('[data-alternative="mine-gateway"]')?.textContent).toBe('Our gateway');
  });

  it("a script's click dismisses nothing and opens nothing; the user's does", () => {
    const { section, onDismiss, onLink } = render();
    const dismiss = section.querySelector<HTMLButtonElement>('.so-dismiss');
    const mine = section.querySelector<HTMLElement>('[data-alternative="mine-gateway"]');
    const incident = section.querySelector<HTMLAnchorElement>('[data-testid="banner-incident-link"]');
    if (!dismiss || !mine || !incident) throw new Error('banner parts missing');
    dismiss.click();
    mine.click();
    const scripted = new MouseEvent('click', { bubbles: true, cancelable: true });
    incident.dispatchEvent(scripted);
    expect(scripted.defaultPrevented).toBe(true);
    expect(onDismiss).not.toHaveBeenCalled();
    expect(onLink).not.toHaveBeenCalled();
    trustedClick(dismiss);
    trustedClick(mine);
    expect(onDismiss).toHaveBeenCalledOnce();
    expect(onLink).toHaveBeenCalledWith('mine-gateway');
  });

  it('a link the page rewrote still opens what the background knows for its id', () => {
    const { section, onLink } = render();
    const incident = section.querySelector<HTMLAnchorElement>('[data-testid="banner-incident-link"]');
    if (!incident) throw new Error('no incident link');
    incident.href = 'https://phish.example/';
    const event = trustedClick(incident);
    expect(event.defaultPrevented).toBe(true);
    expect(onLink).toHaveBeenCalledWith('incident');
  });
});
