// @vitest-environment happy-dom
/**
 * The always-on watcher's filter (issues #17, #26), in happy-dom: it reads what claude.ai adds to
 * the conversation, skips what cannot hold claude.ai's own message (a reply while it streams, the
 * composer, code), reads a reply once when it stops streaming, finds a candidate at the end of a
 * long conversation in its sliced first scan, and hands each candidate on (the page reader says
 * whether it is one: tests/unit/page-read.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { watchPageSignals } from '../../entrypoints/claude.content/page-signal-watch';

const SENTENCE =
  'Due to unexpected capacity constraints, Claude is unable to respond to your message. Please try again soon.';
/** Longer than one batch (100 ms) plus the first scan's fallback delay (200 ms) and its slices. */
const SETTLE_MS = 450;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
/** Waits until something was reported (a loaded machine runs timers late), at most 4 s. */
async function reported(found: string[]): Promise<string[]> {
  const deadline = Date.now() + 4_000;
  while (found.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  return found;
}

function reply(text: string, streaming: boolean): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.dataset.isStreaming = String(streaming);
  const body = document.createElement('div');
  body.className = 'font-claude-message';
  const paragraph = document.createElement('p');
  paragraph.textContent = text;
  body.append(paragraph);
  wrapper.append(body);
  return wrapper;
}

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
  document.body.replaceChildren();
});

/** The candidates handed on, as the words they start with. */
function watch(): string[] {
  const found: string[] = [];
  const watcher = watchPageSignals(document.body, (text) => found.push(text.data.split(' ').slice(0, 3).join(' ')));
  stop = watcher.stop;
  return found;
}

const CANDIDATE = 'Due to unexpected';
const RETRY = 'Taking longer than';

describe('watchPageSignals', () => {
  it('hands on the capacity error added to the conversation', async () => {
    const conversation = document.createElement('div');
    document.body.append(conversation);
    const found = watch();
    await settle();
    conversation.append(reply(SENTENCE, false));
    expect(await reported(found)).toEqual([CANDIDATE]);
  });

  it('hands on the error added as a bare text node, and keeps watching', async () => {
    const conversation = document.createElement('div');
    document.body.append(conversation);
    const found = watch();
    await settle();
    conversation.append(document.createTextNode(SENTENCE));
    expect(await reported(found)).toEqual([CANDIDATE]);
    conversation.append(reply(SENTENCE, false));
    await settle();
    expect(found).toEqual([CANDIDATE, CANDIDATE]);
  });

  it('skips a reply while it streams, but for its last words, and reads it whole once when it stops', async () => {
    const streaming = reply('Here is', true);
    document.body.append(streaming);
    const found = watch();
    await settle();
    const paragraph = streaming.querySelector('p') as HTMLParagraphElement;
    // The words early in a long reply: only its last few text nodes are looked at meanwhile.
    paragraph.textContent = SENTENCE;
    for (let i = 0; i < 4; i++) {
      const more = document.createElement('p');
      more.textContent = `And then the reply goes on about something else, part ${i}.`;
      paragraph.parentElement?.append(more);
    }
    await settle();
    expect(found).toEqual([]);
    streaming.dataset.isStreaming = 'false';
    expect(await reported(found)).toEqual([CANDIDATE]);
  });

  it('looks at a streaming reply about once a second for a notice standing in its place', async () => {
    const streaming = reply('', true);
    document.body.append(streaming);
    const found = watch();
    await settle();
    (streaming.querySelector('p') as HTMLParagraphElement).textContent =
      'Taking longer than usual. Trying again shortly (attempt 3)';
    expect(await reported(found)).toEqual([RETRY]);
    expect(streaming.dataset.isStreaming).toBe('true');
  });

  it('sees a note at the end of a long streaming reply within a second, while it still streams', async () => {
    const streaming = reply('Here is a long answer. '.repeat(100), true);
    document.body.append(streaming);
    const found = watch();
    await settle();
    const note = document.createElement('div');
    note.textContent = 'Server error mid-response. The response above may be incomplete.';
    streaming.append(note);
    expect(await reported(found)).toEqual(['Server error mid-response.']);
    expect(streaming.dataset.isStreaming).toBe('true');
  });

  it('sees the notice at the end of a streaming reply whose markup ends in white space (indented, as captures are)', async () => {
    const streaming = reply('', true);
    for (let i = 0; i < 5; i++) streaming.append(document.createTextNode('\n      '));
    document.body.append(streaming);
    const found = watch();
    await settle();
    (streaming.querySelector('p') as HTMLParagraphElement).textContent =
      'Taking longer than usual. Retrying shortly (attempt 2)';
    expect(await reported(found)).toEqual([RETRY]);
  });

  it('while a reply streams, nothing else is watched: the page is looked at again when it stops', async () => {
    const streaming = reply('Here is', true);
    const band = document.createElement('div');
    band.dataset.alertBandWrapper = 'true';
    const elsewhere = document.createElement('div');
    document.body.append(streaming, band, elsewhere);
    let batches = 0;
    const found: string[] = [];
    stop = watchPageSignals(
      document.body,
      (text) => found.push(text.data.split(' ').slice(0, 3).join(' ')),
      () => batches++,
    ).stop;
    await settle();
    const before = batches;
    for (let i = 0; i < 20; i++) (streaming.querySelector('p') as HTMLParagraphElement).textContent += ` word ${i}`;
    band.textContent = SENTENCE;
    // Not claude.ai's surface, and added while the page was not watched: never read.
    elsewhere.textContent = 'Overloaded, retrying shortly: a sentence in some other part of the page.';
    await settle();
    expect(found).toEqual([]);
    expect(batches).toBe(before);
    streaming.dataset.isStreaming = 'false';
    expect(await reported(found)).toEqual([CANDIDATE]);
    await settle();
    expect(found).toEqual([CANDIDATE]);
    expect(batches).toBeGreaterThan(before);
  });

  it('a streaming reply that leaves the page (claude.ai navigated) ends the stream, and the new page is read', async () => {
    const streaming = reply('Here is', true);
    document.body.append(streaming);
    const found = watch();
    await settle();
    streaming.remove();
    document.body.append(reply(SENTENCE, false));
    expect(await reported(found)).toEqual([CANDIDATE]);
  });

  it("never reports the user's own words in the composer or text in a code block", async () => {
    const composer = document.createElement('div');
    composer.setAttribute('contenteditable', 'true');
    const finished = reply('A finished reply.', false);
    document.body.append(composer, finished);
    const found = watch();
    await settle();
    composer.textContent = SENTENCE;
    const code = document.createElement('pre');
    code.textContent = `throw new Error("${SENTENCE}")`;
    finished.append(code);
    await settle();
    expect(found).toEqual([]);
  });

  it('finds an error already at the end of a long conversation, read in slices', async () => {
    const conversation = document.createElement('div');
    for (let i = 0; i < 1000; i++)
      conversation.append(reply(`Message ${i.toString(36)} about the rollout plan.`, false));
    conversation.append(reply(SENTENCE, false));
    document.body.append(conversation);
    const found = watch();
    expect(await reported(found)).toEqual([CANDIDATE]);
  });

  it('many nodes added at once are read as their parent, not one by one, and still found', async () => {
    const conversation = document.createElement('div');
    document.body.append(conversation);
    const found = watch();
    await settle();
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < 5_000; i++) fragment.append(document.createElement('span'));
    fragment.append(reply(SENTENCE, false));
    conversation.append(fragment);
    expect(await reported(found)).toEqual([CANDIDATE]);
  });
});
