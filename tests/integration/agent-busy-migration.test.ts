/**
 * Migration 0004 (the agent-busy index) on a database that already holds "ghost" calls: an agent
 * held by several calls at once, as the bugs it fixes could leave behind. The upgrade must not
 * fail to start the app; all but the newest held call of each agent end as failed.
 */
import { describe, expect, it } from 'vitest';
import { createCallPersistence } from '@/adapters/db/call-persistence';
import { openDatabase } from '@/adapters/db/database';
import { makeCall, makeRecord } from './calls-store-contract';
import { cleanUpAfterEach } from '../support/clean-up-after-each';
import { postgresBeforeMigration, sqliteBeforeMigration } from '../support/database-before-migration';

const COMPANY = 5;
const AGENT = 11;
const cleanups = cleanUpAfterEach();

/** Three outbound calls holding one agent (oldest first), and a call of another agent. */
const GHOSTS = [
  { id: 'ghost-old', agent: AGENT, createdAt: 1_000, state: 'idle' },
  { id: 'ghost-mid', agent: AGENT, createdAt: 2_000, state: 'ringing' },
  { id: 'live', agent: AGENT, createdAt: 3_000, state: 'connected' },
  { id: 'colleague', agent: 12, createdAt: 1_500, state: 'idle' },
] as const;

const INSERT = `insert into calls (id, company_id, direction, state, agent_user_id, created_at, is_call_logged, version, call)
  values ($1, $2, 'outbound', $3, $4, $5, false, 1, $6)`;

function ghostParameters(ghost: (typeof GHOSTS)[number]) {
  const call = makeCall(ghost.id, { companyId: COMPANY, direction: 'outbound', state: ghost.state, agentUserId: ghost.agent, timestamps: { createdAt: ghost.createdAt } });
  return [ghost.id, COMPANY, ghost.state, ghost.agent, ghost.createdAt, JSON.stringify(call)];
}

async function expectUpgraded(databaseUrl: string): Promise<void> {
  const database = openDatabase(databaseUrl);
  cleanups.push(() => database.close());
  await database.migrate();
  const { callStore } = createCallPersistence(database);
  const state = async (id: string) => (await callStore.get(COMPANY, id))?.call;
  expect(await state('ghost-old')).toMatchObject({ state: 'ended', outcome: 'failed', endedBy: 'system', timestamps: { endedAt: 1_000 } });
  expect(await state('ghost-mid')).toMatchObject({ state: 'ended', outcome: 'failed' });
  expect(await state('live')).toMatchObject({ state: 'connected' });
  expect(await state('colleague')).toMatchObject({ state: 'idle' });
  expect((await callStore.listActiveCalls(COMPANY)).map((stored) => stored.call.id).sort()).toEqual(['colleague', 'live']);
  // The index is in place: the agent is busy with the live call.
  const dial = makeRecord(makeCall('new-dial', { companyId: COMPANY, direction: 'outbound', state: 'idle', agentUserId: AGENT }));
  expect(await callStore.insert(dial)).toEqual({ ok: false, error: { code: 'CALL_STORE_AGENT_BUSY', callId: 'new-dial', activeCallId: 'live' } });
}

describe('migration 0004 over calls already holding an agent twice', () => {
  it('SQLite: ends all but the newest held call of each agent, then builds the index', async () => {
    const { url } = sqliteBeforeMigration(4, cleanups, (client) => {
      const insert = client.prepare(INSERT.replace(/\$\d/g, '?'));
      for (const ghost of GHOSTS) {
        const [id, company, state, agent, createdAt, call] = ghostParameters(ghost);
        insert.run(id, company, state, agent, createdAt, call);
      }
    });
    await expectUpgraded(url);
  });

  it('PostgreSQL: the same', async () => {
    const { pool, url } = await postgresBeforeMigration(4, 'upgrade', cleanups);
    for (const ghost of GHOSTS) await pool.query(INSERT, ghostParameters(ghost));
    await expectUpgraded(url);
  });
});
