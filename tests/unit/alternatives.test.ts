import { describe, expect, it } from 'vitest';
import { ALTERNATIVES, type Alternative, chooseAlternatives, failingServiceIds } from '../../core/advice/alternatives';
import { PLATFORM_IDS, SERVICE_IDS } from '../../core/status-page/services';
import type { Snapshot } from '../../core/status-page/status-model';
import { loadSnapshot, SUMMARY_FIXTURES, type SummaryFixture } from './fixtures';

const { claudeAi, console: consoleId, api, code, cowork, government } = SERVICE_IDS;
const ids = (list: readonly Alternative[]) => list.map((a) => a.id);
const catalogueIds = ids(ALTERNATIVES);

describe('failingServiceIds', () => {
  const TABLE: [SummaryFixture, string[]][] = [
    ['healthy', []],
    ['added-component', []],
    ['api-outage', [consoleId, api]],
    ['claude-ai-partial', [claudeAi]],
    ['cowork-only', [cowork]],
    ['hostile', [claudeAi, 'h0st1l3c0mp0']],
    // Under maintenance counts as not working; the upcoming API maintenance does not.
    ['maintenance', [consoleId]],
    ['major-outage', [claudeAi, api, code, cowork]],
    ['many-models', [claudeAi, consoleId, api, code]],
    ['unknown-enums', [claudeAi, code]],
  ];

  it('the table covers every summary fixture', () => {
    expect(TABLE.map(([name]) => name).sort()).toEqual([...SUMMARY_FIXTURES].sort());
  });

  it.each(TABLE)('%s -> %j', (name, failing) => {
    expect([...failingServiceIds(loadSnapshot(name))].sort()).toEqual([...failing].sort());
  });

  it('no snapshot -> nothing known to fail', () => {
    expect(failingServiceIds(null).size).toBe(0);
  });

  it('an operational service named by an incident is failing', () => {
    const snapshot = loadSnapshot('cowork-only');
    const allGreen: Snapshot = {
      ...snapshot,
      services: snapshot.services.map((s) => ({ ...s, state: 'operational' })),
    };
    expect([...failingServiceIds(allGreen)]).toEqual([cowork]);
  });

  it('an incident that names no service may touch any: all fail', () => {
    const snapshot = loadSnapshot('many-models');
    const unnamed: Snapshot = {
      ...snapshot,
      services: snapshot.services.map((s) => ({ ...s, state: 'operational' })),
      // Without the reading stored at build time, as a snapshot stored before it: its components decide.
      incidents: snapshot.incidents.map(({ reach, ...i }) => ({ ...i, serviceIds: [] })),
    };
    expect([...failingServiceIds(unnamed)].sort()).toEqual([claudeAi, consoleId, api, code, cowork, government].sort());
  });
});

describe('chooseAlternatives', () => {
  it('API failing: Workbench and every api-key app are affected; Bedrock and Vertex stay recommended', () => {
    const choice = chooseAlternatives(ALTERNATIVES, failingServiceIds(loadSnapshot('api-outage')));
    const affected = ids(choice.affected);
    expect(affected).toContain('workbench');
    for (const alternative of ALTERNATIVES.filter((a) => a.needs.includes('api-key'))) {
      expect(affected).toContain(alternative.id);
    }
    expect(affected).toEqual(['workbench', 'typingmind', 'librechat', 'lobechat', 'poe', 'code-api-key']);
    expect(ids(choice.recommended)).toEqual(['bedrock', 'vertex', 'openrouter', 'code-cloud']);
  });

  it('only the API failing (not the Console) is enough to affect Workbench', () => {
    const choice = chooseAlternatives(ALTERNATIVES, new Set([api]));
    expect(ids(choice.affected)).toContain('workbench');
    expect(ids(choice.recommended)).toEqual(expect.arrayContaining(['bedrock', 'vertex']));
  });

  it('only the Console failing affects the Workbench and Claude Code with an API key (its key and credits come from there)', () => {
    const choice = chooseAlternatives(ALTERNATIVES, new Set([consoleId]));
    expect(ids(choice.affected)).toEqual(['workbench', 'code-api-key']);
    expect(ALTERNATIVES.find((a) => a.id === 'code-api-key')?.url).toMatch(/^https:\/\/platform\.claude\.com\//);
  });

  it.each<SummaryFixture>(['healthy', 'added-component', 'claude-ai-partial', 'cowork-only'])(
    '%s: the API works, so everything is recommended, in catalogue order',
    (name) => {
      const choice = chooseAlternatives(ALTERNATIVES, failingServiceIds(loadSnapshot(name)));
      expect(ids(choice.recommended)).toEqual(catalogueIds);
      expect(choice.affected).toEqual([]);
    },
  );

  it('no snapshot: everything recommended', () => {
    expect(ids(chooseAlternatives(ALTERNATIVES, failingServiceIds(null)).recommended)).toEqual(catalogueIds);
  });

  it.each<SummaryFixture>([...SUMMARY_FIXTURES])(
    '%s: no recommended alternative depends on a failing service; nothing is lost',
    (name) => {
      const failing = failingServiceIds(loadSnapshot(name));
      const choice = chooseAlternatives(ALTERNATIVES, failing);
      for (const alternative of choice.recommended) {
        for (const dependency of alternative.dependsOn) expect(failing.has(dependency)).toBe(false);
      }
      for (const alternative of choice.affected) {
        expect(alternative.dependsOn.some((d) => failing.has(d))).toBe(true);
      }
      expect([...ids(choice.recommended), ...ids(choice.affected)].sort()).toEqual([...catalogueIds].sort());
      // Bedrock and Vertex do not depend on Anthropic's own services: always recommended.
      expect(ids(choice.recommended)).toEqual(expect.arrayContaining(['bedrock', 'vertex']));
    },
  );

  it('exclude leaves entries out of both lists', () => {
    const choice = chooseAlternatives(ALTERNATIVES, new Set([api]), { exclude: ['bedrock', 'poe'] });
    expect(ids(choice.recommended)).not.toContain('bedrock');
    expect(ids(choice.affected)).not.toContain('poe');
    expect(choice.recommended.length + choice.affected.length).toBe(ALTERNATIVES.length - 2);
  });

  it('an entry whose link is not https is never offered', () => {
    const base = ALTERNATIVES[1] as Alternative;
    const catalogue: Alternative[] = [
      { ...base, id: 'plain-http', url: 'http://example.com' },
      { ...base, id: 'script', url: 'javascript:alert(1)' },
      { ...base, id: 'fine', url: 'https://example.com' },
    ];
    const choice = chooseAlternatives(catalogue, new Set());
    expect(ids(choice.recommended)).toEqual(['fine']);
    expect(choice.affected).toEqual([]);
  });
});

describe('the catalogue', () => {
  it.each(ALTERNATIVES.map((a) => [a.id, a] as const))('%s: an https link that parses', (_id, alternative) => {
    const url = new URL(alternative.url);
    expect(url.protocol).toBe('https:');
    expect(url.username).toBe('');
    expect(alternative.url.startsWith('https://')).toBe(true);
  });

  it('ids are unique and dependencies are known services or platforms', () => {
    expect(new Set(catalogueIds).size).toBe(ALTERNATIVES.length);
    const known = new Set<string>([...Object.values(SERVICE_IDS), ...Object.values(PLATFORM_IDS)]);
    for (const alternative of ALTERNATIVES) for (const d of alternative.dependsOn) expect(known.has(d)).toBe(true);
  });

  it('everything that needs an API key depends on the API', () => {
    for (const alternative of ALTERNATIVES.filter((a) => a.needs.includes('api-key'))) {
      expect(alternative.dependsOn).toContain(api);
    }
  });

  it('offers a way to keep using Claude Code that survives an API outage', () => {
    const choice = chooseAlternatives(ALTERNATIVES, new Set([api, consoleId, claudeAi, code]));
    expect(choice.recommended.filter((a) => a.forClaudeCode).map((a) => a.id)).toEqual(['code-cloud']);
  });
});
