import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { hostCommands, hostState } from '../support/inbound';
import { floatingWindow, installedPage, openWindowFromDock } from '../support/journeys';
import { screenshotPath } from '../support/screenshots';
import { startStack, type Stack } from '../support/stack';
import { waitFor } from '../support/wait';

// Nothing the agent did is lost (issue 12): mid-call, the notes typed so far survive a second tab
// and a reload of the window (kept on the server as the call's draft), the reloaded window, which
// Pipedrive loads hidden, opens itself on the live call, and its timer counts from the server's
// answer time even when the browser's clock is a minute off.

const AGENT = { name: 'Alice Admin' };
const HARRIET = { name: 'Harriet Wells', e164: '+442079460958' };
/** The browser's clock runs this far ahead of the server's after the reload. */
const BROWSER_SKEW_MS = 60_000;

describe('a live call survives a reload and a second tab', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let first: Page;
  let second: Page | undefined;

  beforeAll(async () => {
    stack = await startStack({ appEnv: { MOCK_TELEPHONY_RING_MS: '50', MOCK_TELEPHONY_CONNECT_MS: '300' } });
    browser = await launchChromium();
    ({ context, page: first } = await installedPage(browser, stack));
  });

  afterAll(async () => {
    if (process.env.DEBUG_APP_OUTPUT) console.log(stack?.app.output());
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  afterEach(async (test) => {
    if (test.task.result?.state !== 'fail' || !first) return;
    await first.screenshot({ path: screenshotPath('failed-live-call-reload') }).catch(() => {});
    console.error(`App output (tail):\n${stack.app.output().slice(-4000)}`);
  });

  const notesOf = (frame: FrameLocator) => frame.getByRole('textbox', { name: 'Notes' });
  const connectedDialer = (frame: FrameLocator) => frame.getByRole('region', { name: /^Connected/ });
  const draftSaved = (page: Page, text: string) =>
    page.waitForResponse((response) => response.url().includes('/notes-draft') && response.request().method() === 'PUT' && response.status() === 200 && (response.request().postData() ?? '').includes(JSON.stringify(text).slice(1, -1)));
  const timerSeconds = async (frame: FrameLocator) => {
    const value = await frame.locator('time.call-timer').getAttribute('datetime');
    return Number(/^PT(\d+)S$/.exec(value ?? '')?.[1] ?? Number.NaN);
  };

  it('keeps the notes, re-opens the window and times the call from the server', async () => {
    const frame = await openWindowFromDock(first, stack, AGENT.name);
    await frame.getByRole('tab', { name: 'Contacts' }).click();
    await frame.getByRole('searchbox', { name: 'Search contacts' }).fill(HARRIET.name);
    const dialledAt = Date.now();
    await frame.getByRole('button', { name: `Call ${HARRIET.name}` }).click();
    await connectedDialer(frame).waitFor();
    const connectedSeenAt = Date.now();

    const typed = 'Wants a quote & a <b>sample</b>\nfor the Leeds office';
    const saved = draftSaved(first, typed);
    await notesOf(frame).fill(typed);
    await saved;

    // A second tab: its own sessionStorage is empty, so the notes can only come from the server.
    second = await context.newPage();
    await second.goto(`${stack.sandbox.url}/persons`);
    const secondFrame = floatingWindow(second);
    await waitFor(() => hostState(second!), (state) => state.visible, 'the second tab’s window to open itself on the live call');
    await connectedDialer(secondFrame).waitFor();
    await waitFor(() => notesOf(secondFrame).inputValue(), (value) => value === typed, 'the second tab to show the notes');

    // What the second tab adds reaches the first one (call:notes-draft).
    const more = `${typed}\nSend the price list.`;
    const savedMore = draftSaved(second, more);
    await notesOf(secondFrame).fill(more);
    await savedMore;
    await waitFor(() => notesOf(frame).inputValue(), (value) => value === more, 'the first tab to show the second tab’s notes');
    await second.close();

    // A reload with the browser's clock a minute ahead: Pipedrive loads the window hidden.
    await first.clock.install({ time: Date.now() + BROWSER_SKEW_MS });
    await first.reload();
    const reloaded = floatingWindow(first);
    await waitFor(() => hostState(first), (state) => state.visible, 'the reloaded window to open itself on the live call');
    expect(await hostCommands(first, 'show_floating_window')).toBeGreaterThanOrEqual(1);
    await connectedDialer(reloaded).waitFor();
    await waitFor(() => notesOf(reloaded).inputValue(), (value) => value === more, 'the reloaded window to show the notes');

    const shown = await timerSeconds(reloaded);
    const atLeast = Math.floor((Date.now() - connectedSeenAt) / 1000) - 2;
    const atMost = Math.ceil((Date.now() - dialledAt) / 1000) + 2;
    expect(shown).toBeGreaterThanOrEqual(atLeast);
    expect(shown).toBeLessThanOrEqual(atMost);

    // The agent wraps up in the reloaded window: the notes reach Pipedrive with the call log.
    await reloaded.getByRole('button', { name: 'Hang up', exact: true }).click();
    await reloaded.getByRole('heading', { name: `Call with ${HARRIET.name} ended` }).waitFor();
    const log = await waitFor(
      () => stack.sandbox.context.store.listCallLogs().find((entry) => entry.to_phone_number === HARRIET.e164),
      (entry) => entry !== undefined,
      'the call log',
    );
    expect(log?.note ?? '').toContain('Send the price list.');
  });
});
