import { describe, expect, it } from 'vitest';
import { callIn } from '@/domain/call/testing/call-test-helpers';
import { automaticLogDueAt, decideAutomaticLog } from './grace-period';
import { MISSED_PATH, endedCall } from '@/domain/wrap-up/testing/wrap-up-test-helpers';

const GRACE = 120_000;

describe('automaticLogDueAt', () => {
  it('waits the grace period after an answered call ends', () => {
    const call = endedCall('inbound');
    expect(automaticLogDueAt(call, GRACE)).toBe((call.timestamps.endedAt ?? 0) + GRACE);
  });

  it('waits for the agent after an unanswered outbound call too', () => {
    const call = endedCall('outbound', MISSED_PATH);
    expect(automaticLogDueAt(call, GRACE)).toBe((call.timestamps.endedAt ?? 0) + GRACE);
  });

  it('does not wait for a missed inbound call, which nobody will wrap up', () => {
    const call = endedCall('inbound', MISSED_PATH);
    expect(automaticLogDueAt(call, GRACE)).toBe(call.timestamps.endedAt);
  });

  it('has no due time while the call is going', () => {
    expect(automaticLogDueAt(callIn('connected', 'inbound'), GRACE)).toBeUndefined();
  });
});

describe('decideAutomaticLog', () => {
  const call = endedCall('inbound');
  const endedAt = call.timestamps.endedAt ?? Number.NaN;

  it('waits until the grace period is over', () => {
    expect(decideAutomaticLog({ call, isCallLogged: false, gracePeriodMs: GRACE, now: endedAt + GRACE - 1 })).toEqual({
      kind: 'wait',
      until: endedAt + GRACE,
    });
  });

  it('logs once the grace period is over', () => {
    expect(decideAutomaticLog({ call, isCallLogged: false, gracePeriodMs: GRACE, now: endedAt + GRACE })).toEqual({
      kind: 'log_now',
    });
  });

  it('never logs a call twice', () => {
    expect(decideAutomaticLog({ call, isCallLogged: true, gracePeriodMs: GRACE, now: endedAt + GRACE * 10 })).toEqual({
      kind: 'already_logged',
    });
  });

  it('does nothing for a call still going', () => {
    const going = callIn('ringing', 'outbound');
    expect(decideAutomaticLog({ call: going, isCallLogged: false, gracePeriodMs: 0, now: endedAt })).toEqual({
      kind: 'not_ended',
    });
  });
});
