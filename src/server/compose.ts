import type { Server as HttpServer } from 'node:http';
import type { AxiosAdapter } from 'axios';
import { createAgentAvailabilityStore } from '@/adapters/db/agent-availability-store';
import { createAccountRepository, type AccountRepository } from '@/adapters/db/account-repository';
import { DrizzleCompanySettings } from '@/adapters/db/company-settings-store';
import { openDatabase, type Database } from '@/adapters/db/database';
import { createSipAccountStore, type SipAccountStore } from '@/adapters/db/sip-account-store';
import { createPipedriveGateway, type PipedriveGateway } from '@/adapters/pipedrive/pipedrive-gateway';
import { attachRealtime, type RealtimeServer } from '@/adapters/realtime/socket-server';
import { verifyIframeToken, type IframeTokenResult } from '@/adapters/session/iframe-token';
import { createSessionSealer, type SessionSealer } from '@/adapters/session/session-sealer';
import { createTokenCipher } from '@/adapters/session/token-cipher';
import { DEFAULT_CALL_SETTINGS } from '@/application/ports';
import { startCalls, type CallServices } from './calls/start-calls';
import { createCompanyAdmins, type CompanyAdmins } from './company-admins';
import type { AppConfig } from './config';
import type { Logger } from './logger';

export type { CallServices } from './calls/start-calls';

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
  /** Agents' SIP accounts (the SIP provider's routes use them through its plug-in). */
  readonly sipAccounts: SipAccountStore;
}

/** The admin page's side of the per-company call settings (the call use cases read `calls.deps.settings`). */
export interface CompanySettingsServices {
  readonly store: DrizzleCompanySettings;
  readonly admins: CompanyAdmins;
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
    availability: createAgentAvailabilityStore(database),
    logger,
    redisUrl: config.redisUrl,
    redisPrefix: config.redisPrefix,
    transports: config.socketTransports === 'websocket' ? ['websocket'] : ['polling', 'websocket'],
  });
  // Stored per company over the configured defaults (RING_TIMEOUT_SECONDS).
  const settingsStore = new DrizzleCompanySettings(database, {
    defaults: { ...DEFAULT_CALL_SETTINGS, ringTimeoutMs: config.ringTimeoutMs, wrapUpGracePeriodMs: config.wrapUpGracePeriodMs },
    telephony: { provider: config.telephonyProvider, sipWebSocketUrl: config.sip.webSocketUrl, sipDomain: config.sip.domain },
  });
  const admins = createCompanyAdmins({ lookUp: async (key) => (await pipedrive.getCurrentUser(key)).isAdmin });
  const sipAccounts = createSipAccountStore(database, cipher);
  const calls = startCalls({ config, logger, database, accounts, pipedrive, realtime, settings: settingsStore, sipAccounts });

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
    sipAccounts,
    async close() {
      await calls.stop();
      await realtime.close();
      await database.close();
    },
  };
}
