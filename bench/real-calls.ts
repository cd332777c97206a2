import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { startPhoneLab, type PhoneLab } from '../phone-lab/src/index';
import { launchChromium } from '../tests/support/browser';
import { fakeAudioArgs, heardAudio, REMOTE_AUDIO_PROBE, windowFrame, writeToneWav } from '../tests/support/fake-audio';
import { installFromMarketplace, openWindowFromDock } from '../tests/support/journeys';
import { CUSTOMER_HZ, HZ_TOLERANCE, MICROPHONE_HZ, SILENT_RMS, saveSipAccount } from '../tests/support/sip-account';
import { startStack, type Stack } from '../tests/support/stack';
import type { ResultRow } from './results-table';
import { formatMs, percentile } from './stats';

const CALLS = 20;
const INVITE_TARGET_P95_MS = 150;
const AUDIO_TARGET_P95_MS = 500;

interface RealCallBench {
  lab: PhoneLab;
  traffic: ReturnType<typeof watchWindowTraffic>;
  stack: Stack;
  browser: Browser;
  frame: FrameLocator;
  probe: Frame;
}

/** The lab, the app with provider sip, and Alice's window registered with her SIP account. */
async function startRealCallBench(toneDir: string): Promise<RealCallBench> {
  const lab = await startPhoneLab({ customerToneHz: CUSTOMER_HZ });
  const stack = await startStack({ appEnv: { TELEPHONY_PROVIDER: 'sip', SIP_WEBSOCKET_URL: lab.webSocketUrl, SIP_DOMAIN: lab.domain } });
  const microphone = join(toneDir, 'microphone-880hz.wav');
  writeToneWav(microphone, MICROPHONE_HZ);
  const browser = await launchChromium({ extraArgs: fakeAudioArgs(microphone) });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(REMOTE_AUDIO_PROBE);
  const page = await context.newPage();
  // Before the window opens: its SIP WebSocket is created once, at registration.
  const traffic = watchWindowTraffic(page);
  await installFromMarketplace(page, stack);
  const frame = await openWindowFromDock(page, stack, 'Alice Admin');
  const account = lab.agents[0]!;
  await saveSipAccount(frame, account);
  await frame.getByText('Phone ready', { exact: true }).first().waitFor({ timeout: 20_000 });
  await frame.getByRole('tab', { name: 'Contacts' }).click();
  return { lab, traffic, stack, browser, frame, probe: await windowFrame(page) };
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
  inviteMs: number;
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
    const clickedAt = Date.now();
    await frame.getByRole('button', { name: 'Call', exact: true }).click();
    await lab.customer.waitFor('established', { after: mark, timeoutMs: 10_000 });
    const heardAt = await waitUntilHeard(bench.probe);
    const invitedAt = seen.get('incoming');
    const establishedAt = seen.get('established');
    const routeAnsweredAt = firstAfter(bench.traffic.routeAnswers, clickedAt);
    const inviteSentAt = firstAfter(bench.traffic.invitesSent, clickedAt);
    if (invitedAt === undefined || establishedAt === undefined) throw new Error('the customer reported no INVITE or answer');
    if (routeAnsweredAt === undefined || inviteSentAt === undefined) throw new Error('the window\'s call route or INVITE went unseen');
    return { inviteMs: invitedAt - clickedAt, audioMs: heardAt - establishedAt, routeAnsweredMs: routeAnsweredAt - clickedAt, inviteSentMs: inviteSentAt - clickedAt };
  } finally {
    stopListening();
    await frame.getByRole('button', { name: 'Hang up', exact: true }).click();
    await frame.getByRole('button', { name: 'Back to dialer' }).click();
    await frame.getByRole('tab', { name: 'Contacts' }).waitFor();
  }
}

export async function realCallRows(): Promise<ResultRow[]> {
  const toneDir = mkdtempSync(join(tmpdir(), 'bench-real-calls-'));
  const bench = await startRealCallBench(toneDir);
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
        `p50 of its parts: POST /api/calls answered at ${formatMs(percentile(samples.map((sample) => sample.routeAnsweredMs), 50))}, INVITE sent at ${formatMs(percentile(samples.map((sample) => sample.inviteSentMs), 50))} (microphone opened before the route; SDP after ICE settles)`,
      ),
      row('far end answers → audio heard in the browser', audio, AUDIO_TARGET_P95_MS, 'AnalyserNode finds the 440 Hz tone (170 ms window); the far end hearing 880 Hz is checked by the e2e tests'),
    ];
  } finally {
    await bench.browser.close();
    await bench.stack.stop();
    await bench.lab.stop();
    rmSync(toneDir, { recursive: true, force: true });
  }
}
