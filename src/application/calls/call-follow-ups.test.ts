import { describe, expect, it } from 'vitest';
import { writeIdempotencyKey } from '@/domain/wrap-up';
import { createCallEventBus } from '@/application/events/call-event-bus';
import { answerCall } from './answer-call';
import { subscribeCallFollowUps } from './call-follow-ups';
import { ACME, ADA, UNKNOWN_NUMBER, createCallsHarness, expectOk } from './testing/calls-test-harness';
import { hangUpCall } from './hang-up-call';
import { receiveInboundCall } from './receive-inbound-call';
import { submitWrapUp } from './submit-wrap-up';

/** The harness's use cases publishing to a real bus with the follow-ups subscribed. */
function followedHarness() {
  const h = createCallsHarness();
  const bus = createCallEventBus(h.logger);
  const jobs = { logSoon: 0, wakes: 0 };
  const deps = { ...h.deps, events: bus };
  const unsubscribe = subscribeCallFollowUps(bus, deps, {
    logEndedCallsSoon: () => (jobs.logSoon += 1),
    wakeOutbox: () => (jobs.wakes += 1),
  });
  return { h, bus, deps, jobs, unsubscribe };
}

describe('subscribeCallFollowUps', () => {
  it('asks for the automatic log when a call ends, and wakes the outbox when a wrap-up queued writes', async () => {
    const { h, bus, deps, jobs } = followedHarness();
    h.presence.connect(ADA);
    const { call } = await receiveInboundCall(deps, { companyId: ACME, from: UNKNOWN_NUMBER, source: 'webhook' });
    expectOk(await answerCall(deps, { companyId: ACME, userId: ADA.userId, tabId: 'a', callId: call.id }));
    await bus.settled();
    expect(jobs).toEqual({ logSoon: 0, wakes: 0 });
    expectOk(await hangUpCall(deps, { companyId: ACME, userId: ADA.userId, callId: call.id }));
    await bus.settled();
    expect(jobs).toEqual({ logSoon: 1, wakes: 0 });
    expectOk(await submitWrapUp(deps, { companyId: ACME, userId: ADA.userId, wrapUp: { callId: call.id, notes: '', action: { kind: 'hang_up' } } }));
    await bus.settled();
    expect(jobs).toEqual({ logSoon: 1, wakes: 1 });
  });

  it('links the call to the person its wrap-up created, then tells the agent with the linked call', async () => {
    const { h, bus, deps } = followedHarness();
    h.presence.connect(ADA);
    const { call } = await receiveInboundCall(deps, { companyId: ACME, from: UNKNOWN_NUMBER, source: 'webhook' });
    expectOk(await answerCall(deps, { companyId: ACME, userId: ADA.userId, tabId: 'a', callId: call.id }));
    expectOk(await hangUpCall(deps, { companyId: ACME, userId: ADA.userId, callId: call.id }));
    expectOk(await submitWrapUp(deps, { companyId: ACME, userId: ADA.userId, wrapUp: { callId: call.id, notes: '', action: { kind: 'create_contact', name: 'Carla Diaz' } } }));
    await bus.settled();
    const pushesBefore = h.notifier.messages.length;
    bus.publish([{ type: 'wrap_up.write_settled', companyId: ACME, callId: call.id, idempotencyKey: writeIdempotencyKey(call.id, 'person'), resultId: 987 }]);
    await bus.settled();
    expect((await h.calls.get(ACME, call.id))?.call.personId).toBe(987);
    const pushed = h.notifier.messages.slice(pushesBefore);
    expect(pushed).toEqual([expect.objectContaining({ type: 'call_updated', userIds: [ADA.userId], call: expect.objectContaining({ id: call.id, personId: 987 }) })]);
  });

  it('follows nothing up once unsubscribed', async () => {
    const { h, bus, deps, jobs, unsubscribe } = followedHarness();
    unsubscribe();
    await receiveInboundCall(deps, { companyId: ACME, from: UNKNOWN_NUMBER, source: 'webhook' });
    await bus.settled();
    expect(jobs).toEqual({ logSoon: 0, wakes: 0 });
    expect(h.notifier.messages.filter((message) => message.type === 'call_updated')).toEqual([]);
  });
});
