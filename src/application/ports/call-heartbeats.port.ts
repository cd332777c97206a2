import type { EpochMillis } from '@/domain/call';

export interface HeartbeatCall {
  readonly companyId: number;
  readonly callId: string;
}

/**
 * When a browser-driven call (SIP: the window holds the media) was last heard of. Shared by every
 * instance (the database), so any instance's sweep can end a call whose window vanished.
 */
export interface CallHeartbeats {
  /** Records a sign of life (creates the entry for a new call). */
  heard(call: HeartbeatCall, at: EpochMillis): Promise<void>;
  /** Calls not heard of since `before`, oldest first. */
  listSilentSince(before: EpochMillis, limit: number): Promise<HeartbeatCall[]>;
  /** The call is over: nothing more to watch. */
  forget(callId: string): Promise<void>;
}
