/**
 * The "Wrong banner?" report (core/claude-page/page-report.ts): extension, browser, signal, where it
 * was read and the structure around it, the markers; never page text.
 */
import { describe, expect, it } from 'vitest';
import type { Detection } from '../../core/claude-page/detections';
import { browserName, wrongBannerReport } from '../../core/claude-page/page-report';

const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.7500.1 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0';
const EDGE = `${CHROME} Edg/150.0.1.2`;

describe('browserName', () => {
  it.each([
    [CHROME, 'Chrome 156'],
    [FIREFOX, 'Firefox 153'],
    [EDGE, 'Edge 150'],
    ['curl/8.0', 'another browser'],
  ])('%s', (agent, expected) => {
    expect(browserName(agent)).toBe(expected);
  });
});

describe('wrongBannerReport', () => {
  const detection: Detection = {
    at: '2026-06-20T10:00:00.000Z',
    site: 'claude-ai',
    kind: 'capacity',
    shape: {
      surface: 'band',
      depth: 14,
      path: [
        { tag: 'span', classes: ['text-text-300', 'text-sm'] },
        { tag: 'div', role: 'status', classes: ['font-normal'] },
        { tag: 'div', testid: 'chat-input-grid-area' },
      ],
    },
  };

  it('says which extension, browser, signal, surface and structure, innermost first', () => {
    const report = wrongBannerReport({
      version: '0.2.0',
      userAgent: FIREFOX,
      kind: 'capacity',
      detection,
      markers: { at: '2026-06-20T09:59:00.000Z', missing: ['model-button'] },
    });
    expect(report).toBe(
      [
        'Status Overlay for Claude: wrong banner?',
        'Extension 0.2.0, Firefox 153',
        'Signal: capacity on claude-ai, seen 2026-06-20T10:00:00.000Z',
        'Read from: band, 14 elements deep',
        'Structure, innermost first:',
        '  span.text-text-300.text-sm',
        '  div.font-normal[role=status]',
        '  div[data-testid=chat-input-grid-area]',
        'Page markers missing: model-button (checked 2026-06-20T09:59:00.000Z)',
        '(No page text is included.)',
      ].join('\n'),
    );
  });

  it('without a recorded structure or a markers check, says so; never the error code or the user agent', () => {
    const report = wrongBannerReport({
      version: '0.2.0',
      userAgent: CHROME,
      kind: 'outage-screen',
      detection: { at: '2026-06-20T10:00:00.000Z', site: 'claude-ai', kind: 'outage-screen', code: '1034YMZ' },
      markers: null,
    });
    expect(report).toContain('Structure: not recorded');
    expect(report).not.toContain('1034YMZ');
    expect(report).not.toContain('X11');
    expect(report).not.toContain('Page markers');
  });
});
