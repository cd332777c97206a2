import { and, asc, desc, eq, gt, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { isMissedCall, type EpochMillis } from '@/domain/call';
import type {
  AgentCallsQuery,
  CallRecord,
  CallStore,
  CallStoreAgentBusy,
  InsertCallResult,
  StoredCall,
  UpdateCallResult,
} from '@/application/ports/call-store.port';
import { AGENT_BUSY_INDEX, AGENT_HOLDS_CALL_SQL } from './agent-busy-index';
import { rows, run, runAtomically, type AtomicWork } from './atomic-work';
import type { Database, Tables } from './database';

type CallRow = Tables['calls']['$inferSelect'];
type CallAgentRow = Tables['callAgents']['$inferInsert'];

/**
 * `CallStore` on SQLite or PostgreSQL. The record is stored whole (JSON columns) and the columns
 * the queries use are derived from it on every write, so the SQL filters below select exactly
 * what the predicates of `call-record.ts` select.
 */
export class DrizzleCallStore implements CallStore {
  constructor(private readonly database: Database) {}

  private get tables(): Tables {
    return this.database.tables;
  }

  async insert(record: CallRecord): Promise<InsertCallResult> {
    const { tables } = this;
    return runAtomically(this.database, function* (): AtomicWork<InsertCallResult> {
      // No conflict target: the primary key, the provider id and the agent-busy index all count.
      const inserted = yield* rows((db) =>
        db.insert(tables.calls).values(toCallRow(record, 1)).onConflictDoNothing().returning({ id: tables.calls.id }),
      );
      if (inserted.length === 0) return yield* insertConflictWork(tables, record);
      yield* replaceCallAgents(tables, record);
      return { ok: true, stored: { ...record, version: 1 } };
    });
  }

  async update(record: CallRecord, expectedVersion: number): Promise<UpdateCallResult> {
    const { tables } = this;
    try {
      return await runAtomically(this.database, () => updateCallWork(tables, record, expectedVersion));
    } catch (error) {
      return { ok: false, error: await agentBusyOrThrow(this.database, record, error) };
    }
  }

  async get(companyId: number, callId: string): Promise<StoredCall | undefined> {
    const { calls } = this.tables;
    const [row] = await this.database.db
      .select()
      .from(calls)
      .where(and(eq(calls.id, callId), eq(calls.companyId, companyId)))
      .limit(1);
    return row ? toStoredCall(row) : undefined;
  }

  async findByProviderCallId(providerCallId: string): Promise<StoredCall | undefined> {
    const { calls } = this.tables;
    const [row] = await this.database.db.select().from(calls).where(eq(calls.providerCallId, providerCallId)).limit(1);
    return row ? toStoredCall(row) : undefined;
  }

  async listActiveCalls(companyId: number): Promise<StoredCall[]> {
    const { calls } = this.tables;
    return this.select(
      and(eq(calls.companyId, companyId), inArray(calls.state, ['idle', 'ringing', 'connected'])),
      [asc(calls.createdAt), asc(calls.id)],
    );
  }

  async listCallsHeldByAgents(companyId: number): Promise<StoredCall[]> {
    const { calls } = this.tables;
    const held = or(eq(calls.state, 'connected'), and(eq(calls.direction, 'outbound'), inArray(calls.state, ['idle', 'ringing'])));
    return this.select(and(eq(calls.companyId, companyId), isNotNull(calls.agentUserId), held), [asc(calls.createdAt), asc(calls.id)]);
  }

  async listRingingCalls(limit: number): Promise<StoredCall[]> {
    const { calls } = this.tables;
    return this.select(eq(calls.state, 'ringing'), [asc(sql`coalesce(${calls.ringingAt}, 0)`), asc(calls.id)], limit);
  }

  async listCallsAwaitingLog(limit: number): Promise<StoredCall[]> {
    const { calls } = this.tables;
    return this.select(
      and(eq(calls.state, 'ended'), eq(calls.isCallLogged, false)),
      [asc(sql`coalesce(${calls.endedAt}, 0)`), asc(calls.id)],
      limit,
    );
  }

  async listHistory(query: AgentCallsQuery & { beforeCreatedAt?: EpochMillis }): Promise<StoredCall[]> {
    const { calls } = this.tables;
    const before = query.beforeCreatedAt === undefined ? undefined : lt(calls.createdAt, query.beforeCreatedAt);
    return this.select(
      and(eq(calls.companyId, query.companyId), before, this.isCallOfAgent(query.userId)),
      [desc(calls.createdAt), desc(calls.id)],
      query.limit,
    );
  }

  async listMissedCalls(query: AgentCallsQuery): Promise<StoredCall[]> {
    const { calls } = this.tables;
    return this.select(
      and(eq(calls.companyId, query.companyId), this.isMissedCallOf(query.userId)),
      [desc(sql`coalesce(${calls.endedAt}, 0)`), desc(calls.id)],
      query.limit,
    );
  }

  async countMissedCalls(query: { companyId: number; userId: number; endedAfter: EpochMillis | undefined }): Promise<number> {
    const { calls } = this.tables;
    const after = query.endedAfter === undefined ? undefined : gt(sql`coalesce(${calls.endedAt}, 0)`, query.endedAfter);
    const [row] = await this.database.db
      .select({ count: sql<number | string>`count(*)` })
      .from(calls)
      .where(and(eq(calls.companyId, query.companyId), this.isMissedCallOf(query.userId), after));
    return Number(row?.count ?? 0);
  }

  async getMissedCallsSeenAt(companyId: number, userId: number): Promise<EpochMillis | undefined> {
    const { missedCallsSeen } = this.tables;
    const [row] = await this.database.db
      .select({ seenAt: missedCallsSeen.seenAt })
      .from(missedCallsSeen)
      .where(and(eq(missedCallsSeen.companyId, companyId), eq(missedCallsSeen.userId, userId)))
      .limit(1);
    return row === undefined ? undefined : Number(row.seenAt);
  }

  async setMissedCallsSeenAt(companyId: number, userId: number, at: EpochMillis): Promise<void> {
    const { missedCallsSeen } = this.tables;
    await this.database.db
      .insert(missedCallsSeen)
      .values({ companyId, userId, seenAt: at })
      .onConflictDoUpdate({ target: [missedCallsSeen.companyId, missedCallsSeen.userId], set: { seenAt: at } });
  }

  /** `isCallOfAgent`: their call, a call that rang for them, or one of their missed calls. */
  private isCallOfAgent(userId: number): SQL {
    const { calls, callAgents } = this.tables;
    return or(
      eq(calls.agentUserId, userId),
      eq(calls.missedScope, 'company'),
      sql`exists (select 1 from ${callAgents} where ${callAgents.callId} = ${calls.id} and ${callAgents.userId} = ${userId})`,
    ) as SQL;
  }

  /** `isMissedCallOf`: `missed_scope` is only set while the call counts as missed. */
  private isMissedCallOf(userId: number): SQL {
    const { calls, callAgents } = this.tables;
    return or(
      eq(calls.missedScope, 'company'),
      and(
        eq(calls.missedScope, 'agents'),
        sql`exists (select 1 from ${callAgents} where ${callAgents.callId} = ${calls.id} and ${callAgents.userId} = ${userId} and ${callAgents.role} = 'missed')`,
      ),
    ) as SQL;
  }

  private async select(where: SQL | undefined, orderBy: SQL[], limit?: number): Promise<StoredCall[]> {
    const query = this.database.db.select().from(this.tables.calls).where(where).orderBy(...orderBy);
    const found = limit === undefined ? await query : await query.limit(limit);
    return found.map(toStoredCall);
  }
}

/** The compare-and-set update, shared with the unit of work (which adds outbox inserts after it). */
export function* updateCallWork(tables: Tables, record: CallRecord, expectedVersion: number): AtomicWork<UpdateCallResult> {
  const { calls } = tables;
  const { id: _id, ...changes } = toCallRow(record, expectedVersion + 1);
  const updated = yield* rows((db) =>
    db
      .update(calls)
      .set(changes)
      .where(and(eq(calls.id, record.call.id), eq(calls.version, expectedVersion)))
      .returning({ id: calls.id }),
  );
  if (updated.length === 0) {
    return { ok: false, error: { code: 'CALL_STORE_VERSION_CONFLICT', callId: record.call.id, expectedVersion } };
  }
  yield* replaceCallAgents(tables, record);
  return { ok: true, stored: { ...record, version: expectedVersion + 1 } };
}

/** Why an insert did nothing: a duplicate id / provider id, else the agent-busy index. */
function* insertConflictWork(tables: Tables, record: CallRecord): AtomicWork<InsertCallResult> {
  const { calls } = tables;
  const { id, providerCallId } = record.call;
  const sameCall = providerCallId === undefined ? eq(calls.id, id) : or(eq(calls.id, id), eq(calls.providerCallId, providerCallId));
  const duplicates = yield* rows((db) => db.select({ id: calls.id }).from(calls).where(sameCall).limit(1));
  if (duplicates.length > 0) return { ok: false, error: { code: 'CALL_STORE_DUPLICATE', callId: id } };
  const holders = yield* rows((db) => holderQuery(db, tables, record));
  return { ok: false, error: { code: 'CALL_STORE_AGENT_BUSY', callId: id, activeCallId: holders[0]?.id ?? null } };
}

/**
 * An update that violated the agent-busy index (the transaction is rolled back by then): the call
 * holding the agent, read afresh. Any other failure is rethrown.
 */
export async function agentBusyOrThrow(database: Database, record: CallRecord, error: unknown): Promise<CallStoreAgentBusy> {
  if (!isAgentBusyViolation(error)) throw error;
  const holders = await holderQuery(database.db, database.tables, record);
  return { code: 'CALL_STORE_AGENT_BUSY', callId: record.call.id, activeCallId: holders[0]?.id ?? null };
}

/** The other call holding the record's agent (the rows the agent-busy index covers). */
function holderQuery(db: Database['db'], tables: Tables, record: CallRecord) {
  const { calls } = tables;
  const { id, companyId, agentUserId } = record.call;
  return db
    .select({ id: calls.id })
    .from(calls)
    .where(
      and(
        eq(calls.companyId, companyId),
        eq(calls.agentUserId, agentUserId ?? -1),
        sql`${calls.id} <> ${id}`,
        sql.raw(`(${AGENT_HOLDS_CALL_SQL})`),
      ),
    )
    .limit(1);
}

/**
 * PostgreSQL names the violated index; SQLite names its columns only, and no other unique index
 * of `calls` covers exactly these. Drizzle wraps driver errors, so the cause chain is searched.
 */
function isAgentBusyViolation(error: unknown): boolean {
  for (let current: unknown = error; typeof current === 'object' && current !== null; current = (current as { cause?: unknown }).cause) {
    const { code, constraint, message } = current as { code?: unknown; constraint?: unknown; message?: unknown };
    if (code === '23505' && constraint === AGENT_BUSY_INDEX) return true;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('calls.company_id, calls.agent_user_id')) return true;
  }
  return false;
}

function* replaceCallAgents(tables: Tables, record: CallRecord): AtomicWork<void> {
  const { callAgents } = tables;
  yield* run((db) => db.delete(callAgents).where(eq(callAgents.callId, record.call.id)));
  const agentRows = callAgentRows(record);
  if (agentRows.length > 0) yield* run((db) => db.insert(callAgents).values(agentRows).onConflictDoNothing());
}

function missedScope(record: CallRecord): 'agents' | 'company' | null {
  return record.missedBy !== null && isMissedCall(record.call) ? record.missedBy.scope : null;
}

function callAgentRows(record: CallRecord): CallAgentRow[] {
  const callId = record.call.id;
  const rang = [...new Set(record.ringing?.ringingUserIds ?? [])].map((userId) => ({ callId, userId, role: 'rang' as const }));
  const missedUserIds = record.missedBy?.scope === 'agents' && missedScope(record) === 'agents' ? record.missedBy.userIds : [];
  const missed = [...new Set(missedUserIds)].map((userId) => ({ callId, userId, role: 'missed' as const }));
  return [...rang, ...missed];
}

function toCallRow(record: CallRecord, version: number): Tables['calls']['$inferInsert'] {
  const { call } = record;
  return {
    id: call.id,
    companyId: call.companyId,
    providerCallId: call.providerCallId ?? null,
    direction: call.direction,
    state: call.state,
    agentUserId: call.agentUserId,
    createdAt: call.timestamps.createdAt,
    ringingAt: call.timestamps.ringingAt ?? null,
    endedAt: call.timestamps.endedAt ?? null,
    missedScope: missedScope(record),
    isCallLogged: record.isCallLogged,
    version,
    call,
    ringing: record.ringing,
    caller: record.caller,
    missedBy: record.missedBy,
    agentTabId: record.agentTabId,
  };
}

function toStoredCall(row: CallRow): StoredCall {
  return {
    call: row.call,
    ringing: row.ringing ?? null,
    agentTabId: row.agentTabId ?? null,
    caller: row.caller ?? null,
    missedBy: row.missedBy ?? null,
    isCallLogged: row.isCallLogged,
    version: row.version,
  };
}
