/**
 * The extension's own tasks on a page, from a Chromium performance trace (CDP Tracing, the
 * 'devtools.timeline' category that DevTools' Performance panel records). Every script call on the
 * page's main thread is a FunctionCall event with the script's URL and its thread time (tdur: CPU
 * time on that thread, so a machine busy with other work does not lengthen it). The content
 * script's calls are those whose URL is the extension's; the page's own are the page's URL.
 * Web APIs for long tasks (longtask, long-animation-frame) report only tasks over 50 ms and do not
 * say which script of an extension ran, so they cannot check a 16 ms bound.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface ScriptCall {
  url: string;
  /** Thread (CPU) time of the call, ms. */
  cpuMs: number;
  /** Wall time of the call, ms. */
  wallMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string } };
}

/** Opens a page in `context`, records a trace while `run(page)` runs, and returns every script call. */
export async function traceScriptCalls(
  context: BrowserContext,
  run: (page: Page) => Promise<void>,
): Promise<{ calls: ScriptCall[]; page: Page }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => {
    events.push(...(data.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] },
  });
  try {
    await run(page);
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  const calls = events
    .filter((e) => e.name === 'FunctionCall' && e.ph === 'X' && typeof e.args?.data?.url === 'string')
    .map((e) => ({ url: e.args?.data?.url ?? '', cpuMs: (e.tdur ?? e.dur ?? 0) / 1000, wallMs: (e.dur ?? 0) / 1000 }));
  return { calls, page };
}
