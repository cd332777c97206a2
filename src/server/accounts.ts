import { disconnectAccount, installAccount, uninstallAccount, type AccountKey } from '@/application/accounts';
import { systemClock } from '@/application/ports/system';
import { createPipedriveOAuth } from '@/adapters/pipedrive/pipedrive-oauth';
import { createAgentSessions } from '@/adapters/realtime/agent-sessions';
import type { AppContext } from './app-context';

/** The accounts use cases, bound to their adapters: all the `/api/auth/*` routes call. */
export interface AccountUseCases {
  install(code: string): ReturnType<typeof installAccount>;
  uninstall(key: AccountKey): ReturnType<typeof uninstallAccount>;
  disconnect(key: AccountKey): ReturnType<typeof disconnectAccount>;
}

const bound = new WeakMap<AppContext, AccountUseCases>();

/** Built once per composition root from the services it already holds. */
export function accountUseCases(ctx: AppContext): AccountUseCases {
  const existing = bound.get(ctx);
  if (existing) return existing;
  const oauth = createPipedriveOAuth(ctx.pipedrive);
  const sessions = createAgentSessions(ctx.realtime.io);
  const logger = ctx.logger.child({ module: 'oauth' });
  const useCases: AccountUseCases = {
    install: (code) => installAccount({ oauth, accounts: ctx.accounts, regions: ctx.companySettings.store, clock: systemClock, logger }, code),
    uninstall: (key) => uninstallAccount({ accounts: ctx.accounts, sessions, logger }, key),
    disconnect: (key) => disconnectAccount({ oauth, sessions }, key),
  };
  bound.set(ctx, useCases);
  return useCases;
}
