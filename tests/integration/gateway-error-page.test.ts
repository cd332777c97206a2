import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountRepository, type AccountRepository } from '@/adapters/db/account-repository';
import { createCallPersistence, type CallPersistence } from '@/adapters/db/call-persistence';
import { openDatabase, type Database } from '@/adapters/db/database';
import { createPipedriveGateway } from '@/adapters/pipedrive/pipedrive-gateway';
import { createPipedriveWriter } from '@/adapters/pipedrive/pipedrive-writer';
import { createWriteReconciler } from '@/adapters/pipedrive/write-reconciler';
import { createTokenCipher } from '@/adapters/session/token-cipher';
import type { OutboxWorker } from '@/application/outbox/outbox-worker';
import type { Call } from '@/domain/call';
import { planWrapUpWrites } from '@/domain/wrap-up';
import { APP, TestKit } from '../../sandbox/test/sandbox-test-kit';
import { createTestDatabase, type TestDatabase } from '../support/database-engine';

/**
 * A write Pipedrive stored but whose answer was a gateway's error page (502/504 HTML, not
 * Pipedrive's JSON) is an unknown outcome: the worker looks it up before sending it again, so the
 * call log lands exactly once. The sandbox's `error_page_after_write` fault plays the gateway.
 */

const SETTLE_MS = 1_600;
let kit: TestKit;
let testDatabase: TestDatabase | undefined;
let database: Database;
let accounts: AccountRepository;
let persistence: CallPersistence;
let worker: OutboxWorker;
let companyId: number;
let userId: number;
let now = Date.now();

beforeAll(async () => {
  kit = await TestKit.start();
  const { store } = kit.sandbox.context;
  const user = store.listUsers()[0];
  if (!user) throw new Error('the sandbox has no users');
  companyId = store.company.id;
  userId = user.id;
  const tokens = await kit.install(userId);
  testDatabase = await createTestDatabase('gateway-page');
  database = openDatabase(testDatabase.url);
  await database.migrate();
  accounts = createAccountRepository(database.db, database.tables, createTokenCipher('gateway-page-integration-secret-long!!'));
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
  const gateway = createPipedriveGateway({ oauthUrl: kit.url, clientId: APP.clientId, clientSecret: APP.clientSecret, redirectUri: APP.redirectUri, accounts, logger: pino({ level: 'silent' }) });
  persistence = createCallPersistence(database);
  worker = persistence.createOutboxWorker({
    writer: createPipedriveWriter({ gateway, accounts }),
    reconcile: createWriteReconciler({ gateway, accounts }),
    unknownOutcomeSettleMs: SETTLE_MS,
    clock: { now: () => now },
    random: () => 0,
  });
});

afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
  await kit?.close();
});

const CALLER = '+14155550177';

async function endedCallWithItsWrites(callId: string): Promise<void> {
  const start = Math.floor(now / 1000) * 1000;
  const call: Call = {
    id: callId,
    direction: 'inbound',
    companyId,
    agentUserId: userId,
    remoteNumber: CALLER,
    localNumber: '+14155550100',
    state: 'ended',
    outcome: 'completed',
    endedBy: 'remote',
    timestamps: { createdAt: start - 5_000, ringingAt: start - 5_000, answeredAt: start, endedAt: start + 42_000 },
  };
  const inserted = await persistence.callStore.insert({ call, ringing: null, agentTabId: 'tab-1', caller: null, missedBy: null, isCallLogged: false });
  if (!inserted.ok) throw new Error('setup: insert failed');
  const plan = planWrapUpWrites({
    call,
    wrapUp: { callId, notes: '', action: { kind: 'hang_up' } },
    settings: { createCallbackForMissedCalls: false, companyPhoneNumber: '+14155550100' },
    isCallLogged: false,
  });
  if (!plan.ok) throw new Error(`setup: ${plan.error.code}`);
  const enqueue = plan.writes.map((write) => ({ idempotencyKey: write.idempotencyKey, companyId, actingUserId: userId, callId, write, enqueuedAt: now }));
  const committed = await persistence.unitOfWork.commitCallChanges({ record: { ...inserted.stored, call: { ...call, state: 'wrapped_up' }, isCallLogged: true }, expectedVersion: 1, enqueue });
  if (!committed.ok) throw new Error('setup: commit failed');
}

async function callLogsTo(number: string): Promise<unknown[]> {
  const response = await fetch(`${kit.url}/__sandbox/state?include=callLogs`);
  const { data } = (await response.json()) as { data: { callLogs: Array<{ from_phone_number?: string; to_phone_number?: string }> } };
  const digits = number.replace(/\D/g, '');
  return data.callLogs.filter((log) => [log.from_phone_number, log.to_phone_number].some((value) => (value ?? '').replace(/\D/g, '') === digits));
}

describe('a write answered with a gateway error page', () => {
  for (const status of [502, 504]) {
    it(`is looked up, not sent again, after a ${status} HTML page: exactly one call log`, async () => {
      const callId = `call-gateway-${status}`;
      const before = (await callLogsTo(CALLER)).length;
      const fault = await fetch(`${kit.url}/__sandbox/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'error_page_after_write', method: 'POST', path: '/api/v1/callLogs', status, count: 1 }),
      });
      expect(fault.ok).toBe(true);
      await endedCallWithItsWrites(callId);

      await worker.drain();
      const afterPage = await persistence.outboxStore.findByKey(`call:${callId}:call_log`);
      expect(afterPage).toMatchObject({ status: 'pending', outcomeUnknown: true, attempts: 1 });
      // The lookup waits for the settle time: the gateway may have given up on a request Pipedrive still runs.
      expect(afterPage?.nextAttemptAt).toBeGreaterThanOrEqual(now + SETTLE_MS);
      expect(await callLogsTo(CALLER)).toHaveLength(before + 1);

      now = afterPage?.nextAttemptAt ?? now;
      await worker.drain();
      expect(await persistence.outboxStore.findByKey(`call:${callId}:call_log`)).toMatchObject({ status: 'delivered', outcomeUnknown: false });
      expect(await callLogsTo(CALLER)).toHaveLength(before + 1);
      now += 60_000;
    });
  }
});
