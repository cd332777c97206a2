import { describe, expect, it } from 'vitest';
import { ResponseShapeError } from '@/ui/api-types';
import {
  parseActiveCall,
  parseCallEnvelope,
  parseCallPage,
  parseCallView,
  parseMissedCalls,
  readStopRinging,
  readUnseenCount,
} from './call-parse';
import { callView, deal, match, withMatches } from './test-calls';

const full = {
  ...withMatches(callView({ personId: 1, dealId: 10 }), [match(1, 'Ann', [deal(10)])], { personId: 1, dealId: 10 }),
  wrapUp: { status: 'saved', savedItems: ['call log', 'note on deal'], error: null },
};

describe('parseCallView', () => {
  it('reads a contract-shaped call as is', () => {
    expect(parseCallView(JSON.parse(JSON.stringify(full)))).toEqual(full);
  });

  it('drops a call without id, direction or state', () => {
    expect(parseCallView({ ...full, id: '' })).toBeNull();
    expect(parseCallView({ ...full, direction: 'sideways' })).toBeNull();
    expect(parseCallView({ ...full, state: 'exploded' })).toBeNull();
    expect(parseCallView('call')).toBeNull();
  });

  it('keeps the outcomes SIP calls add', () => {
    for (const outcome of ['wrong_number', 'declined', 'busy'] as const) {
      expect(parseCallView({ id: 'c', direction: 'outbound', state: 'ended', remoteNumber: '9000', outcome })?.outcome).toBe(outcome);
    }
  });

  it('degrades broken parts to "unknown" instead of failing', () => {
    const call = parseCallView({
      id: 'c',
      direction: 'inbound',
      state: 'ringing',
      remoteNumber: '+15550001',
      caller: { matches: [{ person: { id: 'x' } }, { person: { id: 3, name: 7 }, openDeals: [{ id: -1 }, { id: 4 }] }], remembered: { personId: 'no' } },
      wrapUp: { status: 'weird' },
      outcome: 'exploded',
      durationSeconds: -3,
    });
    expect(call).toMatchObject({
      outcome: null,
      durationSeconds: 0,
      createdAt: 0,
      answeredAt: null,
      wrapUp: null,
      caller: {
        number: { e164: null, display: '+15550001' },
        remembered: null,
        matches: [{ person: { id: 3, name: '' }, openDeals: [{ id: 4, title: 'Deal 4', value: null, currency: null }], openDealsLoaded: true }],
      },
    });
  });

  it('keeps "deals not loaded" apart from "no open deals"', () => {
    const call = parseCallView({ id: 'c', direction: 'inbound', state: 'ringing', caller: { matches: [{ person: { id: 3, name: 'Sam' }, openDeals: [], openDealsLoaded: false }] } });
    expect(call?.caller.matches[0]).toMatchObject({ openDeals: [], openDealsLoaded: false });
  });

  it('accepts timestamps nested under `timestamps`', () => {
    const call = parseCallView({ id: 'c', direction: 'outbound', state: 'ended', timestamps: { createdAt: 5, answeredAt: 6, endedAt: 9 } });
    expect(call).toMatchObject({ createdAt: 5, answeredAt: 6, endedAt: 9 });
  });
});

describe('envelopes and events', () => {
  it('requires { call } on POST answers', () => {
    expect(parseCallEnvelope({ call: full }).id).toBe('call-1');
    expect(() => parseCallEnvelope({})).toThrow(ResponseShapeError);
  });

  it('reads the active call or null', () => {
    expect(parseActiveCall({ call: null })).toBeNull();
    expect(parseActiveCall({ call: full })?.id).toBe('call-1');
    expect(() => parseActiveCall(null)).toThrow(ResponseShapeError);
  });

  it('reads history and missed lists, skipping malformed items', () => {
    expect(parseCallPage({ items: [full, { id: 1 }], nextCursor: 'abc' })).toMatchObject({ items: [{ id: 'call-1' }], nextCursor: 'abc' });
    expect(parseCallPage({ items: [], nextCursor: '' }).nextCursor).toBeNull();
    expect(parseMissedCalls({ items: [full], unseenCount: 2 })).toMatchObject({ items: [{ id: 'call-1' }], unseenCount: 2 });
    expect(() => parseMissedCalls({ unseenCount: 2 })).toThrow(ResponseShapeError);
  });

  it('reads stop-ringing and unseen counts defensively', () => {
    expect(readStopRinging({ callId: 'c', reason: 'caller_hung_up' })).toEqual({ callId: 'c', reason: 'caller_hung_up' });
    expect(readStopRinging({ callId: 'c', reason: '??' })).toEqual({ callId: 'c', reason: 'missed' });
    expect(readStopRinging({ reason: 'missed' })).toBeNull();
    expect(readUnseenCount({ unseenCount: 3 })).toBe(3);
    expect(readUnseenCount({ unseenCount: -1 })).toBeNull();
    expect(readUnseenCount(null)).toBeNull();
  });
});
