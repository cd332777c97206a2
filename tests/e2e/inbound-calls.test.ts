import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import {
  digitsOf,
  dialInbound,
  dockBadge,
  hostState,
  loadHiddenWindow,
  openControlCenter,
  pipedriveTime,
  postInboundWebhook,
  waitForCallLog,
} from '../support/inbound';
import { installedPage } from '../support/journeys';
import { screenshotPath } from '../support/screenshots';
import { startStack, type Stack } from '../support/stack';
import { waitFor } from '../support/wait';

const WEBHOOK_SECRET = 'inbound-e2e-webhook-secret-0123456789';
const ALICE = { id: 20001, name: 'Alice Admin', email: 'alice@sandbox-trading.example' };

// Inbound calls as one agent meets them, in real Chromium: the Control Center (/admin) or the
// signed provider webhook rings the agent's floating window inside the sandbox host page, the
// agent handles the call there, and what the app wrote lands in the sandbox's data.
describe('inbound calls, from the Control Center to the sandbox call log', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: Page;
  let frame: FrameLocator;
  const startedAt = Date.now();

  beforeAll(async () => {
    stack = await startStack({ appEnv: { TELEPHONY_WEBHOOK_SECRET: WEBHOOK_SECRET, RING_TIMEOUT_SECONDS: '6' } });
    browser = await launchChromium();
    ({ context, page } = await installedPage(browser, stack, { timeoutMs: 15_000 }));
    frame = await loadHiddenWindow(page, stack, ALICE.name);
    admin = await openControlCenter(context, stack);
  });

  afterEach(async (test) => {
    if (test.task.result?.state !== 'fail' || !process.env.DEBUG_E2E) return;
    console.log(await page.frameLocator('#floating-window-frame').locator('body').innerText(), await hostState(page), stack.app.output().slice(-3000));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  const store = () => stack.sandbox.context.store;
  const heading = (name: string) => frame.getByRole('heading', { name });
  // The Dialer's heading is a live status ("Calling…", "Connected") plus a timer.
  const callStatus = (text: string) => frame.getByRole('heading').filter({ has: frame.getByRole('status').getByText(text, { exact: true }) });
  // The home lists stay mounted (hidden) during a call: look inside the call screen.
  const incoming = () => frame.getByRole('region', { name: 'Incoming call' });
  const onScreen = (text: string) => frame.locator('.call-screen').getByText(text, { exact: true });
  const backHome = async () => {
    await frame.getByRole('button', { name: 'Back to dialer' }).click();
    await frame.getByRole('tab', { name: 'Contacts' }).waitFor();
  };

  it('pops the hidden window for a known caller whose number is stored in another format, and logs the call on the deal', async () => {
    const samuel = store().getPerson(2)!;
    expect(samuel.phones[0]!.value).toBe('(415) 555-0134'); // stored national; the call comes in E.164
    expect((await hostState(page)).visible).toBe(false);

    expect(await dialInbound(admin, '+14155550134', ALICE.name)).toBe(`Ringing 1 agent: ${ALICE.name}.`);
    await waitFor(() => hostState(page), (state) => state.visible, 'the window to show itself');
    await heading('Incoming call').waitFor();
    await incoming().getByText('Samuel Reed', { exact: true }).waitFor();
    await incoming().getByText(store().getOrganization(samuel.org_id!)!.name, { exact: true }).waitFor();
    // Which of Samuel's two numbers matched (the second is +1 415 555 0199).
    await incoming().getByText(/^Matched on (work )?\(415\) 555-0134$/).waitFor();
    const deals = await frame.locator('.open-deals li').allTextContents();
    expect(deals).toEqual([expect.stringMatching(/^Expansion – Samuel Reed · €46,500$/)]);
    await page.screenshot({ path: screenshotPath('incoming') });

    await frame.getByRole('button', { name: 'Answer' }).click();
    await callStatus('Connected').waitFor();
    await waitFor(() => hostState(page), (state) => state.focusMode, 'focus mode while connected');
    await frame.getByRole('textbox', { name: 'Notes' }).fill('Wants the expansion priced for 40 seats.');
    expect(await frame.getByRole('combobox', { name: 'Deal' }).inputValue()).toBe('4');
    await frame.getByRole('button', { name: 'Hang up and add notes to deal' }).click();
    await heading('Call with Samuel Reed ended').waitFor();
    await frame.getByRole('button', { name: 'Create follow-up activity' }).waitFor();

    const log = await waitForCallLog(stack, ALICE.id, '+14155550134');
    expect(log).toMatchObject({ outcome: 'connected', person_id: 2, deal_id: 4, user_id: ALICE.id });
    expect(log.note).toContain('Wants the expansion priced for 40 seats.');
    expect(digitsOf(log.from_phone_number)).toBe('14155550134');
    const [start, end] = [pipedriveTime(log.start_time), pipedriveTime(log.end_time)];
    expect(start).toBeGreaterThanOrEqual(Math.floor(startedAt / 1000) * 1000);
    expect(end).toBeGreaterThanOrEqual(start);
    // The log starts at the answer and spans the rounded talk time: a duration rounded up puts the
    // end up to a second after the hang-up, so a log delivered at once can end "in the future".
    expect(end).toBeLessThanOrEqual(Date.now() + 1_000);
    expect(Number(log.duration)).toBe((end - start) / 1000);
    expect(store().getActivity(log.activity_id)).toMatchObject({ type: 'call', done: true, deal_id: 4 });
    await waitFor(() => hostState(page), (state) => !state.focusMode, 'focus mode to end with the call');
    await backHome();
  });

  it('answers an unknown caller and creates the contact from the wrap-up', async () => {
    const number = '+372 5999 0001';
    expect(store().findPersonsByPhone(number)).toEqual([]);
    await dialInbound(admin, number, ALICE.name);
    await heading('Incoming call').waitFor();
    await incoming().getByText('Unknown caller').waitFor();
    await frame.getByRole('button', { name: 'Answer' }).click();
    await callStatus('Connected').waitFor();
    await frame.getByRole('textbox', { name: 'Notes' }).fill('New lead from the trade fair.');
    await frame.getByRole('textbox', { name: 'Contact name' }).fill('Ada Newcaller');
    await frame.getByRole('button', { name: 'Hang up and create contact' }).click();
    await heading('Call with Ada Newcaller ended').waitFor();

    const created = await waitFor(() => store().findPersonsByPhone(number), (found) => found.length === 1, 'the new contact');
    expect(created[0]).toMatchObject({ name: 'Ada Newcaller' });
    const log = await waitForCallLog(stack, ALICE.id, number);
    expect(log).toMatchObject({ outcome: 'connected', person_id: created[0]!.id, deal_id: null });
    expect(log.note).toContain('New lead from the trade fair.');
    await backHome();
  });

  it('lets the agent say who is calling when two persons share the number, and remembers the pick', async () => {
    expect(store().findPersonsByPhone('+12125550147').map((person) => person.name).sort()).toEqual(['Chris Morgan', 'Pat Morgan']);
    await dialInbound(admin, '+12125550147', ALICE.name);
    const picker = frame.getByRole('radiogroup', { name: 'Who is calling?' });
    await picker.waitFor();
    expect(await picker.getByRole('radio', { checked: true }).count()).toBe(0);
    await picker.getByRole('radio', { name: /Chris Morgan/ }).check();
    await frame.getByRole('button', { name: 'Answer' }).click();
    await callStatus('Connected').waitFor();
    await frame.getByRole('textbox', { name: 'Notes' }).fill('Chris, not Pat: asked about delivery dates.');
    await frame.getByRole('button', { name: 'Hang up and add notes to contact' }).click();
    await heading('Call with Chris Morgan ended').waitFor();
    const log = await waitForCallLog(stack, ALICE.id, '+12125550147');
    expect(log).toMatchObject({ outcome: 'connected', person_id: 9, deal_id: null });
    await backHome();

    // The same caller again, written differently: Chris is preselected.
    await dialInbound(admin, '+1 (212) 555-0147', ALICE.name);
    await heading('Incoming call').waitFor();
    await waitFor(() => picker.getByRole('radio', { name: /Chris Morgan/ }).isChecked(), Boolean, 'Chris to be preselected');
    expect(await picker.getByRole('radio', { name: /Pat Morgan/ }).isChecked()).toBe(false);

    // Rejected after picking Pat: logged as a busy line (src/domain/call/call-outcome.ts) with
    // the person picked, and called rejected in the window and in Pipedrive alike.
    const pat = store().findPersonsByPhone('+12125550147', { exactMatch: true }).find((person) => person.name === 'Pat Morgan')!;
    await picker.getByRole('radio', { name: /Pat Morgan/ }).check();
    await frame.getByRole('button', { name: 'Reject' }).click();
    await frame.getByText('Call rejected', { exact: true }).waitFor();
    await frame.getByRole('tab', { name: 'Contacts' }).waitFor();
    const rejected = await waitForCallLog(stack, ALICE.id, '+12125550147', (entry) => entry.id !== log.id);
    expect(rejected).toMatchObject({ outcome: 'busy', duration: '0', person_id: pat.id, subject: 'Rejected call from Pat Morgan' });
  });

  it('turns an unanswered call into a missed call: no_answer log, badge, missed list, call back', async () => {
    await frame.getByRole('tab', { name: 'Missed calls' }).click();
    await waitFor(() => dockBadge(page), (badge) => badge === 0, 'the badge to be cleared by viewing missed calls');
    await frame.getByRole('tab', { name: 'Contacts' }).click();

    const greta = store().getPerson(3)!;
    await dialInbound(admin, '+493090182736', ALICE.name);
    await heading('Incoming call').waitFor();
    await incoming().getByText('Greta Vogel', { exact: true }).waitFor();
    // Nobody answers: the ring timeout ends it.
    await frame.getByText('Missed call from Greta Vogel', { exact: true }).waitFor({ timeout: 20_000 });
    await waitFor(() => dockBadge(page), (badge) => badge === 1, 'the dock badge to count the missed call');
    expect(await frame.getByRole('tab', { name: 'Missed calls' }).getAttribute('aria-describedby')).not.toBeNull();

    const log = await waitForCallLog(stack, ALICE.id, greta.phones[0]!.value);
    expect(log).toMatchObject({ outcome: 'no_answer', person_id: 3, duration: '0' });
    expect(log.subject).toMatch(/Missed call/);

    await frame.getByRole('tab', { name: 'Missed calls' }).click();
    const callBack = frame.getByRole('list', { name: 'Missed calls' }).getByRole('button', { name: 'Call back Greta Vogel' });
    await callBack.first().waitFor();
    await waitFor(() => dockBadge(page), (badge) => badge === 0, 'viewing missed calls to clear the badge');
    expect(await frame.getByRole('tab', { name: 'Missed calls' }).getAttribute('aria-describedby')).toBeNull();
    await page.screenshot({ path: screenshotPath('missed-calls') });

    await callBack.first().click();
    await callStatus('Calling…').waitFor();
    await callStatus('Connected').waitFor();
    await frame.getByRole('button', { name: 'Hang up', exact: true }).click();
    await heading('Call with Greta Vogel ended').waitFor();
    const outbound = await waitForCallLog(stack, ALICE.id, greta.phones[0]!.value, (entry) => entry.id !== log.id);
    expect(outbound).toMatchObject({ outcome: 'connected', person_id: 3 });
    expect(digitsOf(outbound.to_phone_number)).toBe('493090182736');
    await backHome();
  });

  it('does not disturb a call in progress: a second call for the busy agent is missed and counted', async () => {
    await dialInbound(admin, '+442079460958', ALICE.name);
    await incoming().getByText('Harriet Wells', { exact: true }).waitFor();
    await frame.getByRole('button', { name: 'Answer' }).click();
    await callStatus('Connected').waitFor();
    const notes = frame.getByRole('textbox', { name: 'Notes' });
    await notes.fill('Second licence for the Leeds office.');
    const badgeBefore = await dockBadge(page);

    const status = await dialInbound(admin, '+55 21 99876-1234', ALICE.name);
    expect(status).toBe('Missed call: the agent is on another call.');
    await waitFor(() => dockBadge(page), (badge) => badge === badgeBefore + 1, 'the badge to count the call missed while busy');
    await callStatus('Connected').waitFor();
    await onScreen('Harriet Wells').waitFor();
    expect(await notes.inputValue()).toBe('Second licence for the Leeds office.');
    expect(await frame.getByRole('button', { name: 'Answer' }).count()).toBe(0);

    const deal = frame.getByRole('combobox', { name: 'Deal' });
    expect(await deal.locator('option').count()).toBe(2);
    await deal.selectOption('2');
    await frame.getByRole('button', { name: 'Hang up and add notes to deal' }).click();
    await heading('Call with Harriet Wells ended').waitFor();
    const log = await waitForCallLog(stack, ALICE.id, '+442079460958');
    expect(log).toMatchObject({ outcome: 'connected', person_id: 1, deal_id: 2 });

    const missed = await waitForCallLog(stack, ALICE.id, '+5521998761234');
    expect(missed).toMatchObject({ outcome: 'busy', person_id: 6 });
    await backHome();
    await frame.getByRole('tab', { name: 'Missed calls' }).click();
    await frame.getByRole('list', { name: 'Missed calls' }).getByRole('button', { name: 'Call back Thiago Costa' }).waitFor();
    await waitFor(() => dockBadge(page), (badge) => badge === 0, 'the badge to clear');
    await frame.getByRole('tab', { name: 'Contacts' }).click();
  });

  it('rings for a signed provider webhook and ignores a forged one (401)', async () => {
    const forged = await postInboundWebhook(stack, { from: '+372 5999 0002', agent: ALICE.email }, 'not-the-secret-0123456789');
    expect(forged.status).toBe(401);
    const signed = await postInboundWebhook(stack, { from: '+372 5999 0003', agent: ALICE.email, callId: 'e2e-webhook-1' }, WEBHOOK_SECRET);
    expect(signed.status).toBe(202);

    await heading('Incoming call').waitFor();
    await incoming().getByText('Unknown caller').waitFor();
    expect(digitsOf(await frame.locator('.caller-number').textContent())).toBe('37259990003');
    await frame.getByRole('button', { name: 'Reject' }).click();
    await frame.getByRole('tab', { name: 'History' }).click();
    const rows = frame.getByRole('list', { name: 'Recent calls' }).getByRole('button', { name: /^Call back / });
    await waitFor(() => rows.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? '')), (labels) => labels.some((l) => l.replace(/\D/g, '') === '37259990003'), 'the webhook call in the history');
    const labels = await rows.evaluateAll((buttons) => buttons.map((b) => (b.getAttribute('aria-label') ?? '').replace(/\D/g, '')));
    expect(labels).not.toContain('37259990002');
    expect(store().listCallLogs({ userId: ALICE.id }).some((log) => digitsOf(log.from_phone_number) === '37259990002')).toBe(false);
  });
});
