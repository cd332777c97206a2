import type { IncomingMessage } from 'node:http';
import type { NextApiRequest } from 'next';
import { z } from 'zod';
import type { CallView } from '@/application/ports/call-view';
import { WINDOW_ID_PATTERN, type WindowCallView } from '@/adapters/realtime/socket-events';
import type { AppContext } from '@/server/app-context';
import { ApiError } from './api-error';
import { requireIdentity, type RequestIdentity } from './identity';
import { parseInput } from './parse';

export const WINDOW_ID_HEADER = 'x-window-id';

/** Stands for "no tab" when the window sent no `X-Window-Id`: no socket ever joins a room by this id. */
export const NO_WINDOW_ID = 'no-window';

/**
 * The one table from the call use cases' failure codes to HTTP (and to what the window sees).
 * Unknown codes are a bug: 500.
 */
const CALL_ERRORS: Record<string, { status: number; code?: string; message: string }> = {
  CALL_NOT_FOUND: { status: 404, message: 'There is no such call.' },
  CALL_NOT_YOURS: { status: 403, message: 'Another agent holds this call.' },
  CALL_NUMBER_INVALID: { status: 400, message: 'This is not a phone number we can dial.' },
  WRAP_UP_CONTACT_NAME_REQUIRED: { status: 400, message: 'Give the new contact a name.' },
  CALL_AGENT_BUSY: { status: 409, message: 'You are already on a call.' },
  CALL_NOT_RINGING: { status: 409, message: 'The call is no longer ringing.' },
  CALL_NOTHING_TO_HANG_UP: { status: 409, message: 'The call is already over.' },
  ROUTING_CALL_ALREADY_CLAIMED: { status: 409, code: 'CALL_ALREADY_ANSWERED', message: 'The call was answered elsewhere.' },
  ROUTING_NOT_RINGING_FOR_AGENT: { status: 409, message: 'The call does not ring for you.' },
  ROUTING_AGENT_NOT_FOUND: { status: 409, message: 'That agent is not online.' },
  CALL_INVALID_TRANSITION: { status: 409, message: 'The call cannot do that in its current state.' },
  WRAP_UP_CALL_MISMATCH: { status: 409, message: 'The wrap-up is for another call.' },
  WRAP_UP_CALL_NOT_ENDED: { status: 409, message: 'The call is still going.' },
  WRAP_UP_ALREADY_DONE: { status: 409, message: 'The call was already wrapped up.' },
  CALL_TELEPHONY_FAILED: { status: 502, message: 'The phone provider could not place the call.' },
};

/** Maps a use-case failure to the ApiError the route answers with. */
export function callError(error: { code: string }): ApiError {
  const mapped = CALL_ERRORS[error.code];
  if (mapped === undefined) return new ApiError(500, 'INTERNAL_ERROR', 'Something went wrong on our side.');
  return new ApiError(mapped.status, mapped.code ?? error.code, mapped.message);
}

/** The use case's result, or its failure thrown as the mapped ApiError. */
export function unwrap<R extends { readonly ok: true } | { readonly ok: false; readonly error: { readonly code: string } }>(
  result: R,
): Extract<R, { readonly ok: true }> {
  if (!result.ok) throw callError((result as { error: { code: string } }).error);
  return result as Extract<R, { readonly ok: true }>;
}

/** The tab the request comes from (`X-Window-Id`); a malformed header is refused. */
export function windowIdOf(req: IncomingMessage): string {
  const header = req.headers[WINDOW_ID_HEADER];
  if (header === undefined || header === '') return NO_WINDOW_ID;
  if (typeof header !== 'string' || !WINDOW_ID_PATTERN.test(header)) {
    throw new ApiError(400, 'INVALID_WINDOW_ID', 'X-Window-Id must be 1 to 100 letters, digits, "-" or "_".');
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
