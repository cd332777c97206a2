import type { AgentPresence } from '../ports/agent-presence.port';
import type { CallStore } from '../ports/call-store.port';
import type { CallerPreferences } from '../ports/caller-preferences.port';
import type { Clock } from '../ports/clock.port';
import type { CompanySettings } from '../ports/company-settings.port';
import type { CrmDirectory } from '../ports/crm-directory.port';
import type { IdGenerator } from '../ports/id-generator.port';
import type { Logger } from '../ports/logger.port';
import type { OutboxStore } from '../ports/outbox-store.port';
import type { RealtimeNotifier } from '../ports/realtime-notifier.port';
import type { RingTimeoutScheduler } from '../ports/ring-timeout-scheduler.port';
import type { TelephonyProvider } from '../ports/telephony-provider.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';

/**
 * Every port the call use cases use. The composition root builds one; each use case declares the
 * subset it needs with `Pick`, which documents its dependencies and keeps tests small.
 */
export interface CallDeps {
  readonly calls: CallStore;
  readonly outbox: OutboxStore;
  readonly unitOfWork: UnitOfWork;
  readonly crm: CrmDirectory;
  readonly presence: AgentPresence;
  readonly notifier: RealtimeNotifier;
  readonly telephony: TelephonyProvider;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly preferences: CallerPreferences;
  readonly settings: CompanySettings;
  readonly ringTimeouts: RingTimeoutScheduler;
  readonly logger: Logger;
}
