import type { Call } from '@/domain/call/call.types';
import { buildCallLog, callSubject } from './build-call-log';
import { escapeHtml, formatPipedriveDateTime } from './pipedrive-format';
import { writeIdempotencyKey } from './write-idempotency-key';
import type { WrapUpTarget } from './wrap-up-target';
import type { AgentReportedOutcome, PipedriveWrite, WrapUpSettings } from './wrap-up.types';

/** Building blocks of the on-time, late and automatic plans. */

export function createPersonWrite(call: Call, name: string): PipedriveWrite {
  return {
    kind: 'create_person',
    purpose: 'person',
    idempotencyKey: writeIdempotencyKey(call.id, 'person'),
    payload: { name, phones: [{ value: call.remoteNumber, primary: true, label: 'work' }] },
  };
}

export function callLogWrite(
  call: Call,
  target: WrapUpTarget,
  settings: WrapUpSettings,
  extras: { readonly noteHtml?: string; readonly reportedOutcome?: AgentReportedOutcome } = {},
): PipedriveWrite {
  return {
    kind: 'create_call_log',
    purpose: 'call_log',
    idempotencyKey: writeIdempotencyKey(call.id, 'call_log'),
    ...personLink(target),
    payload: buildCallLog(call, { ...target, ...extras }, settings),
  };
}

export function personNoteWrite(call: Call, target: WrapUpTarget, content: string): PipedriveWrite {
  return {
    kind: 'create_note',
    purpose: 'person_note',
    idempotencyKey: writeIdempotencyKey(call.id, 'person_note'),
    ...personLink(target),
    payload: { content, ...noteLinks(target) },
  };
}

export function dealNoteWrite(
  call: Call,
  target: WrapUpTarget & { dealId: number },
  content: string,
): PipedriveWrite {
  return {
    kind: 'create_note',
    purpose: 'deal_note',
    idempotencyKey: writeIdempotencyKey(call.id, 'deal_note'),
    ...personLink(target),
    payload: { content, ...noteLinks(target) },
  };
}

/** A note shows in the timeline of each record it names: the person, the deal and the organization. */
function noteLinks(target: WrapUpTarget): { person_id?: number; deal_id?: number; org_id?: number } {
  return {
    ...(target.personId === undefined ? {} : { person_id: target.personId }),
    ...(target.dealId === undefined ? {} : { deal_id: target.dealId }),
    ...(target.orgId === undefined ? {} : { org_id: target.orgId }),
  };
}

/**
 * A note standing apart from the call log must say which call it is about: a heading with the
 * call's subject and time, the agent's reported outcome if any, then the notes.
 */
export function standaloneCallNoteHtml(
  call: Call,
  target: WrapUpTarget,
  notesHtml: string,
  reportedOutcome?: AgentReportedOutcome,
): string {
  const when = formatPipedriveDateTime(call.timestamps.answeredAt ?? call.timestamps.createdAt);
  const heading = `<p><b>${escapeHtml(callSubject(call, target.personName))}</b> (${when} UTC)</p>`;
  const outcome = reportedOutcome ? `<p>Outcome: ${reportedOutcome.replace(/_/g, ' ')}</p>` : '';
  return `${heading}${outcome}${notesHtml}`;
}

function personLink(target: WrapUpTarget): { personIdFromWrite?: string } {
  return target.personIdFromWrite === undefined ? {} : { personIdFromWrite: target.personIdFromWrite };
}
