import type { StopRingingTarget } from '@/domain/routing';
import type { CallView } from '@/application/ports/call-view';
import type { NotesDraft } from '@/application/ports/notes-drafts.port';
import type { RealtimeNotifier } from '@/application/ports/realtime-notifier.port';

export type RealtimeMessage =
  | { readonly type: 'ring'; readonly companyId: number; readonly userIds: readonly number[]; readonly call: CallView }
  | {
      readonly type: 'stop_ringing';
      readonly companyId: number;
      readonly callId: string;
      readonly targets: readonly StopRingingTarget[];
    }
  | { readonly type: 'call_updated'; readonly companyId: number; readonly userIds: readonly number[]; readonly call: CallView }
  | { readonly type: 'missed_count'; readonly companyId: number; readonly userId: number; readonly unseenCount: number }
  | { readonly type: 'notes_draft'; readonly companyId: number; readonly userId: number; readonly draft: NotesDraft; readonly exceptTabId: string | undefined };

/** One open window: what a tab of a user would have received. */
export interface TabAddress {
  readonly companyId: number;
  readonly userId: number;
  readonly tabId: string;
}

/** For tests: records every push, and answers "what is ringing in this tab?" like a window would. */
export class RecordingRealtimeNotifier implements RealtimeNotifier {
  readonly messages: RealtimeMessage[] = [];

  async ringAgents(companyId: number, userIds: readonly number[], call: CallView): Promise<void> {
    this.messages.push({ type: 'ring', companyId, userIds, call });
  }

  async stopRinging(companyId: number, callId: string, targets: readonly StopRingingTarget[]): Promise<void> {
    this.messages.push({ type: 'stop_ringing', companyId, callId, targets });
  }

  async callUpdated(companyId: number, userIds: readonly number[], call: CallView): Promise<void> {
    this.messages.push({ type: 'call_updated', companyId, userIds, call });
  }

  async missedCallsChanged(companyId: number, userId: number, unseenCount: number): Promise<void> {
    this.messages.push({ type: 'missed_count', companyId, userId, unseenCount });
  }

  async notesDraftChanged(companyId: number, userId: number, draft: NotesDraft, exceptTabId?: string): Promise<void> {
    this.messages.push({ type: 'notes_draft', companyId, userId, draft, exceptTabId });
  }

  /** Call ids ringing in a tab: rung for its user and not stopped for that tab since. */
  ringingIn(tab: TabAddress): string[] {
    const ringing = new Set<string>();
    for (const message of this.messages) {
      if (message.companyId !== tab.companyId) continue;
      if (message.type === 'ring' && message.userIds.includes(tab.userId)) ringing.add(message.call.id);
      if (message.type === 'stop_ringing' && stopsTab(message.targets, tab)) ringing.delete(message.callId);
    }
    return [...ringing];
  }

  /** The last badge count pushed to the user, if any. */
  lastMissedCount(companyId: number, userId: number): number | undefined {
    const counts = this.messages.filter(
      (m): m is Extract<RealtimeMessage, { type: 'missed_count' }> =>
        m.type === 'missed_count' && m.companyId === companyId && m.userId === userId,
    );
    return counts.at(-1)?.unseenCount;
  }

  /** Every message a user's windows received (any tab). */
  receivedBy(companyId: number, userId: number): RealtimeMessage[] {
    return this.messages.filter((m) => {
      if (m.companyId !== companyId) return false;
      switch (m.type) {
        case 'ring':
        case 'call_updated':
          return m.userIds.includes(userId);
        case 'stop_ringing':
          return m.targets.some((t) => t.userId === userId);
        case 'missed_count':
          return m.userId === userId;
      }
    });
  }
}

function stopsTab(targets: readonly StopRingingTarget[], tab: TabAddress): boolean {
  return targets.some((t) => t.userId === tab.userId && t.exceptTabId !== tab.tabId);
}
