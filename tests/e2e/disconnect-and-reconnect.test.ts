import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { floatingWindow, installFromMarketplace, openWindowFromDock } from '../support/journeys';
import { screenshotPath } from '../support/screenshots';
import { startStack, type Stack } from '../support/stack';

// The user's own "Disconnect" in the window's Settings tab, then the re-authorize action the
// window offers, and reconnecting through it, in real Chromium from the sandbox host page. (The
// reconnect screen of a window opened with a revoked grant is checked in token-lifecycle.test.ts.)
describe('disconnect and reconnect Pipedrive from the window', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let user: { id: number; name: string };

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    user = stack.sandbox.context.store.listUsers()[0]!;
    await installFromMarketplace(page, stack);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  const frame = () => floatingWindow(page);

  it('disconnects after a confirmation: Pipedrive revokes the app and the window offers to reconnect', async () => {
    await openWindowFromDock(page, stack, user.name);
    await frame().getByRole('tab', { name: 'Settings' }).click();
    await frame().getByRole('button', { name: 'Disconnect Pipedrive' }).click();
    await frame().getByRole('alertdialog').waitFor();
    expect(stack.sandbox.context.isAppInstalled(user.id)).toBe(true);

    await frame().getByRole('button', { name: 'Yes, disconnect' }).click();
    await frame().getByText('Pipedrive revoked the app’s access').waitFor();
    await frame().getByRole('link', { name: 'Reconnect Pipedrive' }).waitFor();
    expect(stack.sandbox.context.isAppInstalled(user.id)).toBe(false);
    await page.screenshot({ path: screenshotPath('window-disconnected') });
  });

  it('reconnects through the window’s "Reconnect Pipedrive": the consent page opens in a new tab, then the contacts are back', async () => {
    const [consent] = await Promise.all([context.waitForEvent('page'), frame().getByRole('link', { name: 'Reconnect Pipedrive' }).click()]);
    await consent.getByRole('button', { name: 'Allow and install' }).click();
    await consent.waitForURL((url) => url.href.startsWith(`${stack.appUrl}/api/auth/callback`));
    await consent.close();
    expect(stack.sandbox.context.isAppInstalled(user.id)).toBe(true);

    await openWindowFromDock(page, stack, user.name);
    await frame().getByRole('button', { name: /^Call / }).first().waitFor();
  });
});
