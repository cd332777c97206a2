import type { CallRecordingInput, CallRecordings, StoredRecording } from '../call-recordings.port';
import type { OutboxEntryInput } from '../outbox-store.port';
import type { InMemoryOutbox } from './in-memory-outbox';

/** `CallRecordings` in a map, queueing into an `InMemoryOutbox` in the same tick (tests, one process). */
export class InMemoryCallRecordings implements CallRecordings {
  private readonly recordings = new Map<string, { contentType: string; bytes: Uint8Array | null; companyId: number }>();

  constructor(private readonly outbox: InMemoryOutbox) {}

  async store(recording: CallRecordingInput, write: OutboxEntryInput): Promise<'stored' | 'duplicate'> {
    if (this.recordings.has(recording.callId)) return 'duplicate';
    this.recordings.set(recording.callId, { contentType: recording.contentType, bytes: recording.bytes.slice(), companyId: recording.companyId });
    this.outbox.enqueueNow([write]);
    return 'stored';
  }

  async load(callId: string): Promise<StoredRecording | undefined> {
    const found = this.recordings.get(callId);
    return found?.bytes ? { contentType: found.contentType, bytes: found.bytes } : undefined;
  }

  async discardBytes(callId: string): Promise<void> {
    const found = this.recordings.get(callId);
    if (found) found.bytes = null;
  }

  /** Whether the call has a recording row, bytes or not (tests). */
  has(callId: string): boolean {
    return this.recordings.has(callId);
  }
}
