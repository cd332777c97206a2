import { z } from 'zod';

/** Twilio's call statuses (`CallStatus` of voice webhooks and status callbacks). */
export const TWILIO_CALL_STATUSES = [
  'queued',
  'initiated',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'no-answer',
  'failed',
  'canceled',
] as const;
export type TwilioCallStatus = (typeof TWILIO_CALL_STATUSES)[number];

/** Twilio's form posts are small; refuse anything that cannot be one. */
export const MAX_TWILIO_WEBHOOK_BYTES = 16 * 1024;

/**
 * The fields of a Twilio voice webhook (incoming call) or status callback that we use. Twilio sends
 * many more (FromCity, CallerName, ...): they are kept in the raw params, which the signature
 * check needs in full, and dropped here.
 */
export const twilioVoiceWebhookSchema = z.object({
  CallSid: z.string().regex(/^CA[0-9a-f]{32}$/i, 'must be a Twilio call SID'),
  AccountSid: z.string().regex(/^AC[0-9a-f]{32}$/i, 'must be a Twilio account SID'),
  /** E.164, "client:<identity>", a SIP URI, or "anonymous"/"" for a withheld number. */
  From: z.string().max(256),
  To: z.string().max(256),
  CallStatus: z.enum(TWILIO_CALL_STATUSES),
  Direction: z.enum(['inbound', 'outbound-api', 'outbound-dial']),
  /** Seconds, on completed calls. */
  CallDuration: z.string().regex(/^\d+$/).optional(),
  SipResponseCode: z.string().max(8).optional(),
  ErrorCode: z.string().max(16).optional(),
});

export type TwilioVoiceWebhook = z.infer<typeof twilioVoiceWebhookSchema>;

/**
 * Reads an `application/x-www-form-urlencoded` body into the params object Twilio signs. A key
 * sent twice keeps its first value (Twilio never repeats the voice webhook's keys).
 */
export function parseTwilioForm(rawBody: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rawBody)) {
    if (!(key in params)) params[key] = value;
  }
  return params;
}

export type ParseTwilioVoiceWebhookResult =
  | { readonly ok: true; readonly webhook: TwilioVoiceWebhook }
  | { readonly ok: false; readonly error: { readonly code: 'TWILIO_WEBHOOK_INVALID'; readonly message: string } };

export function parseTwilioVoiceWebhook(params: Record<string, string>): ParseTwilioVoiceWebhookResult {
  const parsed = twilioVoiceWebhookSchema.safeParse(params);
  if (parsed.success) return { ok: true, webhook: parsed.data };
  const message = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  return { ok: false, error: { code: 'TWILIO_WEBHOOK_INVALID', message } };
}
