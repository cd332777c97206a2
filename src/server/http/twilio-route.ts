import type { NextApiHandler } from 'next';
import { applyProviderCallUpdate } from '@/application/calls';
import { createTwilioVoiceHandlers } from '@/adapters/telephony/twilio/twilio-voice-handlers';
import { MAX_TWILIO_WEBHOOK_BYTES } from '@/adapters/telephony/twilio/twilio-voice-webhook.schema';
import { HttpError } from './http-error';
import { apiRoute } from './api-route';
import { readRawBody } from './calls';

/**
 * A Twilio voice webhook route (`bodyParser: false`). The signature is checked against the public
 * URL (APP_URL + path and query, what Twilio was configured with), never the internal host.
 * 503 TWILIO_NOT_CONFIGURED without TWILIO_AUTH_TOKEN.
 */
export function twilioRoute(which: 'incomingCall' | 'callStatus'): NextApiHandler {
  return apiRoute(
    {
      POST: async ({ req, res, ctx }) => {
        const authToken = ctx.config.twilioAuthToken;
        if (authToken === null) throw new HttpError('TWILIO_NOT_CONFIGURED');
        const rawBody = await readRawBody(req, MAX_TWILIO_WEBHOOK_BYTES);
        const { deps } = ctx.calls;
        const handlers = createTwilioVoiceHandlers({
          authToken,
          resolveCompanyId: () => ctx.calls.resolveWebhookCompany({}),
          ringTimeoutSeconds: Math.round(ctx.config.ringTimeoutMs / 1000),
          receiveInboundCall: (input) => ctx.calls.receiveInboundCall(input),
          applyProviderCallUpdate: (update) => applyProviderCallUpdate(deps, update),
        });
        const answer = await handlers[which]({
          url: `${ctx.config.appUrl}${req.url ?? ''}`,
          rawBody: rawBody.toString('utf8'),
          signature: req.headers['x-twilio-signature'],
        });
        res.status(answer.status).setHeader('Content-Type', `${answer.contentType}; charset=utf-8`).send(answer.body);
      },
    },
    { csrf: false, rawBody: true },
  );
}
