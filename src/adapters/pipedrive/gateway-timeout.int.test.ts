import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountRepository } from '@/adapters/db/account-repository';
import type { Database } from '@/adapters/db/database';
import { installAda, openAccounts } from '@/adapters/pipedrive/testing/installed-account-fixture';
import { createPipedriveGateway } from './pipedrive-gateway';

/**
 * PIPEDRIVE_TIMEOUT_MS reaches the real HTTP layer: a write to a Pipedrive that never answers
 * ends after the timeout as "no response" (status 0), which the outbox treats as outcome unknown.
 */
describe('Pipedrive gateway: request timeout', () => {
  let database: Database;
  let accounts: AccountRepository;
  let server: Server;
  let received: string[];

  beforeEach(async () => {
    received = [];
    server = createServer((req) => received.push(`${req.method} ${req.url}`)); // never answers
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ({ database, accounts } = await openAccounts());
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  });

  it('gives up on a write after timeoutMs with a retryable "no response" error', async () => {
    const apiDomain = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const key = { companyId: 42, userId: 7 };
    await installAda(accounts, { key, apiDomain, accessTokenExpiresAt: Date.now() + 3_600_000 });
    const gateway = createPipedriveGateway({
      oauthUrl: apiDomain, clientId: 'id', clientSecret: 'secret', redirectUri: 'http://app.test/cb', accounts, logger: pino({ level: 'silent' }), timeoutMs: 150,
    });

    const rejection = gateway.addNote(key, { content: 'hello', person_id: 1 });

    await expect(rejection).rejects.toMatchObject({ name: 'PipedriveError', status: 0, retryable: true });
    await expect(rejection).rejects.toThrow(/add note: no response from Pipedrive/);
    expect(received).toEqual(['POST /api/v1/notes']);
    // Without the timeout the write would hang for the 15 s default: the test's own limit is lower.
  }, 5_000);
});
