import { describe, expect, it } from 'vitest';
import { answerCall } from './answer-call';
import { applyProviderCallUpdate } from './apply-provider-call-update';
import { ACME, ADA, GRACE, KNOWN_NUMBER, createCallsHarness, expectOk } from './testing/calls-test-harness';
import { receiveInboundCall } from './receive-inbound-call';

async function inboundCall() {
  const h = createCallsHarness();
  h.presence.connect(ADA).connect(GRACE);
  const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, providerCallId: 'CA1', source: 'twilio' });
  return { h, callId: call.id };
}

describe('applyProviderCallUpdate', () => {
  it('ends a ringing call the caller gave up on as missed for everyone it rang', async () => {
    const { h, callId } = await inboundCall();
    const result = await applyProviderCallUpdate(h.deps, { providerCallId: 'CA1', status: 'remote_ended' });
    expect(result).toMatchObject({ ok: true, kind: 'applied', call: { id: callId, state: 'ended', outcome: 'cancelled', isMissed: true } });
    expect(h.notifier.ringingIn({ ...ADA, tabId: 'a' })).toEqual([]);
    expect(h.notifier.lastMissedCount(ACME, ADA.userId)).toBe(1);
    expect(h.notifier.lastMissedCount(ACME, GRACE.userId)).toBe(1);
  });

  it('ends a conversation the caller hung up, and ignores the repeated report', async () => {
    const { h, callId } = await inboundCall();
    expectOk(await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'a', callId }));
    const ended = await applyProviderCallUpdate(h.deps, { providerCallId: 'CA1', status: 'remote_ended' });
    expect(ended).toMatchObject({ ok: true, kind: 'applied', call: { state: 'ended', outcome: 'completed', endedBy: 'remote', isMissed: false } });
    expect(h.notifier.lastMissedCount(ACME, ADA.userId)).toBeUndefined();
    const repeated = await applyProviderCallUpdate(h.deps, { providerCallId: 'CA1', status: 'remote_ended' });
    expect(repeated).toMatchObject({ ok: true, kind: 'ignored', call: { state: 'ended' } });
  });

  it('does not let the provider pick who answers an inbound call', async () => {
    const { h } = await inboundCall();
    const result = await applyProviderCallUpdate(h.deps, { providerCallId: 'CA1', status: 'answered' });
    expect(result).toMatchObject({ ok: true, kind: 'ignored', call: { state: 'ringing' } });
  });

  it('answers CALL_NOT_FOUND for an unknown call', async () => {
    const { h } = await inboundCall();
    expect(await applyProviderCallUpdate(h.deps, { providerCallId: 'CA-unknown', status: 'busy' })).toEqual({
      ok: false,
      error: { code: 'CALL_NOT_FOUND', callId: 'CA-unknown' },
    });
  });
});
