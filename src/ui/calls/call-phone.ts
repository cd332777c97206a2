/**
 * What the call flow asks of a phone living in this window (the SIP softphone, provider `sip`).
 * Null for providers whose phones live elsewhere (mock, webhook, Twilio's own): then the calls
 * routes alone drive the call, as before.
 */
export interface CallPhone {
  /** Opens the microphone before a call is placed; throws when it cannot. */
  prepare(): Promise<void>;
  /**
   * Sends the INVITE at once, while the calls route creates the call: the far end rings without
   * waiting for the server (which may look the number up in Pipedrive first).
   */
  dial(number: string): void;
  /** Names the call `dial` started, once the server created it; what happened so far is reported then. */
  linkDial(callId: string): void;
  /** The server did not create the call: cancel the INVITE `dial` sent and let go of the microphone. */
  abandonDial(): void;
  /** Answers the INVITE behind a ringing call (false: this window has none); throws without a microphone. */
  answer(callId: string): Promise<boolean>;
  reject(callId: string): void;
  hangUp(callId: string): void;
  /** Ends this window's leg quietly: the call was answered elsewhere, stopped ringing or ended. */
  drop(callId: string): void;
}

export const NO_MICROPHONE = 'the microphone is not available (see the message above).';
