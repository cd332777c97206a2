import { z } from 'zod';

/** A webhook body is a few short strings; anything bigger is refused before parsing. */
export const MAX_INBOUND_WEBHOOK_BYTES = 4 * 1024;

/**
 * E.164-ish: an optional "+", then 6 to 15 digits, possibly grouped with spaces, dots, dashes or
 * brackets ("+1 (415) 555-0134"). Letters, SIP URIs and "anonymous" are refused; the use case
 * normalizes the number with the company's region.
 */
const phoneNumberSchema = z
  .string()
  .trim()
  .max(32)
  .regex(/^\+?[0-9 ().-]+$/, 'must be a phone number such as +14155550134')
  .refine((value) => {
    const digits = value.replace(/\D/g, '').length;
    return digits >= 6 && digits <= 15;
  }, 'must have 6 to 15 digits');

/** The generic provider webhook body (docs/CALLS-API.md, `POST /api/telephony/inbound`). */
export const inboundWebhookBodySchema = z.object({
  from: phoneNumberSchema,
  to: phoneNumberSchema.optional(),
  /** A user id, email or name of the company; empty rings every available agent. */
  agent: z.string().trim().max(200).optional(),
  /** The provider's id for the call: repeating it makes the webhook idempotent. */
  callId: z
    .string()
    .trim()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9._:-]+$/, 'may contain letters, digits, ".", "_", ":" and "-"')
    .optional(),
});

export type InboundWebhookBody = z.infer<typeof inboundWebhookBodySchema>;

export type InboundWebhookBodyError =
  | { readonly code: 'WEBHOOK_BODY_TOO_LARGE'; readonly message: string }
  | { readonly code: 'WEBHOOK_BODY_NOT_JSON'; readonly message: string }
  | { readonly code: 'WEBHOOK_BODY_INVALID'; readonly message: string };

export type ParseInboundWebhookResult =
  | { readonly ok: true; readonly body: InboundWebhookBody }
  | { readonly ok: false; readonly error: InboundWebhookBodyError };

/** Parses the raw body (after the signature was checked on the same bytes). */
export function parseInboundWebhookBody(rawBody: string | Uint8Array): ParseInboundWebhookResult {
  const text = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8');
  if (Buffer.byteLength(text, 'utf8') > MAX_INBOUND_WEBHOOK_BYTES) {
    return { ok: false, error: { code: 'WEBHOOK_BODY_TOO_LARGE', message: `body exceeds ${MAX_INBOUND_WEBHOOK_BYTES} bytes` } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'WEBHOOK_BODY_NOT_JSON', message: 'body is not JSON' } };
  }
  const parsed = inboundWebhookBodySchema.safeParse(json);
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
    return { ok: false, error: { code: 'WEBHOOK_BODY_INVALID', message } };
  }
  return { ok: true, body: parsed.data };
}
