import { describe, expect, it } from 'vitest';
import { companyLabel, describeCallProgress } from './inbound-call-status';

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
