import { describe, expect, it } from 'vitest';
import { FakeTelephonyProvider } from '@/application/ports/testing';
import { answerCall } from './answer-call';
import { ACME, ADA, GRACE, HANK, KNOWN_NUMBER, createCallsHarness, expectOk } from './testing/calls-test-harness';
import { placeOutboundCall } from './place-outbound-call';
import { receiveReportedInboundCall } from './receive-reported-inbound-call';
import { reportCallEvent } from './report-call-event';

const SIP_ID = 'sip:a84b4c76e66710@pbx';

/** A SIP call reaching Ada's and Grace's windows (a ring group). */
async function ringGroupCall() {
  const h = createCallsHarness();
  h.presence.connect(ADA).connect(GRACE).connect(HANK);
  const report = { companyId: ACME, providerCallId: SIP_ID, from: KNOWN_NUMBER, to: '+14155550100' };
  const first = expectOk(await receiveReportedInboundCall(h.deps, { ...report, userId: ADA.userId }));
  const second = expectOk(await receiveReportedInboundCall(h.deps, { ...report, userId: GRACE.userId }));
  return { h, callId: first.callId, first, second };
}

const ended = { kind: 'status', status: 'remote_ended' } as const;

describe('receiveReportedInboundCall', () => {
  it('makes one call of a ring group: the first report creates it, later ones add their agent', async () => {
    const { h, callId, first, second } = await ringGroupCall();
    expect(first.kind).toBe('created');
    expect(second).toEqual({ ok: true, callId, kind: 'joined' });
    expect((await h.calls.get(ACME, callId))?.ringing?.ringingUserIds).toEqual([ADA.userId, GRACE.userId]);
    expect(h.notifier.messages.filter((message) => message.type === "ring").map((message) => message.type === "ring" && message.userIds)).toEqual([[ADA.userId], [GRACE.userId]]);
    expect(h.heartbeats.lastHeardAt(callId)).toBeDefined();
  });

  it('does not ring an agent who is on another call, and refuses a call of another company', async () => {
    const { h, callId } = await ringGroupCall();
    expectOk(await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'ada-1', callId }));
    const other = await receiveReportedInboundCall(h.deps, { companyId: 2, userId: HANK.userId, providerCallId: SIP_ID, from: KNOWN_NUMBER, to: '' });
    expect(other).toEqual({ ok: false, error: { code: 'NOT_YOUR_CALL', callId } });
  });
});

describe('reportCallEvent', () => {
  it('first answer wins with several agents ringing; the loser’s cancelled branch never ends the call', async () => {
    const { h, callId } = await ringGroupCall();
    const [ada, grace] = await Promise.all([
      answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'ada-1', callId }),
      answerCall(h.deps, { companyId: ACME, userId: GRACE.userId, tabId: 'grace-1', callId }),
    ]);
    expect([ada.ok, grace.ok].filter(Boolean)).toHaveLength(1);
    const loser = ada.ok ? GRACE : ADA;
    const cancelled = await reportCallEvent(h.deps, { companyId: ACME, userId: loser.userId, callId, event: ended });
    expect(cancelled).toEqual({ ok: false, error: { code: 'NOT_YOUR_CALL', callId } });
    expect((await h.calls.get(ACME, callId))?.call.state).toBe('connected');
  });

  it('a ringing branch ending before the answer only stops that agent ringing', async () => {
    const { h, callId } = await ringGroupCall();
    const graceBranch = expectOk(await reportCallEvent(h.deps, { companyId: ACME, userId: GRACE.userId, callId, event: ended }));
    expect(graceBranch.call.state).toBe('ringing');
    expectOk(await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'ada-1', callId }));
    expect((await h.calls.get(ACME, callId))?.call).toMatchObject({ state: 'connected', agentUserId: ADA.userId });
  });

  it('ends the call as cancelled, missed by everyone it rang, once every branch ended (the caller hung up)', async () => {
    const { h, callId } = await ringGroupCall();
    await reportCallEvent(h.deps, { companyId: ACME, userId: ADA.userId, callId, event: ended });
    const last = expectOk(await reportCallEvent(h.deps, { companyId: ACME, userId: GRACE.userId, callId, event: ended }));
    expect(last.call).toMatchObject({ state: 'ended', outcome: 'cancelled' });
    expect((await h.calls.get(ACME, callId))?.missedBy).toEqual({ scope: 'agents', userIds: [ADA.userId, GRACE.userId] });
    expect(h.heartbeats.lastHeardAt(callId)).toBeUndefined();
  });

  it('answers NOT_YOUR_CALL to agents the call neither belongs to nor rings', async () => {
    const h = createCallsHarness();
    const placed = expectOk(await placeOutboundCall(h.deps, { companyId: ACME, agentUserId: ADA.userId, tabId: 'ada-1', number: KNOWN_NUMBER, source: 'dial_pad' }));
    const callId = placed.call.id;
    for (const event of [{ kind: 'alive' } as const, ended]) {
      expect(await reportCallEvent(h.deps, { companyId: ACME, userId: GRACE.userId, callId, event })).toEqual({ ok: false, error: { code: 'NOT_YOUR_CALL', callId } });
    }
    expect(await reportCallEvent(h.deps, { companyId: 2, userId: HANK.userId, callId, event: ended })).toEqual({ ok: false, error: { code: 'CALL_NOT_FOUND', callId } });
  });

  it("applies the holder's reports like provider updates and learns the final provider id", async () => {
    // A provider that only knows its final id once the window reports it (as SIP does).
    const pendingIds = new FakeTelephonyProvider();
    pendingIds.placeCall = async (request) => ({ providerCallId: `sip-pending:${request.callId}` });
    const h = createCallsHarness({ telephony: pendingIds });
    const placed = expectOk(await placeOutboundCall(h.deps, { companyId: ACME, agentUserId: ADA.userId, tabId: 'ada-1', number: KNOWN_NUMBER, source: 'dial_pad' }));
    const callId = placed.call.id;
    const report = (event: Parameters<typeof reportCallEvent>[1]['event']) => reportCallEvent(h.deps, { companyId: ACME, userId: ADA.userId, callId, event });
    expectOk(await report({ kind: 'status', status: 'answered', providerCallId: 'sip:out-1' }));
    expect((await h.calls.get(ACME, callId))?.call).toMatchObject({ state: 'connected', providerCallId: 'sip:out-1' });
    await h.clock.advance(5_000);
    expectOk(await report({ kind: 'alive' }));
    expect(h.heartbeats.lastHeardAt(callId)).toBe(h.clock.now());
    expect(expectOk(await report(ended)).call).toMatchObject({ state: 'ended', outcome: 'completed' });
  });
});
