import pino from 'pino';
import { createAccountRepository, type AccountRepository } from '@/adapters/db/account-repository';
import { createCallPersistence, type CallPersistence } from '@/adapters/db/call-persistence';
import { openDatabase, type Database } from '@/adapters/db/database';
import { createPipedriveGateway, type PipedriveGateway } from '@/adapters/pipedrive/pipedrive-gateway';
import { createTokenCipher } from '@/adapters/session/token-cipher';
import type { Call, EpochMillis } from '@/domain/call';
import { planWrapUpWrites, type PipedriveWrite, type WrapUp } from '@/domain/wrap-up';
import { APP, TestKit } from '../../sandbox/test/sandbox-test-kit';
import { createTestDatabase, type TestDatabase } from './database-engine';

/** The company's own number: the local end of every call here, and its settings' phone number. */
const COMPANY_NUMBER = '+14155550100';

/**
 * What the outbox worker needs, without the app process: the sandbox (in-process) with its first
 * user installed, and the app's database (the engine the test file selected), account repository
 * and Pipedrive gateway wired to it as the server wires them. Each test builds its own worker.
 */
export interface OutboxAgainstSandbox {
  kit: TestKit;
  database: Database;
  accounts: AccountRepository;
  gateway: PipedriveGateway;
  persistence: CallPersistence;
  companyId: number;
  userId: number;
  /** An inbound call the installed user answered and the caller hung up. */
  endedCall(id: string, remoteNumber: string, timestamps: Call['timestamps']): Call;
  /** The user's wrap-up of an ended call, committed as the use case does: call update + outbox rows. */
  commitWrapUp(call: Call, wrapUp: WrapUp, enqueuedAt: EpochMillis): Promise<PipedriveWrite[]>;
  close(): Promise<void>;
}

/** `label` names the PostgreSQL schema, so a left-over one says which file made it. */
export async function startOutboxAgainstSandbox(label: string): Promise<OutboxAgainstSandbox> {
  const kit = await TestKit.start();
  let testDatabase: TestDatabase | undefined;
  let database: Database | undefined;
  const close = async () => {
    await database?.close();
    await testDatabase?.drop();
    await kit.close();
  };
  try {
    const { store } = kit.sandbox.context;
    const user = store.listUsers()[0];
    if (!user) throw new Error('the sandbox has no users');
    const companyId = store.company.id;
    const userId = user.id;
    const tokens = await kit.install(userId);
    testDatabase = await createTestDatabase(label);
    database = openDatabase(testDatabase.url);
    await database.migrate();
    const accounts = createAccountRepository(database.db, database.tables, createTokenCipher('outbox-integration-secret-long-enough!!'));
    await accounts.install({
      companyId,
      userId,
      name: user.name,
      email: user.email,
      companyName: store.company.name,
      apiDomain: tokens.api_domain,
      scopes: tokens.scope,
      tokens: { accessToken: tokens.access_token, refreshToken: tokens.refresh_token, accessTokenExpiresAt: Date.now() + 3_600_000 },
    });
    const gateway = createPipedriveGateway({
      oauthUrl: kit.url,
      clientId: APP.clientId,
      clientSecret: APP.clientSecret,
      redirectUri: APP.redirectUri,
      accounts,
      logger: pino({ level: 'silent' }),
    });
    const persistence = createCallPersistence(database);
    return {
      kit,
      database,
      accounts,
      gateway,
      persistence,
      companyId,
      userId,
      endedCall: (id, remoteNumber, timestamps) => ({
        id,
        direction: 'inbound',
        companyId,
        agentUserId: userId,
        remoteNumber,
        localNumber: COMPANY_NUMBER,
        state: 'ended',
        outcome: 'completed',
        endedBy: 'remote',
        timestamps,
      }),
      commitWrapUp: (call, wrapUp, enqueuedAt) => commitWrapUp(persistence, { companyId, userId }, call, wrapUp, enqueuedAt),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function commitWrapUp(
  persistence: CallPersistence,
  agent: { companyId: number; userId: number },
  call: Call,
  wrapUp: WrapUp,
  enqueuedAt: EpochMillis,
): Promise<PipedriveWrite[]> {
  const inserted = await persistence.callStore.insert({ call, ringing: null, agentTabId: 'tab-1', caller: null, missedBy: null, isCallLogged: false });
  if (!inserted.ok) throw new Error('setup: insert failed');
  const plan = planWrapUpWrites({ call, wrapUp, settings: { createCallbackForMissedCalls: false, companyPhoneNumber: COMPANY_NUMBER }, isCallLogged: false });
  if (!plan.ok) throw new Error(`setup: ${plan.error.code}`);
  const enqueue = plan.writes.map((write) => ({ idempotencyKey: write.idempotencyKey, companyId: agent.companyId, actingUserId: agent.userId, callId: call.id, write, enqueuedAt }));
  const committed = await persistence.unitOfWork.commitCallChanges({
    record: { ...inserted.stored, call: { ...call, state: 'wrapped_up' }, isCallLogged: true },
    expectedVersion: 1,
    enqueue,
  });
  if (!committed.ok) throw new Error('setup: commit failed');
  return plan.writes;
}
