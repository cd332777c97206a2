import type { ApplyProviderCallUpdateResult } from '@/application/calls/apply-provider-call-update';
import type { ReceiveInboundCallInput, ReceiveInboundCallResult } from '@/application/calls/receive-inbound-call';
import type { ProviderCallUpdate } from '@/application/ports/telephony-provider.port';
import { toProviderCallStatus } from './twilio-call-status';
import { verifyTwilioSignature } from './twilio-signature';
import { dialAgentsTwiml, emptyTwiml, nobodyAvailableTwiml, twilioClientIdentity } from './twilio-twiml';
import {
  MAX_TWILIO_WEBHOOK_BYTES,
  parseTwilioForm,
  parseTwilioVoiceWebhook,
  type TwilioVoiceWebhook,
} from './twilio-voice-webhook.schema';

export interface TwilioWebhookRequest {
  /** The public URL Twilio requested, query string included (what Twilio signed). */
  readonly url: string;
  /** The form-encoded body as received. */
  readonly rawBody: string;
  /** `X-Twilio-Signature`. */
  readonly signature: string | readonly string[] | undefined;
}

export interface TwilioWebhookResponse {
  readonly status: 200 | 400 | 403;
  readonly contentType: 'text/xml' | 'application/json';
  readonly body: string;
}

export interface TwilioVoiceDeps {
  readonly authToken: string;
  /** The company owning the Twilio number called (`To`); undefined: nobody, the caller hears a message. */
  readonly resolveCompanyId: (to: string) => Promise<number | undefined>;
  /** Seconds `<Dial>` rings the agents' browsers; match the company's ring timeout. */
  readonly ringTimeoutSeconds: number;
  readonly receiveInboundCall: (input: ReceiveInboundCallInput) => Promise<ReceiveInboundCallResult>;
  readonly applyProviderCallUpdate: (update: ProviderCallUpdate) => Promise<ApplyProviderCallUpdateResult>;
}

/**
 * Twilio's two voice webhooks, framework-free (the route passes URL, raw body and header, and
 * sends back status, content type and body):
 *
 * - `incomingCall` (the number's "A call comes in" URL): the call is received like any inbound
 *   call and answered with TwiML that rings the routed agents' browsers
 *   (`<Dial><Client>pd-<company>-<user></Client></Dial>`), or says nobody is available.
 * - `callStatus` (the status callback URL): Twilio's status becomes a provider update. Put
 *   `?companyId=<id>&callId=<id>` on the status callback URL of calls we place, so updates find
 *   the call even before its CallSid is saved.
 */
export function createTwilioVoiceHandlers(deps: TwilioVoiceDeps) {
  return {
    async incomingCall(request: TwilioWebhookRequest): Promise<TwilioWebhookResponse> {
      const checked = checkRequest(deps, request);
      if (!checked.ok) return checked.response;
      const { webhook } = checked;
      const companyId = await deps.resolveCompanyId(webhook.To);
      if (companyId === undefined) return twiml(nobodyAvailableTwiml());
      const result = await deps.receiveInboundCall({
        companyId,
        from: webhook.From,
        to: webhook.To,
        providerCallId: webhook.CallSid,
        source: 'twilio',
      });
      return twiml(answerFor(companyId, result, deps.ringTimeoutSeconds));
    },

    async callStatus(request: TwilioWebhookRequest): Promise<TwilioWebhookResponse> {
      const checked = checkRequest(deps, request);
      if (!checked.ok) return checked.response;
      const { webhook } = checked;
      const status = toProviderCallStatus(webhook.CallStatus);
      if (status === undefined) return twiml(emptyTwiml());
      const reason = webhook.ErrorCode ?? webhook.SipResponseCode;
      const call = callRefFromUrl(request.url);
      await deps.applyProviderCallUpdate({
        providerCallId: webhook.CallSid,
        status,
        ...(reason === undefined ? {} : { reason }),
        ...(call === undefined ? {} : { call }),
      });
      // An unknown CallSid is answered like a known one: Twilio would only retry it.
      return twiml(emptyTwiml());
    },
  };
}

type CheckedRequest =
  | { readonly ok: true; readonly webhook: TwilioVoiceWebhook }
  | { readonly ok: false; readonly response: TwilioWebhookResponse };

function checkRequest(deps: Pick<TwilioVoiceDeps, 'authToken'>, request: TwilioWebhookRequest): CheckedRequest {
  if (Buffer.byteLength(request.rawBody, 'utf8') > MAX_TWILIO_WEBHOOK_BYTES) {
    return { ok: false, response: jsonError(400, 'TWILIO_WEBHOOK_TOO_LARGE', 'body too large') };
  }
  const params = parseTwilioForm(request.rawBody);
  const signature = verifyTwilioSignature({ authToken: deps.authToken, signature: request.signature, url: request.url, params });
  if (!signature.ok) return { ok: false, response: jsonError(403, signature.error.code, 'bad X-Twilio-Signature') };
  const parsed = parseTwilioVoiceWebhook(params);
  if (!parsed.ok) return { ok: false, response: jsonError(400, parsed.error.code, parsed.error.message) };
  return { ok: true, webhook: parsed.webhook };
}

/** Rings the routed agents' browsers; a retried webhook of a call still ringing gets the same dial. */
function answerFor(companyId: number, result: ReceiveInboundCallResult, ringTimeoutSeconds: number): string {
  const userIds = result.kind === 'missed' ? [] : result.ringingUserIds;
  if (userIds.length === 0) return nobodyAvailableTwiml();
  const identities = userIds.map((userId) => twilioClientIdentity(companyId, userId));
  return dialAgentsTwiml({ identities, timeoutSeconds: ringTimeoutSeconds });
}

function callRefFromUrl(url: string): { companyId: number; id: string } | undefined {
  const query = new URL(url, 'http://localhost').searchParams;
  const companyId = Number(query.get('companyId'));
  const id = query.get('callId');
  if (!Number.isInteger(companyId) || companyId <= 0 || id === null || id === '') return undefined;
  return { companyId, id };
}

function twiml(body: string): TwilioWebhookResponse {
  return { status: 200, contentType: 'text/xml', body };
}

function jsonError(status: 400 | 403, code: string, message: string): TwilioWebhookResponse {
  return { status, contentType: 'application/json', body: JSON.stringify({ error: { code, message } }) };
}
