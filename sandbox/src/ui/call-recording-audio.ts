import type { ServerResponse } from 'node:http';
import type { SandboxContext } from '../context';
import { UiHttpError } from './http';

export const CALL_RECORDING_PATH = /^\/call-logs\/([^/]+)\/recording$/;

/** The audio the app attached to a call log, for the person page's player (kept in memory only). */
export function serveCallRecording(ctx: SandboxContext, res: ServerResponse, callLogId: string): true {
  const recording = ctx.store.getRecording(callLogId);
  if (!recording) throw new UiHttpError(404, 'not_found', 'No recording is kept for this call log');
  res.writeHead(200, {
    'content-type': recording.contentType,
    'content-length': String(recording.bytes.byteLength),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(Buffer.from(recording.bytes.buffer, recording.bytes.byteOffset, recording.bytes.byteLength));
  return true;
}
