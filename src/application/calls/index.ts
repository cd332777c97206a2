export type { CallDeps } from './call-deps';
export type * from './call-errors';
export { toCallView } from './call-view';
export { placeOutboundCall, type PlaceOutboundCallInput, type PlaceOutboundCallResult } from './place-outbound-call';
export {
  receiveInboundCall,
  type InboundMissedReason,
  type ReceiveInboundCallInput,
  type ReceiveInboundCallResult,
} from './receive-inbound-call';
export { answerCall, type AnswerCallInput, type AnswerCallResult } from './answer-call';
export { rejectCall, type RejectCallInput, type RejectCallResult } from './reject-call';
export { hangUpCall, type HangUpCallInput, type HangUpCallResult } from './hang-up-call';
export {
  applyProviderCallUpdate,
  type ApplyProviderCallUpdateInput,
  type ApplyProviderCallUpdateResult,
} from './apply-provider-call-update';
export { callEventsForProviderStatus } from './provider-call-events';
export { expireRinging, expireOverdueRinging, expireDueRinging, type ExpireRingingResult } from './expire-ringing';
export { submitWrapUp, type SubmitWrapUpInput, type SubmitWrapUpResult } from './submit-wrap-up';
export type { WrapUpAction } from '@/domain/wrap-up';
export { logAbandonedCalls, type LogAbandonedCallsResult } from './log-abandoned-calls';
export { listMissedCalls, markMissedCallsSeen, type MissedCallsPage } from './missed-calls';
export { getCallHistory, type CallHistoryPage } from './get-call-history';
export { resumeActiveCall, type ResumeActiveCallResult } from './resume-active-call';
export { selectCallContact, type SelectCallContactInput, type SelectCallContactResult } from './select-call-contact';
export { lookUpCaller } from './look-up-caller';
export { linkCreatedPerson } from './link-created-person';
export { subscribeCallFollowUps, type CallFollowUpJobs } from './call-follow-ups';
export { insertCall, publishCallCommit } from './call-commits';
export { reportCallEvent, type ReportCallEventInput, type ReportCallEventResult, type ReportedCallEvent, type NotYourCallError } from './report-call-event';
export { receiveReportedInboundCall, type ReceiveReportedInboundCallInput, type ReceiveReportedInboundCallResult } from './receive-reported-inbound-call';
export { endSilentCalls, SILENT_CALL_MS, type EndSilentCallsResult } from './end-silent-calls';
export { saveNotesDraft, readNotesDraft, MAX_NOTES_DRAFT_LENGTH, type SaveNotesDraftInput, type SaveNotesDraftResult } from './notes-draft';
export { storeCallRecording, MAX_RECORDING_BYTES, type StoreCallRecordingInput, type StoreCallRecordingResult, type RecordingErrorCode } from './store-call-recording';
