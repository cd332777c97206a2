import { describe, expect, it } from 'vitest';
import type { UnitOfWork } from '@/application/ports/unit-of-work.port';
import { answerCall } from './answer-call';
import { ACME, ADA, GRACE, KNOWN_NUMBER, createCallsHarness, expectOk } from './testing/calls-test-harness';
import { hangUpCall } from './hang-up-call';
import { receiveInboundCall } from './receive-inbound-call';
import { submitWrapUp } from './submit-wrap-up';

describe('call events published after commit', () => {
  it('tells each transition of an answered call once, with its company, and the writes its wrap-up queued', async () => {
    const h = createCallsHarness();
    h.presence.connect(ADA);
    const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, source: 'webhook' });
    expectOk(await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'a', callId: call.id }));
    await h.clock.advance(30_000);
    expectOk(await hangUpCall(h.deps, { companyId: ACME, userId: ADA.userId, callId: call.id }));
    expectOk(await submitWrapUp(h.deps, { companyId: ACME, userId: ADA.userId, wrapUp: { callId: call.id, notes: 'Demo', action: { kind: 'hang_up' } } }));
    expect(h.events.typesFor(call.id)).toEqual(['call.ringing', 'call.answered', 'call.ended', 'call.wrapped_up', 'outbox.writes_queued']);
    expect(h.events.published.every((event) => event.companyId === ACME)).toBe(true);
    expect(h.events.published.find((event) => event.type === 'call.ended')).toMatchObject({ outcome: 'completed', durationSeconds: 30 });
    expect(h.events.published.at(-1)).toMatchObject({ type: 'outbox.writes_queued', count: 1 });
  });

  it('tells a call stored already missed (nobody online) as ended and missed', async () => {
    const h = createCallsHarness();
    const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, source: 'webhook' });
    expect(h.events.typesFor(call.id)).toEqual(['call.ended', 'call.missed']);
  });

  it('tells nothing for a refused change, nor for a change that leaves the state as it was', async () => {
    const h = createCallsHarness();
    h.presence.connect(ADA).connect(GRACE);
    const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, source: 'webhook' });
    expectOk(await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'a', callId: call.id }));
    const before = h.events.published.length;
    const refused = await answerCall(h.deps, { companyId: ACME, userId: GRACE.userId, tabId: 'g', callId: call.id });
    expect(refused.ok).toBe(false);
    expect(h.events.published.length).toBe(before);
  });

  it('tells nothing when the unit of work fails', async () => {
    const h = createCallsHarness();
    h.presence.connect(ADA);
    const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, source: 'webhook' });
    expectOk(await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'a', callId: call.id }));
    expectOk(await hangUpCall(h.deps, { companyId: ACME, userId: ADA.userId, callId: call.id }));
    const failing: UnitOfWork = { commitCallChanges: () => Promise.reject(new Error('database gone')) };
    const before = h.events.published.length;
    await expect(
      submitWrapUp({ ...h.deps, unitOfWork: failing }, { companyId: ACME, userId: ADA.userId, wrapUp: { callId: call.id, notes: '', action: { kind: 'hang_up' } } }),
    ).rejects.toThrow('database gone');
    expect(h.events.published.length).toBe(before);
  });
});
