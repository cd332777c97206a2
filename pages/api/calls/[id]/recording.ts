import { z } from 'zod';
import { MAX_RECORDING_BYTES, storeCallRecording } from '@/application/calls';
import { apiRoute } from '@/server/http/api-route';
import { callIdOf, readRawBody, requireAgent, unwrap } from '@/server/http/calls';
import { HttpError } from '@/server/http/http-error';

// The route reads its own (binary) body; Next's parser would buffer or refuse it.
export const config = { api: { bodyParser: false } };

/** Audio a browser plays, as MediaRecorder names it: `audio/webm`, `audio/ogg`, optionally `;codecs=opus`. */
const contentTypeSchema = z
  .string()
  .transform((value) => value.toLowerCase().replace(/\s+/g, ''))
  .pipe(z.string().regex(/^audio\/(webm|ogg)(;codecs="?[a-z0-9.,]{1,40}"?)?$/));

/**
 * The recording the agent's window made of their call (company setting "Record calls", SIP calls):
 * the raw audio as the body. Stored, then attached to the call's Pipedrive call log by the outbox.
 */
export default apiRoute(
  {
    PUT: async ({ req, ctx }) => {
      // Read first: a client still uploading when a refusal comes may see a reset instead of it.
      const bytes = await readRawBody(req, MAX_RECORDING_BYTES);
      const agent = await requireAgent(req, ctx);
      const callId = callIdOf(req);
      const contentType = contentTypeSchema.safeParse(req.headers['content-type'] ?? '');
      if (!contentType.success) throw new HttpError('RECORDING_UNSUPPORTED_TYPE');
      const stored = unwrap(await storeCallRecording(ctx.calls.deps, { companyId: agent.companyId, userId: agent.userId, callId, contentType: contentType.data, bytes }));
      return { recording: { callId: stored.callId, size: stored.size } };
    },
  },
  { rawBody: true },
);
