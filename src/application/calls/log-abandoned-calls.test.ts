import { describe, expect, it } from 'vitest';
import { answerCall } from './answer-call';
import { ACME, ADA, KNOWN_NUMBER, TEST_SETTINGS, createCallsHarness, expectOk } from './testing/calls-test-harness';
import { hangUpCall } from './hang-up-call';
import { logAbandonedCalls } from './log-abandoned-calls';
import { receiveInboundCall } from './receive-inbound-call';
import { submitWrapUp } from './submit-wrap-up';

describe('logAbandonedCalls', () => {
  it('logs a missed call at once, with a call-back activity when the company wants one', async () => {
    const h = createCallsHarness();
    h.settings.set(ACME, { createCallbackForMissedCalls: true });
    const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, source: 'webhook' });
    expect(await logAbandonedCalls(h.deps)).toEqual({ logged: [call.id], nextDueAt: undefined });
    const entries = await h.outbox.listForCall(call.id);
    expect(entries.map((e) => e.write.purpose)).toEqual(['call_log', 'callback_activity']);
    expect(entries[0]).toMatchObject({ actingUserId: null, write: { payload: { outcome: 'no_answer', person_id: 501, subject: 'Missed call from Ada Customer' } } });
  });

  it('waits out the grace period of a handled call, then logs it once', async () => {
    const h = createCallsHarness();
    h.presence.connect(ADA);
    const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, source: 'webhook' });
    expectOk(await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'a', callId: call.id }));
    expectOk(await hangUpCall(h.deps, { companyId: ACME, userId: ADA.userId, callId: call.id }));
    const dueAt = h.clock.now() + TEST_SETTINGS.wrapUpGracePeriodMs;
    expect(await logAbandonedCalls(h.deps)).toEqual({ logged: [], nextDueAt: dueAt });
    await h.clock.advance(TEST_SETTINGS.wrapUpGracePeriodMs);
    expect((await logAbandonedCalls(h.deps)).logged).toEqual([call.id]);
    expect((await logAbandonedCalls(h.deps)).logged).toEqual([]);
    expect(await h.outbox.listForCall(call.id)).toHaveLength(1);
  });

  it('leaves a call the agent wrapped up in time alone', async () => {
    const h = createCallsHarness();
    h.presence.connect(ADA);
    const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, source: 'webhook' });
    expectOk(await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'a', callId: call.id }));
    expectOk(await hangUpCall(h.deps, { companyId: ACME, userId: ADA.userId, callId: call.id }));
    expectOk(await submitWrapUp(h.deps, { companyId: ACME, userId: ADA.userId, wrapUp: { callId: call.id, notes: '', action: { kind: 'hang_up' } } }));
    await h.clock.advance(TEST_SETTINGS.wrapUpGracePeriodMs);
    expect((await logAbandonedCalls(h.deps)).logged).toEqual([]);
    expect(await h.outbox.listForCall(call.id)).toHaveLength(1);
  });
});
