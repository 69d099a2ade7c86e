/**
 * The always-on watcher's filter (issue #17), in happy-dom: it reads what claude.ai adds to the
 * conversation, skips what cannot hold claude.ai's own error (a reply while it streams, the
 * composer, code), reads a reply once when it stops streaming, and finds an error at the end of a
 * long conversation in its sliced first scan.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { watchCapacityErrors } from '../../entrypoints/claude.content/capacity-watch';

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

function watch(): string[] {
  const found: string[] = [];
  stop = watchCapacityErrors(document.body, (signal) => found.push(signal.kind));
  return found;
}

describe('watchCapacityErrors', () => {
  it('reports the capacity error added to the conversation', async () => {
    const conversation = document.createElement('div');
    document.body.append(conversation);
    const found = watch();
    await settle();
    conversation.append(reply(SENTENCE, false));
    expect(await reported(found)).toEqual(['capacity']);
  });

  it('skips a reply while it streams, and reads it once when it stops', async () => {
    const streaming = reply('Here is', true);
    document.body.append(streaming);
    const found = watch();
    await settle();
    const paragraph = streaming.querySelector('p') as HTMLParagraphElement;
    // The failed reply: the error in place of Claude's words.
    paragraph.textContent = SENTENCE;
    await settle();
    expect(found).toEqual([]);
    streaming.dataset.isStreaming = 'false';
    expect(await reported(found)).toEqual(['capacity']);
  });

  it('looks at a streaming reply about once a second for a notice standing in its place', async () => {
    const streaming = reply('', true);
    document.body.append(streaming);
    const found = watch();
    await settle();
    (streaming.querySelector('p') as HTMLParagraphElement).textContent =
      'Taking longer than usual. Trying again shortly (attempt 3)';
    expect(await reported(found)).toEqual(['retry']);
    expect(streaming.dataset.isStreaming).toBe('true');
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
    for (let i = 0; i < 1000; i++) conversation.append(reply(`Message ${i} about the rollout plan.`, false));
    conversation.append(reply(SENTENCE, false));
    document.body.append(conversation);
    const found = watch();
    expect(await reported(found)).toEqual(['capacity']);
  });
});
