import { DEFAULT_CALL_SETTINGS, type CallSettings } from '@/application/ports/company-settings.port';
import type { TelephonyProvider } from '@/application/ports/telephony-provider.port';
import {
  FakeClock,
  FakeTelephonyProvider,
  InMemoryAgentPresence,
  InMemoryCallHeartbeats,
  InMemoryNotesDrafts,
  InMemoryCallRecordings,
  InMemoryCallerPreferences,
  InMemoryCallStore,
  InMemoryCrmDirectory,
  InMemoryOutbox,
  InMemoryUnitOfWork,
  RecordingCallEvents,
  RecordingLogger,
  RecordingRealtimeNotifier,
  SequentialIdGenerator,
  StaticCompanySettings,
  settle,
  type FakeAgent,
} from '@/application/ports/testing';
import { InProcessRingTimeoutScheduler } from '@/application/ports/system';
import { applyProviderCallUpdate } from '@/application/calls/apply-provider-call-update';
import type { CallDeps } from '@/application/calls/call-deps';
import { expireRinging } from '@/application/calls/expire-ringing';

/** Test fixtures and a fully wired set of in-memory ports for the call use cases. */

export const T0 = Date.UTC(2026, 2, 14, 9, 30, 0);
export const ACME = 1;
export const GLOBEX = 2;

export const ADA: FakeAgent = { companyId: ACME, userId: 11, name: 'Ada Lovelace', email: 'ada@acme.test' };
export const GRACE: FakeAgent = { companyId: ACME, userId: 12, name: 'Grace Hopper', email: 'grace@acme.test' };
export const HANK: FakeAgent = { companyId: GLOBEX, userId: 21, name: 'Hank Scorpio', email: 'hank@globex.test' };

/** A caller known in ACME's Pipedrive, stored in national format. */
export const KNOWN_NUMBER = '+14155550134';
export const UNKNOWN_NUMBER = '+14155550199';
export const SHARED_NUMBER = '+14155550177';

export const TEST_SETTINGS: CallSettings = {
  ...DEFAULT_CALL_SETTINGS,
  defaultRegion: 'US',
  companyPhoneNumber: '+14155550100',
  ringTimeoutMs: 30_000,
  wrapUpGracePeriodMs: 60_000,
};

export interface CallsHarness {
  readonly deps: CallDeps;
  readonly clock: FakeClock;
  readonly calls: InMemoryCallStore;
  readonly outbox: InMemoryOutbox;
  readonly crm: InMemoryCrmDirectory;
  readonly presence: InMemoryAgentPresence;
  readonly notifier: RecordingRealtimeNotifier;
  readonly preferences: InMemoryCallerPreferences;
  readonly settings: StaticCompanySettings;
  readonly telephony: FakeTelephonyProvider;
  readonly logger: RecordingLogger;
  readonly ringTimeouts: InProcessRingTimeoutScheduler;
  readonly heartbeats: InMemoryCallHeartbeats;
  readonly notesDrafts: InMemoryNotesDrafts;
  readonly recordings: InMemoryCallRecordings;
  readonly events: RecordingCallEvents;
}

export interface HarnessOptions {
  /** Reuse stores (a restarted process: same database, fresh memory). */
  readonly calls?: InMemoryCallStore;
  readonly outbox?: InMemoryOutbox;
  readonly clock?: FakeClock;
  /** Replaces the fake provider (the mock provider's tests). */
  readonly telephony?: TelephonyProvider;
}

export function createCallsHarness(options: HarnessOptions = {}): CallsHarness {
  const clock = options.clock ?? new FakeClock(T0);
  const calls = options.calls ?? new InMemoryCallStore();
  const outbox = options.outbox ?? new InMemoryOutbox();
  const crm = seededCrm();
  const presence = new InMemoryAgentPresence();
  const notifier = new RecordingRealtimeNotifier();
  const preferences = new InMemoryCallerPreferences();
  const settings = new StaticCompanySettings(TEST_SETTINGS);
  const fakeTelephony = new FakeTelephonyProvider();
  const logger = new RecordingLogger();
  const heartbeats = new InMemoryCallHeartbeats();
  const notesDrafts = new InMemoryNotesDrafts();
  const recordings = new InMemoryCallRecordings(outbox);
  const events = new RecordingCallEvents();
  const telephony = options.telephony ?? fakeTelephony;
  const ringTimeouts = new InProcessRingTimeoutScheduler({
    clock,
    timers: clock,
    onError: (error) => {
      throw error;
    },
  });
  const deps: CallDeps = {
    calls,
    outbox,
    unitOfWork: new InMemoryUnitOfWork(calls, outbox),
    events,
    crm,
    presence,
    notifier,
    telephony,
    providers: { forCompany: async () => telephony },
    heartbeats,
    notesDrafts,
    recordings,
    clock,
    ids: new SequentialIdGenerator(),
    preferences,
    settings,
    ringTimeouts,
    logger,
  };
  ringTimeouts.start(async (timeout) => {
    await expireRinging(deps, timeout);
  });
  deps.telephony.onCallUpdate((update) => {
    void applyProviderCallUpdate(deps, update);
  });
  return { deps, clock, calls, outbox, crm, presence, notifier, preferences, settings, telephony: fakeTelephony, logger, ringTimeouts, heartbeats, notesDrafts, recordings, events };
}

/**
 * ACME: Ada Customer (known number, two open deals and a won one), two persons sharing one number,
 * a lookalike whose number only contains the digits. GLOBEX has its own person on the same number.
 */
function seededCrm(): InMemoryCrmDirectory {
  return new InMemoryCrmDirectory()
    .addPerson({
      companyId: ACME,
      id: 501,
      name: 'Ada Customer',
      phones: [{ value: '(415) 555-0134', label: 'work', primary: true }],
      organization: { id: 71, name: 'Analytical Engines Ltd' },
      pictureUrl: 'https://pictures.test/501.png',
    })
    .addDeal({ companyId: ACME, id: 901, personId: 501, title: 'Engine upgrade', value: 5000, currency: 'USD', status: 'open' })
    .addDeal({ companyId: ACME, id: 902, personId: 501, title: 'Support plan', value: 900, currency: 'USD', status: 'open' })
    .addDeal({ companyId: ACME, id: 903, personId: 501, title: 'Old deal', value: 100, currency: 'USD', status: 'won' })
    .addPerson({ companyId: ACME, id: 502, name: 'Sam Shared', phones: [{ value: '+1 415 555 0177', label: 'mobile', primary: true }] })
    .addPerson({ companyId: ACME, id: 503, name: 'Sally Shared', phones: [{ value: '415-555-0177', label: 'work', primary: true }] })
    .addPerson({ companyId: ACME, id: 504, name: 'No Deals', phones: [{ value: '+1 415 555 0155', label: 'work', primary: true }] })
    .addPerson({ companyId: ACME, id: 505, name: 'Lookalike', phones: [{ value: '+44 4155 550134 9', label: 'work', primary: true }] })
    .addPerson({ companyId: GLOBEX, id: 601, name: 'Globex Customer', phones: [{ value: '+14155550134', label: 'work', primary: true }] });
}

export { settle };

/** Fails the test with the error code when a use case returned a failure. */
export function expectOk<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify((result as { error?: unknown }).error)}`);
  return result as Extract<T, { ok: true }>;
}
