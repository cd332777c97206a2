import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying the generic provider webhook's signature (docs/CALLS-API.md, README). */
export const WEBHOOK_SIGNATURE_HEADER = 'x-signature';

const SIGNATURE_PATTERN = /^sha256=([0-9a-f]{64})$/i;

export type WebhookSignatureError =
  /** No header, or an empty one. */
  | 'WEBHOOK_SIGNATURE_MISSING'
  /** Not `sha256=<64 hex digits>` (or the header was sent twice). */
  | 'WEBHOOK_SIGNATURE_MALFORMED'
  /** Well formed, but not the HMAC of this body with our secret. */
  | 'WEBHOOK_SIGNATURE_MISMATCH';

export type WebhookSignatureResult = { readonly ok: true } | { readonly ok: false; readonly error: { readonly code: WebhookSignatureError } };

/** `sha256=<hex HMAC-SHA256 of the raw body>`: what a provider (or a test) puts in `X-Signature`. */
export function signWebhookBody(rawBody: string | Uint8Array, secret: string): string {
  return `sha256=${hmac(rawBody, secret).toString('hex')}`;
}

/**
 * Checks `X-Signature` against the raw request body (the exact bytes received, before any JSON
 * parsing), comparing in constant time.
 */
export function verifyWebhookSignature(
  rawBody: string | Uint8Array,
  header: string | readonly string[] | null | undefined,
  secret: string,
): WebhookSignatureResult {
  if (secret === '') throw new Error('verifyWebhookSignature needs a non-empty secret');
  if (header === undefined || header === null || header === '') return failure('WEBHOOK_SIGNATURE_MISSING');
  if (typeof header !== 'string') return failure('WEBHOOK_SIGNATURE_MALFORMED');
  const match = SIGNATURE_PATTERN.exec(header.trim());
  if (match?.[1] === undefined) return failure('WEBHOOK_SIGNATURE_MALFORMED');
  const received = Buffer.from(match[1], 'hex');
  const expected = hmac(rawBody, secret);
  return timingSafeEqual(received, expected) ? { ok: true } : failure('WEBHOOK_SIGNATURE_MISMATCH');
}

function hmac(rawBody: string | Uint8Array, secret: string): Buffer {
  return createHmac('sha256', secret).update(rawBody).digest();
}

function failure(code: WebhookSignatureError): WebhookSignatureResult {
  return { ok: false, error: { code } };
}
