import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAgentAccount } from './agent-account';
import { openDatabase, type Database } from './database';

describe('findAgentAccount (SQLite)', () => {
  let dir: string;
  let database: Database;
  const account = (userId: number, name: string, status: 'connected' | 'disconnected', companyId = 7351) => ({
    companyId, userId, name, email: `${name.split(' ')[0]!.toLowerCase()}@example.com`, companyName: 'Sandbox Trading Co',
    apiDomain: 'https://x.pipedrive.com', scopes: 'base', accessTokenExpiresAt: 0, status, createdAt: 1, updatedAt: 1,
  });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'agent-account-'));
    database = openDatabase(`file:${join(dir, 'caller.sqlite')}`);
    await database.migrate();
    await database.db.insert(database.tables.accounts).values([
      account(20001, 'Alice Admin', 'connected'),
      account(20002, 'Bob Builder', 'disconnected'),
      account(30001, 'Carol Elsewhere', 'connected', 8000),
    ]);
  });
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('matches by id, email or name as routing does, and tells installed from uninstalled', async () => {
    expect(await findAgentAccount(database, 7351, '20001')).toEqual({ kind: 'installed', name: 'Alice Admin' });
    expect(await findAgentAccount(database, 7351, 'ALICE@example.com')).toEqual({ kind: 'installed', name: 'Alice Admin' });
    expect(await findAgentAccount(database, 7351, '  bob   builder ')).toEqual({ kind: 'uninstalled', name: 'Bob Builder' });
  });

  it('says when the installed agent is on "Do not disturb"', async () => {
    await database.db.insert(database.tables.agentAvailability).values({ companyId: 7351, userId: 20001, available: false, updatedAt: 1 });
    expect(await findAgentAccount(database, 7351, 'Alice Admin')).toEqual({ kind: 'do_not_disturb', name: 'Alice Admin' });
  });

  it('says "not installed" for anyone else, including a user of another company', async () => {
    expect(await findAgentAccount(database, 7351, 'Dana Newhire')).toEqual({ kind: 'not_installed' });
    expect(await findAgentAccount(database, 7351, '30001')).toEqual({ kind: 'not_installed' });
  });
});
