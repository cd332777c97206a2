import { describe, expect, it } from 'vitest';
import { answerCall } from './answer-call';
import { ACME, ADA, GRACE, KNOWN_NUMBER, createCallsHarness, expectOk, type CallsHarness } from './testing/calls-test-harness';
import { hangUpCall } from './hang-up-call';
import { receiveInboundCall } from './receive-inbound-call';
import { rejectCall } from './reject-call';
import { resumeActiveCall } from './resume-active-call';

/** A new process on the same database: nothing survives but the stores. */
function restart(h: CallsHarness): CallsHarness {
  h.ringTimeouts.stop();
  return createCallsHarness({ calls: h.calls, outbox: h.outbox, clock: h.clock });
}

describe('resumeActiveCall', () => {
  it('gives a reconnecting window the call it was in, read back from the store after a restart', async () => {
    const h = createCallsHarness();
    h.presence.connect(ADA).connect(GRACE);
    const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, source: 'webhook' });
    expectOk(await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'a', callId: call.id }));
    await h.clock.advance(30_000);

    const after = restart(h);
    const resumed = await resumeActiveCall(after.deps, { companyId: ACME, userId: ADA.userId });
    expect(resumed).toMatchObject({
      kind: 'in_call',
      call: { id: call.id, state: 'connected', durationSeconds: 30, personId: 501, caller: { status: 'matched' } },
    });
    expect(await resumeActiveCall(after.deps, { companyId: ACME, userId: GRACE.userId })).toEqual({ kind: 'idle' });
  });

  it('rings again in a window that reconnects while a call rings for the agent, unless they declined it', async () => {
    const h = createCallsHarness();
    h.presence.connect(ADA).connect(GRACE);
    const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, source: 'webhook' });
    await rejectCall(h.deps, { companyId: ACME, userId: GRACE.userId, callId: call.id });
    expect(await resumeActiveCall(h.deps, { companyId: ACME, userId: ADA.userId })).toMatchObject({ kind: 'ringing', calls: [{ id: call.id }] });
    expect(await resumeActiveCall(h.deps, { companyId: ACME, userId: GRACE.userId })).toEqual({ kind: 'idle' });
  });

  it('brings back the wrap-up of a call that ended', async () => {
    const h = createCallsHarness();
    h.presence.connect(ADA);
    const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, source: 'webhook' });
    expectOk(await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'a', callId: call.id }));
    expectOk(await hangUpCall(h.deps, { companyId: ACME, userId: ADA.userId, callId: call.id }));
    expect(await resumeActiveCall(restart(h).deps, { companyId: ACME, userId: ADA.userId })).toMatchObject({
      kind: 'wrap_up',
      call: { id: call.id, state: 'ended' },
    });
  });
});
