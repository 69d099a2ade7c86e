/** Which claude.ai requests are a claude.ai page's own (core/claude-page/request-origin.ts), as each browser reports them. */
import { describe, expect, it } from 'vitest';
import { claudePageOrItsRequest, madeByClaudePage, type RequestFacts } from '../../core/claude-page/request-origin';

describe('madeByClaudePage / claudePageOrItsRequest', () => {
  it.each<[string, RequestFacts, boolean, boolean]>([
    [
      'Chrome: a fetch from claude.ai',
      { type: 'xmlhttprequest', tabId: 3, frameId: 0, parentFrameId: -1, initiator: 'https://claude.ai' },
      true,
      true,
    ],
    [
      'Firefox: a fetch from a claude.ai document',
      { type: 'xmlhttprequest', tabId: 3, frameId: 0, frameAncestors: [], documentUrl: 'https://claude.ai/new' },
      true,
      true,
    ],
    [
      'Firefox: only originUrl given',
      { type: 'xmlhttprequest', tabId: 3, frameId: 0, originUrl: 'https://claude.ai/new' },
      true,
      true,
    ],
    ['claude.ai loading in a tab', { type: 'main_frame', tabId: 3 }, false, true],
    [
      'Chrome: a fetch from a claude.ai document another site frames (issue #28)',
      { type: 'xmlhttprequest', tabId: 3, frameId: 7, parentFrameId: 0, initiator: 'https://claude.ai' },
      false,
      false,
    ],
    [
      'Firefox: a fetch from a framed claude.ai document',
      {
        type: 'xmlhttprequest',
        tabId: 3,
        frameId: 7,
        parentFrameId: 0,
        frameAncestors: [{ url: 'https://evil.example/', frameId: 0 }],
        documentUrl: 'https://claude.ai/new',
      },
      false,
      false,
    ],
    [
      'a top frame id with frame ancestors is still framed',
      { type: 'xmlhttprequest', tabId: 3, frameId: 0, frameAncestors: [{}], documentUrl: 'https://claude.ai/' },
      false,
      false,
    ],
    ['no frame said at all', { type: 'xmlhttprequest', tabId: 3, initiator: 'https://claude.ai' }, false, false],
    [
      'another site framing a claude.ai address',
      { type: 'sub_frame', tabId: 3, initiator: 'https://evil.example' },
      false,
      false,
    ],
    [
      'a claude.ai frame in another site',
      { type: 'sub_frame', tabId: 3, initiator: 'https://claude.ai' },
      false,
      false,
    ],
    [
      'another site fetching claude.ai',
      { type: 'xmlhttprequest', tabId: 3, initiator: 'https://evil.example' },
      false,
      false,
    ],
    [
      'a look-alike origin',
      { type: 'xmlhttprequest', tabId: 3, initiator: 'https://claude.ai.evil.example' },
      false,
      false,
    ],
    ['claude.ai over http', { type: 'xmlhttprequest', tabId: 3, initiator: 'http://claude.ai' }, false, false],
    [
      'no tab (a worker, the browser)',
      { type: 'xmlhttprequest', tabId: -1, initiator: 'https://claude.ai' },
      false,
      false,
    ],
    ['no tab for a navigation', { type: 'main_frame', tabId: -1 }, false, false],
    ['no initiator at all', { type: 'xmlhttprequest', tabId: 3 }, false, false],
    ['an image from claude.ai', { type: 'image', tabId: 3, initiator: 'https://claude.ai' }, false, false],
    ['an unparsable document URL', { type: 'xmlhttprequest', tabId: 3, documentUrl: 'not a url' }, false, false],
  ])('%s', (_label, facts, own, pageOrOwn) => {
    expect(madeByClaudePage(facts)).toBe(own);
    expect(claudePageOrItsRequest(facts)).toBe(pageOrOwn);
  });
});
