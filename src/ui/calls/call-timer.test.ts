import { describe, expect, it } from 'vitest';
import { callStatusText, formatDuration, talkSeconds } from './call-timer';
import { callView, connected, ended } from './test-calls';

describe('formatDuration', () => {
  it('formats mm:ss, minutes past an hour included', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(9)).toBe('00:09');
    expect(formatDuration(65)).toBe('01:05');
    expect(formatDuration(3725)).toBe('62:05');
    expect(formatDuration(59.9)).toBe('00:59');
  });

  it('never shows negative or broken times', () => {
    expect(formatDuration(-5)).toBe('00:00');
    expect(formatDuration(Number.NaN)).toBe('00:00');
  });
});

describe('talkSeconds', () => {
  const call = connected(callView(), 1_000_000);

  it('runs from answeredAt while connected', () => {
    expect(talkSeconds(call, 1_000_000)).toBe(0);
    expect(talkSeconds(call, 1_083_999)).toBe(83);
  });

  it('is 0 before the answer and when the clock is behind the server', () => {
    expect(talkSeconds(callView(), 5_000_000)).toBe(0);
    expect(talkSeconds(call, 999_000)).toBe(0);
  });

  it("uses the server's total once ended, else endedAt - answeredAt", () => {
    expect(talkSeconds(ended(call, 'completed', 42), 9_999_999)).toBe(42);
    expect(talkSeconds({ ...ended(call, 'completed', 42), durationSeconds: 0 }, 9_999_999)).toBe(42);
  });
});

describe('callStatusText', () => {
  it('says what the call is doing', () => {
    expect(callStatusText(null)).toBe('Calling…');
    expect(callStatusText(callView({ direction: 'outbound' }))).toBe('Calling…');
    expect(callStatusText(callView())).toBe('Incoming call');
    expect(callStatusText(connected(callView()))).toBe('Connected');
    expect(callStatusText(ended(connected(callView())))).toBe('Call ended');
    expect(callStatusText(ended(callView({ direction: 'outbound' }), 'no_answer'))).toBe('Call ended · No answer');
  });

  it('names the SIP outcomes: busy, wrong number, declined', () => {
    const outbound = callView({ direction: 'outbound' });
    expect(callStatusText(ended(outbound, 'busy'))).toBe('Call ended · Busy');
    expect(callStatusText(ended(outbound, 'wrong_number'))).toBe('Call ended · Wrong number');
    expect(callStatusText(ended(outbound, 'declined'))).toBe('Call ended · Declined');
  });
});
