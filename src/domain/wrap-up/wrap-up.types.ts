import type { PipedriveCallOutcome } from '@/domain/call/call-outcome';
import type { EpochMillis } from '@/domain/call/call.types';
import type { DomainFailure } from '@/domain/errors';

/** What the agent chose on the dialer after the call (one button each). */
export type WrapUpAction =
  | { readonly kind: 'hang_up' }
  | { readonly kind: 'notes_to_deal'; readonly dealId: number }
  | { readonly kind: 'notes_to_contact'; readonly personId: number }
  | { readonly kind: 'create_contact'; readonly name: string };

/** Outcomes only the agent can know; the telephony side cannot tell a voicemail from a person. */
export type AgentReportedOutcome = Extract<
  PipedriveCallOutcome,
  'left_message' | 'left_voicemail' | 'wrong_number'
>;

export interface WrapUp {
  readonly callId: string;
  /** Plain text as typed; escaped before it becomes Pipedrive HTML. */
  readonly notes: string;
  readonly action: WrapUpAction;
  readonly reportedOutcome?: AgentReportedOutcome;
}

/** What the application knows about the call besides the call itself. */
export interface WrapUpContext {
  /** Name of the person the log is about, for the subject ("Inbound call from Ada Lovelace"). */
  readonly personName?: string;
  /**
   * The organization the call is about: the deal's, else the chosen person's. Pipedrive shows a
   * call log (and a note) in the timeline of every record it is linked to, so it is linked to it too.
   */
  readonly orgId?: number;
}

export interface WrapUpSettings {
  /** Company setting: add a "Call back" activity for every missed call. */
  readonly createCallbackForMissedCalls: boolean;
  /** The company's main line, used as our side of a call whose own number is unknown. */
  readonly companyPhoneNumber?: string;
}

/** Body of POST /v1/callLogs. */
export interface CallLogPayload {
  readonly outcome: PipedriveCallOutcome;
  /** Optional in Pipedrive: left out when our side of an outbound call is unknown. */
  readonly from_phone_number?: string;
  readonly to_phone_number: string;
  /** UTC, "YYYY-MM-DD HH:MM:SS". */
  readonly start_time: string;
  readonly end_time: string;
  /** Whole seconds of talk time, as a string, as the API wants it. */
  readonly duration: string;
  readonly subject: string;
  readonly user_id?: number;
  readonly person_id?: number;
  readonly org_id?: number;
  readonly deal_id?: number;
  /** Safe HTML: the agent's notes, the one place they go when the wrap-up comes in time. */
  readonly note?: string;
}

/** Body of POST /v2/persons. */
export interface PersonPayload {
  readonly name: string;
  readonly phones: ReadonlyArray<{ readonly value: string; readonly primary: true; readonly label: 'work' }>;
}

/** Body of POST /v1/notes. */
export interface NotePayload {
  /** Safe HTML. */
  readonly content: string;
  readonly person_id?: number;
  readonly org_id?: number;
  readonly deal_id?: number;
}

/** Body of POST /v2/activities. */
export interface ActivityPayload {
  readonly subject: string;
  readonly type: 'call';
  /** UTC, "YYYY-MM-DD". */
  readonly due_date: string;
  readonly done: false;
  readonly user_id?: number;
  readonly person_id?: number;
  readonly org_id?: number;
  readonly deal_id?: number;
  readonly note?: string;
}

/**
 * The call's recording, attached to its call log (`POST /v1/callLogs/{id}/recordings`). The bytes
 * stay in the app's database until delivered; the write names them by call.
 */
export interface RecordingPayload {
  readonly callId: string;
  /** e.g. `audio/webm;codecs=opus`. */
  readonly contentType: string;
  readonly size: number;
  /** Filled by the outbox from the delivered call-log write (`callLogIdFromWrite`). */
  readonly callLogId?: string;
}

/** What a write is for; with the call id it makes the write's idempotency key. */
export type WritePurpose = 'person' | 'call_log' | 'person_note' | 'deal_note' | 'callback_activity' | 'recording';

interface WriteBase<Purpose extends WritePurpose> {
  readonly purpose: Purpose;
  /** Deterministic: the same call and purpose always give the same key, so retries and racing
   * instances collapse into one delivery. */
  readonly idempotencyKey: string;
  /** Set when `person_id` is only known once another write (the person creation) has run:
   * the outbox fills `person_id` with the id that write returned. */
  readonly personIdFromWrite?: string;
}

export type PipedriveWrite =
  | (WriteBase<'person'> & { readonly kind: 'create_person'; readonly payload: PersonPayload })
  | (WriteBase<'call_log'> & { readonly kind: 'create_call_log'; readonly payload: CallLogPayload })
  | (WriteBase<'person_note' | 'deal_note'> & {
      readonly kind: 'create_note';
      readonly payload: NotePayload;
    })
  | (WriteBase<'callback_activity'> & {
      readonly kind: 'create_activity';
      readonly payload: ActivityPayload;
    })
  | (WriteBase<'recording'> & {
      readonly kind: 'attach_recording';
      readonly payload: RecordingPayload;
      /** The call-log write whose result (the call log's id) the recording is attached to: the
       * outbox delivers it only once that write is delivered. */
      readonly callLogIdFromWrite: string;
    });

export type WrapUpErrorCode =
  /** The wrap-up names another call than the one given. */
  | 'WRAP_UP_CALL_MISMATCH'
  /** The call is still going: nothing to log yet. */
  | 'WRAP_UP_CALL_NOT_ENDED'
  /** The call was already wrapped up (a second tab, a double submit). */
  | 'WRAP_UP_ALREADY_DONE'
  /** "Create contact" with an empty name. */
  | 'WRAP_UP_CONTACT_NAME_REQUIRED';

export interface WrapUpError extends DomainFailure<WrapUpErrorCode> {
  readonly callId: string;
}

export type AutomaticLogDecision =
  | { readonly kind: 'not_ended' }
  | { readonly kind: 'already_logged' }
  | { readonly kind: 'wait'; readonly until: EpochMillis }
  | { readonly kind: 'log_now' };
