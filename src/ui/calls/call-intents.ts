/**
 * What the agent's clicks do: requests to the calls API, answers and failures dispatched to the
 * session reducer. Plain functions over injected parts, so the flows are tested without React.
 */
import { ServerRequestError } from '@/ui/api-client';
import { describeError } from '@/ui/describe-error';
import { buildWrapUp, choosePerson, wrapUpContext, type ContactChoice, type WrapUpIntent } from './call-context';
import type { CallSessionAction, CallSessionState, PlacingTarget } from './call-session-state';
import { isLive, type CallView } from './call-types';
import type { CallsApi } from './calls-api';
import { NO_MICROPHONE, type CallPhone } from './call-phone';
import { clearNotes, type NotesStorage } from './notes-storage';

export interface CallIntents {
  dial(target: PlacingTarget): void;
  /** Sends POST /api/calls for a target the reducer accepted. */
  place(target: PlacingTarget): Promise<void>;
  answer(): Promise<void>;
  reject(): Promise<void>;
  /** Hangs up without a wrap-up yet (after a transfer); the Dialer then offers the wrap-up. */
  hangUp(): Promise<void>;
  /** Hangs up (if still live), then posts the wrap-up. */
  end(intent: WrapUpIntent, input: { notes: string; contactName: string }): Promise<void>;
  retryWrapUp(): Promise<void>;
  choosePerson(personId: number): void;
  chooseDeal(dealId: number): void;
  dismiss(): void;
  clearNotice(): void;
  markMissedSeen(): void;
}

export interface CallIntentDeps {
  calls: CallsApi;
  dispatch: (action: CallSessionAction) => void;
  /** The state as of the last render. */
  getState: () => CallSessionState;
  notes: () => NotesStorage | null;
  /** The softphone in this window, if the provider has one (it may load after the intents exist). */
  phone?: () => CallPhone | null;
}

function isConflict(error: unknown, ...codes: string[]): boolean {
  return error instanceof ServerRequestError && error.status === 409 && (codes.length === 0 || codes.includes(error.code));
}

const ANSWERED_ELSEWHERE = ['CALL_ALREADY_ANSWERED', 'ROUTING_CALL_ALREADY_CLAIMED'];

export function createCallIntents({ calls, dispatch, getState, notes, phone = () => null }: CallIntentDeps): CallIntents {
  /** The call to act on; null while another request for it runs (double clicks). */
  const current = (): CallView | null => (getState().pending === null ? getState().call : null);
  const fail = (prefix: string) => (error: unknown) => dispatch({ type: 'request-failed', message: `${prefix} ${describeError(error)}` });
  const answerWith = (call: CallView) => dispatch({ type: 'call-answer', call });

  /** Tells the server whom the agent picked, once the call is answered (or over). */
  async function sendChoice(call: CallView, { personId, dealId }: ContactChoice): Promise<void> {
    if (personId === null || (personId === call.personId && dealId === call.dealId)) return;
    try {
      const view = await calls.chooseContact(call.id, dealId === null ? { personId } : { personId, dealId });
      dispatch({ type: 'updated', call: view });
    } catch (error) {
      fail('Could not save who is calling.')(error);
    }
  }

  return {
    dial: (target) => dispatch({ type: 'dial', target }),
    async place(target) {
      const personId = target.personId ?? undefined;
      const softphone = phone();
      try {
        // The microphone first: a call the browser cannot speak on is never created.
        await softphone?.prepare();
      } catch {
        return dispatch({ type: 'place-failed', message: `Could not place the call: ${NO_MICROPHONE}` });
      }
      softphone?.dial(target.number);
      try {
        const call = await calls.place({ number: target.number, source: target.source, ...(personId === undefined ? {} : { personId }) });
        dispatch({ type: 'placed', call });
        softphone?.linkDial(call.id);
      } catch (error) {
        softphone?.abandonDial();
        dispatch({ type: 'place-failed', message: `Could not place the call. ${describeError(error)}` });
      }
    },
    async answer() {
      const call = current();
      if (!call) return;
      const choice = getState().choice;
      dispatch({ type: 'request-started', request: 'answering' });
      const softphone = phone();
      try {
        // The SIP answer first, so the caller hears us as soon as the server records it.
        await softphone?.answer(call.id);
      } catch {
        return dispatch({ type: 'request-failed', message: `Could not answer: ${NO_MICROPHONE}` });
      }
      try {
        const answered = await calls.answer(call.id);
        answerWith(answered);
        await sendChoice(answered, choice);
      } catch (error) {
        const lost = isConflict(error, ...ANSWERED_ELSEWHERE) || isConflict(error, 'CALL_NOT_RINGING');
        // Someone else won the call (or it is over): this window's SIP leg must not stay up.
        if (lost) softphone?.drop(call.id);
        if (isConflict(error, ...ANSWERED_ELSEWHERE)) dispatch({ type: 'answered-elsewhere', callId: call.id });
        else if (isConflict(error, 'CALL_NOT_RINGING')) dispatch({ type: 'stop-ringing', callId: call.id, reason: 'missed' });
        else fail('Could not answer.')(error);
      }
    },
    async reject() {
      const call = current();
      if (!call) return;
      const { personId, dealId } = getState().choice;
      dispatch({ type: 'request-started', request: 'rejecting' });
      phone()?.reject(call.id);
      const pick = personId === null ? undefined : { personId, ...(dealId === null ? {} : { dealId }) };
      await calls.reject(call.id, pick).then(answerWith, fail('Could not reject the call.'));
    },
    async hangUp() {
      const call = current();
      if (!call || !isLive(call)) return;
      dispatch({ type: 'request-started', request: 'ending' });
      phone()?.hangUp(call.id);
      try {
        dispatch({ type: 'call-answer', call: await calls.hangUp(call.id) });
      } catch (error) {
        if (isConflict(error)) dispatch({ type: 'call-answer', call });
        else fail('Could not hang up.')(error);
      }
    },
    async end(intent, input) {
      const call = current();
      if (!call) return;
      const built = buildWrapUp(intent, wrapUpContext(call, getState().choice), input);
      if (!built.ok) return dispatch({ type: 'notice', notice: { tone: 'error', text: built.message } });
      dispatch({ type: 'request-started', request: 'ending' });
      if (isLive(call)) {
        phone()?.hangUp(call.id);
        try {
          dispatch({ type: 'updated', call: await calls.hangUp(call.id) });
        } catch (error) {
          // 409: it ended already (the other side hung up first); the wrap-up still goes out.
          if (!isConflict(error)) return fail('Could not hang up.')(error);
        }
      }
      try {
        dispatch({ type: 'wrap-up-sent', call: await calls.wrapUp(call.id, built.request), request: built.request });
        clearNotes(notes(), call.id);
      } catch (error) {
        fail('Your notes were not sent.')(error);
      }
    },
    async retryWrapUp() {
      const call = current();
      if (!call) return;
      dispatch({ type: 'retry-started' });
      await calls.retryWrapUp(call.id).then(answerWith, fail('Could not retry.'));
    },
    choosePerson(personId) {
      dispatch({ type: 'choose-person', personId });
      const call = getState().call;
      // While it rings the pick stays local; answering sends it.
      if (call && call.state !== 'ringing') void sendChoice(call, choosePerson(call, personId));
    },
    chooseDeal: (dealId) => dispatch({ type: 'choose-deal', dealId }),
    dismiss() {
      clearNotes(notes(), getState().call?.id ?? null);
      dispatch({ type: 'dismiss' });
    },
    clearNotice: () => dispatch({ type: 'notice', notice: null }),
    markMissedSeen() {
      calls.markMissedSeen().then(
        (unseenCount) => dispatch({ type: 'missed-count', unseenCount }),
        () => {},
      );
    },
  };
}
