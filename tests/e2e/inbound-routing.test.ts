import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, FrameLocator, Page, Route } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { dialInbound, hostCommands, hostState, installTwoAgents, loadHiddenWindow, openControlCenter, waitForCallLog } from '../support/inbound';
import { startStack, type Stack } from '../support/stack';
import { waitFor } from '../support/wait';

const ALICE = { id: 20001, name: 'Alice Admin', email: 'alice@sandbox-trading.example' };
const BOB = { id: 20002, name: 'Bob Caller', email: 'bob@sandbox-trading.example' };

// Who rings, in real Chromium: two agents of the sandbox company (each in their own browser
// profile, acting as their own sandbox user, app installed) and, later, a second tab of Alice.
// A call for another company never reaches these windows: tests/integration/calls-flow.test.ts
// ("rings every tab of the named agent only…", "first answer wins across two agents…") checks
// that with a second company's window on the same app.
describe('inbound call routing between agents and tabs', () => {
  let stack: Stack;
  let browser: Browser;
  let aliceContext: BrowserContext;
  let bobContext: BrowserContext;
  let alice: Page;
  let bob: Page;
  let admin: Page;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
    ({ contexts: [aliceContext, bobContext], pages: [alice, bob] } = await installTwoAgents(browser, stack, BOB.id));
    await loadHiddenWindow(alice, stack, ALICE.name);
    await loadHiddenWindow(bob, stack, BOB.name);
    admin = await openControlCenter(aliceContext, stack);
  });

  afterEach(async (test) => {
    if (test.task.result?.state !== 'fail' || !process.env.DEBUG_E2E) return;
    for (const page of aliceContext.pages().concat(bobContext.pages())) {
      if (page === admin) continue;
      console.log(await page.frameLocator('#floating-window-frame').locator('body').innerText().catch(() => '(no window)'));
    }
    console.log(stack.app.output().slice(-3000));
  });

  afterAll(async () => {
    await aliceContext?.close();
    await bobContext?.close();
    await browser?.close();
    await stack?.stop();
  });

  const frameOf = (page: Page): FrameLocator => page.frameLocator('#floating-window-frame');
  const incoming = (page: Page) => frameOf(page).getByRole('region', { name: 'Incoming call' });
  const isHome = (page: Page) => frameOf(page).getByRole('tab', { name: 'Contacts' }).waitFor();
  const notice = (page: Page, text: string) => frameOf(page).getByRole('status').filter({ hasText: text });
  const callStatus = (page: Page, text: string) =>
    frameOf(page).getByRole('heading').filter({ has: frameOf(page).getByRole('status').getByText(text, { exact: true }) });

  it('rings only the agent named by name, then only the agent named by email', async () => {
    expect(await dialInbound(admin, '+14155550134', ALICE.name)).toBe(`Ringing 1 agent: ${ALICE.name}.`);
    await incoming(alice).getByText('Samuel Reed', { exact: true }).waitFor();
    await frameOf(alice).getByRole('button', { name: 'Reject' }).click();
    await isHome(alice);

    expect(await dialInbound(admin, '+442079460958', BOB.email)).toBe(`Ringing 1 agent: ${BOB.name}.`);
    await waitFor(() => hostState(bob), (state) => state.visible, "Bob's window to pop");
    await incoming(bob).getByText('Harriet Wells', { exact: true }).waitFor();
    // Pushes to one window arrive in order: had Alice's call reached Bob, it would have popped his window first.
    expect(await hostCommands(bob, 'show_floating_window')).toBe(1);
    await frameOf(bob).getByRole('button', { name: 'Reject' }).click();
    await isHome(bob);

    // And the other way round: Bob's call never reached Alice.
    expect(await dialInbound(admin, '+493090182736', ALICE.email)).toBe(`Ringing 1 agent: ${ALICE.name}.`);
    await incoming(alice).getByText('Greta Vogel', { exact: true }).waitFor();
    expect(await hostCommands(alice, 'show_floating_window')).toBe(2);
    await frameOf(alice).getByRole('button', { name: 'Reject' }).click();
    await isHome(alice);
  });

  it('rings every online agent when no agent is named; the first to answer wins and the other gets a conflict', async () => {
    const status = await dialInbound(admin, '+5521998761234', '');
    expect(status).toMatch(/^Ringing 2 agents: /);
    expect(status).toContain(ALICE.name);
    expect(status).toContain(BOB.name);
    await incoming(alice).getByText('Thiago Costa', { exact: true }).waitFor();
    await incoming(bob).getByText('Thiago Costa', { exact: true }).waitFor();

    // Bob presses Answer a moment too late: his request reaches the server after Alice's.
    let releaseBob!: () => void;
    const bobMayGo = new Promise<void>((resolve) => (releaseBob = resolve));
    const holdBob = async (route: Route) => {
      await bobMayGo;
      await route.continue();
    };
    await bobContext.route('**/api/calls/*/answer', holdBob);
    const bobAnswer = bob.waitForResponse((response) => /\/api\/calls\/[^/]+\/answer$/.test(response.url()));
    await frameOf(bob).getByRole('button', { name: 'Answer' }).click();

    await frameOf(alice).getByRole('button', { name: 'Answer' }).click();
    await callStatus(alice, 'Connected').waitFor();
    releaseBob();
    const conflict = await bobAnswer;
    expect(conflict.status()).toBe(409);
    expect(((await conflict.json()) as { error: { code: string } }).error.code).toBe('CALL_ALREADY_ANSWERED');
    await bobContext.unroute('**/api/calls/*/answer', holdBob);

    await isHome(bob);
    await notice(bob, 'Answered in another tab or by a colleague').waitFor();
    expect(await frameOf(bob).getByRole('button', { name: 'Answer' }).count()).toBe(0);

    await frameOf(alice).getByRole('button', { name: 'Hang up', exact: true }).click();
    await frameOf(alice).getByRole('button', { name: 'Back to dialer' }).click();
    await isHome(alice);
    const log = await waitForCallLog(stack, ALICE.id, '+5521998761234');
    expect(log).toMatchObject({ outcome: 'connected', person_id: 6 });
    expect(stack.sandbox.context.store.listCallLogs({ userId: BOB.id }).some((entry) => entry.id === log.id)).toBe(false);
  });

  it('rings both tabs of one agent; answering in one stops the other', async () => {
    const secondTab = await aliceContext.newPage();
    await loadHiddenWindow(secondTab, stack, ALICE.name);

    await dialInbound(admin, '+12125550147', ALICE.name);
    await frameOf(alice).getByRole('radiogroup', { name: 'Who is calling?' }).waitFor();
    await frameOf(secondTab).getByRole('radiogroup', { name: 'Who is calling?' }).waitFor();
    await waitFor(() => hostState(secondTab), (state) => state.visible, 'the second tab to pop its window');

    await frameOf(secondTab).getByRole('radio', { name: /Pat Morgan/ }).check();
    await frameOf(secondTab).getByRole('button', { name: 'Answer' }).click();
    await callStatus(secondTab, 'Connected').waitFor();
    await notice(alice, 'Answered in another tab').waitFor();
    await isHome(alice);
    expect(await frameOf(alice).getByRole('button', { name: 'Answer' }).count()).toBe(0);

    await frameOf(secondTab).getByRole('textbox', { name: 'Notes' }).fill('Answered from the second tab.');
    await frameOf(secondTab).getByRole('button', { name: 'Hang up and add notes to deal' }).click();
    const log = await waitForCallLog(stack, ALICE.id, '+12125550147');
    expect(log).toMatchObject({ outcome: 'connected', person_id: 8, deal_id: 10 });
    expect(log.note).toContain('Answered from the second tab.');
    await secondTab.close();
  });
});
