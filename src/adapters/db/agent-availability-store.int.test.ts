import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/database-engine';
import { createAgentAvailabilityStore } from './agent-availability-store';
import { openDatabase, type Database } from './database';

/** The availability table of migration 0008, on both engines. */
describe.each(['sqlite', 'postgres'] as const)('agent availability store (%s)', (engine) => {
  let testDatabase: TestDatabase;
  let database: Database;

  beforeEach(async () => {
    testDatabase = await createTestDatabase('agent_availability', engine);
    database = openDatabase(testDatabase.url);
    await database.migrate();
  });
  afterEach(async () => {
    await database.close();
    await testDatabase.drop();
  });

  it('keeps one value per agent, available until they chose otherwise', async () => {
    const store = createAgentAvailabilityStore(database);
    const agent = { companyId: 7, userId: 11 };
    expect(await store.isAvailable(agent)).toBe(true);
    await store.save(agent, false, 1_000);
    await store.save({ companyId: 7, userId: 12 }, false, 1_000);
    await store.save({ companyId: 8, userId: 11 }, false, 1_000);
    await store.save({ companyId: 7, userId: 13 }, true, 1_000);
    expect(await store.isAvailable(agent)).toBe(false);
    expect(await store.isAvailable({ companyId: 7, userId: 13 })).toBe(true);
    const sorted = (list: { companyId: number; userId: number }[]) => [...list].sort((a, b) => a.companyId - b.companyId || a.userId - b.userId);
    expect(sorted(await store.listUnavailable([7]))).toEqual([agent, { companyId: 7, userId: 12 }]);
    expect(sorted(await store.listUnavailable([7, 8, 7]))).toHaveLength(3);
    expect(await store.listUnavailable([])).toEqual([]);
    await store.save(agent, true, 2_000);
    expect(await store.isAvailable(agent)).toBe(true);
    expect(await store.listUnavailable([7])).toEqual([{ companyId: 7, userId: 12 }]);
  });
});
