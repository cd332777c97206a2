import { describe, expect, it } from 'vitest';
import { applyAll, callIn, newCall } from '@/domain/call/testing/call-test-helpers';
import { isMissedCall, toPipedriveCallOutcome } from './call-outcome';
import type { CallDirection, CallEvent } from './call.types';

function endedVia(direction: CallDirection, events: CallEvent[]) {
  return applyAll(newCall(direction), events);
}

describe('toPipedriveCallOutcome', () => {
  it.each([
    ['inbound', [{ type: 'ring' }, { type: 'answer' }, { type: 'remote_hang_up' }], 'connected'],
    ['outbound', [{ type: 'ring' }, { type: 'answer' }, { type: 'local_hang_up' }], 'connected'],
    ['outbound', [{ type: 'ring' }, { type: 'answer' }, { type: 'fail' }], 'connected'],
    ['inbound', [{ type: 'ring' }, { type: 'no_answer' }], 'no_answer'],
    ['inbound', [{ type: 'no_answer' }], 'no_answer'],
    ['inbound', [{ type: 'ring' }, { type: 'reject' }], 'busy'],
    ['inbound', [{ type: 'busy' }], 'busy'],
    ['outbound', [{ type: 'ring' }, { type: 'busy' }], 'busy'],
    ['outbound', [{ type: 'ring' }, { type: 'cancel' }], 'no_answer'],
    ['inbound', [{ type: 'ring' }, { type: 'cancel' }], 'no_answer'],
    ['outbound', [{ type: 'fail' }], 'no_answer'],
    ['outbound', [{ type: 'ring' }, { type: 'wrong_number' }], 'wrong_number'],
    ['outbound', [{ type: 'wrong_number' }], 'wrong_number'],
    ['outbound', [{ type: 'ring' }, { type: 'decline' }], 'no_answer'],
  ] as Array<[CallDirection, CallEvent[], string]>)('%s %j -> %s', (direction, events, expected) => {
    expect(toPipedriveCallOutcome(endedVia(direction, events))).toBe(expected);
  });

  it('keeps the outcome after wrap-up', () => {
    expect(toPipedriveCallOutcome(callIn('wrapped_up', 'inbound'))).toBe('connected');
  });

  it('has no outcome for a call still going', () => {
    expect(toPipedriveCallOutcome(callIn('connected', 'inbound'))).toBeUndefined();
  });
});

describe('isMissedCall', () => {
  it.each([
    ['inbound', [{ type: 'ring' }, { type: 'no_answer' }], true],
    ['inbound', [{ type: 'ring' }, { type: 'reject' }, { type: 'wrap_up' }], true],
    ['inbound', [{ type: 'busy' }], true],
    ['inbound', [{ type: 'ring' }, { type: 'answer' }, { type: 'remote_hang_up' }], false],
    ['outbound', [{ type: 'ring' }, { type: 'no_answer' }], false],
    ['inbound', [{ type: 'ring' }], false],
  ] as Array<[CallDirection, CallEvent[], boolean]>)('%s %j -> %s', (direction, events, expected) => {
    expect(isMissedCall(endedVia(direction, events))).toBe(expected);
  });
});
