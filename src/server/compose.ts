import type { Server as HttpServer } from 'node:http';
import type { AxiosAdapter } from 'axios';
import { createAccountRepository, type AccountRepository } from '@/adapters/db/account-repository';
import { openDatabase, type Database } from '@/adapters/db/database';
import { createPipedriveGateway, type PipedriveGateway } from '@/adapters/pipedrive/pipedrive-gateway';
import { attachRealtime, type RealtimeServer } from '@/adapters/realtime/socket-server';
import { verifyIframeToken, type IframeTokenResult } from '@/adapters/session/iframe-token';
import { createSessionSealer, type SessionSealer } from '@/adapters/session/session-sealer';
import { createTokenCipher } from '@/adapters/session/token-cipher';
import { and, eq, or, sql } from 'drizzle-orm';
import {
  applyProviderCallUpdate,
  expireDueRinging,
  expireOverdueRinging,
  expireRinging,
  linkCreatedPerson,
  logAbandonedCalls,
  receiveInboundCall,
  toCallView,
  type CallDeps,
  type DeliveredWrite,
  type LogAbandonedCallsResult,
  type ReceiveInboundCallInput,
} from '@/application/calls';
import {
  InProcessRingTimeoutScheduler,
  randomIdGenerator,
  systemClock,
} from '@/application/ports/in-memory';
import { DEFAULT_CALL_SETTINGS, systemTimers, type CallView, type CallerPreferences, type CallStore, type CompanySettings, type OutboxStore, type Timers, type UnitOfWork } from '@/application/ports';
import { watchEndedCalls } from './ended-calls-watch';
import { startPeriodicSweep, type PeriodicSweep } from './periodic-sweep';
import { createCallPersistence } from '@/adapters/db/call-persistence';
import { DrizzleCompanySettings } from '@/adapters/db/company-settings-store';
import { readCompanyNames } from '@/adapters/db/company-names';
import { findAgentAccount } from '@/adapters/db/agent-account';
import { createCompanyAdmins, type CompanyAdmins } from './company-admins';
import { createCrmDirectory } from '@/adapters/pipedrive/crm-directory';
import { createPipedriveWriter } from '@/adapters/pipedrive/pipedrive-writer';
import { createWriteReconciler } from '@/adapters/pipedrive/write-reconciler';
import { createSocketAgentPresence, createSocketRealtimeNotifier, sendCatchUpOnConnect } from '@/adapters/realtime/call-realtime';
import { attachControlCenter, toControlCenterCallStatus, type CompanyResolution, type ControlCenterOverview, type InboundCallPayload } from '@/adapters/realtime/control-center';
import type { StopRingingReason, WindowCallView } from '@/adapters/realtime/socket-events';
import type { WrapUpStatus } from '@/application/outbox/wrap-up-status';
import type { OutboxWorker, RunningOutboxWorker } from '@/application/outbox';
import { toWindowCallView } from '@/adapters/realtime/window-call-view';
import { MockTelephonyProvider } from '@/adapters/telephony/mock-telephony-provider';
import { resumeActiveCall } from '@/application/calls/resume-active-call';
import { countUnseenMissedCalls } from '@/application/calls/missed-call-counts';
import type { AppConfig } from './config';
import type { Logger } from './logger';

/** Everything pages and API routes may use, built once by server.ts (see app-context.ts). */
export interface AppServices {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly database: Database;
  readonly accounts: AccountRepository;
  readonly pipedrive: PipedriveGateway;
  readonly sessions: SessionSealer;
  /** Verifies a Pipedrive iframe JWT; `expected` holds the unsigned ids from the iframe URL, if any. */
  verifyIframeToken(token: string | undefined, expected?: { userId?: string; companyId?: string }): Promise<IframeTokenResult>;
  readonly realtime: RealtimeServer;
  readonly calls: CallServices;
  readonly companySettings: CompanySettingsServices;
}

/** The admin page's side of the per-company call settings (the call use cases read `calls.deps.settings`). */
export interface CompanySettingsServices {
  readonly store: DrizzleCompanySettings;
  readonly admins: CompanyAdmins;
}

/** What the call routes and pages need beyond the use cases' ports. */
export interface CallServices {
  readonly deps: CallDeps;
  /** The mock provider (the default): the Control Center uses it to simulate the far end. */
  readonly mockTelephony: MockTelephonyProvider;
  /** The window's view of a call (docs/CALLS-API.md), with its wrap-up delivery status. */
  present(view: CallView): Promise<WindowCallView>;
  /** Which company a provider webhook's call is for (see `resolveWebhookCompany`). */
  resolveWebhookCompany(hint: { agent?: string | undefined }): Promise<number | undefined>;
  receiveInboundCall(input: ReceiveInboundCallInput): ReturnType<typeof receiveInboundCall>;
  /** Re-queues the failed Pipedrive writes of a call's wrap-up; false when the outbox cannot retry yet. */
  retryWrapUp(callId: string): Promise<boolean>;
  overview(): Promise<ControlCenterOverview>;
  /** Stops timers, sweeps, the provider subscription and the outbox worker (server shutdown). */
  stop(): Promise<void>;
}

export interface ComposeOptions {
  config: AppConfig;
  logger: Logger;
  httpServer: HttpServer;
  /** Test seam: replaces the HTTP layer the Pipedrive gateway uses. */
  pipedriveAdapter?: AxiosAdapter;
}

/** The composition root: the only place that knows concrete adapters. */
export async function composeApp({ config, logger, httpServer, pipedriveAdapter }: ComposeOptions): Promise<AppServices & { close(): Promise<void> }> {
  const database = openDatabase(config.databaseUrl);
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  const cipher = createTokenCipher(config.sessionSecret, config.previousSessionSecrets);
  const accounts = createAccountRepository(database.db, database.tables, cipher);
  const pipedrive = createPipedriveGateway({
    oauthUrl: config.pipedriveOAuthUrl,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    redirectUri: config.redirectUrl,
    accounts,
    logger: logger.child({ module: 'pipedrive' }),
    adapter: pipedriveAdapter,
    timeoutMs: config.pipedriveTimeoutMs,
  });
  const sessions = createSessionSealer({ sessionSecret: config.sessionSecret });
  const verify = (token: string | undefined, expected?: { userId?: string; companyId?: string }) =>
    verifyIframeToken(token, { secret: config.jwtSecret, expected });
  const realtime = await attachRealtime({
    httpServer,
    appOrigin: config.appOrigin,
    sessions,
    verifyIframeToken: (token) => verify(token),
    accounts,
    logger,
    redisUrl: config.redisUrl,
    redisPrefix: config.redisPrefix,
    transports: config.socketTransports === 'websocket' ? ['websocket'] : ['polling', 'websocket'],
  });
  // Stored per company over the configured defaults (RING_TIMEOUT_SECONDS).
  const settingsStore = new DrizzleCompanySettings(database, { defaults: { ...DEFAULT_CALL_SETTINGS, ringTimeoutMs: config.ringTimeoutMs } });
  const admins = createCompanyAdmins({ lookUp: async (key) => (await pipedrive.getCurrentUser(key)).isAdmin });
  const calls = startCalls({ config, logger, database, accounts, pipedrive, realtime, settings: settingsStore });

  return {
    config,
    logger,
    database,
    accounts,
    pipedrive,
    sessions,
    verifyIframeToken: verify,
    realtime,
    calls,
    companySettings: { store: settingsStore, admins },
    async close() {
      await calls.stop();
      await realtime.close();
      await database.close();
    },
  };
}

// ── Calls ──────────────────────────────────────────────────────────────────────────────────

interface CallPorts {
  calls: CallStore;
  outbox: OutboxStore;
  unitOfWork: UnitOfWork;
  preferences: CallerPreferences;
  /** The wrap-up delivery status of a call as the window shows it. */
  wrapUpStatusForCall(callId: string): Promise<WrapUpStatus>;
  /** Re-queues the call's failed writes; true when some were. */
  retryWrapUp(callId: string): Promise<boolean>;
  /** Something happened to a call's Pipedrive writes (delivered, failed...): its agent should hear. */
  onWrapUpChange(listener: (change: DeliveredWrite) => void): void;
  stop(): Promise<void>;
}

const OUTBOX_POLL_MS = 1_000;

/**
 * THE switch between in-memory and database call persistence. Database now: calls, outbox and
 * caller choices in the app database (`createCallPersistence`), the outbox delivered to Pipedrive
 * by the delivery worker. For an in-memory setup (tests, experiments) use `InMemoryCallStore`,
 * `InMemoryOutboxStore`, `InMemoryUnitOfWork` and `InMemoryCallerPreferences` from
 * application/ports/in-memory and a worker over `InMemoryOutbox` (application/outbox).
 */
function createCallPorts(database: Database, pipedrive: PipedriveGateway, accounts: AccountRepository, logger: Logger, config: AppConfig): CallPorts {
  const persistence = createCallPersistence(database);
  const outboxLog = logger.child({ module: 'outbox' });
  const worker = persistence.createOutboxWorker({
    writer: createPipedriveWriter({ gateway: pipedrive, accounts }),
    // A write that got no answer is looked up before it is sent again (docs/WRAP-UP-DELIVERY.md).
    reconcile: createWriteReconciler({ gateway: pipedrive, accounts, logger: outboxLog }),
    unknownOutcomeSettleMs: 2 * config.pipedriveTimeoutMs,
    retryPolicy: { baseDelayMs: config.outboxRetryBaseMs },
    reconnectCheckMs: 30 * config.outboxRetryBaseMs,
    clock: systemClock,
    logger: outboxLog,
  });
  const running = worker.start({ intervalMs: OUTBOX_POLL_MS });
  return {
    calls: persistence.callStore,
    // Every enqueue wakes the worker, so a wrap-up is delivered at once rather than at the next poll.
    outbox: {
      enqueue: async (entries) => {
        const result = await persistence.outboxStore.enqueue(entries);
        worker.wake();
        return result;
      },
      has: (key) => persistence.outboxStore.has(key),
      listForCall: (callId) => persistence.outboxStore.listForCall(callId),
    },
    unitOfWork: {
      commitCallChanges: async (changes) => {
        const committed = await persistence.unitOfWork.commitCallChanges(changes);
        if (committed.ok && committed.enqueued.inserted.length > 0) worker.wake();
        return committed;
      },
    },
    preferences: persistence.callerPreferences,
    wrapUpStatusForCall: (callId) => worker.wrapUpStatusForCall(callId),
    retryWrapUp: async (callId) => {
      const requeued = await worker.retry(callId);
      if (requeued > 0) worker.wake();
      return requeued > 0;
    },
    onWrapUpChange(listener) {
      worker.onStatusChange((change) =>
        listener({ companyId: change.companyId, callId: change.callId, idempotencyKey: change.idempotencyKey, resultId: change.resultId }),
      );
    },
    stop: () => drainThenStop(worker, running, SHUTDOWN_DRAIN_MS, logger),
  };
}

/** How long shutdown keeps delivering due wrap-ups before it lets the other instances take over. */
const SHUTDOWN_DRAIN_MS = 20_000;

/**
 * Graceful shutdown of the outbox: deliver what is due now (the wrap-ups agents just saved) within
 * a deadline, then stop the loop, which waits for the delivery in flight to be recorded. Entries
 * left behind keep their lease or stay pending: another instance (or the next start) delivers them.
 */
async function drainThenStop(worker: OutboxWorker, running: RunningOutboxWorker, deadlineMs: number, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), deadlineMs);
  });
  const drained = await Promise.race([worker.drain(), deadline]);
  clearTimeout(timer);
  if (drained === 'deadline') logger.warn({ deadlineMs }, 'shutdown: outbox not drained before the deadline; other instances will deliver the rest');
  await running.stop();
}

const OVERDUE_RINGING_SWEEP_MS = 60_000;
/** Cross-instance ring timeouts: a call of an instance that died mid-ring ends at most this late. */
const DUE_RINGING_SWEEP_MS = 5_000;
const ABANDONED_CALLS_SWEEP_MS = 30_000;
/** A call that just ended is logged this soon (calls ending together share one pass). */
const SWEEP_SOON_MS = 200;
/** Sweep timers never keep the process alive on their own. */
const unrefTimers: Timers = {
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs).unref(),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface StartCallsOptions {
  config: AppConfig;
  logger: Logger;
  database: Database;
  accounts: AccountRepository;
  pipedrive: PipedriveGateway;
  realtime: RealtimeServer;
  settings: CompanySettings;
}

/** Builds the call use cases' ports, starts the timers and sweeps, and wires sockets and the Control Center. */
function startCalls({ config, logger, database, accounts, pipedrive, realtime, settings }: StartCallsOptions): CallServices {
  const log = logger.child({ module: 'calls' });
  const ports = createCallPorts(database, pipedrive, accounts, logger, config);
  const ringTimeouts = new InProcessRingTimeoutScheduler({
    clock: systemClock,
    timers: systemTimers,
    onError: (error, timeout) => log.error({ err: error, callId: timeout.callId }, 'ring timeout failed'),
  });
  const mockTelephony = new MockTelephonyProvider({
    timers: systemTimers,
    ringAfterMs: config.mockTelephony.ringAfterMs,
    connectAfterMs: config.mockTelephony.connectAfterMs,
  });

  const present = async (view: CallView): Promise<WindowCallView> => {
    // Writes exist once the call was wrapped up, or logged by the grace-period sweep (an ended call
    // with no automatic log due any more).
    const hasWrites = view.state === 'wrapped_up' || (view.state === 'ended' && view.automaticLogDueAt === null);
    const status = hasWrites ? await ports.wrapUpStatusForCall(view.id) : null;
    return toWindowCallView(view, status === null ? null : { status: status.status, savedItems: [...status.savedItems], error: status.error });
  };
  const stopReasonOf = async (companyId: number, callId: string): Promise<StopRingingReason> => {
    const stored = await ports.calls.get(companyId, callId);
    if (stored?.call.timestamps.answeredAt !== undefined) return 'answered_elsewhere';
    return stored?.call.outcome === 'cancelled' ? 'caller_hung_up' : 'missed';
  };

  // The automatic-log sweep starts below, once the use cases it runs have their ports.
  let automaticLogSweep: PeriodicSweep | undefined;
  const watched = watchEndedCalls(ports, () => automaticLogSweep?.runSoon());
  const deps: CallDeps = {
    calls: watched.calls,
    outbox: ports.outbox,
    unitOfWork: watched.unitOfWork,
    preferences: ports.preferences,
    crm: createCrmDirectory({ gateway: pipedrive, accounts }),
    presence: createSocketAgentPresence(realtime.io),
    notifier: createSocketRealtimeNotifier({ io: realtime.io, present, stopReasonOf, logger: log }),
    telephony: mockTelephony,
    clock: systemClock,
    ids: randomIdGenerator,
    settings,
    ringTimeouts,
    logger: log,
  };

  ringTimeouts.start((timeout) => expireRinging(deps, timeout).then(() => undefined));
  // "Saved" / "failed" reach the agent's window as a call:updated.
  ports.onWrapUpChange((change) => {
    const { companyId, callId } = change;
    void (async () => {
      // A contact created at wrap-up exists now: the call points at it before the window hears.
      await linkCreatedPerson(deps, change);
      const stored = await ports.calls.get(companyId, callId);
      if (stored?.call.agentUserId == null) return;
      const { wrapUpGracePeriodMs } = await settings.get(companyId);
      await deps.notifier.callUpdated(companyId, [stored.call.agentUserId], toCallView(stored, { gracePeriodMs: wrapUpGracePeriodMs }));
    })().catch((error: unknown) => log.error({ err: error, callId }, 'could not push a wrap-up status change'));
  });
  const unsubscribe = deps.telephony.onCallUpdate((update) => {
    applyProviderCallUpdate(deps, update).catch((error: unknown) => log.error({ err: error }, 'provider call update failed'));
  });

  const sweep = <R>(name: string, delayAfter: (result: R | undefined) => number, run: () => Promise<R>) =>
    startPeriodicSweep({
      run,
      delayAfter,
      onError: (error) => log.error({ err: error, sweep: name }, 'call sweep failed'),
      soonDelayMs: SWEEP_SOON_MS,
      timers: unrefTimers,
      now: Date.now,
    });
  const sweeps = [
    sweep('expire overdue ringing', () => OVERDUE_RINGING_SWEEP_MS, () => expireOverdueRinging(deps)),
    // One indexed query (calls.state, ringing_at) per period on every instance; timers stay the fast path.
    sweep('expire due ringing', () => DUE_RINGING_SWEEP_MS, () => expireDueRinging(deps)),
  ];
  automaticLogSweep = sweep(
    'log abandoned calls',
    (result: LogAbandonedCallsResult | undefined) => {
      const dueAt = result?.nextDueAt;
      return dueAt === undefined ? ABANDONED_CALLS_SWEEP_MS : Math.min(ABANDONED_CALLS_SWEEP_MS, Math.max(1_000, dueAt - Date.now()));
    },
    () => logAbandonedCalls(deps),
  );
  sweeps.push(automaticLogSweep);

  realtime.onWindowConnected((socket) =>
    sendCatchUpOnConnect(
      socket,
      {
        async resume(agent) {
          const resumed = await resumeActiveCall(deps, agent);
          if (resumed.kind === 'idle') return { active: null, ringing: [] };
          if (resumed.kind === 'ringing') return { active: null, ringing: await Promise.all(resumed.calls.map(present)) };
          return { active: await present(resumed.call), ringing: [] };
        },
        unseenMissedCount: (agent) => countUnseenMissedCalls(deps, agent.companyId, agent.userId),
      },
      log,
    ),
  );

  const companies = companyDirectory(database, realtime);
  const receive = (input: ReceiveInboundCallInput) => receiveInboundCall(deps, input);
  const overview = async (): Promise<ControlCenterOverview> => {
    const [installed, online] = await Promise.all([companies.installed(), realtime.listAllOnlineAgents()]);
    const ids = [...new Set([...installed, ...online.map((agent) => agent.companyId)])].sort((a, b) => a - b);
    const names = await readCompanyNames(database, ids);
    return { sandboxMode: config.sandboxMode, companies: ids.map((id) => ({ id, name: names.get(id) ?? null, agents: online.filter((agent) => agent.companyId === id) })) };
  };
  const controlCenter = attachControlCenter({
    io: realtime.io,
    sandboxMode: config.sandboxMode,
    token: config.controlCenterToken,
    resolveCompany: (payload) => companies.forControlCenter(payload, config.sandboxMode),
    receiveInboundCall: receive,
    registerInboundCall: () => mockTelephony.registerInboundCall(),
    overview,
    findAgentAccount: (companyId, agent) => findAgentAccount(database, companyId, agent),
    findCall: async (companyId, callId) => {
      const stored = await deps.calls.get(companyId, callId);
      return stored && toControlCenterCallStatus(stored);
    },
    logger: log,
  });

  return {
    deps,
    mockTelephony,
    present,
    receiveInboundCall: receive,
    resolveWebhookCompany: (hint) => companies.forWebhook(hint),
    retryWrapUp: (callId) => ports.retryWrapUp(callId),
    overview,
    async stop() {
      for (const running of sweeps) running.stop();
      controlCenter.close();
      unsubscribe();
      ringTimeouts.stop();
      mockTelephony.close();
      // Waits for a delivery in flight, which still needs the database.
      await ports.stop().catch((error: unknown) => log.error({ err: error }, 'outbox worker did not stop cleanly'));
    },
  };
}

/**
 * Which company a simulated or provider call is for. Installed companies come from the accounts
 * table; an agent named by id or email points at their company.
 */
function companyDirectory(database: Database, realtime: RealtimeServer) {
  const { db, tables } = database;
  const { accounts } = tables;

  async function installed(): Promise<number[]> {
    const rows = await db.selectDistinct({ companyId: accounts.companyId }).from(accounts).where(eq(accounts.status, 'connected'));
    return rows.map((row) => row.companyId).sort((a, b) => a - b);
  }

  /** Companies with a user having this id or email (installed users, or agents online right now). */
  async function companiesOfAgent(agent: string): Promise<number[]> {
    const id = /^\d{1,12}$/.test(agent) ? Number(agent) : undefined;
    const email = agent.includes('@') ? agent.toLowerCase() : undefined;
    if (id === undefined && email === undefined) return [];
    const conditions = [...(id === undefined ? [] : [eq(accounts.userId, id)]), ...(email === undefined ? [] : [sql`lower(${accounts.email}) = ${email}`])];
    const rows = await db
      .selectDistinct({ companyId: accounts.companyId })
      .from(accounts)
      .where(and(eq(accounts.status, 'connected'), or(...conditions)));
    // A window connects only with a connected account of its own, so an online agent is in the rows
    // unless disconnected since: asking every socket of every instance is left for that case.
    if (rows.length > 0) return [...new Set(rows.map((row) => row.companyId))];
    const online = (await realtime.listAllOnlineAgents()).filter((a) => a.userId === id || (email !== undefined && a.email.toLowerCase() === email));
    return [...new Set(online.map((a) => a.companyId))];
  }

  return {
    installed,
    async forControlCenter(payload: InboundCallPayload, sandboxMode: boolean): Promise<CompanyResolution> {
      const companies = await installed();
      if (payload.companyId !== undefined) {
        return companies.includes(payload.companyId)
          ? { ok: true, companyId: payload.companyId }
          : { ok: false, code: 'COMPANY_NOT_INSTALLED', message: `No installed company has id ${payload.companyId}.` };
      }
      if (payload.agent !== '') {
        const ofAgent = await companiesOfAgent(payload.agent);
        if (ofAgent.length === 1) return { ok: true, companyId: ofAgent[0] as number };
        if (ofAgent.length > 1) return { ok: false, code: 'COMPANY_REQUIRED', message: 'This agent is in several companies: pick the company.' };
      }
      if (sandboxMode && companies.length === 1) return { ok: true, companyId: companies[0] as number };
      if (companies.length === 0) return { ok: false, code: 'NO_COMPANY_INSTALLED', message: 'Install the app in Pipedrive first.' };
      if (!sandboxMode && payload.agent !== '') {
        return { ok: false, code: 'AGENT_NOT_FOUND', message: 'No installed user has this id or email: give the company too.' };
      }
      return { ok: false, code: 'COMPANY_REQUIRED', message: 'Several companies are installed: pick the company.' };
    },
    /** The agent's company when named by id or email, else the only installed company. */
    async forWebhook(hint: { agent?: string | undefined }): Promise<number | undefined> {
      if (hint.agent !== undefined && hint.agent.trim() !== '') {
        const ofAgent = await companiesOfAgent(hint.agent.trim());
        if (ofAgent.length === 1) return ofAgent[0];
      }
      const companies = await installed();
      return companies.length === 1 ? companies[0] : undefined;
    },
  };
}
