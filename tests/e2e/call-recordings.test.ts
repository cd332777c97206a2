import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { PhoneLab } from '../../phone-lab/src/index';
import { CUSTOMER_HZ, MICROPHONE_HZ, saveSipAccount } from '../support/sip-account';
import { waitForCallLog } from '../support/inbound';
import { installFromMarketplace, openWindowFromDock } from '../support/journeys';
import { screenshotPath } from '../support/screenshots';
import { startSipLabStack, type SipLabStack } from '../support/sip-lab-stack';
import type { Stack } from '../support/stack';
import { waitFor } from '../support/wait';
import { screenshotWindowAt } from '../support/window-screenshot';

// A company that records calls: a real outbound SIP call from the window (phone lab: Kamailio,
// rtpengine, a baresip customer answering with 440 Hz; Chromium's fake microphone plays 880 Hz).
// After the hang-up the window uploads its recording, the outbox attaches it to the call log in
// the sandbox, and the recording's audio, decoded in Chromium, holds both tones.

const ALICE = { id: 20001, name: 'Alice Admin' };
/** Frequencies where neither tone nor its first harmonics sit: the floor the tones must rise above. */
const OFF_TONES_HZ = [620, 1_150];

interface ToneLevels {
  readonly seconds: number;
  readonly levels: Record<string, number>;
}

describe('call recordings (company setting "Record calls", real SIP call)', () => {
  let sip: SipLabStack;
  let lab: PhoneLab;
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;
  let frame: FrameLocator;

  beforeAll(async () => {
    sip = await startSipLabStack({ name: 'call-recordings', toneSeconds: 30 });
    ({ lab, stack } = sip);
    context = await sip.browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    await installFromMarketplace(page, stack);
    frame = await openWindowFromDock(page, stack, ALICE.name);
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await sip?.stop();
  });

  afterEach(async (test) => {
    if (test.task.result?.state !== 'fail') return;
    await page?.screenshot({ path: screenshotPath('failed-call-recordings') }).catch(() => {});
    console.error(`window:\n${await frame?.locator('body').ariaSnapshot().catch(() => '(no window)')}`);
    console.error(`App output (tail):\n${stack?.app.output().slice(-4000)}`);
  });

  const button = (name: string) => frame.getByRole('button', { name, exact: true });

  it('records both sides of the call and attaches the recording to the Pipedrive call log', async () => {
    // The admin turns recording on, then saves the SIP account: the registration says "record".
    await frame.getByRole('tab', { name: 'Settings' }).click();
    await frame.getByRole('checkbox', { name: 'Record calls' }).check();
    await frame.getByRole('form', { name: 'Call settings' }).getByRole('button', { name: 'Save', exact: true }).click();
    await frame.getByText('Settings saved.').waitFor();
    await frame.getByRole('checkbox', { name: 'Record calls' }).scrollIntoViewIfNeeded();
    await screenshotWindowAt(page.locator('#floating-window-frame'), { width: 320, height: 600 }, screenshotPath('settings-record-calls-320x600'));
    await saveSipAccount(frame, lab.agents[0]!);
    await frame.getByText('Phone ready', { exact: true }).first().waitFor();
    await frame.getByRole('tab', { name: 'Contacts' }).click();

    const mark = lab.customer.eventCount;
    await frame.getByRole('textbox', { name: 'Phone number' }).fill(lab.numbers.customer);
    await button('Call').click();
    await lab.customer.waitFor('established', { after: mark });
    const indicator = frame.getByRole('status').filter({ hasText: /^Recording$/ });
    await indicator.waitFor();
    await button('Mute').waitFor();
    await screenshotWindowAt(page.locator('#floating-window-frame'), { width: 320, height: 600 }, screenshotPath('real-call-recording-320x600'));
    await waitFor(() => lab.customer.secondsHeard(), (seconds) => seconds > 6, 'six seconds of the call at the customer', 20_000);

    await button('Hang up').click();
    await button('Back to dialer').waitFor();
    expect(await indicator.count()).toBe(0);

    const log = await waitForCallLog(stack, ALICE.id, lab.numbers.customer, (entry) => entry.has_recording, 60_000);
    const recording = stack.sandbox.context.store.getRecording(log.id);
    expect(recording?.contentType).toMatch(/^audio\/(webm|ogg)/);
    const bytes = recording!.bytes;

    const measured = await tonesIn(page, Buffer.from(bytes).toString('base64'), [CUSTOMER_HZ, MICROPHONE_HZ, ...OFF_TONES_HZ]);
    const floor = Math.max(...OFF_TONES_HZ.map((hz) => measured.levels[hz]!));
    console.info(`recording: ${bytes.byteLength} bytes, ${measured.seconds.toFixed(1)} s (${Math.round(bytes.byteLength / measured.seconds * 60 / 1024)} KiB/min), tone levels ${JSON.stringify(measured.levels)}`);
    expect(measured.seconds).toBeGreaterThan(5);
    expect(measured.levels[CUSTOMER_HZ]).toBeGreaterThan(20 * floor);
    expect(measured.levels[MICROPHONE_HZ]).toBeGreaterThan(20 * floor);
  });
});

/** Decodes the recording in Chromium (decodeAudioData) and measures each frequency's power (Goertzel). */
function tonesIn(page: Page, base64: string, frequencies: number[]): Promise<ToneLevels> {
  return page.evaluate(
    async ({ base64, frequencies }) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const audio = await new OfflineAudioContext(1, 48_000, 48_000).decodeAudioData(bytes.buffer);
      const samples = audio.getChannelData(0);
      const levels: Record<string, number> = {};
      for (const frequency of frequencies) {
        const coefficient = 2 * Math.cos((2 * Math.PI * frequency) / audio.sampleRate);
        let previous = 0;
        let beforePrevious = 0;
        for (const sample of samples) {
          const current = sample + coefficient * previous - beforePrevious;
          beforePrevious = previous;
          previous = current;
        }
        const power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        levels[frequency] = power / samples.length;
      }
      return { seconds: audio.duration, levels };
    },
    { base64, frequencies },
  );
}
