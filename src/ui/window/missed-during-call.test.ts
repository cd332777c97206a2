import { describe, expect, it } from 'vitest';
import { missedDuringCallCount, missedDuringCallText, NOT_ON_CALL, trackMissedDuringCall } from './missed-during-call';

function run(steps: [onCall: boolean, unseen: number | null][]) {
  let tracked = NOT_ON_CALL;
  let count = 0;
  for (const [onCall, unseen] of steps) {
    tracked = trackMissedDuringCall(tracked, onCall, unseen);
    count = missedDuringCallCount(tracked, unseen);
  }
  return count;
}

describe('calls missed during a call', () => {
  it('counts the misses since the call began, not the older unseen ones', () => {
    expect(run([[false, 2], [true, 2], [true, 3]])).toBe(1);
    expect(run([[true, 2], [true, 4]])).toBe(2);
  });

  it('forgets them once the call is over, and starts again on the next call', () => {
    expect(run([[true, 0], [true, 1], [false, 1]])).toBe(0);
    expect(run([[true, 0], [true, 1], [false, 1], [true, 1]])).toBe(0);
  });

  it('waits for the server\'s count before taking a baseline (a reload mid-call)', () => {
    expect(run([[true, null], [true, 3]])).toBe(0);
    expect(run([[true, null], [true, 3], [true, 4]])).toBe(1);
  });

  it('says it in words', () => {
    expect(missedDuringCallText(0)).toBeNull();
    expect(missedDuringCallText(1)).toBe('Another call was missed during this call: see Missed calls after it.');
    expect(missedDuringCallText(3)).toBe('3 other calls were missed during this call: see Missed calls after it.');
  });
});
