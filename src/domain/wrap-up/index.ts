export { planWrapUpWrites, type PlanWrapUpInput, type PlanWrapUpResult } from './plan-wrap-up-writes';
export {
  planAutomaticCallLog,
  type PlanAutomaticCallLogInput,
  type PlanAutomaticCallLogResult,
} from './plan-automatic-call-log';
export { automaticLogDueAt, decideAutomaticLog, type DecideAutomaticLogInput } from './grace-period';
export { buildCallLog, callSubject, type CallLogLinks } from './build-call-log';
export { writeIdempotencyKey } from './write-idempotency-key';
export { deliveredAfterKey, planRecordingWrite } from './plan-recording-write';
export { escapeHtml, formatPipedriveDate, formatPipedriveDateTime, notesToHtml } from './pipedrive-format';
export type {
  ActivityPayload,
  AgentReportedOutcome,
  AutomaticLogDecision,
  CallLogPayload,
  NotePayload,
  PersonPayload,
  PipedriveWrite,
  RecordingPayload,
  WrapUp,
  WrapUpAction,
  WrapUpContext,
  WrapUpError,
  WrapUpErrorCode,
  WrapUpSettings,
  WritePurpose,
} from './wrap-up.types';
