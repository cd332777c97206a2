import { z } from 'zod';
import type { ApplyProviderCallUpdateResult } from '@/application/calls/apply-provider-call-update';
import type { ReceiveInboundCallInput, ReceiveInboundCallResult } from '@/application/calls/receive-inbound-call';
import type { CallCompanyHint } from '@/application/companies/resolve-call-company';
import { TelephonyError } from '@/application/ports/telephony-error';
import type { ProviderCallUpdate, TelephonyProvider } from '@/application/ports/telephony-provider.port';
import { TelephonyRouteError, type TelephonyPlugin, type TelephonyRouteHandler } from '../plugin';
import { TWILIO_STATUS_TO_PROVIDER_STATUS } from './twilio-call-status';
import { createTwilioVoiceHandlers } from './twilio-voice-handlers';
import { MAX_TWILIO_WEBHOOK_BYTES, type TwilioCallStatus } from './twilio-voice-webhook.schema';

export const twilioConfigSchema = z.object({
  /** TWILIO_AUTH_TOKEN; null answers 503 TWILIO_NOT_CONFIGURED. */
  authToken: z.string().min(1).nullable(),
  /** How long `<Dial>` rings the agents' browsers. */
  ringTimeoutSeconds: z.number().int().min(1),
});

export type TwilioConfig = z.infer<typeof twilioConfigSchema>;

export interface TwilioPluginDeps {
  readonly resolveCompany: (hint: CallCompanyHint) => Promise<number | undefined>;
  readonly receiveInboundCall: (input: ReceiveInboundCallInput) => Promise<ReceiveInboundCallResult>;
  readonly applyProviderCallUpdate: (update: ProviderCallUpdate) => Promise<ApplyProviderCallUpdateResult>;
}

/** A Twilio CallSid. */
const CALL_SID = /^CA[0-9a-fA-F]{32}$/;

/**
 * Inbound calls through Twilio's voice webhooks (`/api/telephony/twilio/voice`, `.../status`);
 * `<Dial>` connects the agent who answers, so answer, reject and hang-up need no API call here.
 * Outbound calls through Twilio's REST API are not built: placing one fails as "unavailable".
 */
class TwilioTelephonyProvider implements TelephonyProvider {
  readonly name = 'twilio';

  async placeCall(): Promise<never> {
    throw new TelephonyError({ kind: 'unavailable', message: 'Outbound calls through Twilio are not available', retryable: false });
  }
  async hangUp(): Promise<void> {}
  async answer(): Promise<void> {}
  async reject(): Promise<void> {}
  onCallUpdate(): () => void {
    return () => undefined;
  }
}

export function createTwilioPlugin(config: TwilioConfig, deps: TwilioPluginDeps): TelephonyPlugin<TwilioConfig> {
  const parsed = twilioConfigSchema.parse(config);
  const handler = (which: 'incomingCall' | 'callStatus'): TelephonyRouteHandler => async (request) => {
    if (parsed.authToken === null) throw new TelephonyRouteError('TWILIO_NOT_CONFIGURED');
    if (request.isBodyTooLarge) throw new TelephonyRouteError('BODY_TOO_LARGE', `The body exceeds ${MAX_TWILIO_WEBHOOK_BYTES} bytes.`);
    const handlers = createTwilioVoiceHandlers({
      authToken: parsed.authToken,
      resolveCompanyId: (to) => deps.resolveCompany({ to }),
      ringTimeoutSeconds: parsed.ringTimeoutSeconds,
      receiveInboundCall: deps.receiveInboundCall,
      applyProviderCallUpdate: deps.applyProviderCallUpdate,
    });
    const answer = await handlers[which]({ url: request.publicUrl, rawBody: request.rawBody.toString('utf8'), signature: request.headers['x-twilio-signature'] });
    return { status: answer.status, contentType: `${answer.contentType}; charset=utf-8`, body: answer.body };
  };
  const route = (which: 'incomingCall' | 'callStatus') => ({ caller: 'provider' as const, maxBodyBytes: MAX_TWILIO_WEBHOOK_BYTES, methods: { POST: handler(which) } });
  return {
    name: 'twilio',
    configSchema: twilioConfigSchema,
    config: parsed,
    provider: new TwilioTelephonyProvider(),
    ownsProviderCallId: (id) => CALL_SID.test(id),
    toProviderCallStatus: (status) => (typeof status === 'string' && status in TWILIO_STATUS_TO_PROVIDER_STATUS ? TWILIO_STATUS_TO_PROVIDER_STATUS[status as TwilioCallStatus] : undefined),
    routes: { voice: route('incomingCall'), status: route('callStatus') },
  };
}
