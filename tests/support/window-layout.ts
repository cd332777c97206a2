import type { FrameLocator, Page } from 'playwright-core';

/** Sizes the floating window's iframe as Pipedrive would (the sandbox host keeps it until the next resize). */
export async function setWindowSize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.evaluate(({ width, height }) => {
    const frame = document.getElementById('floating-window-frame');
    if (!frame) throw new Error('no floating window');
    frame.style.width = `${width}px`;
    frame.style.height = `${height}px`;
  }, size);
}

/**
 * 200 % zoom inside the window (CSS `zoom` on its root): the content gets half the room, which is
 * what an agent with enlarged text meets in the fixed-size floating window.
 */
export async function setWindowZoom(frame: FrameLocator, zoom: number): Promise<void> {
  await frame.locator('html').evaluate((root, value) => {
    (root as HTMLElement).style.zoom = String(value);
  }, zoom);
}

/**
 * What is wrong with the window's layout right now, as sentences (empty: nothing): the page or a
 * scroll box scrolls sideways, something sticks out past the right edge, or a tab is clipped,
 * outside its tab bar, or its name wraps onto two lines.
 */
export function layoutProblems(frame: FrameLocator): Promise<string[]> {
  return frame.locator('html').evaluate(() => {
    const problems: string[] = [];
    const describe = (element: Element) => {
      const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30) ?? '';
      return `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> "${name}"`;
    };
    const isShown = (element: Element) => element.getClientRects().length > 0 && !element.closest('[hidden]');
    const page = document.scrollingElement ?? document.documentElement;
    if (page.scrollWidth > page.clientWidth) problems.push(`the window scrolls sideways (${page.scrollWidth} > ${page.clientWidth})`);
    const right = page.getBoundingClientRect().left + page.clientWidth;

    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      if (!isShown(element)) continue;
      const style = getComputedStyle(element);
      const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
      if (scrolls && element.scrollWidth > element.clientWidth + 1) problems.push(`${describe(element)} scrolls sideways (${element.scrollWidth} > ${element.clientWidth})`);
      // Inside a box that clips or scrolls, sticking out is that box's business (checked above).
      let parent = element.parentElement;
      let contained = false;
      while (parent && parent !== document.body) {
        if (getComputedStyle(parent).overflowX !== 'visible') contained = true;
        parent = parent.parentElement;
      }
      if (!contained && element.getBoundingClientRect().right > right + 1) problems.push(`${describe(element)} sticks out past the right edge`);
    }

    for (const tab of Array.from(document.querySelectorAll('[role="tab"]'))) {
      if (!isShown(tab)) continue;
      const name = tab.getAttribute('aria-label') ?? '';
      if (tab.scrollWidth > tab.clientWidth + 1) problems.push(`tab "${name}" is clipped (${tab.scrollWidth} > ${tab.clientWidth})`);
      const bar = tab.closest('[role="tablist"]')?.getBoundingClientRect();
      const box = tab.getBoundingClientRect();
      if (bar && (box.right > bar.right + 1 || box.left < bar.left - 1)) problems.push(`tab "${name}" is outside its tab bar`);
      const label = tab.firstChild;
      if (label?.nodeType === Node.TEXT_NODE) {
        const range = document.createRange();
        range.selectNodeContents(label);
        const lines = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
        if (lines.size > 1) problems.push(`tab "${name}" wraps onto ${lines.size} lines`);
      }
    }
    return problems;
  });
}
