/**
 * In-memory ports. For tests: InMemoryCallStore, InMemoryOutboxStore, InMemoryUnitOfWork,
 * InMemoryCrmDirectory, InMemoryAgentPresence, RecordingRealtimeNotifier, FakeClock,
 * SequentialIdGenerator, RecordingLogger, FakeTelephonyProvider. Also fit for the app in single-instance mode:
 * systemClock, randomIdGenerator, InMemoryCallerPreferences (forgets on restart),
 * StaticCompanySettings, InProcessRingTimeoutScheduler.
 */
export { FakeClock, settle } from './fake-clock';
export { systemClock } from './system-clock';
export { randomIdGenerator, SequentialIdGenerator } from './id-generators';
export { RecordingLogger, type LoggedLine } from './recording-logger';
export { InMemoryCallStore } from './in-memory-call-store';
export { InMemoryOutboxStore } from './in-memory-outbox-store';
export { InMemoryUnitOfWork } from './in-memory-unit-of-work';
export { InMemoryCrmDirectory, type FakeCrmDeal, type FakeCrmPerson } from './in-memory-crm-directory';
export { InMemoryAgentPresence, type FakeAgent } from './in-memory-agent-presence';
export { RecordingRealtimeNotifier, type RealtimeMessage, type TabAddress } from './recording-realtime-notifier';
export { InMemoryCallerPreferences } from './in-memory-caller-preferences';
export { StaticCompanySettings } from './static-company-settings';
export { InProcessRingTimeoutScheduler, type RingTimeoutHandler } from './in-process-ring-timeout-scheduler';
export { FakeTelephonyProvider, type FakeTelephonyCommand } from './fake-telephony-provider';
export { InMemoryCallHeartbeats } from './in-memory-call-heartbeats';
