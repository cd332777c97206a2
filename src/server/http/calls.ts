import type { IncomingMessage } from 'node:http';
import type { NextApiRequest } from 'next';
import { z } from 'zod';
import type { CallView } from '@/application/ports/call-view';
import { WINDOW_ID_PATTERN, type WindowCallView } from '@/adapters/realtime/socket-events';
import type { AppContext } from '@/server/app-context';
import type { ErrorCode } from '@/contract/error-catalogue';
import { HttpError } from './http-error';
import { requireIdentity, type RequestIdentity } from './identity';
import { parseInput } from './parse';

export const WINDOW_ID_HEADER = 'x-window-id';

/** Stands for "no tab" when the window sent no `X-Window-Id`: no socket ever joins a room by this id. */
export const NO_WINDOW_ID = 'no-window';

/**
 * The call use cases' failure codes as the window sees them: most pass through as they are
 * (status and message from the error catalogue); a use-case code missing here is a compile error.
 */
const CALL_FAILURES = {
  CALL_NOT_FOUND: 'CALL_NOT_FOUND',
  CALL_NOT_YOURS: 'CALL_NOT_YOURS',
  CALL_NUMBER_INVALID: 'CALL_NUMBER_INVALID',
  WRAP_UP_CONTACT_NAME_REQUIRED: 'WRAP_UP_CONTACT_NAME_REQUIRED',
  CALL_AGENT_BUSY: 'CALL_AGENT_BUSY',
  CALL_NOT_RINGING: 'CALL_NOT_RINGING',
  CALL_NOTHING_TO_HANG_UP: 'CALL_NOTHING_TO_HANG_UP',
  ROUTING_CALL_ALREADY_CLAIMED: 'CALL_ALREADY_ANSWERED',
  ROUTING_NOT_RINGING_FOR_AGENT: 'ROUTING_NOT_RINGING_FOR_AGENT',
  ROUTING_AGENT_NOT_FOUND: 'ROUTING_AGENT_NOT_FOUND',
  CALL_INVALID_TRANSITION: 'CALL_INVALID_TRANSITION',
  WRAP_UP_CALL_MISMATCH: 'WRAP_UP_CALL_MISMATCH',
  WRAP_UP_CALL_NOT_ENDED: 'WRAP_UP_CALL_NOT_ENDED',
  WRAP_UP_ALREADY_DONE: 'WRAP_UP_ALREADY_DONE',
  CALL_TELEPHONY_FAILED: 'CALL_TELEPHONY_FAILED',
  RECORDING_NOT_ENABLED: 'RECORDING_NOT_ENABLED',
  RECORDING_CALL_NOT_ENDED: 'RECORDING_CALL_NOT_ENDED',
  RECORDING_ALREADY_STORED: 'RECORDING_ALREADY_STORED',
  RECORDING_EMPTY: 'RECORDING_EMPTY',
} as const satisfies Record<string, ErrorCode>;

export type CallFailureCode = keyof typeof CALL_FAILURES;

/** Maps a use-case failure to the HttpError the route answers with. */
export function callError(error: { readonly code: CallFailureCode }): HttpError {
  return new HttpError(CALL_FAILURES[error.code]);
}

/** The use case's result, or its failure thrown as the mapped HttpError. */
export function unwrap<R extends { readonly ok: true } | { readonly ok: false; readonly error: { readonly code: CallFailureCode } }>(
  result: R,
): Extract<R, { readonly ok: true }> {
  if (!result.ok) throw callError((result as { error: { code: CallFailureCode } }).error);
  return result as Extract<R, { readonly ok: true }>;
}

/** The tab the request comes from (`X-Window-Id`); a malformed header is refused. */
export function windowIdOf(req: IncomingMessage): string {
  const header = req.headers[WINDOW_ID_HEADER];
  if (header === undefined || header === '') return NO_WINDOW_ID;
  if (typeof header !== 'string' || !WINDOW_ID_PATTERN.test(header)) {
    throw new HttpError('INVALID_WINDOW_ID');
  }
  return header;
}

const callIdSchema = z.object({ id: z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'not a call id') });

/** The `:id` of `/api/calls/:id/...`. */
export function callIdOf(req: NextApiRequest): string {
  return parseInput(callIdSchema, req.query).id;
}

export interface CallAgent {
  companyId: number;
  userId: number;
  identity: RequestIdentity;
}

/** The signed-in agent; identity never comes from the body. */
export async function requireAgent(req: IncomingMessage, ctx: AppContext): Promise<CallAgent> {
  const identity = await requireIdentity(req, ctx);
  return { companyId: identity.companyId, userId: identity.userId, identity };
}

export async function presentCall(ctx: AppContext, view: CallView): Promise<{ call: WindowCallView }> {
  return { call: await ctx.calls.present(view) };
}

export async function presentCalls(ctx: AppContext, views: readonly CallView[]): Promise<WindowCallView[]> {
  return Promise.all(views.map((view) => ctx.calls.present(view)));
}

export { readRawBody } from './request-body';
