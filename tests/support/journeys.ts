import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { Stack } from './stack';

/** The floating window's iframe inside the sandbox host page. */
export function floatingWindow(page: Page): FrameLocator {
  return page.frameLocator('#floating-window-frame');
}

/** Installs the app as a user does: sandbox Marketplace → app login → consent page → callback. */
export async function installFromMarketplace(page: Page, stack: Stack): Promise<void> {
  await page.goto(`${stack.sandbox.url}/marketplace`);
  await page.getByRole('link', { name: 'Install' }).click();
  await page.getByRole('button', { name: 'Allow and install' }).click();
  await page.waitForURL((url) => url.href.startsWith(`${stack.appUrl}/api/auth/callback`));
}

/** Opens the sandbox's persons page and the app from the app dock; resolves once it greets the user. */
export async function openWindowFromDock(page: Page, stack: Stack, userName: string): Promise<FrameLocator> {
  await page.goto(`${stack.sandbox.url}/persons`);
  await page.getByRole('button', { name: 'Caller' }).click();
  const frame = floatingWindow(page);
  await frame.getByRole('heading', { name: `Hello, ${userName}` }).waitFor();
  return frame;
}

export interface InstalledPageOptions {
  /** The browser window's size (the Pipedrive page around the floating window). */
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Playwright's default wait for this profile; its own default otherwise. */
  readonly timeoutMs?: number;
  /** Runs on the new page before the install (e.g. to act as another sandbox user). */
  readonly beforeInstall?: (page: Page) => Promise<void>;
}

/** A fresh browser profile whose sandbox user installed the app: the Pipedrive page the window opens in. */
export async function installedPage(browser: Browser, stack: Stack, options: InstalledPageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  if (options.timeoutMs !== undefined) context.setDefaultTimeout(options.timeoutMs);
  const page = await context.newPage();
  await options.beforeInstall?.(page);
  await installFromMarketplace(page, stack);
  return { context, page };
}
