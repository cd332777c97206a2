import { handleInboundWebhook, MAX_INBOUND_WEBHOOK_BYTES, WEBHOOK_SIGNATURE_HEADER } from '@/adapters/telephony';
import { HttpError } from '@/server/http/http-error';
import { apiRoute } from '@/server/http/api-route';
import { readRawBody } from '@/server/http/calls';

// The signature covers the exact bytes: Next must not parse the body.
export const config = { api: { bodyParser: false } };

/**
 * The provider webhook (README.md, "Calls"; docs/ARCHITECTURE.md, "How a call flows"): HMAC-signed JSON `{ from, to?, agent?, callId? }`.
 * 202 accepted, 401 bad signature, 400 bad body, 503 when TELEPHONY_WEBHOOK_SECRET is not set.
 */
export default apiRoute(
  {
    POST: async ({ req, res, ctx }) => {
      const secret = ctx.config.telephonyWebhookSecret;
      if (secret === null) throw new HttpError('WEBHOOK_NOT_CONFIGURED');
      // One byte more than allowed is enough for the handler to refuse an oversized body.
      const rawBody = await readRawBody(req, MAX_INBOUND_WEBHOOK_BYTES + 1).catch((error: unknown) => {
        if (error instanceof HttpError && error.status === 413) return Buffer.alloc(MAX_INBOUND_WEBHOOK_BYTES + 1);
        throw error;
      });
      const answer = await handleInboundWebhook(
        {
          secret,
          resolveCompanyId: (body) => ctx.calls.resolveWebhookCompany({ agent: body.agent }),
          receiveInboundCall: (input) => ctx.calls.receiveInboundCall(input),
        },
        { rawBody, signature: req.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()] },
      );
      res.status(answer.status).json(answer.body);
    },
  },
  { csrf: false, rawBody: true },
);
