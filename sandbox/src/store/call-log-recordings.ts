/** An audio file attached to a call log (`POST /v1/callLogs/{id}/recordings`). */
export interface CallLogRecording {
  readonly callLogId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
  readonly addedAt: string;
}

/**
 * The call logs' recordings, in memory only: the state file keeps `has_recording` on the call log
 * but not the audio (megabytes of base64 in one JSON file), so after a restart a call log can say
 * it has a recording whose bytes are gone.
 */
export class CallLogRecordings {
  private readonly byCallLog = new Map<string, CallLogRecording>();

  add(recording: CallLogRecording): void {
    this.byCallLog.set(recording.callLogId, recording);
  }

  get(callLogId: string): CallLogRecording | undefined {
    return this.byCallLog.get(callLogId);
  }

  clear(): void {
    this.byCallLog.clear();
  }
}
