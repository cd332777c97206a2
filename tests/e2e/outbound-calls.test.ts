import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { installedPage, openWindowFromDock } from '../support/journeys';
import { screenshotPath } from '../support/screenshots';
import { startStack, type Stack } from '../support/stack';
import { waitFor } from '../support/wait';

// Outbound calls as an agent places them, in real Chromium from the sandbox host page: every action
// goes through the window's accessible names, and every journey ends by reading what landed in the
// sandbox's Pipedrive data (call logs, notes, persons, activities).

const AGENT = { id: 20001, name: 'Alice Admin' };
/** Seed persons (sandbox/README.md). */
const HARRIET = { id: 1, name: 'Harriet Wells', organization: 'Vertex Studios Pvt Ltd', e164: '+442079460958', openDealIds: [1, 2] };
const SAMUEL = { id: 2, name: 'Samuel Reed', storedPhone: '(415) 555-0134', e164: '+14155550134' };
const THIAGO = { id: 6, name: 'Thiago Costa', e164: '+5521998761234' };
const MIA = { id: 12, name: 'Mia Multi', e164: '+33798765432', openDealIds: [12, 13] };
const GRETA = { id: 3, name: 'Greta Vogel', e164: '+493090182736' };
const RAVI = { id: 7, name: 'Ravi Menon', e164: '+919845012367' };
/** A number no seed person has. */
const UNKNOWN = { typed: '+372 5999 8877', e164: '+37259998877' };

interface HostState {
  visible: boolean;
  focusMode: boolean;
  phase: string;
  listeners: { visibility: number };
}

describe('outbound calls from the floating window', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let frame: FrameLocator;
  const startedAt = Date.now();

  beforeAll(async () => {
    stack = await startStack({ appEnv: { MOCK_TELEPHONY_RING_MS: '50', MOCK_TELEPHONY_CONNECT_MS: '300' } });
    browser = await launchChromium();
    ({ context, page } = await installedPage(browser, stack));
    frame = await openWindowFromDock(page, stack, AGENT.name);
  });

  afterAll(async () => {
    if (process.env.DEBUG_APP_OUTPUT) console.log(stack?.app.output());
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  // A failed journey leaves what the window showed and what the app said, to read afterwards.
  afterEach(async (test) => {
    if (test.task.result?.state !== 'fail' || !page) return;
    const slug = test.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    await page.screenshot({ path: screenshotPath(`failed-outbound-${slug}`) }).catch(() => {});
    const shown = await frame?.locator('body').ariaSnapshot().catch(() => '(no window)');
    console.error(`Window showed:\n${shown}\n\nApp output (tail):\n${stack.app.output().slice(-4000)}`);
  });

  const store = () => stack.sandbox.context.store;
  const hostState = () => page.evaluate(() => (window as unknown as { __sandboxHost: { state: HostState } }).__sandboxHost.state);
  const focusModeAttribute = () => page.locator('#floating-window').getAttribute('data-focus-mode');
  /** The Dialer is a region named by its status line (and timer). */
  const dialerStatus = (status: RegExp) => frame.getByRole('region', { name: status });
  const callerCard = () => frame.locator('.caller-card');
  /** Home: the Contacts / Missed calls / History tabs (the greeting shows on every screen). */
  const home = () => frame.getByRole('tablist', { name: 'Views' });
  const callLogsTo = (e164: string) => store().listCallLogs().filter((log) => log.to_phone_number === e164);

  /** Waits for one more call log to `e164` than there were before, and returns it. */
  async function nextCallLog(e164: string, before: number) {
    const logs = await waitFor(() => callLogsTo(e164), (found) => found.length > before, `a call log to ${e164}`);
    return logs[logs.length - 1]!;
  }

  async function callFromContacts(name: string) {
    await frame.getByRole('tab', { name: 'Contacts' }).click();
    await frame.getByRole('searchbox', { name: 'Search contacts' }).fill(name);
    await frame.getByRole('button', { name: `Call ${name}` }).click();
  }

  async function waitUntilConnected() {
    await dialerStatus(/^Connected/).waitFor();
    await waitFor(focusModeAttribute, (value) => value === 'true', 'focus mode on while the call is live');
  }

  /** The follow-up screen confirms the wrap-up was saved; focus mode is off again. */
  async function expectSavedFollowUp(who: string) {
    await frame.getByRole('heading', { name: `Call with ${who} ended` }).waitFor();
    await frame.getByText(/^Saved in Pipedrive/).waitFor();
    await waitFor(focusModeAttribute, (value) => value === 'false', 'focus mode off after the call');
  }

  async function backHome() {
    await frame.getByRole('button', { name: 'Back to dialer' }).click();
    await home().waitFor();
  }

  /** Start/end are Pipedrive's `YYYY-MM-DD HH:MM:SS` UTC or ISO; both read as UTC here. */
  const epoch = (time: string) => Date.parse(/Z|[+-]\d\d:?\d\d$/.test(time) ? time : `${time.replace(' ', 'T')}Z`);

  function expectConnectedLogTimes(log: { start_time: string; end_time: string; duration: string | null }) {
    const start = epoch(log.start_time);
    const end = epoch(log.end_time);
    expect(start).toBeGreaterThanOrEqual(Math.floor(startedAt / 1000) * 1000);
    expect(end).toBeGreaterThanOrEqual(start);
    // Whole seconds, and the duration may round up: the end can lie up to a second ahead.
    expect(end).toBeLessThanOrEqual(Date.now() + 1_000);
    // The duration is the talk time the log spans (second precision on both sides).
    expect(Math.abs(Number(log.duration) - (end - start) / 1000)).toBeLessThanOrEqual(1);
  }

  it('calls a person with open deals from the contact list and adds the notes to the picked deal', async () => {
    const before = callLogsTo(HARRIET.e164).length;
    await callFromContacts(HARRIET.name);

    await waitUntilConnected();
    await expect.poll(() => callerCard().textContent()).toContain(HARRIET.name);
    expect(await callerCard().textContent()).toContain(HARRIET.organization);
    // The company has no default region: a foreign number keeps its country code.
    expect(await frame.locator('.caller-number').textContent()).toBe('+44 20 7946 0958');
    // The timer runs while connected.
    const timer = frame.locator('.call-timer');
    const firstReading = await timer.textContent();
    await waitFor(() => timer.textContent(), (reading) => reading !== firstReading, 'the call timer to tick');
    expect(await hostState()).toMatchObject({ visible: true, focusMode: true });

    const notes = 'Wants the annual licence renewed\nSend the quote on Friday';
    await frame.getByRole('textbox', { name: 'Notes' }).fill(notes);
    const deal = frame.getByRole('combobox', { name: 'Deal' });
    const offered = await deal.locator('option').evaluateAll((options) => options.map((option) => Number((option as HTMLOptionElement).value)));
    expect(offered.sort()).toEqual(HARRIET.openDealIds);
    await deal.selectOption(String(HARRIET.openDealIds[1]));
    await page.screenshot({ path: screenshotPath('dialer') });
    await frame.getByRole('button', { name: 'Hang up and add notes to deal' }).click();

    await expectSavedFollowUp(HARRIET.name);
    await page.screenshot({ path: screenshotPath('follow-up') });
    const log = await nextCallLog(HARRIET.e164, before);
    expect(log).toMatchObject({ outcome: 'connected', user_id: AGENT.id, person_id: HARRIET.id, deal_id: HARRIET.openDealIds[1] });
    expect(log.subject).toBe(`Outbound call to ${HARRIET.name}`);
    // No company line is configured yet: our side is left out rather than made up.
    expect(log.from_phone_number).toBeNull();
    expect(log.note).toContain('Wants the annual licence renewed');
    expect(log.note).toContain('Send the quote on Friday');
    expectConnectedLogTimes(log);
    expect(Number(log.duration)).toBeGreaterThanOrEqual(1);
    // The call log's activity sits on the deal too.
    expect(store().getActivity(log.activity_id)).toMatchObject({ deal_id: HARRIET.openDealIds[1], type: 'call', done: true });
    await backHome();
  });

  it('calls a person without deals and adds the notes to the contact', async () => {
    const before = callLogsTo(GRETA.e164).length;
    const notesBefore = store().listNotes({ personId: GRETA.id }).length;
    await callFromContacts(GRETA.name);
    await waitUntilConnected();
    await expect.poll(() => callerCard().textContent()).toContain(GRETA.name);
    expect(await frame.getByRole('combobox', { name: 'Deal' }).count()).toBe(0);

    await frame.getByRole('textbox', { name: 'Notes' }).fill('Interested in the Berlin pilot');
    await frame.getByRole('button', { name: 'Hang up and add notes to contact' }).click();

    await expectSavedFollowUp(GRETA.name);
    const log = await nextCallLog(GRETA.e164, before);
    expect(log).toMatchObject({ outcome: 'connected', user_id: AGENT.id, person_id: GRETA.id, deal_id: null });
    // Linked to the person's organization too, so it shows in the organization's timeline.
    expect(log.org_id).toBe(store().getPerson(GRETA.id)!.org_id);
    expect(log.org_id).not.toBeNull();
    expect(log.note).toContain('Interested in the Berlin pilot');
    expectConnectedLogTimes(log);
    // Once: the call log carries the notes (its call activity shows them in the person's
    // timeline), so no separate note repeats them. "Saved" means every planned write landed.
    expect(store().listNotes({ personId: GRETA.id })).toHaveLength(notesBefore);
    // No deal: "View contact" opens the person.
    await frame.getByRole('button', { name: 'View contact' }).click();
    await page.waitForURL((url) => url.pathname === `/persons/${GRETA.id}`);
    await backHome();
  });

  it('dials an unknown number from the dial pad and creates the contact', async () => {
    expect(store().findPersonsByPhone(UNKNOWN.typed, { exactMatch: true })).toEqual([]);
    await frame.getByRole('textbox', { name: 'Phone number' }).fill(UNKNOWN.typed);
    await frame.getByRole('button', { name: 'Call', exact: true }).click();
    await waitUntilConnected();
    // An outbound call to a number nobody in Pipedrive has: it is a number, not an unknown caller.
    await expect.poll(() => callerCard().textContent()).toContain('Not in Pipedrive');
    expect(await callerCard().textContent()).not.toContain('Unknown caller');
    expect(await frame.locator('.caller-number').textContent()).toBe(UNKNOWN.typed);

    await frame.getByRole('textbox', { name: 'Notes' }).fill('Found us through the trade fair');
    await frame.getByRole('textbox', { name: 'Contact name' }).fill('Kadri Tamm');
    await frame.getByRole('button', { name: 'Hang up and create contact' }).click();

    await expectSavedFollowUp('Kadri Tamm');
    // Says what was saved, each record by name (links to Pipedrive), the call log with its talk time.
    const saved = frame.locator('.saved-list');
    await expect.poll(() => saved.textContent()).toContain('New contact Kadri Tamm');
    expect(await saved.textContent()).toMatch(/Call log \(\d\d:\d\d talk time\) with Kadri Tamm/);
    const log = await nextCallLog(UNKNOWN.e164, 0);
    const created = store().findPersonsByPhone(UNKNOWN.typed, { exactMatch: true });
    expect(created.map((person) => person.name)).toEqual(['Kadri Tamm']);
    expect(created[0]!.phones.map((phone) => phone.value.replace(/[^\d+]/g, ''))).toContain(UNKNOWN.e164);
    expect(log).toMatchObject({ outcome: 'connected', user_id: AGENT.id, person_id: created[0]!.id, deal_id: null });
    expect(log.note).toContain('Found us through the trade fair');
    expect(log.subject).toBe('Outbound call to Kadri Tamm');
    expectConnectedLogTimes(log);
    await backHome();
  });

  it('hangs up without notes and logs the call without a note', async () => {
    const before = callLogsTo(THIAGO.e164).length;
    await callFromContacts(THIAGO.name);
    await waitUntilConnected();
    await frame.getByRole('button', { name: 'Hang up', exact: true }).click();

    await expectSavedFollowUp(THIAGO.name);
    const log = await nextCallLog(THIAGO.e164, before);
    expect(log).toMatchObject({ outcome: 'connected', user_id: AGENT.id, person_id: THIAGO.id });
    expect(log.note ?? '').toBe('');
    expectConnectedLogTimes(log);
    await backHome();
  });

  it('dials a phone number clicked on a person page', async () => {
    const before = callLogsTo(RAVI.e164).length;
    // A full page load: the window starts again, hidden, and must still hear the click.
    await page.goto(`${stack.sandbox.url}/persons/${RAVI.id}`);
    await waitFor(hostState, (state) => state.phase === 'ready' && state.listeners.visibility > 0, 'the reloaded window to listen');
    await waitFor(hostState, (state) => !state.visible, 'the window to start hidden');
    await page.locator(`a[data-phone][data-person-id="${RAVI.id}"]`).first().click();

    // Ask first (the default): the window opens with the number in the dial pad, no call yet.
    await waitFor(hostState, (state) => state.visible, 'the window to open on the click');
    const numberBox = frame.getByRole('textbox', { name: 'Phone number' });
    await expect.poll(() => numberBox.inputValue().then((value) => value.replace(/\D/g, ''))).toBe(RAVI.e164.replace(/\D/g, ''));
    await frame.getByText(/^Number from Pipedrive/).waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(callLogsTo(RAVI.e164)).toHaveLength(before);
    expect(await frame.getByRole('button', { name: 'Hang up', exact: true }).count()).toBe(0);
    await frame.getByRole('button', { name: 'Call', exact: true }).click();
    await waitUntilConnected();
    await expect.poll(() => callerCard().textContent()).toContain(RAVI.name);
    await frame.getByRole('button', { name: 'Hang up', exact: true }).click();
    await expectSavedFollowUp(RAVI.name);
    const log = await nextCallLog(RAVI.e164, before);
    expect(log).toMatchObject({ outcome: 'connected', user_id: AGENT.id, person_id: RAVI.id });
    await backHome();
  });

  it('creates a follow-up activity in Pipedrive, views the deal and goes back to the dialer', async () => {
    const dealId = HARRIET.openDealIds[0]!;
    const activitiesBefore = store().listActivities({ dealId }).map((activity) => activity.id);
    await callFromContacts(HARRIET.name);
    await waitUntilConnected();
    await frame.getByRole('textbox', { name: 'Notes' }).fill('Call again about <pricing> & terms');
    await frame.getByRole('combobox', { name: 'Deal' }).selectOption(String(dealId));
    await frame.getByRole('button', { name: 'Hang up and add notes to deal' }).click();
    await expectSavedFollowUp(HARRIET.name);

    await frame.getByRole('button', { name: 'Create follow-up activity' }).click();
    const modal = page.getByRole('dialog', { name: 'Add activity' });
    await modal.waitFor();
    expect(await modal.getByLabel('Subject').inputValue()).toContain(HARRIET.name);
    expect(await modal.getByLabel('Deal ID').inputValue()).toBe(String(dealId));
    expect(await modal.getByLabel('Note').inputValue()).toContain('Call again about');
    await modal.getByRole('button', { name: 'Save' }).click();
    await frame.getByText('Follow-up activity created.').waitFor();

    const callLogActivities = new Set(store().listCallLogs().map((log) => log.activity_id));
    const created = store()
      .listActivities({ dealId })
      .filter((activity) => !activitiesBefore.includes(activity.id) && !callLogActivities.has(activity.id));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ deal_id: dealId, owner_id: AGENT.id, person_id: HARRIET.id, done: false });
    expect(created[0]!.subject).toContain(HARRIET.name);
    expect(created[0]!.note).toContain('Call again about');
    expect(created[0]!.note).not.toContain('<pricing>');

    // The notes went to a deal, yet "View contact" opens the person; "View deal" the deal.
    await frame.getByRole('button', { name: 'View contact' }).click();
    await page.waitForURL((url) => url.pathname === `/persons/${HARRIET.id}`);
    await frame.getByRole('button', { name: 'View deal' }).click();
    await page.waitForURL((url) => url.pathname === `/deals/${dealId}`);
    expect(await hostState()).toMatchObject({ visible: true });
    await backHome();
  });

  it('lists the calls in History and calls back from there', async () => {
    await frame.getByRole('tab', { name: 'History' }).click();
    const history = frame.getByRole('list', { name: 'Recent calls' });
    await history.waitFor();
    const rows = history.getByRole('listitem');
    await waitFor(() => rows.count(), (count) => count >= 6, 'every call so far in History');
    const texts = await rows.allTextContents();
    // Newest first: the last call (Harriet, follow-up journey) leads.
    expect(texts[0]).toContain(HARRIET.name);
    for (const text of texts) expect(text).toMatch(/Outgoing · \d\d:\d\d/);
    expect(texts.some((text) => text.includes(GRETA.name))).toBe(true);
    // The contact created at wrap-up names its call, not the number it was dialled on.
    expect(texts.some((text) => text.includes('Kadri Tamm'))).toBe(true);
    // Its number shows under the name (to call back from), never instead of it.
    for (const text of texts.filter((text) => text.includes(UNKNOWN.typed))) expect(text).toContain('Kadri Tamm');
    await page.screenshot({ path: screenshotPath('history') });

    const before = callLogsTo(GRETA.e164).length;
    await history.getByRole('button', { name: `Call back ${GRETA.name}` }).first().click();
    await waitUntilConnected();
    await expect.poll(() => callerCard().textContent()).toContain(GRETA.name);
    await frame.getByRole('button', { name: 'Hang up', exact: true }).click();
    await expectSavedFollowUp(GRETA.name);
    expect(await nextCallLog(GRETA.e164, before)).toMatchObject({ person_id: GRETA.id, outcome: 'connected' });
    await backHome();
  });

  it('keeps a connected call through an app restart, and its wrap-up still lands', async () => {
    const before = callLogsTo(MIA.e164).length;
    await callFromContacts(MIA.name);
    await waitUntilConnected();
    await frame.getByRole('textbox', { name: 'Notes' }).fill('Talked through the restart');

    await stack.restartApp();
    const presence = () => frame.locator('.presence').getAttribute('data-status');
    await waitFor(presence, (status) => status === 'online', 'the socket to reconnect', 30_000);
    await dialerStatus(/^Connected/).waitFor();
    await expect.poll(() => callerCard().textContent()).toContain(MIA.name);
    expect(await frame.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe('Talked through the restart');
    expect(await focusModeAttribute()).toBe('true');

    await frame.getByRole('combobox', { name: 'Deal' }).selectOption(String(MIA.openDealIds[1]));
    await frame.getByRole('button', { name: 'Hang up and add notes to deal' }).click();
    await expectSavedFollowUp(MIA.name);
    const log = await nextCallLog(MIA.e164, before);
    expect(log).toMatchObject({ outcome: 'connected', person_id: MIA.id, deal_id: MIA.openDealIds[1], user_id: AGENT.id });
    expect(log.note).toContain('Talked through the restart');
    expectConnectedLogTimes(log);
  });

  it('with a default country and a company line set, dials a national number and logs the call from that line', async () => {
    // Samuel's primary number is stored without a country code: undialable until the company has a region.
    expect(store().getPerson(SAMUEL.id)!.phones[0]!.value).toBe(SAMUEL.storedPhone);
    await frame.getByRole('button', { name: 'Back to dialer' }).click();
    await frame.getByRole('tab', { name: 'Settings' }).click();
    const settings = frame.getByRole('form', { name: 'Call settings' });
    await settings.getByRole('combobox', { name: 'Default country' }).selectOption('US');
    await settings.getByRole('textbox', { name: 'Company phone number' }).fill('+1 415 555 0100');
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.getByText('Settings saved.').waitFor();

    const before = callLogsTo(SAMUEL.e164).length;
    await callFromContacts(SAMUEL.name);
    await waitUntilConnected();
    await expect.poll(() => callerCard().textContent()).toContain(SAMUEL.name);
    // A number of the company's own country reads nationally.
    expect(await frame.locator('.caller-number').textContent()).toBe(SAMUEL.storedPhone);
    await frame.getByRole('button', { name: 'Hang up', exact: true }).click();
    await expectSavedFollowUp(SAMUEL.name);
    const log = await nextCallLog(SAMUEL.e164, before);
    expect(log).toMatchObject({ outcome: 'connected', from_phone_number: '+14155550100', user_id: AGENT.id, person_id: SAMUEL.id });
    expectConnectedLogTimes(log);
    await backHome();
  });
});
