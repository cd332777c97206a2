import { describe, expect, it } from 'vitest';
import { callDurationSeconds } from './call-duration';

const answeredAt = 1_000_000;

describe('callDurationSeconds', () => {
  it('counts from answer to end, rounded to whole seconds', () => {
    expect(callDurationSeconds({ timestamps: { createdAt: 0, answeredAt, endedAt: answeredAt + 61_600 } })).toBe(62);
  });

  it('is 0 for a call never answered', () => {
    expect(callDurationSeconds({ timestamps: { createdAt: 0, ringingAt: 10, endedAt: 90_000 } })).toBe(0);
  });

  it('runs against `now` while the call is connected', () => {
    expect(callDurationSeconds({ timestamps: { createdAt: 0, answeredAt } }, answeredAt + 5_000)).toBe(5);
    expect(callDurationSeconds({ timestamps: { createdAt: 0, answeredAt } })).toBe(0);
  });

  it('ignores `now` once the call has ended', () => {
    const timestamps = { createdAt: 0, answeredAt, endedAt: answeredAt + 3_000 };
    expect(callDurationSeconds({ timestamps }, answeredAt + 99_000)).toBe(3);
  });

  it('never goes negative', () => {
    expect(callDurationSeconds({ timestamps: { createdAt: 0, answeredAt, endedAt: answeredAt - 2_000 } })).toBe(0);
  });
});
