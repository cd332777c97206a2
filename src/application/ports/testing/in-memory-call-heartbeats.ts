import type { EpochMillis } from '@/domain/call';
import type { CallHeartbeats, HeartbeatCall } from '../call-heartbeats.port';

/** `CallHeartbeats` in a map (tests, one process). */
export class InMemoryCallHeartbeats implements CallHeartbeats {
  private readonly lastHeard = new Map<string, HeartbeatCall & { readonly at: EpochMillis }>();

  async heard(call: HeartbeatCall, at: EpochMillis): Promise<void> {
    this.lastHeard.set(call.callId, { companyId: call.companyId, callId: call.callId, at });
  }

  async listSilentSince(before: EpochMillis, limit: number): Promise<HeartbeatCall[]> {
    return [...this.lastHeard.values()]
      .filter((entry) => entry.at < before)
      .sort((a, b) => a.at - b.at)
      .slice(0, limit)
      .map(({ companyId, callId }) => ({ companyId, callId }));
  }

  async forget(callId: string): Promise<void> {
    this.lastHeard.delete(callId);
  }

  /** When the call was last heard of (tests). */
  lastHeardAt(callId: string): EpochMillis | undefined {
    return this.lastHeard.get(callId)?.at;
  }
}
