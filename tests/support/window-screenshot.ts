import type { Locator } from 'playwright-core';

/**
 * Screenshots the floating window's frame at a given size (the host lets an app resize it; the
 * test sets the frame's size directly, as the host would), then puts the previous size back.
 */
export async function screenshotWindowAt(frameElement: Locator, size: { width: number; height: number }, path: string): Promise<void> {
  const previous = await frameElement.evaluate((element: HTMLElement, next) => {
    const before = { width: element.style.width, height: element.style.height };
    element.style.width = `${next.width}px`;
    element.style.height = `${next.height}px`;
    return before;
  }, size);
  // Two frames: the window lays itself out at the new size before the picture is taken.
  await frameElement.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await frameElement.screenshot({ path });
  await frameElement.evaluate((element: HTMLElement, before) => {
    element.style.width = before.width;
    element.style.height = before.height;
  }, previous);
}
