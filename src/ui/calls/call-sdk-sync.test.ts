import { describe, expect, it, vi } from 'vitest';
import { createCallSdkSync, type CallSdk } from './call-sdk-sync';
import { callSessionReducer, INITIAL_CALL_SESSION, type CallSessionState } from './call-session-state';
import { callView, connected, ended } from './test-calls';

function fakeSdk() {
  return {
    showWindow: vi.fn<CallSdk['showWindow']>(async () => {}),
    setFocusMode: vi.fn<CallSdk['setFocusMode']>(async () => {}),
    setNotification: vi.fn<CallSdk['setNotification']>(async () => {}),
  };
}

const ringing = callView({ id: 'in-1' });

describe('missed count → app-dock badge', () => {
  it('sets the badge once per change and clears it with 0', () => {
    const sdk = fakeSdk();
    const sync = createCallSdkSync(sdk);
    sync.update(INITIAL_CALL_SESSION);
    expect(sdk.setNotification).not.toHaveBeenCalled();
    const three = callSessionReducer(INITIAL_CALL_SESSION, { type: 'missed-count', unseenCount: 3 });
    sync.update(three);
    sync.update({ ...three });
    expect(sdk.setNotification.mock.calls).toEqual([[3]]);
    sync.update(callSessionReducer(three, { type: 'missed-count', unseenCount: 0 }));
    expect(sdk.setNotification.mock.calls).toEqual([[3], [0]]);
  });

  it('reports a failing command instead of throwing', async () => {
    const sdk = fakeSdk();
    sdk.setNotification.mockRejectedValueOnce(new Error('timeout'));
    const onError = vi.fn();
    createCallSdkSync(sdk, onError).update({ ...INITIAL_CALL_SESSION, missedCount: 1 });
    await Promise.resolve();
    await Promise.resolve();
    expect(onError).toHaveBeenCalledTimes(1);
  });
});

describe('ringing → SHOW_FLOATING_WINDOW', () => {
  it('shows the window once per ringing call', () => {
    const sdk = fakeSdk();
    const sync = createCallSdkSync(sdk);
    const state = callSessionReducer(INITIAL_CALL_SESSION, { type: 'ringing', call: ringing });
    sync.update(state);
    sync.update({ ...state });
    expect(sdk.showWindow).toHaveBeenCalledTimes(1);
    sync.update(INITIAL_CALL_SESSION);
    sync.update(callSessionReducer(INITIAL_CALL_SESSION, { type: 'ringing', call: callView({ id: 'in-2' }) }));
    expect(sdk.showWindow).toHaveBeenCalledTimes(2);
  });
});

describe('focus mode while a call is live', () => {
  it('turns on when connected or dialling out, off when the call ends, again after the window reopens', () => {
    const sdk = fakeSdk();
    const sync = createCallSdkSync(sdk);
    const steps: CallSessionState[] = [];
    let state = callSessionReducer(INITIAL_CALL_SESSION, { type: 'ringing', call: ringing });
    steps.push(state);
    state = callSessionReducer(state, { type: 'updated', call: connected(ringing) });
    steps.push(state);
    state = callSessionReducer(state, { type: 'updated', call: ended(connected(ringing)) });
    steps.push(state);
    for (const step of steps) sync.update(step);
    expect(sdk.setFocusMode.mock.calls).toEqual([[true], [false]]);

    sync.windowShown();
    expect(sdk.setFocusMode).toHaveBeenCalledTimes(2);
    const dialling = callSessionReducer(INITIAL_CALL_SESSION, {
      type: 'dial',
      target: { number: '+1', source: 'dial_pad', personId: null, name: null, pictureUrl: null, organizationName: null },
    });
    sync.update(dialling);
    sync.windowShown();
    expect(sdk.setFocusMode.mock.calls).toEqual([[true], [false], [true], [true]]);
  });
});

describe('a live call is visible from the dock while the window is hidden', () => {
  const live = connected(callView({ id: 'out-1', direction: 'outbound' }));

  it('re-opens the hidden window once when it finds a live call (a reload loads the window hidden)', () => {
    const sdk = fakeSdk();
    const sync = createCallSdkSync(sdk);
    const resumed = callSessionReducer({ ...INITIAL_CALL_SESSION, missedCount: 0 }, { type: 'resumed', call: live });
    sync.update(resumed, false);
    sync.update({ ...resumed }, false);
    expect(sdk.showWindow).toHaveBeenCalledTimes(1);
  });

  it('leaves an open window alone, and does not fight an agent who hides it again', () => {
    const sdk = fakeSdk();
    const sync = createCallSdkSync(sdk);
    const resumed = callSessionReducer({ ...INITIAL_CALL_SESSION, missedCount: 0 }, { type: 'resumed', call: live });
    sync.update(resumed, true);
    sync.update(resumed, false);
    expect(sdk.showWindow).not.toHaveBeenCalled();
  });

  it('counts the live call on the dock badge while the window is hidden, and no more once it ends', () => {
    const sdk = fakeSdk();
    const sync = createCallSdkSync(sdk);
    const resumed = callSessionReducer({ ...INITIAL_CALL_SESSION, missedCount: 2 }, { type: 'resumed', call: live });
    sync.update(resumed, true);
    sync.update(resumed, false);
    sync.update(resumed, true);
    sync.update(callSessionReducer(resumed, { type: 'updated', call: ended(live) }), false);
    expect(sdk.setNotification.mock.calls).toEqual([[2], [3], [2]]);
  });
});
