import { describe, expect, it } from 'vitest';
import { answerCall } from './answer-call';
import { placeOutboundCall } from './place-outbound-call';
import { ACME, ADA, GLOBEX, GRACE, HANK, KNOWN_NUMBER, TEST_SETTINGS, createCallsHarness, expectOk } from './testing/calls-test-harness';
import { receiveInboundCall } from './receive-inbound-call';

async function ringingCall(providerCallId?: string) {
  const h = createCallsHarness();
  h.presence.connect(ADA, 2).connect(GRACE, 2).connect(HANK);
  const received = await receiveInboundCall(h.deps, {
    companyId: ACME,
    from: KNOWN_NUMBER,
    source: 'webhook',
    ...(providerCallId === undefined ? {} : { providerCallId }),
  });
  return { h, callId: received.call.id };
}

const tab = (agent: typeof ADA, tabId: string) => ({ ...agent, tabId });

describe('answerCall', () => {
  it('connects the call to the first agent to answer and stops ringing everywhere else', async () => {
    const { h, callId } = await ringingCall('prov-7');
    const result = await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'ada-1', callId });
    expect(expectOk(result).call).toMatchObject({ state: 'connected', agentUserId: ADA.userId, agentTabId: 'ada-1' });
    expect(h.notifier.ringingIn(tab(ADA, 'ada-1'))).toEqual([callId]);
    expect(h.notifier.ringingIn(tab(ADA, 'ada-2'))).toEqual([]);
    expect(h.notifier.ringingIn(tab(GRACE, 'grace-1'))).toEqual([]);
    expect(h.notifier.ringingIn(tab(GRACE, 'grace-2'))).toEqual([]);
    expect(h.telephony.commands).toEqual([{ type: 'answer', providerCallId: 'prov-7', userId: ADA.userId }]);
  });

  it('lets exactly one of two agents answering at the same moment win', async () => {
    const { h, callId } = await ringingCall();
    const [ada, grace] = await Promise.all([
      answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'ada-1', callId }),
      answerCall(h.deps, { companyId: ACME, userId: GRACE.userId, tabId: 'grace-1', callId }),
    ]);
    expect(ada.ok).toBe(true);
    expect(grace).toEqual({ ok: false, error: { code: 'ROUTING_CALL_ALREADY_CLAIMED', claimedByUserId: ADA.userId } });
    expect((await h.calls.get(ACME, callId))?.call).toMatchObject({ state: 'connected', agentUserId: ADA.userId });
  });

  it("refuses an answer racing the agent's own dial: exactly one of the two gets the agent", async () => {
    const { h, callId } = await ringingCall();
    const [dialled, answered] = await Promise.all([
      placeOutboundCall(h.deps, { companyId: ACME, agentUserId: ADA.userId, tabId: 'ada-1', number: '+14155550199', source: 'dial_pad' }),
      answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'ada-1', callId }),
    ]);
    expect([dialled.ok, answered.ok].filter(Boolean)).toHaveLength(1);
    const loser = dialled.ok ? answered : dialled;
    expect(loser).toMatchObject({ ok: false, error: { code: 'CALL_AGENT_BUSY' } });
    const held = (await h.calls.listActiveCalls(ACME)).filter((s) => s.call.agentUserId === ADA.userId && s.call.state !== 'ringing');
    expect(held).toHaveLength(1);
  });

  it("lets exactly one of an agent's two tabs win", async () => {
    const { h, callId } = await ringingCall();
    const [first, second] = await Promise.all([
      answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'ada-2', callId }),
      answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'ada-1', callId }),
    ]);
    expect(first).toMatchObject({ ok: true, call: { agentTabId: 'ada-2' } });
    expect(second).toMatchObject({ ok: false, error: { code: 'ROUTING_CALL_ALREADY_CLAIMED' } });
    expect(h.notifier.ringingIn(tab(ADA, 'ada-1'))).toEqual([]);
  });

  it('accepts a repeated answer from the winning tab without new pushes', async () => {
    const { h, callId } = await ringingCall();
    await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'ada-1', callId });
    const pushes = h.notifier.messages.length;
    expect((await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'ada-1', callId })).ok).toBe(true);
    expect(h.notifier.messages).toHaveLength(pushes);
  });

  it('keeps the answered call connected past the ring timeout', async () => {
    const { h, callId } = await ringingCall();
    await answerCall(h.deps, { companyId: ACME, userId: GRACE.userId, tabId: 'grace-1', callId });
    await h.clock.advance(TEST_SETTINGS.ringTimeoutMs * 2);
    expect((await h.calls.get(ACME, callId))?.call.state).toBe('connected');
  });

  it('refuses a call that stopped ringing', async () => {
    const { h, callId } = await ringingCall();
    await h.clock.advance(TEST_SETTINGS.ringTimeoutMs);
    const result = await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'ada-1', callId });
    expect(result).toEqual({ ok: false, error: { code: 'CALL_NOT_RINGING', callId, state: 'ended' } });
  });

  it('does not let an agent of another company see or take the call', async () => {
    const { h, callId } = await ringingCall();
    const result = await answerCall(h.deps, { companyId: GLOBEX, userId: HANK.userId, tabId: 'hank-1', callId });
    expect(result).toEqual({ ok: false, error: { code: 'CALL_NOT_FOUND', callId } });
  });

  it('refuses an agent the call was not routed to', async () => {
    const h = createCallsHarness();
    h.presence.connect(ADA).connect(GRACE);
    const received = await receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, agent: 'Ada Lovelace', source: 'webhook' });
    const result = await answerCall(h.deps, { companyId: ACME, userId: GRACE.userId, tabId: 'g', callId: received.call.id });
    expect(result).toEqual({ ok: false, error: { code: 'ROUTING_NOT_RINGING_FOR_AGENT', userId: GRACE.userId } });
  });
});
