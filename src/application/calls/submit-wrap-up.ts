import { applyCallEvent, linkCallToContact, type Call } from '@/domain/call';
import type { Result } from '@/domain/errors';
import { planWrapUpWrites, writeIdempotencyKey, type WrapUp, type WrapUpAction, type WrapUpError } from '@/domain/wrap-up';
import type { StoredCall } from '@/application/ports/call-store.port';
import type { CallView } from '@/application/ports/call-view';
import type { CallSettings } from '@/application/ports/company-settings.port';
import type { CallDeps } from './call-deps';
import type { CallNotFoundError, CallNotYoursError } from './call-errors';
import { toCallView } from './call-view';
import { organizationOf, personNameOf } from './look-up-caller';
import { callLoader, mutateCall, type CallMutation } from './mutate-call';
import { includesCallLog, toOutboxEntries } from './outbox-entries';

export interface SubmitWrapUpInput {
  readonly companyId: number;
  readonly userId: number;
  readonly wrapUp: WrapUp;
}

export type SubmitWrapUpError = CallNotFoundError | CallNotYoursError | WrapUpError;

export type SubmitWrapUpResult = Result<
  {
    readonly call: CallView;
    /** The automatic log went first: the notes were queued as a separate note instead. */
    readonly isLate: boolean;
    /** Late notes that found no person or deal to go to; the UI should say so. */
    readonly hasUnplacedNotes: boolean;
    /** Keys of the writes this wrap-up queued (already queued ones are not repeated). */
    readonly queuedKeys: readonly string[];
  },
  SubmitWrapUpError
>;

type Deps = Pick<CallDeps, 'calls' | 'unitOfWork' | 'events' | 'outbox' | 'preferences' | 'notifier' | 'clock' | 'settings'>;

type Decision = Result<{ readonly isLate: boolean; readonly hasUnplacedNotes: boolean }, SubmitWrapUpError>;

/**
 * The agent's wrap-up after a call: the planned Pipedrive writes are queued and the call is marked
 * wrapped up in one unit of work, so a write is never queued for a call left open nor the other
 * way round. When the grace-period sweep logged the call first (even concurrently: the version
 * check catches it and the plan is redone), the notes go out as a note, never as a second log.
 */
export async function submitWrapUp(deps: Deps, input: SubmitWrapUpInput): Promise<SubmitWrapUpResult> {
  const { companyId, userId, wrapUp } = input;
  const callId = wrapUp.callId;
  const settings = await deps.settings.get(companyId);
  const now = deps.clock.now();
  const outcome = await mutateCall(deps, callLoader(deps, companyId, callId), async (stored): Promise<CallMutation<Decision>> => {
    if (stored.call.agentUserId !== userId) return keep({ code: 'CALL_NOT_YOURS', callId });
    const isCallLogged = stored.isCallLogged || (await deps.outbox.has(writeIdempotencyKey(callId, 'call_log')));
    const plan = planWrapUpWrites({
      call: stored.call,
      wrapUp,
      context: contextFor(stored, wrapUp.action),
      settings: wrapUpSettings(settings),
      isCallLogged,
    });
    if (!plan.ok) return keep(plan.error);
    const wrapped = applyCallEvent(stored.call, { type: 'wrap_up' }, now);
    if (!wrapped.ok) return keep({ code: 'WRAP_UP_CALL_NOT_ENDED', callId });
    return {
      kind: 'save',
      record: {
        ...stored,
        call: linkCallToContact(wrapped.call, chosenLink(wrapUp.action)),
        isCallLogged: isCallLogged || includesCallLog(plan.writes),
      },
      enqueue: toOutboxEntries(stored.call, plan.writes, now),
      result: { ok: true, isLate: plan.isLate, hasUnplacedNotes: plan.hasUnplacedNotes },
    };
  });
  if (!outcome.found) return { ok: false, error: { code: 'CALL_NOT_FOUND', callId } };
  if (!outcome.result.ok) return outcome.result;

  const { stored } = outcome;
  await rememberChoice(deps, stored.call, wrapUp.action, now);
  const view = toCallView(stored, { gracePeriodMs: settings.wrapUpGracePeriodMs });
  await deps.notifier.callUpdated(companyId, [userId], view);
  return {
    ok: true,
    call: view,
    isLate: outcome.result.isLate,
    hasUnplacedNotes: outcome.result.hasUnplacedNotes,
    queuedKeys: outcome.enqueued?.inserted ?? [],
  };
}

function keep(error: SubmitWrapUpError): CallMutation<Decision> {
  return { kind: 'keep', result: { ok: false, error } };
}

export function wrapUpSettings(settings: CallSettings) {
  return {
    createCallbackForMissedCalls: settings.createCallbackForMissedCalls,
    ...(settings.companyPhoneNumber === undefined ? {} : { companyPhoneNumber: settings.companyPhoneNumber }),
  };
}

/**
 * The name the log's subject uses (the person the notes go to, or the call's person) and the
 * organization the call is about (the chosen deal's, else that person's).
 */
function contextFor(stored: StoredCall, action: WrapUpAction) {
  if (action.kind === 'create_contact') return {};
  const personId = action.kind === 'notes_to_contact' ? action.personId : stored.call.personId;
  const dealId = action.kind === 'notes_to_deal' ? action.dealId : action.kind === 'hang_up' ? stored.call.dealId : undefined;
  const personName = personNameOf(stored.caller, personId);
  const orgId = organizationOf(stored.caller, { personId, dealId });
  return { ...(personName === undefined ? {} : { personName }), ...(orgId === undefined ? {} : { orgId }) };
}

/** The call shows what the agent chose in the history (a new contact by its name, at once). */
function chosenLink(action: WrapUpAction): { personId?: number; dealId?: number; newContactName?: string } {
  switch (action.kind) {
    case 'notes_to_deal':
      return { dealId: action.dealId };
    case 'notes_to_contact':
      return { personId: action.personId };
    case 'create_contact':
      return { newContactName: action.name.trim() };
    case 'hang_up':
      return {};
  }
}

/**
 * A person or deal the agent picked is remembered for the number. A contact created by the
 * wrap-up has no id until the outbox delivers it, so it is not remembered.
 */
async function rememberChoice(deps: Pick<CallDeps, 'preferences'>, call: Call, action: WrapUpAction, now: number): Promise<void> {
  const personId = action.kind === 'notes_to_contact' ? action.personId : action.kind === 'notes_to_deal' ? call.personId : undefined;
  if (personId === undefined || !call.remoteNumber.startsWith('+')) return;
  const dealId = action.kind === 'notes_to_deal' ? action.dealId : undefined;
  await deps.preferences.remember(call.companyId, call.remoteNumber, { personId, chosenAt: now, ...(dealId === undefined ? {} : { dealId }) });
}
