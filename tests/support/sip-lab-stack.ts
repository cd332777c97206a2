import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startPhoneLab, type PhoneLab } from '../../phone-lab/src/index';
import type { PhoneLabOptions } from '../../phone-lab/src/options';
import { launchChromium } from './browser';
import { fakeAudioArgs, writeToneWav } from './fake-audio';
import { CUSTOMER_HZ, MICROPHONE_HZ } from './sip-account';
import { startStack, type Stack } from './stack';

/** The phone lab, the app with provider `sip` pointed at it, and a Chromium whose microphone plays a tone. */
export interface SipLabStack {
  readonly lab: PhoneLab;
  readonly stack: Stack;
  readonly browser: Browser;
  /** Stops the browser, the app and the lab, and removes the tone file. */
  stop(): Promise<void>;
}

export interface SipLabStackOptions {
  /** Names the temporary folder of the microphone's tone file. */
  readonly name: string;
  readonly lab?: PhoneLabOptions;
  /** More app variables beside the SIP provider's. */
  readonly appEnv?: Record<string, string>;
  /** How long the microphone's tone lasts before Chromium loops it (writeToneWav's default otherwise). */
  readonly toneSeconds?: number;
}

/** What the real-call tests and the bench start: the customer plays CUSTOMER_HZ, the window's microphone MICROPHONE_HZ. */
export async function startSipLabStack(options: SipLabStackOptions): Promise<SipLabStack> {
  const toneDir = mkdtempSync(join(tmpdir(), `${options.name}-`));
  const lab = await startPhoneLab({ customerToneHz: CUSTOMER_HZ, ...options.lab });
  const stack = await startStack({ appEnv: { TELEPHONY_PROVIDER: 'sip', SIP_WEBSOCKET_URL: lab.webSocketUrl, SIP_DOMAIN: lab.domain, ...options.appEnv } });
  const tone = join(toneDir, `microphone-${MICROPHONE_HZ}hz.wav`);
  writeToneWav(tone, MICROPHONE_HZ, options.toneSeconds);
  const browser = await launchChromium({ extraArgs: fakeAudioArgs(tone) });
  return {
    lab,
    stack,
    browser,
    async stop() {
      await browser.close();
      await stack.stop();
      await lab.stop();
      rmSync(toneDir, { recursive: true, force: true });
    },
  };
}
