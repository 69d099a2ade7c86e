/**
 * Finds elements through open shadow roots from inside a page. It runs in the page (serialised
 * by the driver), so it works the same under Playwright and puppeteer-core.
 */
export interface DeepElement {
  text: string;
  attrs: Record<string, string>;
}

/** Every element matching `selector` in the document and in every open shadow root. */
export function deepQueryAll(selector: string): DeepElement[] {
  const found: DeepElement[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll(selector)) {
      const attrs: Record<string, string> = {};
      for (const a of el.attributes) attrs[a.name] = a.value;
      // biome-ignore lint/performance/useDomNodeTextContent: tests read the text as rendered, line breaks included.
      found.push({ text: (el as HTMLElement).innerText ?? el.textContent ?? '', attrs });
    }
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(document);
  return found;
}

/** Clicks the first element matching `selector` in the document or an open shadow root. */
export function deepClick(selector: string): boolean {
  const visit = (root: Document | ShadowRoot): HTMLElement | null => {
    const hit = root.querySelector<HTMLElement>(selector);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        const inner = visit(el.shadowRoot);
        if (inner) return inner;
      }
    }
    return null;
  };
  const target = visit(document);
  target?.click();
  return target !== null;
}

/** Bounding boxes of the first match of each selector, deep. */
export function deepRects(
  selectors: string[],
): ({ top: number; left: number; bottom: number; right: number } | null)[] {
  const find = (root: Document | ShadowRoot, selector: string): Element | null => {
    const hit = root.querySelector(selector);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        const inner = find(el.shadowRoot, selector);
        if (inner) return inner;
      }
    }
    return null;
  };
  return selectors.map((s) => {
    const r = find(document, s)?.getBoundingClientRect();
    return r ? { top: r.top, left: r.left, bottom: r.bottom, right: r.right } : null;
  });
}

/**
 * Scrolls the first match of `selector` into view, deep, as a person scrolls to what they are about
 * to click: inside the banner, what follows its title scrolls on its own.
 */
export function deepScrollIntoView(selector: string): boolean {
  const find = (root: Document | ShadowRoot): Element | null => {
    const hit = root.querySelector(selector);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        const inner = find(el.shadowRoot);
        if (inner) return inner;
      }
    }
    return null;
  };
  const target = find(document);
  target?.scrollIntoView({ block: 'nearest' });
  return target !== null;
}
