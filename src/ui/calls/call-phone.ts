/**
 * What the call flow asks of a phone living in this window (the SIP softphone, provider `sip`).
 * Null for providers whose phones live elsewhere (mock, webhook, Twilio's own): then the calls
 * routes alone drive the call, as before.
 */
export interface CallPhone {
  /** Opens the microphone before a call is placed; throws when it cannot. */
  prepare(): Promise<void>;
  /** Lets go of a microphone opened for a call that was not created after all. */
  releaseMicrophone(): void;
  /** Sends the INVITE for a call the server just created. */
  dial(callId: string, number: string): void;
  /** Answers the INVITE behind a ringing call (false: this window has none); throws without a microphone. */
  answer(callId: string): Promise<boolean>;
  reject(callId: string): void;
  hangUp(callId: string): void;
  /** Ends this window's leg quietly: the call was answered elsewhere, stopped ringing or ended. */
  drop(callId: string): void;
}

export const NO_MICROPHONE = 'the microphone is not available (see the message above).';
