import { describe, expect, it } from 'vitest';
import type { CallOutcome } from '@/domain/call';
import { createStopReason } from './present-call';
import type { CallPorts } from './call-ports';

function storedWith(outcome: CallOutcome | undefined, answeredAt?: number) {
  const calls = { get: async () => ({ call: { outcome, timestamps: { createdAt: 1, ...(answeredAt === undefined ? {} : { answeredAt }) } } }) };
  return createStopReason({ calls } as unknown as Pick<CallPorts, 'calls'>);
}

describe('why a window stops ringing', () => {
  it('names a declined call rejected, as History does, not missed', async () => {
    expect(await storedWith('rejected')(1, 'c')).toBe('rejected');
    expect(await storedWith('no_answer')(1, 'c')).toBe('missed');
    expect(await storedWith('cancelled')(1, 'c')).toBe('caller_hung_up');
    expect(await storedWith(undefined, 5)(1, 'c')).toBe('answered_elsewhere');
  });
});
