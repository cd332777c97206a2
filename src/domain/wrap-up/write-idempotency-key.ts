import type { WritePurpose } from './wrap-up.types';

/**
 * The outbox key of a write. It depends on nothing but the call and the purpose: the automatic
 * log and the agent's wrap-up of one call produce the same call-log key, so whichever is queued
 * second collides with the first and a call is never logged twice.
 */
export function writeIdempotencyKey(callId: string, purpose: WritePurpose): string {
  return `call:${callId}:${purpose}`;
}
