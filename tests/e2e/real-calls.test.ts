import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import type { PhoneLab } from '../../phone-lab/src/index';
import { POOR_NETWORK_PROBE, setPoorNetwork, watchAliveReports } from '../support/call-quality';
import { CUSTOMER_HZ, HZ_TOLERANCE, MICROPHONE_HZ, SILENT_RMS, saveSipAccount } from '../support/sip-account';
import { heardAudio, REMOTE_AUDIO_PROBE, windowFrame, type HeardAudio } from '../support/fake-audio';
import { actAs, digitsOf, waitForCallLog } from '../support/inbound';
import { installFromMarketplace, openWindowFromDock } from '../support/journeys';
import { screenshotPath } from '../support/screenshots';
import { dropSipSockets, SIP_SOCKETS_PROBE, sipSocketCounts } from '../support/sip-sockets';
import { startSipLabStack, type SipLabStack } from '../support/sip-lab-stack';
import type { Stack } from '../support/stack';
import { waitFor } from '../support/wait';
import { layoutProblems, setWindowSize } from '../support/window-layout';
import { screenshotWindowAt } from '../support/window-screenshot';

// Real calls over SIP, in real Chromium: the window's softphone (JsSIP) registers with the phone
// lab's Kamailio over WebSocket, media goes through rtpengine to a baresip "customer" that answers
// with a 440 Hz tone and records what it hears. Chromium's fake microphone plays 880 Hz. Audio is
// checked by content at both ends: the customer's recording, and an AnalyserNode on the remote
// track inside the window (a test-side init script reaches the track; the app has no test hook).

const ALICE = { id: 20001, name: 'Alice Admin' };
const BOB = { id: 20002, name: 'Bob Caller' };
/** The server's silence window for live SIP calls (SIP_SILENT_CALL_MS), shortened from 30 s; its minimum. */
const SILENT_CALL_MS = 15_000;
/** WRAP_UP_GRACE_SECONDS, shortened from 300: a call nobody wraps up is logged by the server after this. */
const WRAP_UP_GRACE_SECONDS = 10;
const SILENT_CALL_ENDED = 'call ended: no window reported on it';

interface Agent {
  page: Page;
  frame: FrameLocator;
  probe: Frame;
}

describe('real calls over SIP (softphone in the window, phone lab)', () => {
  let sip: SipLabStack;
  let lab: PhoneLab;
  let stack: Stack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let alice: Agent;
  let bob: Agent;

  beforeAll(async () => {
    sip = await startSipLabStack({
      name: 'real-calls',
      lab: { noAnswerTimeoutMs: 3_000 },
      appEnv: { SIP_SILENT_CALL_MS: String(SILENT_CALL_MS), WRAP_UP_GRACE_SECONDS: String(WRAP_UP_GRACE_SECONDS) },
    });
    ({ lab, stack, browser } = sip);
    alice = await openAgent(ALICE, 0);
    bob = await openAgent(BOB, 1);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await sip?.stop();
  });

  afterEach(async (test) => {
    if (test.task.result?.state !== 'fail') return;
    const slug = test.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    for (const [who, agent] of [['alice', alice], ['bob', bob]] as const) {
      if (!agent) continue;
      await agent.page.screenshot({ path: screenshotPath(`failed-real-calls-${who}-${slug}`) }).catch(() => {});
      console.error(`${who}'s window:\n${await agent.frame.locator('body').ariaSnapshot().catch(() => '(no window)')}`);
      // "connected/connecting" = ICE up but DTLS never finished: no media, rather than silence.
      const connections = await agent.probe.evaluate(() => (window as unknown as { __remoteAudio?: { connectionStates(): string[] } }).__remoteAudio?.connectionStates()).catch(() => null);
      console.error(`${who}'s peer connections (ice/connection): ${JSON.stringify(connections)}`);
    }
    console.error(`App output (tail):\n${stack?.app.output().slice(-4000)}`);
  });

  /** Installs the app for this sandbox user in their own browser profile, opens the window, saves their SIP account. */
  async function openAgent(user: { id: number; name: string }, labAgent: number): Promise<Agent> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(20_000);
    await context.addInitScript(REMOTE_AUDIO_PROBE);
    await context.addInitScript(SIP_SOCKETS_PROBE);
    await context.addInitScript(POOR_NETWORK_PROBE);
    contexts.push(context);
    const page = await context.newPage();
    if (user.id !== ALICE.id) await actAs(page, stack, user.id);
    await installFromMarketplace(page, stack);
    const frame = await openWindowFromDock(page, stack, user.name);
    await saveSipAccount(frame, lab.agents[labAgent]!);
    await frame.getByText('Phone ready', { exact: true }).first().waitFor();
    await frame.getByRole('tab', { name: 'Contacts' }).click();
    return { page, frame, probe: await windowFrame(page) };
  }

  const status = (agent: Agent, text: string | RegExp) => agent.frame.getByRole('heading').getByRole('status').filter({ hasText: text });
  const windowElement = (agent: Agent) => agent.page.locator('#floating-window-frame');
  const button = (agent: Agent, name: string) => agent.frame.getByRole('button', { name, exact: true });

  async function dial(agent: Agent, number: string) {
    await agent.frame.getByRole('textbox', { name: 'Phone number' }).fill(number);
    await button(agent, 'Call').click();
  }

  /** Waits until the window plays a tone near `hz`; returns what it measured. */
  function hears(agent: Agent, hz: number, what: string): Promise<HeardAudio | null> {
    return waitFor(() => heardAudio(agent.probe), (heard) => heard !== null && heard.rms > SILENT_RMS && Math.abs(heard.frequency - hz) < HZ_TOLERANCE, what, 15_000);
  }

  function hearsSilence(agent: Agent, what: string): Promise<HeardAudio | null> {
    return waitFor(() => heardAudio(agent.probe), (heard) => heard === null || heard.rms < SILENT_RMS, what, 10_000);
  }

  /** The customer's recording of this call holds the browser's tone. */
  function customerHearsMicrophone(): Promise<number | null> {
    return waitFor(() => lab.customer.dominantFrequencyHeard(), (hz) => hz !== null && Math.abs(hz - MICROPHONE_HZ) < HZ_TOLERANCE, 'the customer to hear the microphone tone', 15_000);
  }

  /** Ends the wrap-up of a finished call and returns to the home screen. */
  async function backHome(agent: Agent) {
    await button(agent, 'Hang up').click();
    await button(agent, 'Back to dialer').click();
    await agent.frame.getByRole('tab', { name: 'Contacts' }).waitFor();
  }

  it('outbound: audio both ways, keypad DTMF reaches the far end, hold silences and resume restores, agent hangs up', async () => {
    const mark = lab.customer.eventCount;
    await dial(alice, lab.numbers.customer);
    await status(alice, 'Connected').waitFor();
    await lab.customer.waitFor('established', { after: mark });

    await hears(alice, CUSTOMER_HZ, 'Alice to hear the customer (440 Hz)');
    await customerHearsMicrophone();

    await button(alice, 'Keypad').click();
    for (const key of ['1', '5', '9', '#']) await button(alice, key).click();
    await waitFor(() => lab.customer.dtmfReceived(), (digits) => digits === '159#', 'the customer to receive 159#');
    await screenshotWindowAt(windowElement(alice), { width: 360, height: 500 }, screenshotPath('real-call-keypad-360x500'));

    await button(alice, 'Mute').click();
    await button(alice, 'Unmute').waitFor();
    await button(alice, 'Unmute').click();

    await button(alice, 'Hold').click();
    await button(alice, 'Resume').waitFor();
    await hearsSilence(alice, 'no audio from the customer while on hold');
    await alice.page.screenshot({ path: screenshotPath('real-call-on-hold') });
    await button(alice, 'Resume').click();
    await hears(alice, CUSTOMER_HZ, 'the customer audible again after resume');

    await button(alice, 'Hang up').click();
    const closed = await lab.customer.waitFor('closed', { after: mark });
    expect(closed.statusCode ?? null).toBeNull();
    await button(alice, 'Back to dialer').click();
    const log = await waitForCallLog(stack, ALICE.id, lab.numbers.customer, (entry) => entry.outcome === 'connected');
    expect(Number(log.duration)).toBeGreaterThan(0);
  });

  it('call quality: a healthy call shows no warning and reports its figures; a lossy network warns, is logged once, and clears', async () => {
    const alive = watchAliveReports(alice.page);
    const warning = alice.frame.getByRole('status').filter({ hasText: 'Poor call quality' });
    const poorLines = () => stack.app.output().split('\n').filter((line) => line.includes('poor call quality'));
    const poorBefore = poorLines().length;
    try {
      const mark = lab.customer.eventCount;
      await dial(alice, lab.numbers.customer);
      await status(alice, 'Connected').waitFor();
      await lab.customer.waitFor('established', { after: mark });
      // The first alive with a sample (every 10 s; stats every 2 s): loopback loses nothing.
      const [measured] = await waitFor(() => alive.reports.filter((report) => report.quality), (found) => found.length > 0, 'an alive report with quality', 25_000);
      expect(measured!.quality).toMatchObject({ lossPercent: 0 });
      expect(measured!.quality!.mos).toBeGreaterThan(4);
      expect(measured!.quality!.jitterMs).toBeLessThan(30);
      expect(measured!.quality!.rttMs ?? 0).toBeLessThan(400);
      expect(await warning.count()).toBe(0);
      expect(poorLines()).toHaveLength(poorBefore);

      // 8 % of packets lost (the stats say so): warned after two poor samples, said in plain words.
      await setPoorNetwork(alice.probe, { lossPercent: 8 });
      await warning.filter({ hasText: /high packet loss \(\d+ %\)/ }).waitFor({ timeout: 10_000 });
      await expect(warning.textContent()).resolves.toContain('Check your network');
      await screenshotWindowAt(windowElement(alice), { width: 320, height: 600 }, screenshotPath('real-call-poor-quality-320x600'));
      await screenshotWindowAt(windowElement(alice), { width: 200, height: 300 }, screenshotPath('real-call-poor-quality-200x300'));
      // In the smallest window the warning stays in sight (outside the call screen's scrolling) and nothing sticks out.
      const before = await windowElement(alice).evaluate((element: HTMLElement) => ({ width: element.style.width, height: element.style.height }));
      await setWindowSize(alice.page, { width: 200, height: 300 });
      await waitFor(() => warning.evaluate((element) => element.getBoundingClientRect().bottom <= window.innerHeight), (inSight) => inSight, 'the warning in sight at 200x300', 5_000);
      expect(await layoutProblems(alice.frame)).toEqual([]);
      await windowElement(alice).evaluate((element: HTMLElement, size) => Object.assign(element.style, size), before);
      // The server hears it with the next alive and logs the episode once, by call id.
      await waitFor(poorLines, (lines) => lines.length > poorBefore, 'the server to log poor call quality', 15_000);
      await new Promise((resolve) => setTimeout(resolve, 10_500));
      expect(poorLines()).toHaveLength(poorBefore + 1);
      expect(poorLines().at(-1)).not.toContain(lab.numbers.customer);
      expect(poorLines().at(-1)).not.toContain(`"${digitsOf(lab.numbers.customer)}`);

      // The network recovers: the warning goes after three good samples.
      await setPoorNetwork(alice.probe, null);
      await waitFor(() => warning.count(), (count) => count === 0, 'the warning to clear', 12_000);

      await button(alice, 'Hang up').click();
      await lab.customer.waitFor('closed', { after: mark });
      await button(alice, 'Back to dialer').click();
    } finally {
      alive.stop();
      await setPoorNetwork(alice.probe, null).catch(() => {});
    }
  });

  it('outbound: the customer hangs up and the window says the call ended', async () => {
    const mark = lab.customer.eventCount;
    await dial(alice, lab.numbers.customer);
    await lab.customer.waitFor('established', { after: mark });
    await status(alice, 'Connected').waitFor();
    await lab.customer.hangUp();
    await status(alice, /^Call ended/).waitFor();
    await backHome(alice);
  });

  it('outbound: a busy number ends with "Busy", an unanswered one with "No answer", both logged', async () => {
    await dial(alice, lab.numbers.busy);
    await status(alice, 'Call ended · Busy').waitFor();
    await backHome(alice);
    await waitForCallLog(stack, ALICE.id, lab.numbers.busy, (entry) => entry.outcome === 'busy');

    await dial(alice, lab.numbers.noAnswer);
    await status(alice, 'Calling…').waitFor();
    await status(alice, 'Call ended · No answer').waitFor({ timeout: 20_000 });
    await backHome(alice);
    await waitForCallLog(stack, ALICE.id, lab.numbers.noAnswer, (entry) => entry.outcome === 'no_answer');
  });

  it('inbound: the customer calls Alice, the window pops, she answers, audio flows both ways, the call is logged', async () => {
    const logsBefore = stack.sandbox.context.store.listCallLogs({ userId: ALICE.id }).length;
    const mark = lab.customer.eventCount;
    await lab.customer.dial(lab.uri(lab.agents[0]!.username));
    await alice.frame.getByRole('region', { name: 'Incoming call' }).waitFor();
    await screenshotWindowAt(windowElement(alice), { width: 360, height: 500 }, screenshotPath('real-call-incoming-360x500'));
    await button(alice, 'Answer').click();
    await status(alice, 'Connected').waitFor();
    await lab.customer.waitFor('established', { after: mark });
    await hears(alice, CUSTOMER_HZ, 'Alice to hear the caller');
    await customerHearsMicrophone();
    await screenshotWindowAt(windowElement(alice), { width: 360, height: 500 }, screenshotPath('real-call-connected-360x500'));
    await screenshotWindowAt(windowElement(alice), { width: 800, height: 700 }, screenshotPath('real-call-connected-800x700'));
    // Talk for a while: the log's duration is whole seconds, so a sub-second call would log 0.
    await waitFor(() => lab.customer.secondsHeard(), (seconds) => seconds > 2, 'two seconds of the call at the customer');
    await lab.customer.hangUp();
    await status(alice, /^Call ended/).waitFor();
    await backHome(alice);
    // The caller is the lab's "customer" phone: its SIP user is what the log names as from.
    const logs = await waitFor(() => stack.sandbox.context.store.listCallLogs({ userId: ALICE.id }), (all) => all.length > logsBefore, 'the inbound call log', 45_000);
    const inbound = logs.at(-1)!;
    expect(inbound).toMatchObject({ outcome: 'connected', from_phone_number: 'customer' });
    expect(Number(inbound.duration)).toBeGreaterThan(0);
  });

  it('ring group: both agents ring, Bob answers, Alice stops ringing', async () => {
    const mark = lab.customer.eventCount;
    await lab.customer.dial(lab.uri(lab.numbers.ringGroup));
    await alice.frame.getByRole('region', { name: 'Incoming call' }).waitFor();
    await bob.frame.getByRole('region', { name: 'Incoming call' }).waitFor();
    await button(bob, 'Answer').click();
    await status(bob, 'Connected').waitFor();
    await lab.customer.waitFor('established', { after: mark });
    await alice.frame.getByRole('tab', { name: 'Contacts' }).waitFor();
    expect(await alice.frame.getByRole('region', { name: 'Incoming call' }).count()).toBe(0);
    await hears(bob, CUSTOMER_HZ, 'Bob to hear the caller');
    await button(bob, 'Hang up').click();
    await lab.customer.waitFor('closed', { after: mark });
    await button(bob, 'Back to dialer').click();
  });

  it('the SIP WebSocket drops mid-call: the call stays connected, audio flows, the phone registers again', async () => {
    const mark = lab.customer.eventCount;
    await dial(alice, lab.numbers.customer);
    await status(alice, 'Connected').waitFor();
    await lab.customer.waitFor('established', { after: mark });
    const connectedAt = Date.now();
    const before = await sipSocketCounts(alice.probe);

    expect(await dropSipSockets(alice.probe)).toBe(1);
    await alice.frame.getByText(/^Phone offline/).first().waitFor();
    // JsSIP reopens the socket (2 s backoff) and the softphone registers on the new connection.
    await alice.frame.getByText('Phone ready', { exact: true }).first().waitFor();
    expect((await sipSocketCounts(alice.probe)).opened).toBe(before.opened + 1);
    await status(alice, 'Connected').waitFor();
    expect(lab.customer.eventsSince(mark).some((event) => event.type === 'closed')).toBe(false);
    await hears(alice, CUSTOMER_HZ, 'the customer still audible after the reconnection');

    // The hang-up's BYE leaves on the new connection; the server logs one call, connected
    // throughout (ended at the drop, it would have logged a shorter one).
    await button(alice, 'Hang up').click();
    await lab.customer.waitFor('closed', { after: mark });
    const talkedSeconds = Math.floor((Date.now() - connectedAt) / 1000);
    await button(alice, 'Back to dialer').click();
    const log = await waitForCallLog(stack, ALICE.id, lab.numbers.customer, (entry) => entry.outcome === 'connected' && Number(entry.duration) >= talkedSeconds - 1);
    expect(Number(log.duration)).toBeGreaterThanOrEqual(3);
  });

  it('a wrong SIP password says "SIP registration failed" once, with no reconnect loop', async () => {
    const account = lab.agents[0]!;
    await saveSipAccount(alice.frame, { ...account, password: 'not-the-password' });
    await alice.frame.getByText(/^SIP registration failed/).first().waitFor();
    // The refused user agent stops: its socket closes (and the previous account's one too).
    const refused = await waitFor(() => sipSocketCounts(alice.probe), (counts) => counts.open === 0, 'the refused phone to close its WebSocket', 10_000);
    // Longer than the first two reconnect delays (2 s, 4 s): a loop would have opened sockets.
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    expect(await sipSocketCounts(alice.probe)).toEqual(refused);
    await expect(alice.frame.getByText(/^SIP registration failed/).first().isVisible()).resolves.toBe(true);

    await saveSipAccount(alice.frame, account);
    await alice.frame.getByText('Phone ready', { exact: true }).first().waitFor();
    await alice.frame.getByRole('tab', { name: 'Contacts' }).click();
  });

  it('a window closed mid-call: the server ends the call within 30 s and logs it', async () => {
    const mark = lab.customer.eventCount;
    const logsBefore = stack.sandbox.context.store.listCallLogs({ userId: BOB.id }).length;
    const endedBefore = stack.app.output().split(SILENT_CALL_ENDED).length;
    await dial(bob, lab.numbers.customer);
    await status(bob, 'Connected').waitFor();
    await lab.customer.waitFor('established', { after: mark });
    const closedAt = Date.now();
    // No BYE, no hang-up request: the window is simply gone, as when the tab crashes.
    await bob.page.close({ runBeforeUnload: false });

    await waitFor(() => stack.app.output().split(SILENT_CALL_ENDED).length, (count) => count > endedBefore, 'the server to end the silent call', 30_000);
    expect(Date.now() - closedAt).toBeLessThan(30_000);
    // Nobody wraps it up: the server logs it once the wrap-up grace period is over.
    const logs = await waitFor(() => stack.sandbox.context.store.listCallLogs({ userId: BOB.id }), (all) => all.length > logsBefore, 'the server to log the call', (WRAP_UP_GRACE_SECONDS + 10) * 1000);
    const log = logs.at(-1)!;
    expect(digitsOf(log.to_phone_number)).toBe(digitsOf(lab.numbers.customer));
    // Answered, then talked until the server gave up on the window: at least the silence window.
    expect(Number(log.duration)).toBeGreaterThanOrEqual(SILENT_CALL_MS / 1000 - 1);
    await lab.customer.hangUp();
  });
});
