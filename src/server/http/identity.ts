import type { IncomingMessage } from 'node:http';
import type { Account } from '@/adapters/db/account-repository';
import type { AppContext } from '@/server/app-context';
import { HttpError } from './http-error';

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
    if (verified.reason === 'expired') throw new HttpError('SESSION_EXPIRED', 'The Pipedrive token has expired. Get a fresh one and retry.');
    throw new HttpError('TOKEN_INVALID');
  }
  if (session.reason === 'expired') throw new HttpError('SESSION_EXPIRED');
  throw new HttpError('SESSION_REQUIRED');
}

/** The caller plus their installed, connected account; 401/403 otherwise. */
export async function requireIdentity(req: IncomingMessage, ctx: AppContext): Promise<RequestIdentity> {
  const caller = await resolveCaller(req, ctx);
  const account = await ctx.accounts.find(caller);
  if (!account) throw new HttpError('ACCOUNT_NOT_INSTALLED');
  if (account.status !== 'connected') throw new HttpError('ACCOUNT_DISCONNECTED');
  return { ...caller, account };
}
