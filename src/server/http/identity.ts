import type { IncomingMessage } from 'node:http';
import type { Account } from '@/adapters/db/account-repository';
import type { AppContext } from '@/server/app-context';
import { ApiError } from './api-error';

export const PIPEDRIVE_TOKEN_HEADER = 'x-pipedrive-token';

export interface RequestIdentity {
  companyId: number;
  userId: number;
  account: Account;
}

/** Who is calling, from the sealed session cookie or, when the browser blocked it, a fresh signed Pipedrive token. */
export async function resolveCaller(req: IncomingMessage, ctx: AppContext): Promise<{ companyId: number; userId: number }> {
  const session = await ctx.sessions.readSessionCookie(req.headers.cookie);
  if (session.ok) return { companyId: session.session.companyId, userId: session.session.userId };

  const headerToken = req.headers[PIPEDRIVE_TOKEN_HEADER];
  if (typeof headerToken === 'string' && headerToken !== '') {
    const verified = await ctx.verifyIframeToken(headerToken);
    if (verified.ok) return { companyId: verified.identity.companyId, userId: verified.identity.userId };
    if (verified.reason === 'expired') throw new ApiError(401, 'SESSION_EXPIRED', 'The Pipedrive token has expired. Get a fresh one and retry.');
    throw new ApiError(401, 'TOKEN_INVALID', 'The Pipedrive token is not valid.');
  }
  if (session.reason === 'expired') throw new ApiError(401, 'SESSION_EXPIRED', 'The session has expired. Renew it with POST /api/session.');
  throw new ApiError(401, 'SESSION_REQUIRED', 'Open the app from Pipedrive to start a session.');
}

/** The caller plus their installed, connected account; 401/403 otherwise. */
export async function requireIdentity(req: IncomingMessage, ctx: AppContext): Promise<RequestIdentity> {
  const caller = await resolveCaller(req, ctx);
  const account = await ctx.accounts.find(caller);
  if (!account) throw new ApiError(403, 'ACCOUNT_NOT_INSTALLED', 'Install the app in Pipedrive to use it.');
  if (account.status !== 'connected') throw new ApiError(403, 'ACCOUNT_DISCONNECTED', 'The Pipedrive connection was revoked. Re-authorize the app.');
  return { ...caller, account };
}
