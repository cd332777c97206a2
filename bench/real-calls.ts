import type { Frame, FrameLocator, Page } from 'playwright-core';
import type { PhoneLab } from '../phone-lab/src/index';
import { heardAudio, REMOTE_AUDIO_PROBE, windowFrame } from '../tests/support/fake-audio';
import { installFromMarketplace, openWindowFromDock } from '../tests/support/journeys';
import { CUSTOMER_HZ, HZ_TOLERANCE, SILENT_RMS, saveSipAccount } from '../tests/support/sip-account';
import { startSipLabStack, type SipLabStack } from '../tests/support/sip-lab-stack';
import type { ResultRow } from './results-table';
import { formatMs, percentile } from './stats';

const CALLS = 20;
const INVITE_TARGET_P95_MS = 150;
const AUDIO_TARGET_P95_MS = 500;

interface RealCallBench {
  sip: SipLabStack;
  lab: PhoneLab;
  traffic: ReturnType<typeof watchWindowTraffic>;
  frame: FrameLocator;
  probe: Frame;
}

/** The lab, the app with provider sip, and Alice's window registered with her SIP account. */
async function startRealCallBench(): Promise<RealCallBench> {
  const sip = await startSipLabStack({ name: 'bench-real-calls' });
  const context = await sip.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(REMOTE_AUDIO_PROBE);
  const page = await context.newPage();
  // Before the window opens: its SIP WebSocket is created once, at registration.
  const traffic = watchWindowTraffic(page);
  await installFromMarketplace(page, sip.stack);
  const frame = await openWindowFromDock(page, sip.stack, 'Alice Admin');
  const account = sip.lab.agents[0]!;
  await saveSipAccount(frame, account);
  await frame.getByText('Phone ready', { exact: true }).first().waitFor({ timeout: 20_000 });
  await frame.getByRole('tab', { name: 'Contacts' }).click();
  return { sip, lab: sip.lab, traffic, frame, probe: await windowFrame(page) };
}

/** Polls the window's analyser until it hears the customer's tone; returns when it did. */
async function waitUntilHeard(probe: Frame, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const heard = await heardAudio(probe);
    if (heard !== null && heard.rms > SILENT_RMS && Math.abs(heard.frequency - CUSTOMER_HZ) < HZ_TOLERANCE) return Date.now();
  }
  throw new Error('the window never heard the customer');
}

interface CallTimings {
  /** From the click event in the window (the user's click) to the far end's INVITE. */
  inviteMs: number;
  /** Playwright's `click()` call → the click event: its actionability checks, not the user's time. */
  driverClickMs: number;
  audioMs: number;
  /** Where the click → INVITE time goes: the call route answered, the INVITE left the browser. */
  routeAnsweredMs: number;
  inviteSentMs: number;
}

/** Times (this process's clock) when the window's call route answered and its INVITEs left on the SIP WebSocket. */
function watchWindowTraffic(page: Page) {
  const seen = { routeAnswers: [] as number[], invitesSent: [] as number[] };
  page.on('response', (response) => {
    if (response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/calls') seen.routeAnswers.push(Date.now());
  });
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      if (String(payload).startsWith('INVITE ')) seen.invitesSent.push(Date.now());
    }),
  );
  return seen;
}

/**
 * Arms a one-time listener that keeps when the next click event reaches the window. `Date.now()` in
 * the page and here read the same system clock, so the two can be subtracted.
 */
async function armClickClock(probe: Frame): Promise<void> {
  await probe.evaluate(() => {
    const page = window as unknown as { benchClickAt?: number };
    delete page.benchClickAt;
    document.addEventListener('click', () => (page.benchClickAt = Date.now()), { capture: true, once: true });
  });
}

async function clickEventTime(probe: Frame): Promise<number> {
  const at = await probe.evaluate(() => (window as unknown as { benchClickAt?: number }).benchClickAt);
  if (at === undefined) throw new Error('the click never reached the window');
  return at;
}

const firstAfter = (times: readonly number[], after: number) => times.find((time) => time >= after);

/**
 * One call: "Call" clicked → the customer's phone sees the INVITE (`incoming`); the customer
 * answers (`established`) → the window's analyser hears the 440 Hz tone. Times on this process's
 * clock, as events arrive over baresip's control socket and Playwright.
 */
async function measureOneCall(bench: RealCallBench): Promise<CallTimings> {
  const { lab, frame } = bench;
  const seen = new Map<string, number>();
  const stopListening = lab.customer.on((event) => {
    if (!seen.has(event.type)) seen.set(event.type, Date.now());
  });
  try {
    await frame.getByRole('textbox', { name: 'Phone number' }).fill(lab.numbers.customer);
    const mark = lab.customer.eventCount;
    await armClickClock(bench.probe);
    const clickedAt = Date.now();
    await frame.getByRole('button', { name: 'Call', exact: true }).click();
    await lab.customer.waitFor('established', { after: mark, timeoutMs: 10_000 });
    const clickEventAt = await clickEventTime(bench.probe);
    const heardAt = await waitUntilHeard(bench.probe);
    const invitedAt = seen.get('incoming');
    const establishedAt = seen.get('established');
    const routeAnsweredAt = firstAfter(bench.traffic.routeAnswers, clickedAt);
    const inviteSentAt = firstAfter(bench.traffic.invitesSent, clickedAt);
    if (invitedAt === undefined || establishedAt === undefined) throw new Error('the customer reported no INVITE or answer');
    if (routeAnsweredAt === undefined || inviteSentAt === undefined) throw new Error('the window\'s call route or INVITE went unseen');
    return {
      inviteMs: invitedAt - clickEventAt,
      driverClickMs: clickEventAt - clickedAt,
      audioMs: heardAt - establishedAt,
      routeAnsweredMs: routeAnsweredAt - clickEventAt,
      inviteSentMs: inviteSentAt - clickEventAt,
    };
  } finally {
    stopListening();
    await frame.getByRole('button', { name: 'Hang up', exact: true }).click();
    await frame.getByRole('button', { name: 'Back to dialer' }).click();
    await frame.getByRole('tab', { name: 'Contacts' }).waitFor();
  }
}

const ICE_NOTE = '20 ms after the first ICE candidate';
const p50 = (samples: readonly CallTimings[], part: keyof CallTimings) => formatMs(percentile(samples.map((sample) => sample[part]), 50));

export async function realCallRows(): Promise<ResultRow[]> {
  const bench = await startRealCallBench();
  try {
    await measureOneCall(bench); // warm-up: JsSIP chunk, microphone, first ICE gathering
    const samples: CallTimings[] = [];
    for (let i = 0; i < CALLS; i += 1) samples.push(await measureOneCall(bench));
    const invite = samples.map((sample) => sample.inviteMs);
    const audio = samples.map((sample) => sample.audioMs);
    const row = (metric: string, values: number[], targetMs: number, note: string): ResultRow => ({
      benchmark: 'Real call (SIP lab)',
      metric,
      figure: `p95 ${formatMs(percentile(values, 95))}`,
      target: `p95 < ${targetMs} ms (loopback)`,
      met: percentile(values, 95) < targetMs,
      note: `p50 ${formatMs(percentile(values, 50))}, max ${formatMs(Math.max(...values))}, ${values.length} calls after 1 warm-up; ${note}`,
    });
    return [
      row(
        'click "Call" → INVITE at the far end',
        invite,
        INVITE_TARGET_P95_MS,
        `from the click event in the window; p50 of its parts: INVITE sent at ${p50(samples, 'inviteSentMs')} (microphone opened, SDP ${ICE_NOTE}), POST /api/calls answered at ${p50(samples, 'routeAnsweredMs')}; the far end sees it after Kamailio's 407 challenge and rtpengine's offer; Playwright's click() adds p50 ${p50(samples, 'driverClickMs')} before the event (not counted)`,
      ),
      row('far end answers → audio heard in the browser', audio, AUDIO_TARGET_P95_MS, 'AnalyserNode finds the 440 Hz tone (170 ms window); the far end hearing 880 Hz is checked by the e2e tests'),
    ];
  } finally {
    await bench.sip.stop();
  }
}
