import { z } from 'zod';
import type { AccountKey } from '@/adapters/db/account-repository';
import { PipedriveError } from './pipedrive-error';
import type { Apis } from './pipedrive-api-clients';
import { parse } from './pipedrive-responses';

/** The gateway's request runner (auth, refresh on 401, read retries, rate limits). */
type Runner = <T>(key: AccountKey, what: string, operation: (apis: Apis) => Promise<T>) => Promise<T>;

const callLogResponse = z.object({ data: z.object({ has_recording: z.boolean().nullish() }) });

/** A file name Pipedrive can tell the format from; the multipart part also carries the type. */
export function recordingFileName(contentType: string): string {
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const extension = { 'audio/webm': 'webm', 'audio/ogg': 'ogg', 'audio/mpeg': 'mp3', 'audio/wav': 'wav', 'audio/mp4': 'm4a' }[mediaType] ?? 'webm';
  return `call-recording.${extension}`;
}

/**
 * The gateway's call-log recording requests, kept beside it (part of THE gateway: they run through
 * its runner, so they share its token handling, retries and error mapping).
 */
export function callLogRecordingRequests({ read, write }: { read: Runner; write: Runner }) {
  return {
    /**
     * `POST /v1/callLogs/{id}/recordings`, multipart field `file`. Pipedrive keeps one recording per
     * call log and answers 409 to a second one: reported as `{ alreadyAttached: true }`, not an error.
     */
    async addCallLogRecording(key: AccountKey, callLogId: string, recording: { contentType: string; bytes: Uint8Array }): Promise<{ alreadyAttached: boolean }> {
      const file = new File([Uint8Array.from(recording.bytes)], recordingFileName(recording.contentType), { type: recording.contentType });
      try {
        await write(key, 'add call log recording', (apis) => apis.callLogs.addCallLogAudioFile({ id: callLogId, file }));
        return { alreadyAttached: false };
      } catch (error) {
        if (error instanceof PipedriveError && error.status === 409) return { alreadyAttached: true };
        throw error;
      }
    },

    /** Whether the call log has a recording (`GET /v1/callLogs/{id}`, `has_recording`). */
    async callLogHasRecording(key: AccountKey, callLogId: string): Promise<boolean> {
      const response = await read(key, 'get call log', (apis) => apis.callLogs.getCallLog({ id: callLogId }));
      return parse(callLogResponse, response, 'get call log').data.has_recording === true;
    },
  };
}
