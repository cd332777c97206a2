import { z } from 'zod';
import { WINDOW_ID_PATTERN } from './socket-events';

/** The socket payloads' zod schemas (the server checks every payload a client sends) and their types. */

export const readyPayloadSchema = z.object({
  user: z.object({ id: z.number().int(), name: z.string() }),
  company: z.object({ id: z.number().int() }),
  /** The agent's stored availability: false = "Do not disturb" (shared by all their tabs). */
  available: z.boolean(),
});
export type ReadyPayload = z.infer<typeof readyPayloadSchema>;

export const sessionExpiredPayloadSchema = z.object({ reason: z.enum(['expired', 'disconnected']) });
export type SessionExpiredPayload = z.infer<typeof sessionExpiredPayloadSchema>;

export const agentAvailabilityPayloadSchema = z.object({ available: z.boolean() });
export type AgentAvailabilityPayload = z.infer<typeof agentAvailabilityPayloadSchema>;

export const windowIdSchema = z.string().regex(WINDOW_ID_PATTERN);

/**
 * The window's handshake (`io(url, { auth })`): `token` (signed iframe token, when the cookie is
 * blocked) and `windowId`, the tab id the window also sends as `X-Window-Id` on call routes.
 */
export const handshakeAuthSchema = z.object({
  token: z.string().max(4096).optional(),
  windowId: windowIdSchema.optional(),
});
