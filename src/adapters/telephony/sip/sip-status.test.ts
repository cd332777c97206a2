import { describe, expect, it } from 'vitest';
import { applyAll, newCall } from '@/domain/call/testing/call-test-helpers';
import { toPipedriveCallOutcome } from '@/domain/call';
import { callEventsForProviderStatus } from '@/application/calls/provider-call-events';
import { sipFinalResponseStatus } from './sip-status';

describe('SIP final responses', () => {
  it.each([
    [486, 'busy', 'busy', 'busy'],
    [600, 'busy', 'busy', 'busy'],
    [480, 'no_answer', 'no_answer', 'no_answer'],
    [408, 'no_answer', 'no_answer', 'no_answer'],
    [487, 'canceled', 'cancelled', 'no_answer'],
    [404, 'wrong_number', 'wrong_number', 'wrong_number'],
    [484, 'wrong_number', 'wrong_number', 'wrong_number'],
    [604, 'wrong_number', 'wrong_number', 'wrong_number'],
    [603, 'declined', 'declined', 'no_answer'],
    [500, 'failed', 'failed', 'no_answer'],
    [403, 'failed', 'failed', 'no_answer'],
  ] as const)('%i -> %s, outcome %s, Pipedrive %s', (sipStatus, status, outcome, pipedrive) => {
    expect(sipFinalResponseStatus(sipStatus)).toBe(status);
    const ringing = applyAll(newCall('outbound'), [{ type: 'ring' }]);
    const ended = applyAll(ringing, callEventsForProviderStatus(status, ringing));
    expect(ended.outcome).toBe(outcome);
    expect(toPipedriveCallOutcome(ended)).toBe(pipedrive);
  });
});
