/**
 * How the popup's chips and the banner word what an incident names (shell/words/model-text.ts), in
 * English through the real catalogue, for the status page's own wordings (issue #14).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { assess } from '../../core/banner/banner-decision';
import { EMPTY_DISMISSALS } from '../../core/banner/dismissals';
import { extractModels, modelAdvice, parseModelLabel } from '../../core/models/claude-models';
import { siteById } from '../../core/sites/sites';
import { bannerText } from '../../entrypoints/background/banner/banner-text';
import { affectedText, modelText, scopeLabels } from '../../shell/words/model-text';
import { loadSnapshot } from './fixtures';
import { useEnglish } from './support/translator';

beforeEach(() => useEnglish());

describe('scopeLabels: the popup chips', () => {
  it.each<[string, string[]]>([
    ['Elevated errors on Claude Opus 4.6', ['Opus 4.6']],
    ['Elevated errors on Opus 4.6 Fast Mode', ['Opus 4.6 Fast mode']],
    ['Increase error rates on Opus', ['all Opus models']],
    ['Elevated errors on Opus and Sonnet 4.5', ['Sonnet 4.5', 'all Opus models']],
    ['Elevated errors on all models except Sonnet 4.0', ['all models except Sonnet 4.0']],
    ['Elevated errors on Claude models', ['Many models']],
    ['Issues reaching status.claude.com', []],
  ])('%s', (title, expected) => {
    expect(scopeLabels(extractModels(title))).toEqual(expected);
  });
});

describe('the banner words', () => {
  it('names the fast mode apart from the model in use', () => {
    const advice = modelAdvice([extractModels('Elevated errors on Opus 4.8 Fast')], parseModelLabel('Opus 4.8'));
    if (!advice?.current) throw new Error('advice expected');
    expect(affectedText(advice)).toBe('Opus 4.8 Fast mode');
    expect(modelText(advice.current)).toBe('Opus 4.8');
  });

  it('"all models except Sonnet 4.0", on Opus 4.6: the list and the switch', () => {
    const snapshot = loadSnapshot('claude-ai-partial');
    const incident = snapshot.incidents[0];
    if (!incident) throw new Error('fixture without incident');
    incident.name = 'Elevated errors on all models except Sonnet 4.0';
    incident.updates = [];
    const banner = assess({
      site: siteById('claude-ai'),
      snapshot,
      stale: false,
      capacitySeenAt: null,
      dismissals: EMPTY_DISMISSALS,
      now: Date.parse('2026-11-20T14:00:00Z'),
      currentModel: parseModelLabel('Opus 4.6'),
    });
    if (!banner) throw new Error('banner expected');
    const words = bannerText(banner, siteById('claude-ai'), null, Date.parse('2026-11-20T14:00:00Z'));
    const line = words.lines.find((l) => l.testId === 'banner-models');
    expect(line?.text).toBe('Models named: all models except Sonnet 4.0.');
    expect(line?.strong).toBe('Switch to Sonnet 4.0 in the model menu.');
  });
});
