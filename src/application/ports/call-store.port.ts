import type { Call, EpochMillis } from '@/domain/call';
import type { DomainFailure, Result } from '@/domain/errors';
import type { RingingCall } from '@/domain/routing';
import type { CallerInfo } from './caller-info';

/**
 * Whose missed-call list a missed call belongs on. `agents`: the agents it rang (or who were all
 * busy). `company`: nobody in particular (no agent online, or the agent asked for is not online),
 * so every agent of the company sees it.
 */
export type MissedBy =
  | { readonly scope: 'agents'; readonly userIds: readonly number[] }
  | { readonly scope: 'company' };

/** A call with everything the application keeps beside the domain `Call`. */
export interface CallRecord {
  readonly call: Call;
  /**
   * Inbound calls that rang: who rings, who declined, who answered first. Kept after the call
   * ends (history "rang for me"); null for outbound calls and calls that never rang.
   */
  readonly ringing: RingingCall | null;
  /** The window that holds the call: the tab that answered it or placed it. */
  readonly agentTabId: string | null;
  /** The caller lookup; null until looked up. */
  readonly caller: CallerInfo | null;
  /** Set when the call ended as a missed call (see `isMissedCall`), null otherwise. */
  readonly missedBy: MissedBy | null;
  /**
   * True once a call-log write for the call is in the outbox (queued by the wrap-up or by the
   * grace-period sweep). Only ever set together with that enqueue, in one unit of work.
   */
  readonly isCallLogged: boolean;
}

/** A record as stored. `version` starts at 1 and grows by one with every successful update. */
export interface StoredCall extends CallRecord {
  readonly version: number;
}

/** Someone else updated the call since it was read: reload, re-decide, retry. */
export interface CallStoreVersionConflict extends DomainFailure<'CALL_STORE_VERSION_CONFLICT'> {
  readonly callId: string;
  readonly expectedVersion: number;
}

/** A call with this id, or with this `providerCallId`, exists already (webhook retried or raced). */
export interface CallStoreDuplicate extends DomainFailure<'CALL_STORE_DUPLICATE'> {
  readonly callId: string;
}

/**
 * The call would hold its agent (`holdsAgent`) while another call of theirs already does: two
 * dials, or a dial and an answer, raced. Enforced by the store itself (a partial unique index in
 * the database), so it holds across app instances, where a check before the write cannot.
 */
export interface CallStoreAgentBusy extends DomainFailure<'CALL_STORE_AGENT_BUSY'> {
  readonly callId: string;
  /** The call holding the agent; null when it stopped holding them meanwhile (worth a retry). */
  readonly activeCallId: string | null;
}

export type InsertCallResult = Result<{ readonly stored: StoredCall }, CallStoreDuplicate | CallStoreAgentBusy>;
export type UpdateCallResult = Result<{ readonly stored: StoredCall }, CallStoreVersionConflict | CallStoreAgentBusy>;

export interface AgentCallsQuery {
  readonly companyId: number;
  readonly userId: number;
  readonly limit: number;
}

/**
 * Calls and their routing state, shared by every app instance (the DB adapter; the in-memory one
 * is for tests). Methods reject only on infrastructure failure; expected outcomes are returned.
 * Query semantics are written out as pure predicates in `call-record.ts` (`isCallOfAgent`,
 * `isMissedCallOf`, `isActiveCall`), which SQL adapters mirror.
 */
export interface CallStore {
  /**
   * Stores a new call at version 1. Duplicate when `call.id` or `call.providerCallId` exists;
   * agent busy when the call holds its agent and another call already does.
   */
  insert(record: CallRecord): Promise<InsertCallResult>;

  /**
   * Replaces the call if its stored version is still `expectedVersion` (compare-and-set, e.g.
   * `UPDATE ... WHERE id = ? AND version = ?`), returning it at `expectedVersion + 1`; otherwise
   * a version conflict. First-answer-wins across instances relies on this. Agent busy when the
   * new record holds its agent and another call already does (nothing is written).
   */
  update(record: CallRecord, expectedVersion: number): Promise<UpdateCallResult>;

  /** The call if it exists in that company: a call id of another company is "not found". */
  get(companyId: number, callId: string): Promise<StoredCall | undefined>;

  /** The call the provider knows by this id (Twilio CallSid, mock id), in any company. */
  findByProviderCallId(providerCallId: string): Promise<StoredCall | undefined>;

  /** The company's calls in state idle, ringing or connected (`isActiveCall`). */
  listActiveCalls(companyId: number): Promise<StoredCall[]>;

  /**
   * The company's calls an agent holds (`isHeldBy` in application/calls/agent-calls.ts): connected,
   * or outbound being dialled. Ringing inbound calls are left out: the busy check of every inbound
   * call reads this, and a company's ringing calls can be many.
   */
  listCallsHeldByAgents(companyId: number): Promise<StoredCall[]>;

  /** Inbound calls in state ringing, any company, oldest `ringingAt` first (timeout recovery). */
  listRingingCalls(limit: number): Promise<StoredCall[]>;

  /** Calls in state ended with `isCallLogged` false, any company, oldest `endedAt` first. */
  listCallsAwaitingLog(limit: number): Promise<StoredCall[]>;

  /** The agent's calls (`isCallOfAgent`), newest `createdAt` first, older than `beforeCreatedAt`. */
  listHistory(query: AgentCallsQuery & { readonly beforeCreatedAt?: EpochMillis }): Promise<StoredCall[]>;

  /** The agent's missed calls (`isMissedCallOf`), newest `endedAt` first. */
  listMissedCalls(query: AgentCallsQuery): Promise<StoredCall[]>;

  /** How many of the agent's missed calls ended strictly after `endedAfter` (all when undefined). */
  countMissedCalls(query: {
    readonly companyId: number;
    readonly userId: number;
    readonly endedAfter: EpochMillis | undefined;
  }): Promise<number>;

  /** When the agent last looked at their missed calls (the badge counts what ended after). */
  getMissedCallsSeenAt(companyId: number, userId: number): Promise<EpochMillis | undefined>;
  setMissedCallsSeenAt(companyId: number, userId: number, at: EpochMillis): Promise<void>;
}
