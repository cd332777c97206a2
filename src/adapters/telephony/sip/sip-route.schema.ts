import { z } from 'zod';

/** The user part of a SIP URI as agents' accounts use it (no escapes, no "@"). */
const username = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._~+-]+$/, 'letters, digits and . _ ~ + - only');
/** Printable, no control characters; a SIP password can hold almost anything else. */
const password = z.string().min(1).max(128).regex(/^[^\p{Cc}]+$/u, 'no control characters');
const callerId = z.string().trim().max(20).regex(/^(\+?[0-9]{1,19})?$/, 'digits with an optional leading +').nullable();

/** `PUT /api/telephony/sip/account`: `password` omitted keeps the stored one, `callerId` omitted keeps it too. */
export const sipAccountBodySchema = z
  .object({ username, password: password.optional(), callerId: callerId.optional() })
  .strict()
  .transform((body) => ({ ...body, callerId: body.callerId === undefined ? undefined : body.callerId === '' ? null : body.callerId }));

/** The dialog's Call-ID: printable, no spaces (RFC 3261 `word`), bounded. */
const sipCallId = z.string().min(1).max(256).regex(/^[\x21-\x7e]+$/, 'printable characters without spaces');
/** A number or SIP user part as the INVITE carried it. */
const party = z.string().trim().max(100).regex(/^[^\p{Cc}]*$/u, 'no control characters');

/** `POST /api/telephony/sip/incoming`. */
export const sipIncomingBodySchema = z
  .object({ sipCallId, from: party.pipe(z.string().min(1)), to: party, displayName: party.optional() })
  .strict();

/**
 * `alive.quality` (src/contract/call-quality.ts): bounds that hold for any real call; a window
 * sending beyond them is broken, not measuring.
 */
export const callQualitySchema = z
  .object({
    mos: z.number().min(1).max(5),
    lossPercent: z.number().min(0).max(100),
    jitterMs: z.number().min(0).max(60_000),
    rttMs: z.number().min(0).max(60_000).optional(),
  })
  .strict();

/** `POST /api/telephony/sip/calls/<callId>/events`. */
export const sipCallEventBodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ringing') }).strict(),
  z.object({ type: z.literal('answered'), sipCallId }).strict(),
  z.object({ type: z.literal('failed'), sipStatus: z.number().int().min(300).max(699), reason: z.string().max(200).optional() }).strict(),
  z.object({ type: z.literal('remote_ended') }).strict(),
  z.object({ type: z.literal('alive'), quality: callQualitySchema.optional() }).strict(),
]);

export type SipCallEventBody = z.infer<typeof sipCallEventBodySchema>;

export const sipCallIdParamsSchema = z.object({ callId: z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'not a call id') });
