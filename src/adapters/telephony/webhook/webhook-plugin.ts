import { z } from 'zod';
import type { ReceiveInboundCallInput, ReceiveInboundCallResult } from '@/application/calls/receive-inbound-call';
import type { CallCompanyHint } from '@/application/companies/resolve-call-company';
import type { TelephonyPlugin } from '../plugin';
import { handleInboundWebhook } from './inbound-webhook-handler';
import { MAX_INBOUND_WEBHOOK_BYTES } from './inbound-webhook.schema';
import { WEBHOOK_SIGNATURE_HEADER } from './webhook-signature';

export const webhookConfigSchema = z.object({
  /** TELEPHONY_WEBHOOK_SECRET; null answers 503 WEBHOOK_NOT_CONFIGURED. */
  secret: z.string().min(1).nullable(),
});

export type WebhookConfig = z.infer<typeof webhookConfigSchema>;

export interface WebhookPluginDeps {
  readonly resolveCompany: (hint: CallCompanyHint) => Promise<number | undefined>;
  readonly receiveInboundCall: (input: ReceiveInboundCallInput) => Promise<ReceiveInboundCallResult>;
}

/**
 * The generic signed webhook (docs: `POST /api/telephony/inbound`, also served as
 * `/api/telephony/webhook/inbound`): any provider or PBX announces an inbound call with an
 * HMAC-signed JSON body. Inbound only, so no provider side of the port.
 */
export function createWebhookPlugin(config: WebhookConfig, deps: WebhookPluginDeps): TelephonyPlugin<WebhookConfig> {
  const parsed = webhookConfigSchema.parse(config);
  return {
    name: 'webhook',
    configSchema: webhookConfigSchema,
    config: parsed,
    ownsProviderCallId: () => false,
    toProviderCallStatus: () => undefined,
    routes: {
      inbound: {
        caller: 'provider',
        maxBodyBytes: MAX_INBOUND_WEBHOOK_BYTES,
        methods: {
          POST: async (request) => {
            if (parsed.secret === null) {
              return { status: 503, body: { error: { code: 'WEBHOOK_NOT_CONFIGURED', message: 'Set TELEPHONY_WEBHOOK_SECRET to accept provider webhooks.' } } };
            }
            // One byte more than allowed is enough for the handler to refuse an oversized body.
            const rawBody = request.isBodyTooLarge ? Buffer.alloc(MAX_INBOUND_WEBHOOK_BYTES + 1) : request.rawBody;
            return handleInboundWebhook(
              {
                secret: parsed.secret,
                resolveCompanyId: (body) => deps.resolveCompany({ to: body.to, agent: body.agent }),
                receiveInboundCall: deps.receiveInboundCall,
              },
              { rawBody, signature: request.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()] },
            );
          },
        },
      },
    },
  };
}
