import { describe, expect, it } from 'vitest';
import { ACME, ADA, GRACE, createCallsHarness, expectOk } from '@/application/calls/testing/calls-test-harness';
import { answerCall } from '@/application/calls/answer-call';
import { applyProviderCallUpdate } from '@/application/calls/apply-provider-call-update';
import { receiveInboundCall } from '@/application/calls/receive-inbound-call';
import { createTwilioVoiceHandlers } from './twilio-voice-handlers';
import { AUTH_TOKEN, CALL_SID, VOICE_URL, signedTwilioRequest, voiceParams } from './twilio-test-fixtures';

function setup() {
  const h = createCallsHarness();
  const handlers = createTwilioVoiceHandlers({
    authToken: AUTH_TOKEN,
    resolveCompanyId: async (to) => (to === '+14155550100' ? ACME : undefined),
    ringTimeoutSeconds: 30,
    receiveInboundCall: (input) => receiveInboundCall(h.deps, input),
    applyProviderCallUpdate: (update) => applyProviderCallUpdate(h.deps, update),
  });
  return { h, handlers };
}

describe('Twilio voice webhooks', () => {
  it('answers an incoming call with a dial to the routed agents, and a retry with the same dial', async () => {
    const { h, handlers } = setup();
    h.presence.connect(ADA).connect(GRACE);
    const request = signedTwilioRequest(voiceParams());
    const response = await handlers.incomingCall(request);
    expect(response).toEqual({
      status: 200,
      contentType: 'text/xml',
      body: '<?xml version="1.0" encoding="UTF-8"?><Response><Dial timeout="30"><Client>pd-1-11</Client><Client>pd-1-12</Client></Dial></Response>',
    });
    expect((await h.calls.findByProviderCallId(CALL_SID))?.call).toMatchObject({ state: 'ringing', remoteNumber: '+14155550134' });
    expect(await handlers.incomingCall(request)).toEqual(response);
  });

  it('tells the caller nobody is available when no agent is online or the number is not ours', async () => {
    const { handlers } = setup();
    const nobody = await handlers.incomingCall(signedTwilioRequest(voiceParams()));
    expect(nobody.body).toContain('<Say>');
    const notOurs = await handlers.incomingCall(signedTwilioRequest(voiceParams({ To: '+18005550000', Called: '+18005550000' })));
    expect(notOurs.body).toContain('<Say>');
  });

  it('refuses an unsigned or tampered webhook with 403 and does nothing', async () => {
    const { h, handlers } = setup();
    h.presence.connect(ADA);
    const request = signedTwilioRequest(voiceParams());
    expect(await handlers.incomingCall({ ...request, signature: undefined })).toMatchObject({ status: 403 });
    const tampered = { ...request, rawBody: request.rawBody.replace('%2B14155550134', '%2B14155550199') };
    expect(await handlers.incomingCall(tampered)).toMatchObject({ status: 403, contentType: 'application/json' });
    expect(await h.calls.findByProviderCallId(CALL_SID)).toBeUndefined();
  });

  it('answers 400 to a signed webhook missing what we need', async () => {
    const { handlers } = setup();
    const { CallSid: _dropped, ...withoutSid } = voiceParams();
    expect(await handlers.incomingCall(signedTwilioRequest(withoutSid))).toMatchObject({ status: 400 });
  });

  it('applies status callbacks: the caller hanging up ends the conversation', async () => {
    const { h, handlers } = setup();
    h.presence.connect(ADA);
    await handlers.incomingCall(signedTwilioRequest(voiceParams()));
    const stored = await h.calls.findByProviderCallId(CALL_SID);
    expectOk(await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'a', callId: stored?.call.id ?? '' }));
    const statusUrl = `${VOICE_URL}/status?companyId=${ACME}&callId=${stored?.call.id}`;
    const response = await handlers.callStatus(signedTwilioRequest(voiceParams({ CallStatus: 'completed', CallDuration: '61' }), statusUrl));
    expect(response).toMatchObject({ status: 200, body: '<?xml version="1.0" encoding="UTF-8"?><Response/>' });
    expect((await h.calls.findByProviderCallId(CALL_SID))?.call).toMatchObject({ state: 'ended', endedBy: 'remote' });
  });
});
