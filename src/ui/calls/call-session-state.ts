/**
 * The window's current call, as a pure reducer fed by REST answers and socket events. Rules:
 * - one call at a time: a call ringing while the agent is on a call never replaces it (it is
 *   counted as missed);
 * - views of the current call only move forward (`call-progress.ts`), so duplicates and late
 *   answers change nothing;
 * - events about other calls are ignored, and calls this window closed stay closed.
 */
import { choosePerson, initialChoice, NO_CHOICE, callerName, callNumber, type ContactChoice } from './call-context';
import { newerView } from './call-progress';
import { isLive, type CallOutcome, type CallSource, type CallView, type StopRingingReason, type WrapUpRequest } from './call-types';

/** An outbound call asked for, before the server's answer gives it an id. */
export interface PlacingTarget {
  number: string;
  source: CallSource;
  personId: number | null;
  name: string | null;
  pictureUrl: string | null;
  organizationName: string | null;
}

export type PendingRequest = 'placing' | 'answering' | 'rejecting' | 'ending' | 'retrying';

export interface Notice {
  tone: 'info' | 'error';
  text: string;
}

export interface CallSessionState {
  call: CallView | null;
  placing: PlacingTarget | null;
  /** What the agent dialled for the current outbound call (name and picture before/without a lookup match). */
  dialled: PlacingTarget | null;
  /** Updates that beat the POST /api/calls answer; merged once it names its call. */
  early: CallView[];
  choice: ContactChoice;
  pending: PendingRequest | null;
  /** What the agent submitted (the follow-up screen prefills the activity from it). */
  sentWrapUp: WrapUpRequest | null;
  notice: Notice | null;
  /** Unseen missed calls; null until the server said. */
  missedCount: number | null;
  /** Calls this window is done with: late events about them are ignored. */
  closedIds: string[];
}

export type CallSessionAction =
  | { type: 'resumed'; call: CallView | null }
  | { type: 'ringing'; call: CallView }
  | { type: 'updated'; call: CallView }
  | { type: 'stop-ringing'; callId: string; reason: StopRingingReason }
  | { type: 'missed-count'; unseenCount: number }
  | { type: 'dial'; target: PlacingTarget }
  | { type: 'placed'; call: CallView }
  | { type: 'place-failed'; message: string }
  | { type: 'request-started'; request: Exclude<PendingRequest, 'placing'> }
  | { type: 'call-answer'; call: CallView }
  | { type: 'request-failed'; message: string }
  | { type: 'answered-elsewhere'; callId: string }
  | { type: 'wrap-up-sent'; call: CallView; request: WrapUpRequest }
  | { type: 'retry-started' }
  | { type: 'choose-person'; personId: number }
  | { type: 'choose-deal'; dealId: number }
  | { type: 'dismiss' }
  | { type: 'notice'; notice: Notice | null };

export const INITIAL_CALL_SESSION: CallSessionState = {
  call: null,
  placing: null,
  dialled: null,
  early: [],
  choice: NO_CHOICE,
  pending: null,
  sentWrapUp: null,
  notice: null,
  missedCount: null,
  closedIds: [],
};

const CLOSED_MEMORY = 20;
const EARLY_MEMORY = 5;

export const STOP_RINGING_TEXT: Record<StopRingingReason, string> = {
  // The same reason reaches the answering agent's other tabs and every other agent it rang.
  answered_elsewhere: 'Answered in another tab or by a colleague',
  caller_hung_up: 'Caller hung up',
  missed: 'Missed call',
  rejected: 'Call rejected',
};

/** "Missed call from Greta Vogel": a bare "Missed call" leaves the agent guessing whom to call back. */
function missedText(call: CallView): string {
  return `${STOP_RINGING_TEXT.missed} from ${callerName(call) ?? callNumber(call)}`;
}

function unansweredText(call: CallView, outcome: CallOutcome | null = call.outcome): string {
  if (outcome === 'rejected') return STOP_RINGING_TEXT.rejected;
  if (outcome === 'cancelled') return STOP_RINGING_TEXT.caller_hung_up;
  return missedText(call);
}

/** Placing a call, or on a live one: another call must not take the screen. */
export function isOnCall(state: CallSessionState): boolean {
  return state.placing !== null || (state.call !== null && isLive(state.call));
}

function remember(closedIds: string[], callId: string): string[] {
  if (closedIds.includes(callId)) return closedIds;
  return [...closedIds, callId].slice(-CLOSED_MEMORY);
}

function adopt(state: CallSessionState, call: CallView, dialled: PlacingTarget | null = null): CallSessionState {
  const closedIds = state.call && state.call.id !== call.id ? remember(state.closedIds, state.call.id) : state.closedIds;
  return {
    ...state,
    call,
    placing: null,
    dialled,
    early: [],
    choice: initialChoice(call),
    pending: null,
    sentWrapUp: null,
    notice: null,
    closedIds,
  };
}

function close(state: CallSessionState, notice: Notice | null): CallSessionState {
  const closedIds = state.call ? remember(state.closedIds, state.call.id) : state.closedIds;
  return { ...state, call: null, dialled: null, choice: NO_CHOICE, pending: null, sentWrapUp: null, notice, closedIds };
}

/** An inbound call that ended before anyone here answered: nothing to wrap up, back home. */
function settle(state: CallSessionState): CallSessionState {
  const call = state.call;
  if (!call || call.direction !== 'inbound' || call.answeredAt !== null || isLive(call)) return state;
  if (call.wrapUp !== null || state.sentWrapUp !== null) return state;
  return close(state, { tone: 'info', text: unansweredText(call) });
}

function merge(state: CallSessionState, incoming: CallView): CallSessionState {
  const current = state.call;
  if (!current || current.id !== incoming.id) return state;
  const call = newerView(current, incoming);
  if (call === current) return state;
  // A person set by the server (contact created by the wrap-up, choice from another tab) fills an empty pick.
  const choice = state.choice.personId === null && call.personId !== null ? initialChoice(call) : state.choice;
  return settle({ ...state, call, choice });
}

function onRinging(state: CallSessionState, call: CallView): CallSessionState {
  if (state.closedIds.includes(call.id)) return state;
  if (state.call?.id === call.id) return merge(state, call);
  if (call.direction !== 'inbound' || call.state !== 'ringing') return state;
  if (isOnCall(state)) {
    const who = callerName(call) ?? callNumber(call);
    return { ...state, missedCount: (state.missedCount ?? 0) + 1, notice: { tone: 'info', text: `Missed call from ${who} while you were on a call` } };
  }
  return adopt(state, call);
}

function onUpdated(state: CallSessionState, call: CallView): CallSessionState {
  if (state.placing && !state.call && call.direction === 'outbound') {
    return { ...state, early: [...state.early, call].slice(-EARLY_MEMORY) };
  }
  return merge(state, call);
}

function onResumed(state: CallSessionState, call: CallView | null): CallSessionState {
  if (!call || state.closedIds.includes(call.id)) return state;
  if (state.call?.id === call.id) return merge(state, call);
  if (isOnCall(state) || call.state === 'wrapped_up') return state;
  return settle(adopt(state, call));
}

function onPlaced(state: CallSessionState, placed: CallView): CallSessionState {
  if (state.call?.id === placed.id) return merge({ ...state, placing: null, pending: null }, placed);
  const call = state.early.filter((early) => early.id === placed.id).reduce(newerView, placed);
  return adopt(state, call, state.placing);
}

function onDial(state: CallSessionState, target: PlacingTarget): CallSessionState {
  if (target.number.trim() === '') return state;
  if (isOnCall(state)) return { ...state, notice: { tone: 'info', text: 'Finish the current call before starting another.' } };
  return { ...close(state, null), placing: target, early: [], pending: 'placing' };
}

function onStopRinging(state: CallSessionState, callId: string, reason: StopRingingReason): CallSessionState {
  const call = state.call;
  if (call?.id === callId) {
    // Answered here already: the other tabs stop ringing, this one keeps the call.
    if (call.direction !== 'inbound' || call.state !== 'ringing') return state;
    // This window's own "Reject" stops its ringing too, and that push usually beats the answer:
    // it is a rejected call, as History and Pipedrive call it, not a missed one.
    if (state.pending === 'rejecting') return close(state, { tone: 'info', text: unansweredText(call, 'rejected') });
    return close(state, { tone: 'info', text: reason === 'missed' ? missedText(call) : STOP_RINGING_TEXT[reason] });
  }
  const closedIds = remember(state.closedIds, callId);
  return closedIds === state.closedIds ? state : { ...state, closedIds };
}

function onRequestFailed(state: CallSessionState, message: string): CallSessionState {
  const failed: CallSessionState = { ...state, pending: null, notice: { tone: 'error', text: message } };
  const call = state.call;
  // The retry never reached the server: undo the optimistic "pending".
  if (state.pending !== 'retrying' || call?.wrapUp?.status !== 'pending') return failed;
  return { ...failed, call: { ...call, wrapUp: { ...call.wrapUp, status: 'failed', error: message } } };
}

function onRetryStarted(state: CallSessionState): CallSessionState {
  const call = state.call;
  if (!call?.wrapUp || call.wrapUp.status !== 'failed') return state;
  return { ...state, call: { ...call, wrapUp: { ...call.wrapUp, status: 'pending', error: null } }, pending: 'retrying', notice: null };
}

export function callSessionReducer(state: CallSessionState, action: CallSessionAction): CallSessionState {
  switch (action.type) {
    case 'resumed':
      return onResumed(state, action.call);
    case 'ringing':
      return onRinging(state, action.call);
    case 'updated':
      return onUpdated(state, action.call);
    case 'stop-ringing':
      return onStopRinging(state, action.callId, action.reason);
    case 'missed-count':
      return action.unseenCount === state.missedCount ? state : { ...state, missedCount: action.unseenCount };
    case 'dial':
      return onDial(state, action.target);
    case 'placed':
      return onPlaced(state, action.call);
    case 'place-failed':
      return { ...state, placing: null, early: [], pending: null, notice: { tone: 'error', text: action.message } };
    case 'request-started':
      return { ...state, pending: action.request, notice: null };
    case 'call-answer':
      return merge({ ...state, pending: null }, action.call);
    case 'request-failed':
      return onRequestFailed(state, action.message);
    case 'answered-elsewhere':
      if (state.call?.id !== action.callId) return state;
      return close(state, { tone: 'info', text: STOP_RINGING_TEXT.answered_elsewhere });
    case 'wrap-up-sent': {
      if (state.call?.id !== action.call.id) return state;
      return merge({ ...state, pending: null, sentWrapUp: action.request }, action.call);
    }
    case 'retry-started':
      return onRetryStarted(state);
    case 'choose-person':
      return state.call ? { ...state, choice: choosePerson(state.call, action.personId) } : state;
    case 'choose-deal':
      return state.call ? { ...state, choice: { ...state.choice, dealId: action.dealId } } : state;
    case 'dismiss':
      return close({ ...state, placing: null, early: [] }, null);
    case 'notice':
      return { ...state, notice: action.notice };
  }
}

/** Which call screen the window shows ('none': home). */
export type CallScreen = 'none' | 'incoming' | 'dialer' | 'follow-up';

export function callScreenOf(state: CallSessionState): CallScreen {
  const call = state.call;
  if (!call) return state.placing ? 'dialer' : 'none';
  if (call.direction === 'inbound' && call.state === 'ringing') return 'incoming';
  if (call.wrapUp !== null || call.state === 'wrapped_up' || state.sentWrapUp !== null) return 'follow-up';
  return 'dialer';
}
