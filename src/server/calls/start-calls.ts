import type { AccountRepository } from '@/adapters/db/account-repository';
import { createCallHeartbeatStore } from '@/adapters/db/call-heartbeat-store';
import { createNotesDraftStore } from '@/adapters/db/notes-draft-store';
import { createCompanyDirectory } from '@/adapters/db/company-directory';
import type { DrizzleCompanySettings } from '@/adapters/db/company-settings-store';
import type { Database } from '@/adapters/db/database';
import type { SipAccountStore } from '@/adapters/db/sip-account-store';
import { createCrmDirectory } from '@/adapters/pipedrive/crm-directory';
import type { PipedriveGateway } from '@/adapters/pipedrive/pipedrive-gateway';
import { createSocketAgentPresence, createSocketRealtimeNotifier, sendCatchUpOnConnect } from '@/adapters/realtime/call-realtime';
import { attachControlCenter, toControlCenterCallStatus, type ControlCenterOverview } from '@/adapters/realtime/control-center';
import { findAgentAccount } from '@/adapters/db/agent-account';
import { readCompanyNames } from '@/adapters/db/company-names';
import type { WindowCallView } from '@/adapters/realtime/socket-events';
import type { RealtimeServer } from '@/adapters/realtime/socket-server';
import type { TelephonyPluginRegistry } from '@/adapters/telephony/plugin-registry';
import type { MockTelephonyProvider } from '@/adapters/telephony/mock/mock-telephony-provider';
import { applyProviderCallUpdate, expireRinging, receiveInboundCall, subscribeCallFollowUps, type CallDeps, type ReceiveInboundCallInput } from '@/application/calls';
import { createCallEventBus } from '@/application/events/call-event-bus';
import { countUnseenMissedCalls } from '@/application/calls/missed-call-counts';
import { resumeActiveCall } from '@/application/calls/resume-active-call';
import { resolveCallCompany, resolveSimulatedCallCompany, type CallCompanyHint } from '@/application/companies';
import { systemTimers, type CallView } from '@/application/ports';
import { InProcessRingTimeoutScheduler, randomIdGenerator, systemClock } from '@/application/ports/system';
import type { AppConfig } from '@/server/config';
import type { Logger } from '@/server/logger';
import { createCallPorts } from './call-ports';
import { startCallSweeps } from './call-sweeps';
import { createControlCenterOverview } from './control-center-overview';
import { createCallPresenter, createStopReason } from './present-call';
import { wireTelephony } from './telephony-wiring';

/** What the call routes and pages need beyond the use cases' ports. */
export interface CallServices {
  readonly deps: CallDeps;
  /** The mock provider: the Control Center uses it to simulate the far end. */
  readonly mockTelephony: MockTelephonyProvider;
  /** Every provider plug-in; the telephony catch-all route serves their webhooks. */
  readonly telephony: TelephonyPluginRegistry;
  /** The window's view of a call (docs/CALLS-API.md), with its wrap-up delivery status. */
  present(view: CallView): Promise<WindowCallView>;
  /** Which company a provider's call is for (`resolveCallCompany`). */
  resolveCallCompany(hint: CallCompanyHint): Promise<number | undefined>;
  receiveInboundCall(input: ReceiveInboundCallInput): ReturnType<typeof receiveInboundCall>;
  /** Re-queues the failed Pipedrive writes of a call's wrap-up; false when the outbox cannot retry yet. */
  retryWrapUp(callId: string): Promise<boolean>;
  overview(): Promise<ControlCenterOverview>;
  /** Stops timers, sweeps, the provider subscription and the outbox worker (server shutdown). */
  stop(): Promise<void>;
}

export interface StartCallsOptions {
  config: AppConfig;
  logger: Logger;
  database: Database;
  accounts: AccountRepository;
  pipedrive: PipedriveGateway;
  realtime: RealtimeServer;
  settings: DrizzleCompanySettings;
  sipAccounts: SipAccountStore;
}

/** Builds the call use cases' ports, starts the timers and sweeps, and wires providers, sockets and the Control Center. */
export function startCalls({ config, logger, database, accounts, pipedrive, realtime, settings, sipAccounts }: StartCallsOptions): CallServices {
  const log = logger.child({ module: 'calls' });
  const ports = createCallPorts(database, pipedrive, accounts, logger, config);
  const ringTimeouts = new InProcessRingTimeoutScheduler({
    clock: systemClock,
    timers: systemTimers,
    onError: (error, timeout) => log.error({ err: error, callId: timeout.callId }, 'ring timeout failed'),
  });
  const present = createCallPresenter(ports);
  const companies = createCompanyDirectory(database, () => realtime.listAllOnlineAgents());
  const heartbeats = createCallHeartbeatStore(database);
  let deps: CallDeps | undefined;
  const events = createCallEventBus(log);
  const telephony = wireTelephony({ config, settings, sipAccounts, heartbeats, companies, present, logger: log, callEvents: events, deps: () => deps as CallDeps });

  deps = {
    calls: ports.calls,
    outbox: ports.outbox,
    unitOfWork: ports.unitOfWork,
    events,
    preferences: ports.preferences,
    crm: createCrmDirectory({ gateway: pipedrive, accounts }),
    presence: createSocketAgentPresence(realtime.io, realtime.availability),
    notifier: createSocketRealtimeNotifier({ io: realtime.io, present, stopReasonOf: createStopReason(ports), logger: log }),
    telephony: telephony.owningProvider,
    providers: telephony.providers,
    heartbeats,
    notesDrafts: createNotesDraftStore(database),
    recordings: ports.recordings,
    clock: systemClock,
    ids: randomIdGenerator,
    settings,
    ringTimeouts,
    logger: log,
  };
  const callDeps = deps;

  ringTimeouts.start((timeout) => expireRinging(callDeps, timeout).then(() => undefined));
  ports.onWrapUpChange((settled) => events.publish([{ type: 'wrap_up.write_settled', ...settled }]));
  const unsubscribe = callDeps.telephony.onCallUpdate((update) => {
    applyProviderCallUpdate(callDeps, update).catch((error: unknown) => log.error({ err: error }, 'provider call update failed'));
  });
  const sweeps = startCallSweeps(callDeps, log, config.sipSilentCallMs);
  const stopFollowUps = subscribeCallFollowUps(events, callDeps, {
    logEndedCallsSoon: () => sweeps.automaticLog.runSoon(),
    wakeOutbox: () => ports.wakeOutbox(),
  });
  realtime.onWindowConnected((socket) =>
    sendCatchUpOnConnect(
      socket,
      {
        async resume(agent) {
          const resumed = await resumeActiveCall(callDeps, agent);
          if (resumed.kind === 'idle') return { active: null, ringing: [] };
          if (resumed.kind === 'ringing') return { active: null, ringing: await Promise.all(resumed.calls.map(present)) };
          return { active: await present(resumed.call), ringing: [] };
        },
        unseenMissedCount: (agent) => countUnseenMissedCalls(callDeps, agent.companyId, agent.userId),
      },
      log,
    ),
  );

  const receive = (input: ReceiveInboundCallInput) => receiveInboundCall(callDeps, input);
  const overview = createControlCenterOverview(companies, realtime, (ids) => readCompanyNames(database, ids), config.sandboxMode);
  const controlCenter = attachControlCenter({
    io: realtime.io,
    sandboxMode: config.sandboxMode,
    token: config.controlCenterToken,
    resolveCompany: (payload) => resolveSimulatedCallCompany({ companies }, { companyId: payload.companyId, agent: payload.agent, sandboxMode: config.sandboxMode }),
    receiveInboundCall: receive,
    registerInboundCall: () => telephony.mock.registerInboundCall(),
    overview,
    findAgentAccount: (companyId, agent) => findAgentAccount(database, companyId, agent),
    findCall: async (companyId, callId) => {
      const stored = await callDeps.calls.get(companyId, callId);
      return stored && toControlCenterCallStatus(stored);
    },
    logger: log,
  });

  return {
    deps: callDeps,
    mockTelephony: telephony.mock,
    telephony: telephony.registry,
    present,
    receiveInboundCall: receive,
    resolveCallCompany: (hint) => resolveCallCompany({ companies }, hint),
    retryWrapUp: (callId) => ports.retryWrapUp(callId),
    overview,
    async stop() {
      sweeps.stop();
      controlCenter.close();
      unsubscribe();
      ringTimeouts.stop();
      telephony.close();
      // Waits for a delivery in flight, which still needs the database.
      await ports.stop().catch((error: unknown) => log.error({ err: error }, 'outbox worker did not stop cleanly'));
      // The follow-ups of what was committed (and delivered) until now still reach the database and the windows.
      await events.settled();
      stopFollowUps();
    },
  };
}
