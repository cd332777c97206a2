export type { AgentPresence } from './agent-presence.port';
export type { CallStore, CallRecord, StoredCall, MissedBy, AgentCallsQuery, InsertCallResult, UpdateCallResult, CallStoreDuplicate, CallStoreVersionConflict } from './call-store.port';
export { isActiveCall, isCallOfAgent, isMissedCallOf } from './call-record';
export type { CallView } from './call-view';
export type { CallerInfo, CallerMatch, CallerChoiceRef } from './caller-info';
export type { CallerPreferences, CallerChoice } from './caller-preferences.port';
export type { Clock } from './clock.port';
export { DEFAULT_CALL_SETTINGS, type CallSettings, type CompanySettings } from './company-settings.port';
export type { CrmDirectory, CrmAccountRef, CrmDeal, CrmPersonDetails, CrmPhonePerson } from './crm-directory.port';
export type { IdGenerator } from './id-generator.port';
export { lastDigits, type Logger } from './logger.port';
export type { OutboxStore, OutboxEntry, OutboxEntryInput, EnqueueResult } from './outbox-store.port';
export type { RealtimeNotifier } from './realtime-notifier.port';
export type { RingTimeoutScheduler, RingTimeout } from './ring-timeout-scheduler.port';
export { TelephonyError, type TelephonyErrorKind } from './telephony-error';
export type {
  TelephonyProvider,
  PlaceCallRequest,
  ProviderCallStatus,
  ProviderCallUpdate,
  CallUpdateListener,
} from './telephony-provider.port';
export { systemTimers, type Timers } from './timers.port';
export type { UnitOfWork, CallChanges, CommitCallChangesResult } from './unit-of-work.port';
export type { TelephonyProviders } from './telephony-providers.port';
export type { CompanyDirectory } from './company-directory.port';
export type { CallHeartbeats, HeartbeatCall } from './call-heartbeats.port';
export type { NotesDraft, NotesDrafts } from './notes-drafts.port';
export type { CallRecordings, CallRecordingInput, StoredRecording } from './call-recordings.port';
export type { AgentAvailability, AgentRef } from './agent-availability.port';
