import twilio from 'twilio';

/**
 * The Twilio Client identity of an agent: the browser Voice SDK of that agent registers with it,
 * and `<Dial><Client>` rings it. Company and user ids keep identities unique across companies.
 */
export function twilioClientIdentity(companyId: number, userId: number): string {
  return `pd-${companyId}-${userId}`;
}

export const NOBODY_AVAILABLE_MESSAGE = 'Sorry, nobody is available to take your call. Please try again later.';

/**
 * Rings the agents' browsers at once; the first to pick up gets the caller. `timeout` is the ring
 * timeout in seconds; `action`, when given, is requested when the dial ends.
 */
export function dialAgentsTwiml(options: {
  readonly identities: readonly string[];
  readonly timeoutSeconds: number;
  readonly callerId?: string;
  readonly action?: string;
}): string {
  const response = new twilio.twiml.VoiceResponse();
  const dial = response.dial({
    timeout: options.timeoutSeconds,
    ...(options.callerId === undefined ? {} : { callerId: options.callerId }),
    ...(options.action === undefined ? {} : { action: options.action }),
  });
  for (const identity of options.identities) dial.client(identity);
  return response.toString();
}

/** Tells the caller nobody can answer, then hangs up. */
export function nobodyAvailableTwiml(message: string = NOBODY_AVAILABLE_MESSAGE): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say(message);
  response.hangup();
  return response.toString();
}

/** An empty answer, for status callbacks. */
export function emptyTwiml(): string {
  return new twilio.twiml.VoiceResponse().toString();
}
