import type { EpochMillis } from '@/domain/call';
import type { OutboxEntryInput } from './outbox-store.port';

/** A call's recording as the window uploaded it. */
export interface CallRecordingInput {
  readonly callId: string;
  readonly companyId: number;
  /** e.g. `audio/webm;codecs=opus`: what Pipedrive is told the file is. */
  readonly contentType: string;
  readonly bytes: Uint8Array;
  readonly createdAt: EpochMillis;
}

export interface StoredRecording {
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/**
 * Recordings of calls (browser-recorded SIP calls), kept until the outbox has attached them to
 * the call's Pipedrive call log. One per call.
 */
export interface CallRecordings {
  /**
   * Stores the recording and queues its outbox write in one transaction. `duplicate` when the call
   * already has a recording (even one already delivered): nothing is stored or queued.
   */
  store(recording: CallRecordingInput, write: OutboxEntryInput): Promise<'stored' | 'duplicate'>;
  /** The bytes to upload; undefined when there is none or they were discarded after delivery. */
  load(callId: string): Promise<StoredRecording | undefined>;
  /** Drops the bytes once Pipedrive has them; the call still counts as having a recording. */
  discardBytes(callId: string): Promise<void>;
}
