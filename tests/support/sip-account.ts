import type { FrameLocator } from 'playwright-core';

/** The constants both the real-call tests and the real-call benchmark measure audio against. */
export const MICROPHONE_HZ = 880;
export const CUSTOMER_HZ = 440;
/** The analyser's bins are ~6 Hz wide at 48 kHz; opus and resampling move a tone by a few Hz at most. */
export const HZ_TOLERANCE = 25;
/** Below this RMS the window hears silence. */
export const SILENT_RMS = 0.005;

/** Saves the agent's SIP account in the window's Settings tab, as an agent does. */
export async function saveSipAccount(frame: FrameLocator, account: { username: string; password: string }): Promise<void> {
  await frame.getByRole('tab', { name: 'Settings' }).click();
  await frame.getByRole('textbox', { name: 'SIP username' }).fill(account.username);
  await frame.getByLabel('SIP password').fill(account.password);
  await frame.getByRole('button', { name: 'Save SIP account' }).click();
}
