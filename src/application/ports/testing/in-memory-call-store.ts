import type { EpochMillis } from '@/domain/call';
import { holdsAgent, isActiveCall, isCallOfAgent, isMissedCallOf } from '@/application/ports/call-record';
import type {
  AgentCallsQuery,
  CallRecord,
  CallStore,
  CallStoreAgentBusy,
  InsertCallResult,
  StoredCall,
  UpdateCallResult,
} from '@/application/ports/call-store.port';

/** For tests only: calls live as long as the process. Production uses the DB adapter. */
export class InMemoryCallStore implements CallStore {
  private readonly calls = new Map<string, StoredCall>();
  private readonly seenAt = new Map<string, EpochMillis>();

  async insert(record: CallRecord): Promise<InsertCallResult> {
    const { id, providerCallId } = record.call;
    const isDuplicate =
      this.calls.has(id) ||
      (providerCallId !== undefined && this.findByProviderCallIdNow(providerCallId) !== undefined);
    if (isDuplicate) return { ok: false, error: { code: 'CALL_STORE_DUPLICATE', callId: id } };
    const busy = this.agentBusyFor(record);
    if (busy !== undefined) return { ok: false, error: busy };
    const stored = { ...record, version: 1 };
    this.calls.set(id, stored);
    return { ok: true, stored };
  }

  async update(record: CallRecord, expectedVersion: number): Promise<UpdateCallResult> {
    return this.updateNow(record, expectedVersion);
  }

  /** Synchronous compare-and-set, shared with the in-memory unit of work. */
  updateNow(record: CallRecord, expectedVersion: number): UpdateCallResult {
    const current = this.calls.get(record.call.id);
    if (current === undefined || current.version !== expectedVersion) {
      return { ok: false, error: { code: 'CALL_STORE_VERSION_CONFLICT', callId: record.call.id, expectedVersion } };
    }
    const busy = this.agentBusyFor(record);
    if (busy !== undefined) return { ok: false, error: busy };
    const stored = { ...record, version: expectedVersion + 1 };
    this.calls.set(record.call.id, stored);
    return { ok: true, stored };
  }

  async get(companyId: number, callId: string): Promise<StoredCall | undefined> {
    const stored = this.calls.get(callId);
    return stored?.call.companyId === companyId ? stored : undefined;
  }

  async findByProviderCallId(providerCallId: string): Promise<StoredCall | undefined> {
    return this.findByProviderCallIdNow(providerCallId);
  }

  async listActiveCalls(companyId: number): Promise<StoredCall[]> {
    return this.all().filter((s) => s.call.companyId === companyId && isActiveCall(s));
  }

  async listCallsHeldByAgents(companyId: number): Promise<StoredCall[]> {
    return this.all().filter((s) => {
      const { call } = s;
      if (call.companyId !== companyId || call.agentUserId === null) return false;
      return call.state === 'connected' || (call.direction === 'outbound' && (call.state === 'idle' || call.state === 'ringing'));
    });
  }

  async listRingingCalls(limit: number): Promise<StoredCall[]> {
    return this.all()
      .filter((s) => s.call.state === 'ringing')
      .sort((a, b) => (a.call.timestamps.ringingAt ?? 0) - (b.call.timestamps.ringingAt ?? 0))
      .slice(0, limit);
  }

  async listCallsAwaitingLog(limit: number): Promise<StoredCall[]> {
    return this.all()
      .filter((s) => s.call.state === 'ended' && !s.isCallLogged)
      .sort((a, b) => (a.call.timestamps.endedAt ?? 0) - (b.call.timestamps.endedAt ?? 0))
      .slice(0, limit);
  }

  async listHistory(query: AgentCallsQuery & { beforeCreatedAt?: EpochMillis }): Promise<StoredCall[]> {
    const before = query.beforeCreatedAt ?? Number.POSITIVE_INFINITY;
    return this.all()
      .filter((s) => s.call.companyId === query.companyId && isCallOfAgent(s, query.userId))
      .filter((s) => s.call.timestamps.createdAt < before)
      .sort((a, b) => b.call.timestamps.createdAt - a.call.timestamps.createdAt)
      .slice(0, query.limit);
  }

  async listMissedCalls(query: AgentCallsQuery): Promise<StoredCall[]> {
    return this.missedOf(query.companyId, query.userId)
      .sort((a, b) => (b.call.timestamps.endedAt ?? 0) - (a.call.timestamps.endedAt ?? 0))
      .slice(0, query.limit);
  }

  async countMissedCalls(query: {
    companyId: number;
    userId: number;
    endedAfter: EpochMillis | undefined;
  }): Promise<number> {
    const after = query.endedAfter ?? Number.NEGATIVE_INFINITY;
    return this.missedOf(query.companyId, query.userId).filter((s) => (s.call.timestamps.endedAt ?? 0) > after)
      .length;
  }

  async getMissedCallsSeenAt(companyId: number, userId: number): Promise<EpochMillis | undefined> {
    return this.seenAt.get(`${companyId}:${userId}`);
  }

  async setMissedCallsSeenAt(companyId: number, userId: number, at: EpochMillis): Promise<void> {
    this.seenAt.set(`${companyId}:${userId}`, at);
  }

  private missedOf(companyId: number, userId: number): StoredCall[] {
    return this.all().filter((s) => s.call.companyId === companyId && isMissedCallOf(s, userId));
  }

  /** What the database's agent-busy index does: another call already holds the record's agent. */
  private agentBusyFor(record: CallRecord): CallStoreAgentBusy | undefined {
    if (!holdsAgent(record)) return undefined;
    const { id, companyId, agentUserId } = record.call;
    const holder = this.all().find(
      (s) => s.call.id !== id && s.call.companyId === companyId && s.call.agentUserId === agentUserId && holdsAgent(s),
    );
    return holder === undefined ? undefined : { code: 'CALL_STORE_AGENT_BUSY', callId: id, activeCallId: holder.call.id };
  }

  private findByProviderCallIdNow(providerCallId: string): StoredCall | undefined {
    return this.all().find((s) => s.call.providerCallId === providerCallId);
  }

  private all(): StoredCall[] {
    return [...this.calls.values()];
  }
}
