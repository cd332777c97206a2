import { describe, expect, it } from 'vitest';
import {
  callScreenOf,
  callSessionReducer,
  INITIAL_CALL_SESSION,
  isOnCall,
  type CallSessionAction,
  type CallSessionState,
  type PlacingTarget,
} from './call-session-state';
import type { CallView } from './call-types';
import { callView, connected, deal, ended, match, withMatches } from './test-calls';

const run = (actions: CallSessionAction[], from: CallSessionState = INITIAL_CALL_SESSION) =>
  actions.reduce(callSessionReducer, from);

const target: PlacingTarget = {
  number: '+14155550134',
  source: 'contact',
  personId: 7,
  name: 'Ada',
  pictureUrl: null,
  organizationName: null,
};

const inbound = callView({ id: 'in-1' });
const outbound = callView({ id: 'out-1', direction: 'outbound' });

describe('call:ringing', () => {
  it('shows an inbound call ringing when idle', () => {
    const state = run([{ type: 'ringing', call: inbound }]);
    expect(state.call).toEqual(inbound);
    expect(callScreenOf(state)).toBe('incoming');
    expect(isOnCall(state)).toBe(true);
  });

  it('keeps the current call when another rings while busy, and counts the new one as missed', () => {
    const talking = run([{ type: 'ringing', call: inbound }, { type: 'updated', call: connected(inbound) }]);
    const other = withMatches(callView({ id: 'in-2' }), [match(5, 'Grace')]);
    const after = callSessionReducer({ ...talking, missedCount: 2 }, { type: 'ringing', call: other });
    expect(after.call?.id).toBe('in-1');
    expect(after.missedCount).toBe(3);
    expect(after.notice?.text).toContain('Missed call from Grace');
  });

  it('counts a ring during placing as missed too (the outbound call must not be replaced)', () => {
    const placing = run([{ type: 'dial', target }]);
    const after = callSessionReducer(placing, { type: 'ringing', call: inbound });
    expect(after.call).toBeNull();
    expect(after.placing).toBe(target);
    expect(after.missedCount).toBe(1);
  });

  it('treats a duplicate ring of the current call as an update, not a new call', () => {
    const once = run([{ type: 'ringing', call: inbound }]);
    expect(callSessionReducer(once, { type: 'ringing', call: inbound })).toBe(once);
  });

  it('replaces a finished call shown in the follow-up', () => {
    const done = { ...ended(connected(outbound)), wrapUp: { status: 'saved' as const, savedItems: [], error: null } };
    const followUp = run([{ type: 'resumed', call: ended(connected(outbound)) }, { type: 'updated', call: done }]);
    expect(callScreenOf(followUp)).toBe('follow-up');
    const after = callSessionReducer(followUp, { type: 'ringing', call: inbound });
    expect(after.call?.id).toBe('in-1');
    expect(after.closedIds).toContain('out-1');
  });

  it('ignores a ring for a call this window already closed (late duplicate)', () => {
    const stopped = run([
      { type: 'ringing', call: inbound },
      { type: 'stop-ringing', callId: 'in-1', reason: 'caller_hung_up' },
    ]);
    expect(callSessionReducer(stopped, { type: 'ringing', call: inbound })).toBe(stopped);
  });

  it('ignores a "ringing" event whose call is not an inbound ringing call', () => {
    expect(run([{ type: 'ringing', call: outbound }])).toBe(INITIAL_CALL_SESSION);
  });
});

describe('call:stop-ringing', () => {
  it.each([
    ['answered_elsewhere', 'Answered in another tab or by a colleague'],
    ['caller_hung_up', 'Caller hung up'],
    ['missed', 'Missed call from +44 20 7946 0958'],
    ['rejected', 'Call rejected'],
  ] as const)('returns home with a notice (%s)', (reason, text) => {
    const state = run([
      { type: 'ringing', call: inbound },
      { type: 'stop-ringing', callId: 'in-1', reason },
    ]);
    expect(state.call).toBeNull();
    expect(callScreenOf(state)).toBe('none');
    expect(state.notice).toEqual({ tone: 'info', text });
  });

  it('does not touch a call this tab answered', () => {
    const answered = run([{ type: 'ringing', call: inbound }, { type: 'call-answer', call: connected(inbound) }]);
    expect(callSessionReducer(answered, { type: 'stop-ringing', callId: 'in-1', reason: 'answered_elsewhere' })).toBe(answered);
  });

  it('remembers a stop for a call it never saw, so its late ring is ignored', () => {
    const state = run([
      { type: 'stop-ringing', callId: 'in-1', reason: 'missed' },
      { type: 'ringing', call: inbound },
    ]);
    expect(state.call).toBeNull();
    // A duplicate stop changes nothing.
    expect(callSessionReducer(state, { type: 'stop-ringing', callId: 'in-1', reason: 'missed' })).toBe(state);
  });
});

describe('call:updated', () => {
  const live = run([{ type: 'ringing', call: inbound }, { type: 'updated', call: connected(inbound) }]);

  it('moves the current call forward', () => {
    expect(live.call?.state).toBe('connected');
    expect(callScreenOf(live)).toBe('dialer');
  });

  it('ignores an older update arriving late (out of order) and duplicates', () => {
    expect(callSessionReducer(live, { type: 'updated', call: inbound })).toBe(live);
    expect(callSessionReducer(live, { type: 'updated', call: connected(inbound) })).toEqual(live);
    const over = callSessionReducer(live, { type: 'updated', call: ended(connected(inbound)) });
    expect(callSessionReducer(over, { type: 'updated', call: connected(inbound) })).toBe(over);
  });

  it('ignores updates about other calls', () => {
    expect(callSessionReducer(live, { type: 'updated', call: connected(callView({ id: 'x' })) })).toBe(live);
  });

  it('keeps the Dialer after a remote hang-up so notes can still be saved', () => {
    const over = callSessionReducer(live, { type: 'updated', call: ended(connected(inbound)) });
    expect(callScreenOf(over)).toBe('dialer');
    expect(isOnCall(over)).toBe(false);
  });

  it('closes an inbound call that ended unanswered, saying why', () => {
    const ringing = run([{ type: 'ringing', call: inbound }]);
    const missed = callSessionReducer(ringing, { type: 'updated', call: ended(inbound, 'no_answer') });
    expect(missed.call).toBeNull();
    expect(missed.notice?.text).toBe('Missed call from +44 20 7946 0958');
    const named = run([{ type: 'ringing', call: withMatches(inbound, [match(1, 'Greta Vogel')]) }]);
    expect(callSessionReducer(named, { type: 'updated', call: ended(withMatches(inbound, [match(1, 'Greta Vogel')]), 'no_answer') }).notice?.text).toBe(
      'Missed call from Greta Vogel',
    );
    const hungUp = callSessionReducer(ringing, { type: 'updated', call: ended(inbound, 'cancelled') });
    expect(hungUp.notice?.text).toBe('Caller hung up');
  });

  it('goes to the follow-up when the wrap-up status arrives, and never back from saved', () => {
    const over = callSessionReducer(live, { type: 'updated', call: ended(connected(inbound)) });
    const saved = { ...ended(connected(inbound)), wrapUp: { status: 'saved' as const, savedItems: ['call log'], error: null } };
    const pending = { ...saved, wrapUp: { status: 'pending' as const, savedItems: [], error: null } };
    const state = run([{ type: 'updated', call: saved }, { type: 'updated', call: pending }], over);
    expect(callScreenOf(state)).toBe('follow-up');
    expect(state.call?.wrapUp?.status).toBe('saved');
  });

  it('fills an empty contact pick when the server links a person (contact created by the wrap-up)', () => {
    const over = callSessionReducer(live, { type: 'updated', call: ended(connected(inbound)) });
    expect(over.choice.personId).toBeNull();
    const linked = { ...ended(connected(inbound)), personId: 99, wrapUp: { status: 'saved' as const, savedItems: [], error: null } };
    expect(callSessionReducer(over, { type: 'updated', call: linked }).choice.personId).toBe(99);
  });
});

describe('missed:count', () => {
  it('mirrors the server count; the same count changes nothing', () => {
    const state = run([{ type: 'missed-count', unseenCount: 4 }]);
    expect(state.missedCount).toBe(4);
    expect(callSessionReducer(state, { type: 'missed-count', unseenCount: 4 })).toBe(state);
    expect(callSessionReducer(state, { type: 'missed-count', unseenCount: 0 }).missedCount).toBe(0);
  });
});

describe('outbound calls', () => {
  it('shows the Dialer at once while placing, then adopts the server call', () => {
    const placing = run([{ type: 'dial', target }]);
    expect(callScreenOf(placing)).toBe('dialer');
    expect(placing.pending).toBe('placing');
    const placed = callSessionReducer(placing, { type: 'placed', call: outbound });
    expect(placed.call).toEqual(outbound);
    expect(placed.placing).toBeNull();
    expect(placed.pending).toBeNull();
    expect(placed.dialled).toBe(target);
    expect(isOnCall(callSessionReducer(placed, { type: 'updated', call: ended(outbound, 'no_answer') }))).toBe(false);
    expect(callSessionReducer(placed, { type: 'dismiss' }).dialled).toBeNull();
  });

  it('refuses a second dial while on a call', () => {
    const placing = run([{ type: 'dial', target }]);
    const again = callSessionReducer(placing, { type: 'dial', target: { ...target, number: '+1999' } });
    expect(again.placing).toBe(target);
    expect(again.notice?.text).toMatch(/Finish the current call/);
  });

  it('ignores an empty number', () => {
    expect(run([{ type: 'dial', target: { ...target, number: '  ' } }])).toBe(INITIAL_CALL_SESSION);
  });

  it('merges an update that beat the POST answer (connected before 201)', () => {
    const state = run([
      { type: 'dial', target },
      { type: 'updated', call: connected(outbound) },
      { type: 'placed', call: outbound },
    ]);
    expect(state.call?.state).toBe('connected');
    expect(state.early).toEqual([]);
  });

  it('returns home with the error when placing fails', () => {
    const state = run([{ type: 'dial', target }, { type: 'place-failed', message: 'Could not place the call.' }]);
    expect(callScreenOf(state)).toBe('none');
    expect(state.notice).toEqual({ tone: 'error', text: 'Could not place the call.' });
  });

  it('keeps the Dialer for an outbound call that was not answered (notes can still be saved)', () => {
    const state = run([{ type: 'dial', target }, { type: 'placed', call: outbound }, { type: 'updated', call: ended(outbound, 'no_answer') }]);
    expect(callScreenOf(state)).toBe('dialer');
  });
});

describe('GET /api/calls/active (resume)', () => {
  it('resumes a live call after a reload', () => {
    const call = connected(outbound);
    expect(run([{ type: 'resumed', call }]).call).toEqual(call);
  });

  it('changes nothing when there is no active call or it is already shown', () => {
    const live = run([{ type: 'resumed', call: connected(outbound) }]);
    expect(callSessionReducer(live, { type: 'resumed', call: null })).toBe(live);
    expect(callSessionReducer(live, { type: 'resumed', call: outbound })).toBe(live);
  });

  it('does not replace a live call with another one, nor resume a call this window closed', () => {
    const live = run([{ type: 'resumed', call: connected(outbound) }]);
    expect(callSessionReducer(live, { type: 'resumed', call: connected(callView({ id: 'other' })) })).toBe(live);
    const dismissed = callSessionReducer(live, { type: 'dismiss' });
    expect(callSessionReducer(dismissed, { type: 'resumed', call: connected(outbound) })).toBe(dismissed);
  });

  it('does not resume a call already wrapped up', () => {
    expect(run([{ type: 'resumed', call: { ...outbound, state: 'wrapped_up' } }]).call).toBeNull();
  });
});

describe('REST answers', () => {
  const ringing = run([{ type: 'ringing', call: inbound }]);

  it('answer: pending while in flight, connected after', () => {
    const answering = callSessionReducer(ringing, { type: 'request-started', request: 'answering' });
    expect(answering.pending).toBe('answering');
    const answered = callSessionReducer(answering, { type: 'call-answer', call: connected(inbound) });
    expect(answered.pending).toBeNull();
    expect(callScreenOf(answered)).toBe('dialer');
  });

  it('a late REST answer older than the socket update does not rewind the call', () => {
    const over = run([{ type: 'updated', call: connected(inbound) }, { type: 'updated', call: ended(connected(inbound)) }], ringing);
    const late = callSessionReducer({ ...over, pending: 'answering' }, { type: 'call-answer', call: connected(inbound) });
    expect(late.call?.state).toBe('ended');
    expect(late.pending).toBeNull();
  });

  it('409 CALL_ALREADY_ANSWERED: back home, answered elsewhere', () => {
    const state = callSessionReducer(ringing, { type: 'answered-elsewhere', callId: 'in-1' });
    expect(state.call).toBeNull();
    expect(state.notice?.text).toBe('Answered in another tab or by a colleague');
    expect(callSessionReducer(ringing, { type: 'answered-elsewhere', callId: 'nope' })).toBe(ringing);
  });

  it('reject: the call ends unanswered and the window goes home', () => {
    const state = callSessionReducer(ringing, { type: 'call-answer', call: ended(inbound, 'rejected') });
    expect(state.call).toBeNull();
    expect(state.notice?.text).toBe('Call rejected');
  });

  it('a failed request keeps the screen and says why', () => {
    const state = run([{ type: 'request-started', request: 'answering' }, { type: 'request-failed', message: 'Boom' }], ringing);
    expect(state.call).toEqual(inbound);
    expect(state.pending).toBeNull();
    expect(state.notice).toEqual({ tone: 'error', text: 'Boom' });
  });
});

describe('wrap-up', () => {
  const over: CallView = ended(connected(outbound));
  const sentCall: CallView = { ...over, wrapUp: { status: 'pending', savedItems: [], error: null } };
  const request = { notes: 'Call back Friday', action: { type: 'hang_up' as const } };
  const submitted = run([
    { type: 'resumed', call: over },
    { type: 'request-started', request: 'ending' },
    { type: 'wrap-up-sent', call: sentCall, request },
  ]);

  it('goes to the follow-up with what was sent', () => {
    expect(callScreenOf(submitted)).toBe('follow-up');
    expect(submitted.sentWrapUp).toEqual(request);
    expect(submitted.pending).toBeNull();
  });

  it('shows the follow-up even when the 202 answer is older than a socket update', () => {
    const saved = { ...over, wrapUp: { status: 'saved' as const, savedItems: ['call log'], error: null } };
    const state = run([
      { type: 'resumed', call: over },
      { type: 'updated', call: saved },
      { type: 'wrap-up-sent', call: sentCall, request },
    ]);
    expect(state.call?.wrapUp?.status).toBe('saved');
    expect(state.sentWrapUp).toEqual(request);
  });

  it('retry: optimistic pending from failed, then the server decides', () => {
    const failed = callSessionReducer(submitted, {
      type: 'updated',
      call: { ...over, wrapUp: { status: 'failed', savedItems: [], error: 'Pipedrive is down' } },
    });
    expect(failed.call?.wrapUp?.status).toBe('failed');
    const retrying = callSessionReducer(failed, { type: 'retry-started' });
    expect(retrying.call?.wrapUp).toEqual({ status: 'pending', savedItems: [], error: null });
    expect(retrying.pending).toBe('retrying');
    const answered = callSessionReducer(retrying, { type: 'call-answer', call: sentCall });
    expect(answered.call?.wrapUp?.status).toBe('pending');
    const savedAgain = callSessionReducer(answered, {
      type: 'updated',
      call: { ...over, wrapUp: { status: 'saved', savedItems: ['call log'], error: null } },
    });
    expect(savedAgain.call?.wrapUp?.status).toBe('saved');
  });

  it('retry that never reached the server goes back to failed with the reason', () => {
    const failed = callSessionReducer(submitted, {
      type: 'updated',
      call: { ...over, wrapUp: { status: 'failed', savedItems: [], error: 'x' } },
    });
    const state = run([{ type: 'retry-started' }, { type: 'request-failed', message: 'Offline' }], failed);
    expect(state.call?.wrapUp).toMatchObject({ status: 'failed', error: 'Offline' });
  });

  it('retry is a no-op unless the wrap-up failed', () => {
    expect(callSessionReducer(submitted, { type: 'retry-started' })).toBe(submitted);
  });

  it('"Back to dialer" clears the call and remembers it', () => {
    const home = callSessionReducer(submitted, { type: 'dismiss' });
    expect(callScreenOf(home)).toBe('none');
    expect(home.sentWrapUp).toBeNull();
    expect(home.closedIds).toEqual(['out-1']);
    expect(callSessionReducer(home, { type: 'updated', call: sentCall })).toBe(home);
  });
});

describe('contact choice', () => {
  const several = withMatches(inbound, [match(1, 'Ann', [deal(10), deal(11)]), match(2, 'Bob', [deal(20)])], { personId: 2, dealId: 20 });

  it('preselects the remembered person and deal', () => {
    expect(run([{ type: 'ringing', call: several }]).choice).toEqual({ personId: 2, dealId: 20 });
  });

  it('switching person picks their first open deal; the deal picker changes the deal', () => {
    const state = run([
      { type: 'ringing', call: several },
      { type: 'choose-person', personId: 1 },
      { type: 'choose-deal', dealId: 11 },
    ]);
    expect(state.choice).toEqual({ personId: 1, dealId: 11 });
  });

  it('ignores picks without a call', () => {
    expect(run([{ type: 'choose-person', personId: 1 }])).toBe(INITIAL_CALL_SESSION);
  });
});
