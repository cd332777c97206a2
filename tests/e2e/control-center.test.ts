import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { dialInbound, hostState, loadHiddenWindow, openControlCenter } from '../support/inbound';
import { installedPage } from '../support/journeys';
import { screenshotPath } from '../support/screenshots';
import { startStack, type Stack } from '../support/stack';
import { waitFor } from '../support/wait';

const ALICE = { id: 20001, name: 'Alice Admin' };

// The Control Center (/admin) as the person simulating calls sees it, in real Chromium.
describe('the Control Center page', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let admin: Page;
  let frame: FrameLocator;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
    ({ context, page } = await installedPage(browser, stack, { viewport: { width: 900, height: 760 }, timeoutMs: 15_000 }));
    frame = await loadHiddenWindow(page, stack, ALICE.name);
    admin = await openControlCenter(context, stack);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  it('names the company as Pipedrive does, not by its id', async () => {
    const online = admin.getByRole('region', { name: 'Agents online' });
    await online.getByText(ALICE.name).waitFor();
    const company = stack.sandbox.context.store.company;
    expect(await online.getByRole('heading', { level: 3 }).textContent()).toBe(`${company.name} · id ${company.id}`);
    expect(await online.getByText(`Company ${company.id}`).count()).toBe(0);
  });

  it('is styled like the floating window', async () => {
    const dial = admin.getByRole('button', { name: 'Dial' });
    // .button.primary of the window's stylesheet: its accent background, not the browser's grey button.
    expect(await dial.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgb(26, 127, 75)');
    expect(await admin.locator('main').evaluate((main) => getComputedStyle(main).maxWidth)).toBe('640px');
    await admin.screenshot({ path: screenshotPath('control-center') });
  });

  it('refuses "abc" next to the field, without calling anyone', async () => {
    const callsBefore = stack.sandbox.context.store.listCallLogs().length;
    const number = admin.getByRole('textbox', { name: 'Phone number' });
    await number.fill('abc');
    await admin.getByRole('button', { name: 'Dial' }).click();
    // The message is announced (role alert) and is the field's description, so it reads with the field.
    const alert = admin.getByRole('alert').filter({ hasText: 'phone number' });
    expect(await alert.textContent()).toBe('"abc" is not a phone number: use digits, spaces and + - ( ) only, such as +14155550134.');
    expect(await number.getAttribute('aria-describedby')).toBe(await alert.getAttribute('id'));
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    expect(await admin.getByRole('status').textContent()).toBe('Ready.');
    expect(stack.sandbox.context.store.listCallLogs()).toHaveLength(callsBefore);
    await admin.screenshot({ path: screenshotPath('control-center-invalid-number') });

    // Typing again clears the message.
    await number.fill('+14155550134');
    expect(await alert.count()).toBe(0);
    expect(await number.getAttribute('aria-invalid')).toBeNull();
  });

  it('follows the call past "Ringing": who answered, then that it ended', async () => {
    const status = () => admin.getByRole('status').textContent();
    expect(await dialInbound(admin, '+14155550134', ALICE.name)).toBe(`Ringing 1 agent: ${ALICE.name}.`);
    await waitFor(() => hostState(page), (state) => state.visible, 'the window to show itself');
    await frame.getByRole('button', { name: 'Answer' }).click();
    await waitFor(status, (text) => text === `Answered by ${ALICE.name}.`, 'the Control Center to see the answer');
    await frame.getByRole('button', { name: 'Hang up', exact: true }).click();
    await waitFor(status, (text) => text === `Call ended: ${ALICE.name} answered it.`, 'the Control Center to see the end');
  });

  it('says that a user of the company has not installed the app, rather than "agent not found"', async () => {
    const notInstalled = stack.sandbox.context.store.listUsers().find((user) => user.id !== ALICE.id)!;
    expect(await dialInbound(admin, '+14155550199', notInstalled.email)).toBe(`Missed call: "${notInstalled.email}" has not installed the app in this company.`);
  });
});
