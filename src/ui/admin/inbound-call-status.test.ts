import { describe, expect, it } from 'vitest';
import type { InboundCallAck } from '@/contract/control-center';
import { companyLabel, describeCallProgress, describeInboundCallAck } from './inbound-call-status';

const NAMES = new Map([[20001, 'Alice Admin']]);

describe('the Control Center status line after "Ringing"', () => {
  it('stays on "Ringing" while the call rings, then says who answered', () => {
    expect(describeCallProgress({ state: 'ringing', outcome: null, agentUserId: null }, NAMES)).toBeNull();
    expect(describeCallProgress({ state: 'connected', outcome: null, agentUserId: 20001 }, NAMES)).toEqual({ tone: 'info', text: 'Answered by Alice Admin.' });
    expect(describeCallProgress({ state: 'ended', outcome: 'completed', agentUserId: 20001 }, NAMES)?.text).toBe('Call ended: Alice Admin answered it.');
    expect(describeCallProgress({ state: 'wrapped_up', outcome: 'rejected', agentUserId: 20001 }, NAMES)?.text).toBe('Rejected by Alice Admin.');
  });

  it('says a call was missed, and why', () => {
    expect(describeCallProgress({ state: 'ended', outcome: 'no_answer', agentUserId: null }, NAMES)?.text).toBe('Missed call: nobody answered.');
    expect(describeCallProgress({ state: 'ended', outcome: 'cancelled', agentUserId: null }, NAMES)?.text).toBe('The caller hung up before anyone answered.');
    expect(describeCallProgress({ state: 'ended', outcome: 'failed', agentUserId: null }, NAMES)).toEqual({ tone: 'error', text: 'The call failed.' });
  });

  it('names an agent who was not in the ringing list by id', () => {
    expect(describeCallProgress({ state: 'connected', outcome: null, agentUserId: 20009 }, NAMES)?.text).toBe('Answered by user 20009.');
  });

  it('labels a company by name when known', () => {
    expect(companyLabel({ id: 7351, name: 'Sandbox Trading Co' })).toBe('Sandbox Trading Co');
    expect(companyLabel({ id: 7351, name: null })).toBe('Company 7351');
  });
});

describe('the Control Center status line when the agent asked for did not ring', () => {
  const missed = (agentAccount: Extract<InboundCallAck, { ok: true }>['agentAccount']): InboundCallAck => ({
    ok: true, callId: 'c1', companyId: 7351, result: 'missed', ringing: [], reason: 'agent_not_found', agentAccount,
  });

  it('says the user has not installed the app instead of "agent not found"', () => {
    expect(describeInboundCallAck(missed({ kind: 'not_installed' }), ' dana@example.com ')?.text).toBe('Missed call: "dana@example.com" has not installed the app in this company.');
    expect(describeInboundCallAck(missed({ kind: 'uninstalled', name: 'Bob Builder' }), 'Bob')?.text).toBe('Missed call: Bob Builder uninstalled the app.');
    expect(describeInboundCallAck(missed({ kind: 'installed', name: 'Alice Admin' }), '20001')?.text).toBe('Missed call: Alice Admin installed the app but has no window of it open.');
    expect(describeInboundCallAck(missed({ kind: 'do_not_disturb', name: 'Alice Admin' }), '20001')?.text).toBe('Missed call: Alice Admin is on Do not disturb.');
    expect(describeInboundCallAck(missed(null))?.text).toBe('Missed call: agent not found.');
  });
});
