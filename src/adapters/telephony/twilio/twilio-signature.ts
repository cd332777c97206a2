import twilio from 'twilio';

export interface TwilioSignedRequest {
  /** The account's auth token (the key Twilio signs with). */
  readonly authToken: string;
  /** `X-Twilio-Signature`. */
  readonly signature: string | readonly string[] | undefined;
  /**
   * The full public URL Twilio requested, with its query string, exactly as configured on the
   * number (behind a proxy: APP_URL + path, never the internal host).
   */
  readonly url: string;
  /** Every form field of the POST body (see `parseTwilioForm`). */
  readonly params: Record<string, string>;
}

export type TwilioSignatureResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: { readonly code: 'TWILIO_SIGNATURE_MISSING' | 'TWILIO_SIGNATURE_MISMATCH' } };

/** Checks a Twilio webhook with the official helper (`twilio.validateRequest`). */
export function verifyTwilioSignature(request: TwilioSignedRequest): TwilioSignatureResult {
  const { signature } = request;
  if (typeof signature !== 'string' || signature === '') {
    return { ok: false, error: { code: 'TWILIO_SIGNATURE_MISSING' } };
  }
  const isValid = twilio.validateRequest(request.authToken, signature, request.url, request.params);
  return isValid ? { ok: true } : { ok: false, error: { code: 'TWILIO_SIGNATURE_MISMATCH' } };
}
