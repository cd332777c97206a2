import { describe, expect, it } from 'vitest';
import { applyCallEvent } from './apply-call-event';
import { T0, applyAll, callIn, newCall } from '@/domain/call/testing/call-test-helpers';
import type { CallEvent, CallEventType, CallState } from './call.types';

/** "invalid", or the state reached, with the outcome after a slash when the call ends. */
type Expected = 'invalid' | 'ringing' | 'connected' | 'wrapped_up' | `ended/${string}`;

/** Every (state, event) pair, for [inbound, outbound]. */
const TRANSITION_TABLE: Record<CallState, Record<CallEventType, [Expected, Expected]>> = {
  idle: {
    ring: ['ringing', 'ringing'],
    answer: ['invalid', 'invalid'],
    reject: ['invalid', 'invalid'],
    cancel: ['ended/cancelled', 'ended/cancelled'],
    no_answer: ['ended/no_answer', 'ended/no_answer'],
    busy: ['ended/busy', 'ended/busy'],
    fail: ['ended/failed', 'ended/failed'],
    wrong_number: ['ended/wrong_number', 'ended/wrong_number'],
    decline: ['ended/declined', 'ended/declined'],
    remote_hang_up: ['invalid', 'invalid'],
    local_hang_up: ['invalid', 'invalid'],
    wrap_up: ['invalid', 'invalid'],
  },
  ringing: {
    ring: ['invalid', 'invalid'],
    answer: ['connected', 'connected'],
    reject: ['ended/rejected', 'invalid'],
    cancel: ['ended/cancelled', 'ended/cancelled'],
    no_answer: ['ended/no_answer', 'ended/no_answer'],
    busy: ['ended/busy', 'ended/busy'],
    fail: ['ended/failed', 'ended/failed'],
    wrong_number: ['ended/wrong_number', 'ended/wrong_number'],
    decline: ['ended/declined', 'ended/declined'],
    remote_hang_up: ['invalid', 'invalid'],
    local_hang_up: ['invalid', 'invalid'],
    wrap_up: ['invalid', 'invalid'],
  },
  connected: {
    ring: ['invalid', 'invalid'],
    answer: ['invalid', 'invalid'],
    reject: ['invalid', 'invalid'],
    cancel: ['invalid', 'invalid'],
    no_answer: ['invalid', 'invalid'],
    busy: ['invalid', 'invalid'],
    fail: ['ended/failed', 'ended/failed'],
    wrong_number: ['invalid', 'invalid'],
    decline: ['invalid', 'invalid'],
    remote_hang_up: ['ended/completed', 'ended/completed'],
    local_hang_up: ['ended/completed', 'ended/completed'],
    wrap_up: ['invalid', 'invalid'],
  },
  ended: {
    ring: ['invalid', 'invalid'],
    answer: ['invalid', 'invalid'],
    reject: ['invalid', 'invalid'],
    cancel: ['invalid', 'invalid'],
    no_answer: ['invalid', 'invalid'],
    busy: ['invalid', 'invalid'],
    fail: ['invalid', 'invalid'],
    wrong_number: ['invalid', 'invalid'],
    decline: ['invalid', 'invalid'],
    remote_hang_up: ['invalid', 'invalid'],
    local_hang_up: ['invalid', 'invalid'],
    wrap_up: ['wrapped_up', 'wrapped_up'],
  },
  wrapped_up: {
    ring: ['invalid', 'invalid'],
    answer: ['invalid', 'invalid'],
    reject: ['invalid', 'invalid'],
    cancel: ['invalid', 'invalid'],
    no_answer: ['invalid', 'invalid'],
    busy: ['invalid', 'invalid'],
    fail: ['invalid', 'invalid'],
    wrong_number: ['invalid', 'invalid'],
    decline: ['invalid', 'invalid'],
    remote_hang_up: ['invalid', 'invalid'],
    local_hang_up: ['invalid', 'invalid'],
    wrap_up: ['invalid', 'invalid'],
  },
};

const cases = Object.entries(TRANSITION_TABLE).flatMap(([state, row]) =>
  Object.entries(row).flatMap(([event, [inbound, outbound]]) => [
    { state: state as CallState, event: event as CallEventType, direction: 'inbound' as const, expected: inbound },
    { state: state as CallState, event: event as CallEventType, direction: 'outbound' as const, expected: outbound },
  ]),
);

describe('applyCallEvent: every (state, event, direction)', () => {
  it('covers 5 states x 12 events x 2 directions', () => {
    expect(cases).toHaveLength(120);
  });

  it.each(cases)('$direction $state + $event -> $expected', ({ state, event, direction, expected }) => {
    const call = callIn(state, direction);
    const result = applyCallEvent(call, { type: event } as CallEvent, T0 + 60_000);
    if (expected === 'invalid') {
      expect(result).toEqual({
        ok: false,
        error: { code: 'CALL_INVALID_TRANSITION', from: state, event },
      });
      return;
    }
    const [nextState, outcome] = expected.split('/');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.call.state).toBe(nextState);
    expect(result.call.outcome).toBe(outcome ?? call.outcome);
  });
});

describe('applyCallEvent: timestamps and duration', () => {
  it('stamps each step with the time it happened', () => {
    const call = applyAll(newCall('outbound'), [
      { type: 'ring' },
      { type: 'answer' },
      { type: 'remote_hang_up' },
      { type: 'wrap_up' },
    ]);
    expect(call.timestamps).toEqual({
      createdAt: T0,
      ringingAt: T0 + 1000,
      answeredAt: T0 + 2000,
      endedAt: T0 + 3000,
      wrappedUpAt: T0 + 4000,
    });
  });

  it('reports the talk time, not the ringing time, in the ended event', () => {
    const ringing = callIn('ringing', 'inbound');
    const answered = applyCallEvent(ringing, { type: 'answer', agentUserId: 7 }, T0 + 10_000);
    if (!answered.ok) throw new Error('answer refused');
    const ended = applyCallEvent(answered.call, { type: 'remote_hang_up' }, T0 + 95_400);
    expect(ended).toMatchObject({
      ok: true,
      events: [{ type: 'call.ended', outcome: 'completed', durationSeconds: 85, at: T0 + 95_400 }],
    });
  });

  it('never lets time run backwards when server clocks disagree', () => {
    const connected = callIn('connected', 'outbound');
    const answeredAt = connected.timestamps.answeredAt ?? Number.NaN;
    const result = applyCallEvent(connected, { type: 'local_hang_up' }, answeredAt - 5000);
    expect(result).toMatchObject({ ok: true, call: { timestamps: { endedAt: answeredAt } } });
  });

  it('returns a new call and leaves the old value untouched', () => {
    const ringing = callIn('ringing', 'inbound');
    const snapshot = structuredClone(ringing);
    applyCallEvent(ringing, { type: 'answer', agentUserId: 7 }, T0 + 5000);
    expect(ringing).toEqual(snapshot);
  });
});

describe('applyCallEvent: details of each transition', () => {
  it('assigns the answering agent', () => {
    const result = applyCallEvent(callIn('ringing', 'inbound'), { type: 'answer', agentUserId: 42 }, T0 + 5000);
    expect(result).toMatchObject({
      ok: true,
      call: { agentUserId: 42 },
      events: [{ type: 'call.answered', agentUserId: 42, at: T0 + 5000 }],
    });
  });

  it('keeps the dialling agent when an outbound call is answered by the other side', () => {
    const ringing = applyAll(newCall('outbound', { agentUserId: 9 }), [{ type: 'ring' }]);
    expect(applyCallEvent(ringing, { type: 'answer' }, T0 + 5000)).toMatchObject({
      ok: true,
      call: { agentUserId: 9 },
    });
  });

  it.each([
    ['inbound', 'reject', 'agent'],
    ['inbound', 'cancel', 'remote'],
    ['outbound', 'cancel', 'agent'],
    ['outbound', 'no_answer', 'system'],
    ['outbound', 'busy', 'system'],
    ['outbound', 'fail', 'system'],
  ] as const)('%s ringing + %s is ended by %s', (direction, type, endedBy) => {
    const result = applyCallEvent(callIn('ringing', direction), { type }, T0 + 5000);
    expect(result).toMatchObject({ ok: true, call: { endedBy } });
  });

  it.each([
    ['remote_hang_up', 'remote'],
    ['local_hang_up', 'agent'],
  ] as const)('connected + %s is ended by %s', (type, endedBy) => {
    const result = applyCallEvent(callIn('connected', 'inbound'), { type }, T0 + 5000);
    expect(result).toMatchObject({ ok: true, call: { endedBy, outcome: 'completed' } });
  });

  it('keeps the provider failure reason', () => {
    const result = applyCallEvent(callIn('connected', 'outbound'), { type: 'fail', reason: 'media timeout' }, T0 + 5000);
    expect(result).toMatchObject({ ok: true, call: { failureReason: 'media timeout', outcome: 'failed' } });
  });

  it.each([
    ['no_answer', 'no_answer'],
    ['cancel', 'cancelled'],
    ['reject', 'rejected'],
    ['busy', 'busy'],
  ] as const)('announces an unanswered inbound call ended by %s as missed', (type, outcome) => {
    const result = applyCallEvent(callIn('ringing', 'inbound'), { type }, T0 + 30_000);
    expect(result).toMatchObject({
      ok: true,
      events: [
        { type: 'call.ended', outcome, durationSeconds: 0 },
        { type: 'call.missed', outcome, callId: 'call-1', at: T0 + 30_000 },
      ],
    });
  });

  it('does not call an unanswered outbound call missed', () => {
    const result = applyCallEvent(callIn('ringing', 'outbound'), { type: 'no_answer' }, T0 + 30_000);
    expect(result.ok && result.events.map((e) => e.type)).toEqual(['call.ended']);
  });

  it('does not call an answered inbound call missed, even if it then failed', () => {
    const result = applyCallEvent(callIn('connected', 'inbound'), { type: 'fail' }, T0 + 30_000);
    expect(result.ok && result.events.map((e) => e.type)).toEqual(['call.ended']);
  });

  it.each([
    ['ring', 'call.ringing'],
    ['wrap_up', 'call.wrapped_up'],
  ] as const)('%s announces %s', (type, eventType) => {
    const from = type === 'ring' ? callIn('idle', 'inbound') : callIn('ended', 'inbound');
    const result = applyCallEvent(from, { type }, T0 + 60_000);
    expect(result).toMatchObject({ ok: true, events: [{ type: eventType, callId: 'call-1', at: T0 + 60_000 }] });
  });
});
