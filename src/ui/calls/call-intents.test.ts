import { describe, expect, it, vi } from 'vitest';
import { ServerRequestError } from '@/ui/api-client';
import { createCallIntents } from './call-intents';
import { callScreenOf, callSessionReducer, INITIAL_CALL_SESSION, type CallSessionAction, type CallSessionState } from './call-session-state';
import type { CallView } from './call-types';
import type { CallsApi } from './calls-api';
import type { CallPhone } from './call-phone';
import { notesKey, type NotesStorage } from './notes-storage';
import { callView, connected, deal, ended, match, withMatches } from './test-calls';

function fakeCalls(overrides: Partial<CallsApi> = {}): { [K in keyof CallsApi]: ReturnType<typeof vi.fn> & CallsApi[K] } {
  const unexpected = (name: string) => vi.fn(async () => {
    throw new Error(`unexpected ${name}`);
  });
  const api = {
    place: unexpected('place'),
    active: unexpected('active'),
    answer: unexpected('answer'),
    reject: unexpected('reject'),
    hangUp: unexpected('hangUp'),
    chooseContact: unexpected('chooseContact'),
    wrapUp: unexpected('wrapUp'),
    retryWrapUp: unexpected('retryWrapUp'),
    history: unexpected('history'),
    missed: unexpected('missed'),
    markMissedSeen: unexpected('markMissedSeen'),
  };
  for (const [key, value] of Object.entries(overrides)) (api as Record<string, unknown>)[key] = vi.fn(value as () => unknown);
  return api as never;
}

/** Intents wired to the real reducer, as the hook does. */
function session(calls: CallsApi, initial: CallSessionAction[] = [], phone: CallPhone | null = null) {
  let state: CallSessionState = initial.reduce(callSessionReducer, INITIAL_CALL_SESSION);
  const actions: CallSessionAction[] = [];
  const storage = new Map<string, string>();
  const notes: NotesStorage = {
    getItem: (key) => storage.get(key) ?? null,
    setItem: (key, value) => void storage.set(key, value),
    removeItem: (key) => void storage.delete(key),
  };
  const dispatch = (action: CallSessionAction) => {
    actions.push(action);
    state = callSessionReducer(state, action);
  };
  const intents = createCallIntents({ calls, dispatch, getState: () => state, notes: () => notes, phone: () => phone });
  return { intents, actions, storage, dispatch, state: () => state };
}

const conflict = (code: string) => new ServerRequestError(409, code, code);

describe('ending a call', () => {
  const talking = connected(withMatches(callView({ id: 'c1' }), [match(1, 'Ann', [deal(10)])]));
  const overView = ended(talking);
  const pendingView: CallView = { ...overView, wrapUp: { status: 'pending', savedItems: [], error: null } };

  it('hangs up, then posts the wrap-up, then shows the follow-up and forgets the stored notes', async () => {
    const calls = fakeCalls({ hangUp: async () => overView, wrapUp: async () => pendingView });
    const s = session(calls, [{ type: 'resumed', call: talking }]);
    s.storage.set(notesKey('c1'), 'Demo next week');
    await s.intents.end('notes_to_deal', { notes: 'Demo next week', contactName: '' });
    expect(calls.hangUp).toHaveBeenCalledWith('c1');
    expect(calls.wrapUp).toHaveBeenCalledWith('c1', { notes: 'Demo next week', action: { type: 'notes_to_deal', dealId: 10 } });
    expect(callScreenOf(s.state())).toBe('follow-up');
    expect(s.storage.size).toBe(0);
  });

  it('only posts the wrap-up when the call already ended (remote hang-up)', async () => {
    const calls = fakeCalls({ wrapUp: async () => pendingView });
    const s = session(calls, [{ type: 'resumed', call: overView }]);
    await s.intents.end('hang_up', { notes: '', contactName: '' });
    expect(calls.hangUp).not.toHaveBeenCalled();
    expect(calls.wrapUp).toHaveBeenCalledWith('c1', { notes: '', action: { type: 'hang_up' } });
  });

  it('still posts the wrap-up when hang-up says 409 (ended meanwhile)', async () => {
    const calls = fakeCalls({
      hangUp: async () => {
        throw conflict('CALL_NOTHING_TO_HANG_UP');
      },
      wrapUp: async () => pendingView,
    });
    const s = session(calls, [{ type: 'resumed', call: talking }]);
    await s.intents.end('hang_up', { notes: 'x', contactName: '' });
    expect(calls.wrapUp).toHaveBeenCalledTimes(1);
  });

  it('stops on another hang-up error, keeps the Dialer and notes, and says so', async () => {
    const calls = fakeCalls({
      hangUp: async () => {
        throw new ServerRequestError(0, 'NETWORK_ERROR', 'down');
      },
    });
    const s = session(calls, [{ type: 'resumed', call: talking }]);
    s.storage.set(notesKey('c1'), 'keep');
    await s.intents.end('hang_up', { notes: 'keep', contactName: '' });
    expect(calls.wrapUp).not.toHaveBeenCalled();
    expect(callScreenOf(s.state())).toBe('dialer');
    expect(s.state().notice?.text).toMatch(/^Could not hang up\. Can’t reach the server/);
    expect(s.state().pending).toBeNull();
    expect(s.storage.get(notesKey('c1'))).toBe('keep');
  });

  it('does not send anything when the wrap-up is invalid (no name for the new contact)', async () => {
    const calls = fakeCalls();
    const s = session(calls, [{ type: 'resumed', call: connected(callView({ id: 'u' })) }]);
    await s.intents.end('create_contact', { notes: '', contactName: ' ' });
    expect(calls.hangUp).not.toHaveBeenCalled();
    expect(s.state().notice).toEqual({ tone: 'error', text: 'Enter a name for the new contact.' });
  });

  it('ignores a second click while the first is running', async () => {
    let release: (view: CallView) => void = () => {};
    const calls = fakeCalls({ hangUp: () => new Promise<CallView>((resolve) => (release = resolve)), wrapUp: async () => pendingView });
    const s = session(calls, [{ type: 'resumed', call: talking }]);
    const first = s.intents.end('hang_up', { notes: '', contactName: '' });
    await s.intents.end('hang_up', { notes: '', contactName: '' });
    release(overView);
    await first;
    expect(calls.hangUp).toHaveBeenCalledTimes(1);
    expect(calls.wrapUp).toHaveBeenCalledTimes(1);
  });
});

describe('answering', () => {
  const several = withMatches(callView({ id: 'r1' }), [match(1, 'Ann'), match(2, 'Bob', [deal(20)])]);

  it('answers, then tells the server whom the agent picked while it rang', async () => {
    const calls = fakeCalls({ answer: async () => connected(several), chooseContact: async () => ({ ...connected(several), personId: 2, dealId: 20 }) });
    const s = session(calls, [{ type: 'ringing', call: several }]);
    s.intents.choosePerson(2);
    expect(calls.chooseContact).not.toHaveBeenCalled();
    await s.intents.answer();
    expect(calls.chooseContact).toHaveBeenCalledWith('r1', { personId: 2, dealId: 20 });
    expect(s.state().call).toMatchObject({ state: 'connected', personId: 2 });
  });

  it('409 CALL_ALREADY_ANSWERED: back home with "Answered in another tab or by a colleague"', async () => {
    const calls = fakeCalls({
      answer: async () => {
        throw conflict('CALL_ALREADY_ANSWERED');
      },
    });
    const s = session(calls, [{ type: 'ringing', call: several }]);
    await s.intents.answer();
    expect(s.state().call).toBeNull();
    expect(s.state().notice?.text).toBe('Answered in another tab or by a colleague');
  });

  it('reject goes home', async () => {
    const calls = fakeCalls({ reject: async () => ended(several, 'rejected') });
    const s = session(calls, [{ type: 'ringing', call: several }]);
    await s.intents.reject();
    expect(callScreenOf(s.state())).toBe('none');
  });

  it('reject sends the person picked while it rang, so the log keeps them, and says "Call rejected" even when the socket is first', async () => {
    const calls = fakeCalls();
    const s = session(calls, [{ type: 'ringing', call: several }]);
    calls.reject.mockImplementation(async () => {
      // The server's stop-ringing push usually beats the HTTP answer.
      s.dispatch({ type: 'stop-ringing', callId: 'r1', reason: 'missed' });
      return ended(several, 'rejected');
    });
    s.intents.choosePerson(2);
    await s.intents.reject();
    expect(calls.reject).toHaveBeenCalledWith('r1', { personId: 2, dealId: 20 });
    expect(s.state().notice?.text).toBe('Call rejected');
  });
});

describe('placing, retrying, picking', () => {
  it('places with the person and source, and reports a failure', async () => {
    const out = callView({ id: 'o', direction: 'outbound' });
    const calls = fakeCalls({ place: async () => out });
    const s = session(calls);
    const target = { number: '+1555', source: 'contact' as const, personId: 4, name: 'Ann', pictureUrl: null, organizationName: null };
    s.intents.dial(target);
    await s.intents.place(target);
    expect(calls.place).toHaveBeenCalledWith({ number: '+1555', source: 'contact', personId: 4 });
    expect(s.state().call?.id).toBe('o');

    const failing = session(fakeCalls({ place: async () => Promise.reject(new ServerRequestError(400, 'CALL_NUMBER_INVALID', 'Not a phone number')) }));
    failing.intents.dial({ ...target, personId: null });
    await failing.intents.place({ ...target, personId: null });
    expect(failing.state().notice).toEqual({ tone: 'error', text: 'Could not place the call. Not a phone number' });
  });

  it('retries a failed wrap-up', async () => {
    const failed: CallView = { ...ended(connected(callView({ id: 'w' }))), wrapUp: { status: 'failed', savedItems: [], error: 'x' } };
    const calls = fakeCalls({ retryWrapUp: async () => ({ ...failed, wrapUp: { status: 'pending', savedItems: [], error: null } }) });
    const s = session(calls, [{ type: 'resumed', call: ended(connected(callView({ id: 'w' }))) }, { type: 'updated', call: failed }]);
    await s.intents.retryWrapUp();
    expect(calls.retryWrapUp).toHaveBeenCalledWith('w');
    expect(s.state().call?.wrapUp?.status).toBe('pending');
    expect(s.state().pending).toBeNull();
  });

  it('sends a new pick at once when the call is already answered', async () => {
    const live = connected(withMatches(callView({ id: 'p' }), [match(1, 'Ann'), match(2, 'Bob')]));
    const calls = fakeCalls({ chooseContact: async () => ({ ...live, personId: 1 }) });
    const s = session(calls, [{ type: 'resumed', call: live }]);
    s.intents.choosePerson(1);
    await Promise.resolve();
    expect(calls.chooseContact).toHaveBeenCalledWith('p', { personId: 1 });
  });

  it('"Back to dialer" forgets the notes of the call', () => {
    const s = session(fakeCalls(), [{ type: 'resumed', call: ended(connected(callView({ id: 'd' }))) }]);
    s.storage.set(notesKey('d'), 'old');
    s.intents.dismiss();
    expect(s.storage.size).toBe(0);
    expect(s.state().call).toBeNull();
  });
});

describe('with a softphone in the window (provider sip)', () => {
  /** A phone that logs what it was asked, in order with the calls API. */
  function fakePhone(log: string[], overrides: Partial<CallPhone> = {}): CallPhone {
    return {
      prepare: async () => void log.push('phone.prepare'),
      dial: (number) => void log.push(`phone.dial ${number}`),
      linkDial: (callId) => void log.push(`phone.linkDial ${callId}`),
      abandonDial: () => void log.push('phone.abandonDial'),
      answer: async (callId) => (log.push(`phone.answer ${callId}`), true),
      reject: (callId) => void log.push(`phone.reject ${callId}`),
      hangUp: (callId) => void log.push(`phone.hangUp ${callId}`),
      drop: (callId) => void log.push(`phone.drop ${callId}`),
      ...overrides,
    };
  }
  const ringing = callView({ id: 'in1' });
  const outbound = callView({ id: 'out1', direction: 'outbound' });
  const target = { number: '9000', source: 'dial_pad' as const, personId: null, name: null, pictureUrl: null, organizationName: null };

  it('opens the microphone, sends the INVITE while the server creates the call, then names it', async () => {
    const log: string[] = [];
    const calls = fakeCalls({ place: async () => (log.push('api.place'), outbound) });
    const s = session(calls, [{ type: 'dial', target }], fakePhone(log));
    await s.intents.place(target);
    expect(log).toEqual(['phone.prepare', 'phone.dial 9000', 'api.place', 'phone.linkDial out1']);
  });

  it('cancels the INVITE and lets the microphone go when the server refuses the call', async () => {
    const log: string[] = [];
    const calls = fakeCalls({ place: async () => Promise.reject(new ServerRequestError(400, 'INVALID_NUMBER', 'bad number')) });
    const s = session(calls, [{ type: 'dial', target }], fakePhone(log));
    await s.intents.place(target);
    expect(log).toEqual(['phone.prepare', 'phone.dial 9000', 'phone.abandonDial']);
    expect(s.state().notice?.text).toMatch(/^Could not place the call/);
  });

  it('creates no call when the microphone cannot open', async () => {
    const calls = fakeCalls();
    const s = session(calls, [{ type: 'dial', target }], fakePhone([], { prepare: () => Promise.reject(new Error('NotAllowedError')) }));
    await s.intents.place(target);
    expect(calls.place).not.toHaveBeenCalled();
    expect(s.state().notice?.text).toMatch(/^Could not place the call: the microphone is not available/);
  });

  it('answers the SIP session, then the call; a lost race drops the SIP session', async () => {
    const log: string[] = [];
    const calls = fakeCalls({
      answer: async () => {
        log.push('api.answer');
        throw conflict('CALL_ALREADY_ANSWERED');
      },
    });
    const s = session(calls, [{ type: 'ringing', call: ringing }], fakePhone(log));
    await s.intents.answer();
    expect(log).toEqual(['phone.answer in1', 'api.answer', 'phone.drop in1']);
    expect(s.state().call).toBeNull();
  });

  it('does not answer the call without a microphone (it keeps ringing)', async () => {
    const calls = fakeCalls();
    const s = session(calls, [{ type: 'ringing', call: ringing }], fakePhone([], { answer: () => Promise.reject(new Error('NotFoundError')) }));
    await s.intents.answer();
    expect(calls.answer).not.toHaveBeenCalled();
    expect(callScreenOf(s.state())).toBe('incoming');
  });

  it('declines the INVITE on Reject and ends it on Hang up, before the routes', async () => {
    const log: string[] = [];
    const calls = fakeCalls({
      reject: async () => (log.push('api.reject'), ended(ringing, 'rejected')),
      hangUp: async () => (log.push('api.hangUp'), ended(connected(outbound))),
    });
    await session(calls, [{ type: 'ringing', call: ringing }], fakePhone(log)).intents.reject();
    const s = session(calls, [{ type: 'resumed', call: connected(outbound) }], fakePhone(log));
    await s.intents.hangUp();
    expect(log).toEqual(['phone.reject in1', 'api.reject', 'phone.hangUp out1', 'api.hangUp']);
    expect(callScreenOf(s.state())).toBe('dialer');
    expect(s.state().call?.state).toBe('ended');
  });
});
