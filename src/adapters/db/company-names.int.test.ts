import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCompanyNames } from './company-names';
import { openDatabase, type Database } from './database';

describe('readCompanyNames (SQLite)', () => {
  let dir: string;
  let database: Database;
  const account = (companyId: number, userId: number, companyName: string, updatedAt: number) => ({
    companyId, userId, name: `User ${userId}`, email: `${userId}@example.com`, companyName, apiDomain: 'https://x.pipedrive.com',
    scopes: 'base', accessTokenExpiresAt: 0, status: 'connected' as const, createdAt: 1, updatedAt,
  });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'company-names-'));
    database = openDatabase(`file:${join(dir, 'caller.sqlite')}`);
    await database.migrate();
    await database.db.insert(database.tables.accounts).values([
      account(7351, 1, 'Old Name Ltd', 100),
      account(7351, 2, 'Sandbox Trading Co', 200),
      account(8000, 3, '  ', 100),
      account(9000, 4, 'Not Asked For', 100),
    ]);
  });
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives each asked company the name of its most recently updated account, and none when none is stored', async () => {
    const names = await readCompanyNames(database, [7351, 8000, 1234]);
    expect([...names]).toEqual([[7351, 'Sandbox Trading Co']]);
    expect(await readCompanyNames(database, [])).toEqual(new Map());
  });
});
