import { describe, expect, it } from 'vitest';
import { FakeClock, RecordingLogger } from '@/application/ports/testing';
import type { AccountKey, AgentSessions, AuthorizationResult, InstalledAccount, PipedriveOAuth } from './account-ports';
import { disconnectAccount } from './disconnect-account';
import { installAccount } from './install-account';
import { uninstallAccount } from './uninstall-account';

const ADA: InstalledAccount = {
  companyId: 1,
  userId: 11,
  name: 'Ada',
  email: 'ada@example.test',
  companyName: 'Acme',
  apiDomain: 'https://acme.pipedrive.test',
  scopes: 'base',
  tokens: { accessToken: 'a', refreshToken: 'r', accessTokenExpiresAt: 1 },
};

function recordingSessions(): AgentSessions & { ended: AccountKey[] } {
  const ended: AccountKey[] = [];
  return { ended, endSessions: (key) => void ended.push(key) };
}

function oauth(authorized: AuthorizationResult, revoked: Awaited<ReturnType<PipedriveOAuth['revoke']>> = { revoked: true }): PipedriveOAuth {
  return { authorize: async () => authorized, revoke: async () => revoked };
}

describe('installAccount', () => {
  it('stores the account and adopts the company country as its region', async () => {
    const installed: InstalledAccount[] = [];
    const regions: unknown[] = [];
    const result = await installAccount(
      {
        oauth: oauth({ ok: true, account: ADA, companyCountry: 'gb' }),
        accounts: { install: async (account) => void installed.push(account) },
        regions: { adoptCompanyRegion: async (...args) => void regions.push(args) },
        clock: new FakeClock(5_000),
        logger: new RecordingLogger(),
      },
      'code',
    );
    expect(result).toEqual({ ok: true, name: 'Ada', companyName: 'Acme', apiDomain: ADA.apiDomain });
    expect(installed).toEqual([ADA]);
    expect(regions).toEqual([[1, 'GB', { userId: 11, at: 5_000 }]]);
  });

  it('stores nothing when Pipedrive refuses the code', async () => {
    const installed: InstalledAccount[] = [];
    const result = await installAccount(
      {
        oauth: oauth({ ok: false, reason: 'code_refused', status: 400 }),
        accounts: { install: async (account) => void installed.push(account) },
        regions: { adoptCompanyRegion: async () => undefined },
        clock: new FakeClock(0),
        logger: new RecordingLogger(),
      },
      'code',
    );
    expect(result).toEqual({ ok: false, reason: 'code_refused' });
    expect(installed).toEqual([]);
  });
});

describe('uninstallAccount and disconnectAccount', () => {
  it('uninstall removes the tokens and ends the sessions, even when nothing was stored', async () => {
    const sessions = recordingSessions();
    const result = await uninstallAccount({ accounts: { disconnect: async () => false }, sessions, logger: new RecordingLogger() }, { companyId: 1, userId: 11 });
    expect(result).toEqual({ removed: false });
    expect(sessions.ended).toEqual([{ companyId: 1, userId: 11 }]);
  });

  it('disconnect revokes at Pipedrive and ends the sessions', async () => {
    const sessions = recordingSessions();
    const result = await disconnectAccount({ oauth: oauth({ ok: false, reason: 'unavailable', status: 0 }, { revoked: false, reason: 'revoke_failed' }), sessions }, { companyId: 1, userId: 11 });
    expect(result).toEqual({ revoked: false, reason: 'revoke_failed' });
    expect(sessions.ended).toEqual([{ companyId: 1, userId: 11 }]);
  });
});
