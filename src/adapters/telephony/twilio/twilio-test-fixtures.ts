import twilio from 'twilio';

/** A made-up account: the token signs test fixtures only. */
export const AUTH_TOKEN = '12345678901234567890123456789012';
export const ACCOUNT_SID = `AC${'a'.repeat(32)}`;
export const CALL_SID = `CA${'0123456789abcdef'.repeat(2)}`;
export const VOICE_URL = 'https://caller.example.test/api/telephony/twilio/voice';

export function voiceParams(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    AccountSid: ACCOUNT_SID,
    ApiVersion: '2010-04-01',
    CallSid: CALL_SID,
    CallStatus: 'ringing',
    Called: '+14155550100',
    Caller: '+14155550134',
    Direction: 'inbound',
    From: '+14155550134',
    FromCity: 'SAN FRANCISCO',
    To: '+14155550100',
    ...overrides,
  };
}

/** A request as Twilio sends it: form-encoded body, signed with the twilio package's own helper. */
export function signedTwilioRequest(params: Record<string, string>, url: string = VOICE_URL) {
  return {
    url,
    rawBody: new URLSearchParams(params).toString(),
    signature: twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, params),
  };
}
