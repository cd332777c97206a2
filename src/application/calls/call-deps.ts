import type { AgentPresence } from '@/application/ports/agent-presence.port';
import type { CallEventPublisher } from '@/application/ports/call-events.port';
import type { CallStore } from '@/application/ports/call-store.port';
import type { CallerPreferences } from '@/application/ports/caller-preferences.port';
import type { Clock } from '@/application/ports/clock.port';
import type { CompanySettings } from '@/application/ports/company-settings.port';
import type { CrmDirectory } from '@/application/ports/crm-directory.port';
import type { IdGenerator } from '@/application/ports/id-generator.port';
import type { Logger } from '@/application/ports/logger.port';
import type { OutboxStore } from '@/application/ports/outbox-store.port';
import type { RealtimeNotifier } from '@/application/ports/realtime-notifier.port';
import type { RingTimeoutScheduler } from '@/application/ports/ring-timeout-scheduler.port';
import type { CallHeartbeats } from '@/application/ports/call-heartbeats.port';
import type { CallRecordings } from '@/application/ports/call-recordings.port';
import type { NotesDrafts } from '@/application/ports/notes-drafts.port';
import type { TelephonyProvider } from '@/application/ports/telephony-provider.port';
import type { TelephonyProviders } from '@/application/ports/telephony-providers.port';
import type { UnitOfWork } from '@/application/ports/unit-of-work.port';

/**
 * Every port the call use cases use. The composition root builds one; each use case declares the
 * subset it needs with `Pick`, which documents its dependencies and keeps tests small.
 */
export interface CallDeps {
  readonly calls: CallStore;
  readonly outbox: OutboxStore;
  readonly unitOfWork: UnitOfWork;
  /** Told what every committed change did; the follow-ups subscribe (`subscribeCallFollowUps`). */
  readonly events: CallEventPublisher;
  readonly crm: CrmDirectory;
  readonly presence: AgentPresence;
  readonly notifier: RealtimeNotifier;
  /** Acts on calls already going (answer, reject, hang up): the provider owning the call. */
  readonly telephony: TelephonyProvider;
  /** The provider a company places new calls with. */
  readonly providers: TelephonyProviders;
  /** Signs of life of calls whose media lives in the window (SIP). */
  readonly heartbeats: CallHeartbeats;
  /** What the agents typed so far for their calls (server-side drafts). */
  readonly notesDrafts: NotesDrafts;
  /** Recordings of calls until they are attached to the call logs. */
  readonly recordings: CallRecordings;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly preferences: CallerPreferences;
  readonly settings: CompanySettings;
  readonly ringTimeouts: RingTimeoutScheduler;
  readonly logger: Logger;
}
