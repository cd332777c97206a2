import { describe, expect, it } from 'vitest';
import { answerCall } from './answer-call';
import { ACME, ADA, GRACE, KNOWN_NUMBER, TEST_SETTINGS, createCallsHarness, expectOk } from './testing/calls-test-harness';
import { hangUpCall } from './hang-up-call';
import { placeOutboundCall } from './place-outbound-call';
import { receiveInboundCall } from './receive-inbound-call';

async function connectedInbound() {
  const h = createCallsHarness();
  h.presence.connect(ADA).connect(GRACE);
  const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, providerCallId: 'prov-1', source: 'webhook' });
  expectOk(await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'ada-1', callId: call.id }));
  await h.clock.advance(65_000);
  return { h, callId: call.id };
}

describe('hangUpCall', () => {
  it('ends a conversation, tells the provider and says until when the wrap-up is awaited', async () => {
    const { h, callId } = await connectedInbound();
    const result = expectOk(await hangUpCall(h.deps, { companyId: ACME, userId: ADA.userId, callId }));
    expect(result.call).toMatchObject({ state: 'ended', outcome: 'completed', endedBy: 'agent', durationSeconds: 65 });
    expect(result.call.automaticLogDueAt).toBe(h.clock.now() + TEST_SETTINGS.wrapUpGracePeriodMs);
    expect(h.telephony.commands.at(-1)).toEqual({ type: 'hang_up', providerCallId: 'prov-1' });
  });

  it("refuses to hang up another agent's call", async () => {
    const { h, callId } = await connectedInbound();
    expect(await hangUpCall(h.deps, { companyId: ACME, userId: GRACE.userId, callId })).toEqual({
      ok: false,
      error: { code: 'CALL_NOT_YOURS', callId },
    });
  });

  it('has nothing to hang up once the call ended', async () => {
    const { h, callId } = await connectedInbound();
    await hangUpCall(h.deps, { companyId: ACME, userId: ADA.userId, callId });
    expect(await hangUpCall(h.deps, { companyId: ACME, userId: ADA.userId, callId })).toEqual({
      ok: false,
      error: { code: 'CALL_NOTHING_TO_HANG_UP', callId, state: 'ended' },
    });
  });

  it('cancels an outbound call still dialling', async () => {
    const h = createCallsHarness();
    const { call } = expectOk(
      await placeOutboundCall(h.deps, { companyId: ACME, agentUserId: ADA.userId, tabId: 't', number: KNOWN_NUMBER, source: 'dial_pad' }),
    );
    const result = expectOk(await hangUpCall(h.deps, { companyId: ACME, userId: ADA.userId, callId: call.id }));
    expect(result.call).toMatchObject({ state: 'ended', outcome: 'cancelled', isMissed: false });
  });

  it('declines a ringing inbound call', async () => {
    const h = createCallsHarness();
    h.presence.connect(ADA);
    const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, source: 'webhook' });
    const result = expectOk(await hangUpCall(h.deps, { companyId: ACME, userId: ADA.userId, callId: call.id }));
    expect(result.call).toMatchObject({ state: 'ended', outcome: 'rejected' });
  });
});
