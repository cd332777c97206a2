import type { Call } from '@/domain/call/call.types';
import type { Result } from '@/domain/errors';
import { callbackActivityWrites } from './callback-activity';
import { notesToHtml } from './pipedrive-format';
import { resolveWrapUpTarget, type WrapUpTarget } from './wrap-up-target';
import {
  callLogWrite,
  createPersonWrite,
  dealNoteWrite,
  personNoteWrite,
  standaloneCallNoteHtml,
} from './wrap-up-writes';
import type { PipedriveWrite, WrapUp, WrapUpContext, WrapUpError, WrapUpSettings } from './wrap-up.types';

export interface PlanWrapUpInput {
  readonly call: Call;
  readonly wrapUp: WrapUp;
  readonly context?: WrapUpContext;
  readonly settings: WrapUpSettings;
  /** True once a call-log write for this call is queued (by the grace-period rule, usually). */
  readonly isCallLogged: boolean;
}

export type PlanWrapUpResult = Result<
  {
    /** In delivery order: a person before anything that needs its id. */
    readonly writes: PipedriveWrite[];
    /** The call log was already queued, so the notes travel as separate notes. */
    readonly isLate: boolean;
    /** Notes that found no person or deal to go to (late "hang up" of an unknown caller). */
    readonly hasUnplacedNotes: boolean;
  },
  WrapUpError
>;

/**
 * The Pipedrive writes an agent's wrap-up produces. The notes reach Pipedrive exactly once, the
 * same way whatever the action:
 *
 * On time (no call log yet): only in the call log's `note`. Pipedrive stores a call log as a call
 * activity linked to its person, deal and organization, and shows it with its note in each of
 * their timelines, so a separate note would show the same text twice. Late (the automatic log
 * already went, and Pipedrive call logs cannot be edited): one note, linked to the same person,
 * deal and organization, headed with the call it is about.
 */
export function planWrapUpWrites(input: PlanWrapUpInput): PlanWrapUpResult {
  const { call, wrapUp } = input;
  const error = findWrapUpError(call, wrapUp);
  if (error !== undefined) return { ok: false, error: { code: error, callId: call.id } };
  const target = resolveWrapUpTarget(call, wrapUp.action, input.context ?? {});
  const personWrites = target.createPersonNamed
    ? [createPersonWrite(call, target.createPersonNamed)]
    : [];
  const planned = input.isCallLogged
    ? planLateNotes(call, wrapUp, target)
    : { writes: planOnTime(call, wrapUp, target, input.settings), hasUnplacedNotes: false };
  return {
    ok: true,
    writes: [...personWrites, ...planned.writes],
    isLate: input.isCallLogged,
    hasUnplacedNotes: planned.hasUnplacedNotes,
  };
}

function findWrapUpError(call: Call, wrapUp: WrapUp): WrapUpError['code'] | undefined {
  if (wrapUp.callId !== call.id) return 'WRAP_UP_CALL_MISMATCH';
  if (call.state === 'wrapped_up') return 'WRAP_UP_ALREADY_DONE';
  if (call.state !== 'ended') return 'WRAP_UP_CALL_NOT_ENDED';
  if (wrapUp.action.kind === 'create_contact' && wrapUp.action.name.trim() === '') {
    return 'WRAP_UP_CONTACT_NAME_REQUIRED';
  }
  return undefined;
}

function planOnTime(
  call: Call,
  wrapUp: WrapUp,
  target: WrapUpTarget,
  settings: WrapUpSettings,
): PipedriveWrite[] {
  const notesHtml = notesToHtml(wrapUp.notes);
  const reportedOutcome = wrapUp.reportedOutcome;
  const log = callLogWrite(call, target, settings, {
    ...(notesHtml ? { noteHtml: notesHtml } : {}),
    ...(reportedOutcome ? { reportedOutcome } : {}),
  });
  return [log, ...callbackActivityWrites(call, target, settings)];
}

function planLateNotes(
  call: Call,
  wrapUp: WrapUp,
  target: WrapUpTarget,
): { writes: PipedriveWrite[]; hasUnplacedNotes: boolean } {
  const notesHtml = notesToHtml(wrapUp.notes);
  if (!notesHtml) return { writes: [], hasUnplacedNotes: false };
  const content = standaloneCallNoteHtml(call, target, notesHtml, wrapUp.reportedOutcome);
  const { dealId } = target;
  if (dealId !== undefined) {
    return { writes: [dealNoteWrite(call, { ...target, dealId }, content)], hasUnplacedNotes: false };
  }
  if (target.personId !== undefined || target.personIdFromWrite !== undefined) {
    return { writes: [personNoteWrite(call, target, content)], hasUnplacedNotes: false };
  }
  return { writes: [], hasUnplacedNotes: true };
}
