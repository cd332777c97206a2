import { describe, expect, it } from 'vitest';
import { answerCall } from './answer-call';
import { ACME, ADA, GRACE, KNOWN_NUMBER, TEST_SETTINGS, UNKNOWN_NUMBER, createCallsHarness, expectOk } from './testing/calls-test-harness';
import { getCallHistory } from './get-call-history';
import { hangUpCall } from './hang-up-call';
import { placeOutboundCall } from './place-outbound-call';
import { receiveInboundCall } from './receive-inbound-call';

describe('getCallHistory', () => {
  it("lists the agent's placed, answered and missed calls, newest first, page by page", async () => {
    const h = createCallsHarness();
    h.presence.connect(ADA).connect(GRACE);
    const answered = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, source: 'webhook' });
    expectOk(await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'a', callId: answered.call.id }));
    expectOk(await hangUpCall(h.deps, { companyId: ACME, userId: ADA.userId, callId: answered.call.id }));
    await h.clock.advance(1_000);
    const placed = expectOk(
      await placeOutboundCall(h.deps, { companyId: ACME, agentUserId: ADA.userId, tabId: 'a', number: UNKNOWN_NUMBER, source: 'dial_pad' }),
    );
    expectOk(await hangUpCall(h.deps, { companyId: ACME, userId: ADA.userId, callId: placed.call.id }));
    await h.clock.advance(1_000);
    const missed = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, agent: 'Ada Lovelace', source: 'webhook' });
    await h.clock.advance(TEST_SETTINGS.ringTimeoutMs);
    const gracesOwn = expectOk(
      await placeOutboundCall(h.deps, { companyId: ACME, agentUserId: GRACE.userId, tabId: 'g', number: UNKNOWN_NUMBER, source: 'dial_pad' }),
    );

    const page1 = await getCallHistory(h.deps, { companyId: ACME, userId: ADA.userId, limit: 2 });
    expect(page1.calls.map((c) => c.id)).toEqual([missed.call.id, placed.call.id]);
    expect(page1.nextBefore).not.toBeNull();
    const page2 = await getCallHistory(h.deps, { companyId: ACME, userId: ADA.userId, limit: 2, before: page1.nextBefore ?? 0 });
    expect(page2).toEqual({ calls: [expect.objectContaining({ id: answered.call.id, state: 'ended' })], nextBefore: null });
    const grace = await getCallHistory(h.deps, { companyId: ACME, userId: GRACE.userId });
    expect(grace.calls.map((c) => c.id)).toEqual([gracesOwn.call.id, answered.call.id]);
  });
});
