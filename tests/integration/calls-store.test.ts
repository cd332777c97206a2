import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCallPersistence } from '@/adapters/db/call-persistence';
import { openDatabase, type Database } from '@/adapters/db/database';
import { InMemoryCallerPreferences, InMemoryCallStore, InMemoryOutbox, InMemoryUnitOfWork } from '@/application/ports/testing';
import { describeCallPortsContract, makeCall, makeRecord, type CallPorts } from './calls-store-contract';
import { dropPostgresSchema } from '../support/database-engine';
import { POSTGRES_UNREACHABLE, POSTGRES_URL, isPostgresReachable } from '../support/postgres';

function drizzlePorts(database: Database): CallPorts {
  const persistence = createCallPersistence(database);
  return {
    calls: persistence.callStore,
    outbox: persistence.outboxStore,
    unitOfWork: persistence.unitOfWork,
    preferences: persistence.callerPreferences,
    deliveries: persistence.outboxStore,
    failsAtomically: true,
  };
}

describeCallPortsContract('in-memory', async () => {
  const calls = new InMemoryCallStore();
  const outbox = new InMemoryOutbox();
  return { calls, outbox, unitOfWork: new InMemoryUnitOfWork(calls, outbox), preferences: new InMemoryCallerPreferences(), deliveries: new InMemoryOutbox(), failsAtomically: false };
});

const sqliteDatabases: Database[] = [];
afterAll(async () => {
  await Promise.all(sqliteDatabases.map((database) => database.close()));
});

describeCallPortsContract('SQLite', async () => {
  const database = openDatabase('file::memory:');
  sqliteDatabases.push(database);
  await database.migrate();
  return drizzlePorts(database);
});

/** One schema for the file; every test starts from empty tables. */
let postgres: { database: Database; schema: string } | undefined;

beforeAll(async () => {
  if (!(await isPostgresReachable())) return;
  const schema = `caller_calls_${randomBytes(6).toString('hex')}`;
  const database = openDatabase(`${POSTGRES_URL}?schema=${schema}`);
  await database.migrate();
  postgres = { database, schema };
});

afterAll(async () => {
  if (!postgres) return;
  await postgres.database.close();
  await dropPostgresSchema(postgres.schema);
});

describeCallPortsContract('PostgreSQL', async () => {
  if (!postgres) throw new Error(POSTGRES_UNREACHABLE);
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`truncate "${postgres.schema}".calls, "${postgres.schema}".call_agents, "${postgres.schema}".missed_calls_seen, "${postgres.schema}".outbox, "${postgres.schema}".caller_preferences restart identity`);
  } finally {
    await client.end();
  }
  return drizzlePorts(postgres.database);
});

describe('two app instances on one PostgreSQL database', () => {
  it('let one dial of an agent win when both dial at once (the database decides, not a check before the write)', async () => {
    if (!postgres) throw new Error(POSTGRES_UNREACHABLE);
    // A second instance: its own connection pool on the same schema.
    const other = openDatabase(`${POSTGRES_URL}?schema=${postgres.schema}`);
    try {
      const stores = [createCallPersistence(postgres.database).callStore, createCallPersistence(other).callStore];
      const dial = (id: string) =>
        makeRecord(makeCall(id, { companyId: 77, direction: 'outbound', state: 'idle', agentUserId: 11, timestamps: { createdAt: 1 } }));
      const results = await Promise.all(stores.map((store, index) => store.insert(dial(`instance-${index}`))));
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, error: { code: 'CALL_STORE_AGENT_BUSY' } });
    } finally {
      await other.close();
    }
  });
});
