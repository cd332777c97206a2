import { describe, expect, it } from 'vitest';
import { ACME, ADA, GRACE, KNOWN_NUMBER, SHARED_NUMBER, createCallsHarness, expectOk } from './testing/calls-test-harness';
import { logAbandonedCalls } from './log-abandoned-calls';
import { listMissedCalls } from './missed-calls';
import { receiveInboundCall } from './receive-inbound-call';
import { rejectCall } from './reject-call';

async function ringing() {
  const h = createCallsHarness();
  h.presence.connect(ADA, 2).connect(GRACE);
  const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, providerCallId: 'prov-9', source: 'webhook' });
  return { h, callId: call.id };
}

describe('rejectCall', () => {
  it('stops ringing in every tab of the agent who declined and keeps ringing for the others', async () => {
    const { h, callId } = await ringing();
    const result = expectOk(await rejectCall(h.deps, { companyId: ACME, userId: ADA.userId, callId }));
    expect(result).toMatchObject({ isRejected: false, call: { state: 'ringing' } });
    expect(h.notifier.ringingIn({ ...ADA, tabId: 'a' })).toEqual([]);
    expect(h.notifier.ringingIn({ ...GRACE, tabId: 'g' })).toEqual([callId]);
    expect(h.telephony.commands).toEqual([]);
  });

  it('rejects the call once every agent declined, without a badge for them', async () => {
    const { h, callId } = await ringing();
    await rejectCall(h.deps, { companyId: ACME, userId: ADA.userId, callId });
    const last = expectOk(await rejectCall(h.deps, { companyId: ACME, userId: GRACE.userId, callId }));
    expect(last).toMatchObject({ isRejected: true, call: { state: 'ended', outcome: 'rejected' } });
    expect(h.telephony.commands).toEqual([{ type: 'reject', providerCallId: 'prov-9' }]);
    expect(await listMissedCalls(h.deps, { companyId: ACME, userId: ADA.userId })).toMatchObject({ unseenCount: 0, calls: [] });
  });

  it('logs a rejected call with the person the agent had picked, named rejected', async () => {
    const h = createCallsHarness();
    h.presence.connect(ADA);
    const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: SHARED_NUMBER, source: 'webhook' });
    const rejected = expectOk(await rejectCall(h.deps, { companyId: ACME, userId: ADA.userId, callId: call.id, personId: 503 }));
    expect(rejected.call).toMatchObject({ outcome: 'rejected', personId: 503 });
    expect((await logAbandonedCalls(h.deps)).logged).toEqual([call.id]);
    const [log] = await h.outbox.listForCall(call.id);
    expect(log?.write.payload).toMatchObject({ person_id: 503, subject: 'Rejected call from Sally Shared', outcome: 'busy' });
  });

  it('refuses a second decline and a decline of a call that ended', async () => {
    const { h, callId } = await ringing();
    await rejectCall(h.deps, { companyId: ACME, userId: ADA.userId, callId });
    expect(await rejectCall(h.deps, { companyId: ACME, userId: ADA.userId, callId })).toMatchObject({
      ok: false,
      error: { code: 'ROUTING_NOT_RINGING_FOR_AGENT' },
    });
    await rejectCall(h.deps, { companyId: ACME, userId: GRACE.userId, callId });
    expect(await rejectCall(h.deps, { companyId: ACME, userId: GRACE.userId, callId })).toEqual({
      ok: false,
      error: { code: 'CALL_NOT_RINGING', callId, state: 'ended' },
    });
  });
});
