/**
 * Test doubles of the ports, one class per file named after it: `in-memory-*` behave like the
 * database adapters (the contract tests run both), `fake-*` are scripted stand-ins, `recording-*`
 * keep what they were told, `static-*` answer fixed values. Production implementations
 * (system clock, random ids, in-process ring timeouts) live in `../system`.
 */
export { FakeClock, settle } from './fake-clock';
export { SequentialIdGenerator } from './sequential-id-generator';
export { RecordingLogger, type LoggedLine } from './recording-logger';
export { InMemoryCallStore } from './in-memory-call-store';
export { InMemoryOutbox } from './in-memory-outbox';
export { InMemoryUnitOfWork } from './in-memory-unit-of-work';
export { InMemoryCrmDirectory, type FakeCrmDeal, type FakeCrmPerson } from './in-memory-crm-directory';
export { InMemoryAgentPresence, type FakeAgent } from './in-memory-agent-presence';
export { RecordingRealtimeNotifier, type RealtimeMessage, type TabAddress } from './recording-realtime-notifier';
export { InMemoryCallerPreferences } from './in-memory-caller-preferences';
export { StaticCompanySettings } from './static-company-settings';
export { FakeTelephonyProvider, type FakeTelephonyCommand } from './fake-telephony-provider';
export { InMemoryCallHeartbeats } from './in-memory-call-heartbeats';
export { InMemoryNotesDrafts } from './in-memory-notes-drafts';
export { RecordingCallEvents } from './recording-call-events';
export { InMemoryCallRecordings } from './in-memory-call-recordings';
export { InMemoryAgentAvailability } from './in-memory-agent-availability';
