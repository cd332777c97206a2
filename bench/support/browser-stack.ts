import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { launchChromium } from '../../tests/support/browser';
import { installFromMarketplace, openWindowFromDock } from '../../tests/support/journeys';
import { startStack, type Stack } from '../../tests/support/stack';

/** The sandbox's first user, who installs the app. */
export const BENCH_USER_NAME = 'Alice Admin';

export interface BrowserBench {
  stack: Stack;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * The product as a user meets it (tests/support/stack.ts: in-process sandbox, the app as its own
 * process in production mode), with the sandbox seeded with `personCount` persons and no added
 * latency, and the app installed from the sandbox Marketplace in real Chromium.
 */
export async function startBrowserBench(personCount: number): Promise<BrowserBench> {
  const stack = await startStack({ sandbox: { personCount, latencyMs: 0 } });
  if (stack.app.mode !== 'production') {
    await stack.stop();
    throw new Error('the app did not start in production mode: run `npx next build` first');
  }
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await installFromMarketplace(page, stack);
    const opened = browser;
    return {
      stack,
      browser: opened,
      context,
      page,
      async close() {
        await opened.close();
        await stack.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await stack.stop();
    throw error;
  }
}

/** Opens the window from the dock and returns the iframe's frame (for evaluating inside it). */
export async function openWindowFrame(bench: BrowserBench): Promise<Frame> {
  await openWindowFromDock(bench.page, bench.stack, BENCH_USER_NAME);
  const element = await bench.page.locator('#floating-window-frame').elementHandle();
  const frame = await element?.contentFrame();
  if (!frame) throw new Error('the floating window has no frame');
  return frame;
}
