import { describe, expect, it } from 'vitest';
import { callSessionReducer, INITIAL_CALL_SESSION } from '@/ui/calls/call-session-state';
import { callView, connected, ended } from '@/ui/calls/test-calls';
import { windowScreenOf } from './window-screen';

describe('windowScreenOf', () => {
  it('is home without a call and follows the call otherwise', () => {
    expect(windowScreenOf(INITIAL_CALL_SESSION)).toBe('home');
    const ringing = callSessionReducer(INITIAL_CALL_SESSION, { type: 'ringing', call: callView() });
    expect(windowScreenOf(ringing)).toBe('incoming');
    const talking = callSessionReducer(ringing, { type: 'updated', call: connected(callView()) });
    expect(windowScreenOf(talking)).toBe('dialer');
    const saved = { ...ended(connected(callView())), wrapUp: { status: 'saved' as const, savedItems: [], error: null } };
    expect(windowScreenOf(callSessionReducer(talking, { type: 'updated', call: saved }))).toBe('follow-up');
  });
});
