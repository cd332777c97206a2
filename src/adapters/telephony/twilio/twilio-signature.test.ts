import { describe, expect, it } from 'vitest';
import { verifyTwilioSignature } from './twilio-signature';
import { AUTH_TOKEN, VOICE_URL, signedTwilioRequest, voiceParams } from './twilio-test-fixtures';
import { parseTwilioForm } from './twilio-voice-webhook.schema';

describe('verifyTwilioSignature', () => {
  const params = voiceParams();
  const request = signedTwilioRequest(params);

  it('accepts a request signed by Twilio for this URL and these params', () => {
    expect(verifyTwilioSignature({ authToken: AUTH_TOKEN, signature: request.signature, url: VOICE_URL, params: parseTwilioForm(request.rawBody) })).toEqual({ ok: true });
  });

  it.each([
    ['another auth token', { authToken: 'x'.repeat(32) }],
    ['another URL', { url: `${VOICE_URL}?companyId=2` }],
    ['a changed parameter', { params: { ...params, From: '+14155550199' } }],
    ['an added parameter', { params: { ...params, Digits: '1' } }],
    ['a forged signature', { signature: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' }],
  ])('refuses %s', (_what, change) => {
    const result = verifyTwilioSignature({ authToken: AUTH_TOKEN, signature: request.signature, url: VOICE_URL, params, ...change });
    expect(result).toEqual({ ok: false, error: { code: 'TWILIO_SIGNATURE_MISMATCH' } });
  });

  it.each([undefined, '', ['a', 'b']])('refuses a missing signature (%j)', (signature) => {
    expect(verifyTwilioSignature({ authToken: AUTH_TOKEN, signature, url: VOICE_URL, params })).toEqual({
      ok: false,
      error: { code: 'TWILIO_SIGNATURE_MISSING' },
    });
  });
});
