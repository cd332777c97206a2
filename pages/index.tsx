import type { GetServerSideProps } from 'next';
import { getAppContext } from '@/server/app-context';
import { accountUnavailableReason } from '@/server/page-access';
import { FloatingWindowApp } from '@/ui/floating-window-app';
import type { FloatingWindowPageProps } from '@/ui/page-props';

/**
 * The floating window. Pipedrive loads it with `token` (signed JWT), `userId`, `companyId`, `id`
 * and `theme`. Only a verified token opens a session; the unsigned ids must agree with it.
 */
export const getServerSideProps: GetServerSideProps<FloatingWindowPageProps> = async ({ res, query }) => {
  res.setHeader('Cache-Control', 'private, no-store');
  const ctx = getAppContext();
  const verified = await ctx.verifyIframeToken(single(query.token), { userId: single(query.userId), companyId: single(query.companyId) });
  if (!verified.ok) return { props: { view: 'open-from-pipedrive' } };

  const key = { companyId: verified.identity.companyId, userId: verified.identity.userId };
  const installView = { props: { view: 'install' as const, installUrl: '/api/auth/login' } };
  // Installed once, then revoked, uninstalled or disconnected: the window offers to reconnect.
  const reconnectView = { props: { ...installView.props, reason: 'disconnected' as const } };
  const account = await ctx.accounts.find(key);
  if (!account) return installView;
  if (account.status !== 'connected') return reconnectView;

  let expiresAt = account.accessTokenExpiresAt;
  try {
    expiresAt = (await ctx.pipedrive.getAccess(key)).accessTokenExpiresAt;
  } catch (error) {
    const unavailable = accountUnavailableReason(error);
    if (unavailable !== null) return unavailable === 'disconnected' ? reconnectView : installView;
    // Pipedrive unreachable while refreshing: the window still opens; its API calls renew the session later.
    ctx.logger.warn({ err: error, companyId: key.companyId, userId: key.userId }, 'could not refresh the access token while opening the window');
  }
  if (expiresAt > Date.now()) res.setHeader('Set-Cookie', await ctx.sessions.createSessionCookie(key, expiresAt));
  return {
    props: {
      view: 'window',
      user: { id: account.userId, name: account.name },
      company: { id: account.companyId, name: account.companyName },
      theme: single(query.theme) === 'dark' ? 'dark' : 'light',
      socketTransports: ctx.config.socketTransports,
    },
  };
};

/** A repeated query parameter is never trusted: it becomes a value that matches nothing. */
function single(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) return '';
  return value;
}

export default function FloatingWindowPage(props: FloatingWindowPageProps) {
  return <FloatingWindowApp {...props} />;
}
