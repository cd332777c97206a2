import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeToneWav } from '../src/audio/tone';
import { startPhoneLab, type PhoneLab } from '../src/index';
import { pollUntil } from '../src/processes/wait';

/**
 * The path a real agent takes: JsSIP in Chromium over WebSocket (digest with ha1), WebRTC media
 * (ICE, DTLS-SRTP, rtcp-mux, opus) that rtpengine bridges to the customer's plain RTP.
 * Chromium's fake microphone plays 880 Hz; the customer plays 440 Hz.
 */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Runs inside the page: JsSIP is the bundle loaded by the page, `window.lab` our test state.
declare const JsSIP: any; // eslint-disable-line @typescript-eslint/no-explicit-any
type PageWindow = typeof globalThis & { lab: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('phone lab with a browser softphone (JsSIP in Chromium)', () => {
  // No silent skip: without Chromium the test fails and says how to get it.
  it('has Chromium', () => {
    expect(existsSync(CHROMIUM_PATH), `Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`).toBe(true);
  });

  let lab: PhoneLab;
  let server: Server;
  let browser: Browser;
  let page: Page;
  const workDir = mkdtempSync(join(tmpdir(), 'phone-lab-browser-'));

  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
    lab = await startPhoneLab({ keepWorkDir: process.env.PHONE_LAB_KEEP === '1' });
    const microphoneWav = join(workDir, 'microphone-880hz.wav');
    await makeToneWav('sox', microphoneWav, 880, 30);
    // JsSIP 3.13 ships CommonJS only: bundle it for the page.
    const bundle = await build({
      entryPoints: [join(process.cwd(), 'node_modules/jssip/lib/JsSIP.js')],
      bundle: true,
      format: 'iife',
      globalName: 'JsSIP',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    const script = bundle.outputFiles[0]?.text ?? '';
    server = createServer((request, response) => {
      if (request.url === '/jssip.js') {
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script src="/jssip.js"></script>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-audio-capture=${microphoneWav}`,
        '--allow-loopback-in-peer-connection',
        '--disable-features=WebRtcHideLocalIpsWithMdns',
        '--autoplay-policy=no-user-gesture-required',
      ],
    });
    page = await browser.newPage();
    // http://localhost is a secure context: getUserMedia and ws:// to loopback are allowed.
    await page.goto(`http://localhost:${(server.address() as AddressInfo).port}/`);
    const agent = lab.agents[0];
    if (!agent) throw new Error('no agent');
    const ha1 = createHash('md5').update(`${agent.username}:${lab.domain}:${agent.password}`).digest('hex');
    await page.evaluate(
      async ({ webSocketUrl, domain, username, ha1 }) => {
        const state: Record<string, unknown> = { dtmfSent: 0 };
        (window as unknown as PageWindow).lab = state;
        const ua = new JsSIP.UA({
          sockets: [new JsSIP.WebSocketInterface(webSocketUrl)],
          uri: `sip:${username}@${domain}`,
          authorization_user: username,
          realm: domain,
          ha1,
          session_timers: false,
        });
        state.ua = ua;
        // Incoming calls are answered at once; the session is kept for the test.
        ua.on('newRTCSession', (event: any) => {
          if (event.originator !== 'remote') return;
          state.session = event.session;
          event.session.on('confirmed', () => (state.confirmed = true));
          event.session.on('ended', () => (state.ended = true));
          event.session.answer({ mediaConstraints: { audio: true, video: false }, pcConfig: { iceServers: [] } });
        });
        await new Promise((resolve, reject) => {
          ua.on('registered', resolve);
          ua.on('registrationFailed', (event: any) => reject(new Error(`registration failed: ${event.cause}`)));
          ua.start();
        });
      },
      { webSocketUrl: lab.webSocketUrl, domain: lab.domain, username: agent.username, ha1 },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await lab?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  /** Dominant frequency of the remote audio, measured in the page with an AnalyserNode. */
  const frequencyHeardByBrowser = () =>
    page.evaluate(async () => {
      const session = (window as unknown as PageWindow).lab.session;
      const stream = new MediaStream(session.connection.getReceivers().map((receiver: RTCRtpReceiver) => receiver.track));
      // Chrome feeds a remote WebRTC track to WebAudio only while a media element plays it.
      const element = new Audio();
      element.srcObject = stream;
      element.muted = true;
      await element.play();
      const context = new AudioContext();
      const analyser = context.createAnalyser();
      analyser.fftSize = 8192;
      context.createMediaStreamSource(stream).connect(analyser);
      const sum = new Float64Array(analyser.frequencyBinCount);
      const frame = new Float32Array(analyser.frequencyBinCount);
      for (let round = 0; round < 10; round += 1) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        analyser.getFloatFrequencyData(frame);
        frame.forEach((decibels, bin) => (sum[bin] = (sum[bin] ?? 0) + 10 ** (decibels / 10)));
      }
      let peak = 1;
      for (let bin = 1; bin < sum.length; bin += 1) if ((sum[bin] ?? 0) > (sum[peak] ?? 0)) peak = bin;
      const hz = (peak * context.sampleRate) / analyser.fftSize;
      await context.close();
      return (sum[peak] ?? 0) > 0 ? hz : null;
    });

  it('the browser calls the customer: both hear each other, DTMF (RFC 4733 and SIP INFO) arrives, hold and resume work, hang-up reaches the customer', async () => {
    const customerMark = lab.customer.eventCount;
    await page.evaluate(
      (target) =>
        new Promise<void>((resolve, reject) => {
          const state = (window as unknown as PageWindow).lab;
          const session = state.ua.call(target, { mediaConstraints: { audio: true, video: false }, pcConfig: { iceServers: [] } });
          state.session = session;
          session.on('confirmed', () => resolve());
          session.on('failed', (event: any) => reject(new Error(`call failed: ${event.cause}`)));
        }),
      lab.uri(lab.numbers.customer),
    );
    await lab.customer.waitFor('established', { after: customerMark });

    await pollUntil('the customer to hear the browser', async () => (lab.customer.dominantFrequencyHeard() ?? 0) > 0, 10_000, 200);
    const heardByBrowser = await frequencyHeardByBrowser();
    expect(heardByBrowser).not.toBeNull();
    // 5.9 Hz bins at 48 kHz: within one bin of 440.
    expect(Math.abs((heardByBrowser ?? 0) - 440)).toBeLessThan(6);
    expect(lab.customer.dominantFrequencyHeard()).toBeCloseTo(880, -1);

    // RFC 4733 through rtpengine (the default), then SIP INFO (the softphone's fallback) in-dialog.
    await page.evaluate(() => (window as unknown as PageWindow).lab.session.sendDTMF('42*', { transportType: 'RFC2833', duration: 120, interToneGap: 100 }));
    await pollUntil('three DTMF digits at the customer', async () => lab.customer.dtmfReceived().length >= 3, 5_000);
    expect(lab.customer.dtmfReceived()).toBe('42*');
    await page.evaluate(() => (window as unknown as PageWindow).lab.session.sendDTMF('7#', { transportType: 'INFO', duration: 120, interToneGap: 100 }));
    await pollUntil('two more DTMF digits at the customer', async () => lab.customer.dtmfReceived().length >= 5, 5_000);
    expect(lab.customer.dtmfReceived()).toBe('42*7#');

    // Hold and resume are re-INVITEs through Kamailio and rtpengine (the offer now comes from the
    // browser inside the dialog). While held no audio reaches the customer's recording at all, so
    // "silence" cannot be told from "nothing yet"; what is checked is that the tone comes back.
    const reinvite = (action: 'hold' | 'unhold') =>
      page.evaluate(
        (action) =>
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`${action} not confirmed`)), 5000);
            (window as unknown as PageWindow).lab.session[action]({}, () => {
              clearTimeout(timer);
              resolve();
            });
          }),
        action,
      );
    await reinvite('hold');
    await reinvite('unhold');
    await pollUntil('the tone again after resuming', async () => lab.customer.dominantFrequencyHeard({ lastSeconds: 0.4 }) !== null, 5_000, 100);
    expect(lab.customer.dominantFrequencyHeard({ lastSeconds: 0.4 })).toBeCloseTo(880, -1);

    await page.evaluate(() => (window as unknown as PageWindow).lab.session.terminate());
    const closed = await lab.customer.waitFor('closed', { after: customerMark });
    expect(closed.statusCode).toBeNull();
  });

  it('the customer calls the agent: the browser rings, answers, and both hear each other', async () => {
    const customerMark = lab.customer.eventCount;
    await page.evaluate(() => {
      const state = (window as unknown as PageWindow).lab;
      state.confirmed = false;
      state.ended = false;
      state.session = null;
    });
    await lab.customer.dial(lab.uri(lab.agents[0]?.username ?? ''));
    await lab.customer.waitFor('established', { after: customerMark });
    await page.waitForFunction(() => (window as unknown as PageWindow).lab.confirmed === true);

    const heardByBrowser = await frequencyHeardByBrowser();
    expect(Math.abs((heardByBrowser ?? 0) - 440)).toBeLessThan(6);
    await pollUntil('the customer to hear the browser', async () => (lab.customer.dominantFrequencyHeard() ?? 0) > 0, 10_000, 200);
    expect(lab.customer.dominantFrequencyHeard()).toBeCloseTo(880, -1);

    await lab.customer.hangUp();
    await page.waitForFunction(() => (window as unknown as PageWindow).lab.ended === true);
  });

  it('the ring group forks to the browser (agent1) and a UDP phone (agent2); the browser answers with audio both ways', async () => {
    const agent2 = await lab.startPhone({ username: 'agent2' });
    const marks = { customer: lab.customer.eventCount, agent2: agent2.eventCount };
    await page.evaluate(() => {
      const state = (window as unknown as PageWindow).lab;
      state.confirmed = false;
      state.ended = false;
      state.session = null;
    });
    await lab.customer.dial(lab.uri(lab.numbers.ringGroup));
    await agent2.waitFor('incoming', { after: marks.agent2 });
    await lab.customer.waitFor('established', { after: marks.customer });
    await page.waitForFunction(() => (window as unknown as PageWindow).lab.confirmed === true);
    await agent2.waitFor('closed', { after: marks.agent2 });

    const heardByBrowser = await frequencyHeardByBrowser();
    expect(Math.abs((heardByBrowser ?? 0) - 440)).toBeLessThan(6);
    await pollUntil('the customer to hear the browser', async () => lab.customer.secondsHeard() > 1, 10_000, 200);
    expect(lab.customer.dominantFrequencyHeard()).toBeCloseTo(880, -1);

    await lab.customer.hangUp();
    await page.waitForFunction(() => (window as unknown as PageWindow).lab.ended === true);
  });
});
