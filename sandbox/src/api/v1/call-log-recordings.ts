import { apiErrors, SandboxApiError } from '../../http/sandbox-api-error';
import type { ApiReply, ApiRequest, ApiRoute } from '../api-route';

/** The largest recording file taken (Pipedrive documents no limit; the sandbox picks one). */
export const MAX_RECORDING_FILE_BYTES = 50 * 1024 * 1024;

/**
 * `POST /v1/callLogs/{id}/recordings`: multipart/form-data with the audio in the field `file`.
 * One recording per call log: a second one answers 409. Pipedrive documents the success envelope
 * only; the sandbox answers the call log's id and the file it kept.
 */
async function addRecording(req: ApiRequest): Promise<ApiReply> {
  const id = req.params.id ?? '';
  const log = req.store.getCallLog(id);
  if (!log || log.company_id !== req.grant.companyId) throw apiErrors.notFound('Call log');
  if (!(req.body instanceof FormData)) throw apiErrors.badRequest('Send the recording as multipart/form-data with the audio in the field "file"');
  const file = req.body.get('file');
  if (!(file instanceof Blob)) throw apiErrors.badRequest('"file" is required');
  const contentType = file.type.toLowerCase();
  if (!contentType.startsWith('audio/')) throw apiErrors.badRequest('"file" must be an audio file');
  if (file.size === 0) throw apiErrors.badRequest('"file" is empty');
  if (file.size > MAX_RECORDING_FILE_BYTES) throw new SandboxApiError(413, 'The file is too large');
  if (log.has_recording) throw new SandboxApiError(409, 'This call log already has a recording');
  const fileName = file instanceof File && file.name !== '' ? file.name : 'recording';
  const bytes = new Uint8Array(await file.arrayBuffer());
  req.store.attachRecording({ callLogId: log.id, fileName, contentType, bytes, addedAt: new Date(req.clock.now()).toISOString() });
  return { data: { id: log.id, has_recording: true, file_name: fileName, file_type: contentType, file_size: bytes.byteLength } };
}

export const callLogRecordingRoutes: ApiRoute[] = [
  { method: 'POST', pattern: '/api/v1/callLogs/:id/recordings', scopes: ['phone-integration'], cost: 10, handler: addRecording },
];
