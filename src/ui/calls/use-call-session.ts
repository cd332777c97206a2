/**
 * The call controller: holds the current call (`callSessionReducer`), feeds it from the socket and
 * the calls API (resume on mount and reconnect), mirrors it onto Pipedrive and hands components
 * the state and the agent's intents (`call-intents.ts`).
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { CallPayload, ServerToClientEvents } from '@/contract/socket-events';
import type { WindowSocket } from '@/ui/realtime/realtime-connection';
import type { PipedriveSdk } from '@/ui/sdk/pipedrive-sdk';
import type { VisibilityChange } from '@/ui/sdk/sdk-messages';
import { createCallIntents, type CallIntents } from './call-intents';
import { readCallEnvelope, readStopRinging, readUnseenCount } from './call-parse';
import type { CallPhone } from './call-phone';
import { createCallSdkSync } from './call-sdk-sync';
import {
  callSessionReducer,
  INITIAL_CALL_SESSION,
  type CallSessionAction,
  type CallSessionState,
  type PlacingTarget,
} from './call-session-state';
import { isLive } from './call-types';
import type { CallsApi } from './calls-api';
import { targetFromNumber } from './call-targets';
import { browserNotesStorage } from './notes-storage';
import { readNotesDraftEvent, type ServerNotesDraft } from './server-notes-draft';

/** What the server knows beside the call: the notes draft its windows saved, and its clock. */
export interface ServerNotes {
  /** The latest draft of a call heard from the server (resume or another tab); null before any. */
  draft: ServerNotesDraft | null;
  /** Server clock minus this browser's: the timer counts from the server's `answeredAt`. */
  clockOffsetMs: number;
}

type ServerNotesUpdate = (update: Partial<ServerNotes>) => void;

export type { CallIntents } from './call-intents';

export interface UseCallSessionOptions {
  calls: CallsApi;
  socket: WindowSocket | null;
  sdk: PipedriveSdk | null;
  visibility: VisibilityChange | null;
  /** The softphone of this window (provider `sip`); null for the others. */
  phone?: CallPhone | null;
  /**
   * A phone-number click in Pipedrive ("ask first"): the number to show ready to call. Absent: the
   * click dials at once.
   */
  onPhoneClickToConfirm?: ((target: PlacingTarget) => void) | null;
}

const ignore = () => {};

/** GET /api/calls/active and the missed count: on mount, and after every socket (re)connection. */
function useResume(calls: CallsApi, socket: WindowSocket | null, dispatch: (action: CallSessionAction) => void, setServerNotes: ServerNotesUpdate) {
  const resume = useCallback(
    (signal: AbortSignal) => {
      calls.active(signal).then((resumed) => {
        setServerNotes({ clockOffsetMs: resumed.clockOffsetMs, ...(resumed.notesDraft ? { draft: resumed.notesDraft } : {}) });
        dispatch({ type: 'resumed', call: resumed.call });
      }, ignore);
      calls.missed(signal).then((missed) => dispatch({ type: 'missed-count', unseenCount: missed.unseenCount }), ignore);
    },
    [calls, dispatch, setServerNotes],
  );
  useEffect(() => {
    const abort = new AbortController();
    resume(abort.signal);
    return () => abort.abort();
  }, [resume]);
  useEffect(() => {
    if (!socket) return;
    const abort = new AbortController();
    // Events sent while the socket was down are lost: ask again once it is back.
    const onConnect = () => resume(abort.signal);
    socket.on('connect', onConnect);
    return () => {
      abort.abort();
      socket.off('connect', onConnect);
    };
  }, [socket, resume]);
}

/**
 * Subscribes `listener` to a server event; returns the unsubscribe. Typed by the contract: an event
 * the server does not send, or a listener for another payload, does not compile.
 */
function listen<E extends keyof ServerToClientEvents>(socket: WindowSocket, event: E, listener: ServerToClientEvents[E]): () => void {
  // socket.io's listener type is conditional on the event name, which TypeScript cannot resolve for
  // a generic `E`; `on(event, listener)` is exactly `ServerToClientEvents[E]` for every concrete E.
  const byEvent = socket as unknown as { on(event: E, listener: ServerToClientEvents[E]): unknown; off(event: E, listener: ServerToClientEvents[E]): unknown };
  byEvent.on(event, listener);
  return () => {
    byEvent.off(event, listener);
  };
}

/**
 * The server's call events. Their payloads are typed by the contract, but typed is not checked:
 * each one is still read with the window's guards (`call-parse.ts`), which drop a malformed one.
 */
function useCallEvents(socket: WindowSocket | null, dispatch: (action: CallSessionAction) => void, phone: CallPhone | null, setServerNotes: ServerNotesUpdate) {
  useEffect(() => {
    if (!socket) return;
    const withCall = (type: 'ringing' | 'updated') => (payload: CallPayload) => {
      const call = readCallEnvelope(payload);
      if (call) dispatch({ type, call });
    };
    const unsubscribes = [
      listen(socket, 'call:ringing', withCall('ringing')),
      listen(socket, 'call:updated', withCall('updated')),
      listen(socket, 'call:stop-ringing', (payload) => {
        const stop = readStopRinging(payload);
        if (!stop) return;
        // Answered elsewhere, missed or given up: this window's INVITE stops ringing, quietly.
        phone?.drop(stop.callId);
        dispatch({ type: 'stop-ringing', ...stop });
      }),
      listen(socket, 'missed:count', (payload) => {
        const unseenCount = readUnseenCount(payload);
        if (unseenCount !== null) dispatch({ type: 'missed-count', unseenCount });
      }),
      // Another tab of this agent saved what it typed: this one shows the same notes.
      listen(socket, 'call:notes-draft', (payload) => {
        const draft = readNotesDraftEvent(payload);
        if (draft) setServerNotes({ draft });
      }),
    ];
    return () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, [socket, dispatch, phone, setServerNotes]);
}

/** A call the server ended (the far end, another tab, the silence rule) takes the SIP leg with it. */
function usePhoneFollowsCall(state: CallSessionState, phone: CallPhone | null) {
  const call = state.call;
  const over = call !== null && !isLive(call) ? call.id : null;
  useEffect(() => {
    if (over !== null) phone?.drop(over);
  }, [over, phone]);
}

/** Pops the window on ring, focus mode while live, badge = missed count; a phone click dials or waits for "Call". */
function usePipedriveMirror(
  state: CallSessionState,
  sdk: PipedriveSdk | null,
  visibility: VisibilityChange | null,
  dial: (target: PlacingTarget) => void,
  confirm: ((target: PlacingTarget) => void) | null,
) {
  const sync = useMemo(() => (sdk ? createCallSdkSync(sdk) : null), [sdk]);
  const isVisible = visibility?.isVisible ?? false;
  useEffect(() => sync?.update(state, isVisible), [sync, state, isVisible]);
  const handled = useRef<VisibilityChange | null>(null);
  useEffect(() => {
    // Each visibility event is a new object: one event, at most one call.
    if (!visibility?.isVisible || handled.current === visibility) return;
    handled.current = visibility;
    sync?.windowShown();
    const number = visibility.context?.number;
    if (!number) return;
    const target = targetFromNumber(number, 'phone_click', visibility.context?.personId ?? null);
    if (confirm) confirm(target);
    else dial(target);
  }, [visibility, sync, dial, confirm]);
}

export function useCallSession({ calls, socket, sdk, visibility, phone = null, onPhoneClickToConfirm = null }: UseCallSessionOptions): {
  state: CallSessionState;
  intents: CallIntents;
  serverNotes: ServerNotes;
} {
  const [state, dispatch] = useReducer(callSessionReducer, INITIAL_CALL_SESSION);
  const [serverNotes, setServerNotesState] = useState<ServerNotes>({ draft: null, clockOffsetMs: 0 });
  const setServerNotes = useCallback<ServerNotesUpdate>((update) => setServerNotesState((current) => ({ ...current, ...update })), []);
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  }, [state]);
  const latestPhone = useRef(phone);
  useEffect(() => {
    latestPhone.current = phone;
  }, [phone]);
  const intents = useMemo(
    () => createCallIntents({ calls, dispatch, getState: () => latest.current, notes: browserNotesStorage, phone: () => latestPhone.current }),
    [calls],
  );

  useResume(calls, socket, dispatch, setServerNotes);
  useCallEvents(socket, dispatch, phone, setServerNotes);
  usePhoneFollowsCall(state, phone);

  // The reducer decides whether a dial is allowed; the POST goes out once per accepted target.
  const placed = useRef<PlacingTarget | null>(null);
  useEffect(() => {
    const target = state.placing;
    if (!target || placed.current === target) return;
    placed.current = target;
    void intents.place(target);
  }, [state.placing, intents]);

  usePipedriveMirror(state, sdk, visibility, intents.dial, onPhoneClickToConfirm);
  return { state, intents, serverNotes };
}
