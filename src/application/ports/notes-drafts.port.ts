import type { EpochMillis } from '@/domain/call';

/** What the agent has typed so far for a call, as last saved by one of their windows. */
export interface NotesDraft {
  readonly callId: string;
  readonly text: string;
  readonly updatedAt: EpochMillis;
}

/**
 * The notes in progress of each call, kept on the server so a reload, a crash, a second tab or a
 * reconnect finds them, and so the automatic log can carry them when no window wraps the call up.
 * Shared by every instance (the database).
 */
export interface NotesDrafts {
  /** Replaces the call's draft. */
  save(companyId: number, draft: NotesDraft): Promise<void>;
  /** The call's draft; undefined when none was saved. */
  find(companyId: number, callId: string): Promise<NotesDraft | undefined>;
}
