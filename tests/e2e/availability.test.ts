import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { dialInbound, hostCommands, installTwoAgents, loadHiddenWindow, openControlCenter } from '../support/inbound';
import { openWindowFromDock } from '../support/journeys';
import { screenshotPath } from '../support/screenshots';
import { startStack, type Stack } from '../support/stack';
import { waitFor } from '../support/wait';
import { screenshotWindowAt } from '../support/window-screenshot';

const ALICE = { id: 20001, name: 'Alice Admin' };
const BOB = { id: 20002, name: 'Bob Caller' };

// "Available" / "Do not disturb" in real Chromium (mock provider): Alice picks it in her window's
// header; the Control Center's calls then skip her (Bob rings, or the call is missed and listed),
// her other tab shows it, and switching back makes the next call ring her again.
describe('agent availability: Do not disturb', () => {
  let stack: Stack;
  let browser: Browser;
  let aliceContext: BrowserContext;
  let bobContext: BrowserContext;
  let alice: Page;
  let bob: Page;
  let admin: Page;
  let frame: FrameLocator;

  beforeAll(async () => {
    stack = await startStack({ appEnv: { RING_TIMEOUT_SECONDS: '6' } });
    browser = await launchChromium();
    ({ contexts: [aliceContext, bobContext], pages: [alice, bob] } = await installTwoAgents(browser, stack, BOB.id));
    await loadHiddenWindow(bob, stack, BOB.name);
    frame = await openWindowFromDock(alice, stack, ALICE.name);
    admin = await openControlCenter(aliceContext, stack);
  });

  afterEach(async (test) => {
    if (test.task.result?.state !== 'fail' || !process.env.DEBUG_E2E) return;
    console.log(await frame.locator('body').innerText(), stack.app.output().slice(-3000));
  });

  afterAll(async () => {
    await aliceContext?.close();
    await bobContext?.close();
    await browser?.close();
    await stack?.stop();
  });

  const availability = (f: FrameLocator) => f.getByRole('combobox', { name: 'Availability' });
  const dotOf = (f: FrameLocator) => f.locator('.presence').getAttribute('data-availability');
  const agentsOnline = () => admin.getByRole('region', { name: 'Agents online' });

  it('skips Alice while she is on Do not disturb: Bob rings, a call for her is missed and listed, her other tab shows it', async () => {
    expect(await availability(frame).inputValue()).toBe('available');
    await availability(frame).selectOption({ label: 'Do not disturb' });
    await waitFor(() => dotOf(frame), (value) => value === 'dnd', 'the header to say Do not disturb');
    expect(await frame.locator('.presence').innerText()).toContain('Do not disturb');
    await screenshotWindowAt(alice.locator('#floating-window-frame'), { width: 320, height: 600 }, screenshotPath('availability-dnd-320x600'));
    await screenshotWindowAt(alice.locator('#floating-window-frame'), { width: 200, height: 300 }, screenshotPath('availability-dnd-200x300'));

    // The Control Center reads the stored value (its overview refreshes every few seconds).
    await admin.reload();
    await agentsOnline().getByText(/Alice Admin.*– Do not disturb/).waitFor();

    const shownBefore = await hostCommands(alice, 'show_floating_window');
    expect(await dialInbound(admin, '+14155550134')).toBe(`Ringing 1 agent: ${BOB.name}.`);
    await bob.frameLocator('#floating-window-frame').getByRole('region', { name: 'Incoming call' }).waitFor();
    await bob.frameLocator('#floating-window-frame').getByRole('button', { name: 'Reject' }).click();

    expect(await dialInbound(admin, '+442079460958', ALICE.name)).toBe(`Missed call: ${ALICE.name} is on Do not disturb.`);
    await frame.getByRole('tab', { name: 'Missed calls' }).click();
    await frame.getByRole('list', { name: 'Missed calls' }).getByRole('button', { name: 'Call back Harriet Wells' }).waitFor();
    expect(await frame.getByRole('region', { name: 'Incoming call' }).count()).toBe(0);
    expect(await hostCommands(alice, 'show_floating_window')).toBe(shownBefore);

    // A second tab of Alice (it connects afterwards) starts on Do not disturb too.
    const secondTab = await aliceContext.newPage();
    const second = await loadHiddenWindow(secondTab, stack, ALICE.name);
    await waitFor(() => dotOf(second), (value) => value === 'dnd', "the second tab to show Do not disturb");
    await secondTab.close();
  });

  it('rings Alice again once she is back to Available', async () => {
    await availability(frame).selectOption({ label: 'Available' });
    await waitFor(() => dotOf(frame), (value) => value === 'available', 'the header to say Available');
    await screenshotWindowAt(alice.locator('#floating-window-frame'), { width: 200, height: 300 }, screenshotPath('availability-available-200x300'));
    await waitFor(() => agentsOnline().innerText(), (text) => !text.includes('Do not disturb'), 'the Control Center to show Alice available', 15_000);
    expect(await dialInbound(admin, '+14155550134', ALICE.name)).toBe(`Ringing 1 agent: ${ALICE.name}.`);
    await frame.getByRole('region', { name: 'Incoming call' }).getByText('Samuel Reed', { exact: true }).waitFor();
    await frame.getByRole('button', { name: 'Reject' }).click();
    await frame.getByRole('tab', { name: 'Contacts' }).waitFor();
  });
});
