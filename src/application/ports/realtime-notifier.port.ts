import type { StopRingingTarget } from '@/domain/routing';
import type { CallView } from './call-view';
import type { NotesDraft } from './notes-drafts.port';

/**
 * Pushes to the agents' floating windows (Socket.IO rooms `user:<companyId>:<userId>`, every tab
 * of the user). Delivery is best effort: implementations log and swallow their own failures and
 * never reject, because a call must not fail over a closed window. A window that missed a push
 * catches up with `resumeActiveCall` and `listMissedCalls` when it reconnects.
 */
export interface RealtimeNotifier {
  /** An inbound call rings: every tab of each user gets it (suggested event `call:ringing`). */
  ringAgents(companyId: number, userIds: readonly number[], call: CallView): Promise<void>;

  /**
   * The call stops ringing for these users: every tab, except `exceptTabId` (the tab that
   * answered) when set (socket event `call:stop-ringing` with `{ callId, reason }`).
   */
  stopRinging(companyId: number, callId: string, targets: readonly StopRingingTarget[]): Promise<void>;

  /** The call changed (ringing, answered, ended, wrapped up, contact linked): `call:updated`. */
  callUpdated(companyId: number, userIds: readonly number[], call: CallView): Promise<void>;

  /** The user's unseen missed-call count is now `unseenCount`: `missed:count`. */
  missedCallsChanged(companyId: number, userId: number, unseenCount: number): Promise<void>;

  /**
   * The user's notes draft of a call changed: every tab of the user except `exceptTabId` (the tab
   * that typed it) when set (`call:notes-draft` with `{ callId, text, updatedAt }`).
   */
  notesDraftChanged(companyId: number, userId: number, draft: NotesDraft, exceptTabId?: string): Promise<void>;
}
