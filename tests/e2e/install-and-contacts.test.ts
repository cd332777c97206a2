import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { floatingWindow, installFromMarketplace, openWindowFromDock } from '../support/journeys';
import { screenshotPath } from '../support/screenshots';
import { startStack, type Stack } from '../support/stack';
import { waitFor } from '../support/wait';

// The first screen as a user meets it, in real Chromium: the sandbox host page (127.0.0.1) embeds
// the app (localhost) as a third-party iframe and speaks the real SDK's protocol with it.
describe('install and contact list, from the sandbox host page', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  const frame = () => floatingWindow(page);
  const hostPhase = () => page.evaluate(() => (window as unknown as { __sandboxHost: { state: { phase: string } } }).__sandboxHost.state.phase);

  it('installs the app through the consent page', async () => {
    await installFromMarketplace(page, stack);
    expect(await page.textContent('body')).toMatch(/return to Pipedrive/i);
  });

  it('opens the floating window from the app dock with the SDK initialized', async () => {
    const user = stack.sandbox.context.store.listUsers()[0]!;
    await openWindowFromDock(page, stack, user.name);
    expect(await hostPhase()).toBe('ready');
    await frame().getByRole('button', { name: /^Call / }).first().waitFor();
    await page.screenshot({ path: screenshotPath('window') });
  });

  it('finds, by a server-side search, a person who is not on the first page', async () => {
    const withPhones = stack.sandbox.context.store.listPersons({ limit: 500 }).items.filter((person) => person.phones.length > 0);
    const target = withPhones[withPhones.length - 1]!;
    const firstPageNames = await frame().getByRole('list', { name: 'Contacts' }).getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
    expect(firstPageNames).not.toContain(`Call ${target.name}`);

    await frame().getByRole('searchbox', { name: 'Search contacts' }).fill(target.name);
    await frame().getByRole('button', { name: `Call ${target.name}` }).waitFor();
  });

  it('follows the user switching Pipedrive to the dark theme, live', async () => {
    const theme = () => frame().locator('html').getAttribute('data-theme');
    expect(await theme()).toBe('light');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await waitFor(theme, (value) => value === 'dark', 'the window to switch to the dark theme');
    await page.screenshot({ path: screenshotPath('window-dark') });
  });
});
