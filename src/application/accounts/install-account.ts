import { toRegionCode } from '@/domain/phone';
import type { Clock } from '@/application/ports/clock.port';
import type { Logger } from '@/application/ports/logger.port';
import type { AccountRegistry, CompanyRegions, OAuthRefusal, PipedriveOAuth } from './account-ports';

export interface InstallAccountDeps {
  readonly oauth: Pick<PipedriveOAuth, 'authorize'>;
  readonly accounts: Pick<AccountRegistry, 'install'>;
  readonly regions: CompanyRegions;
  readonly clock: Clock;
  readonly logger: Logger;
}

export type InstallAccountResult =
  | { readonly ok: true; readonly name: string; readonly companyName: string; readonly apiDomain: string }
  | { readonly ok: false; readonly reason: OAuthRefusal };

/**
 * The OAuth callback's code becomes an installed account: the grant is exchanged, the user read,
 * the account stored (re-connected when it existed) and, when Pipedrive names the company's
 * country, it becomes the company's default region unless one was set.
 */
export async function installAccount(deps: InstallAccountDeps, code: string): Promise<InstallAccountResult> {
  const authorized = await deps.oauth.authorize(code);
  if (!authorized.ok) {
    deps.logger.warn({ status: authorized.status, reason: authorized.reason }, 'installation failed');
    return { ok: false, reason: authorized.reason };
  }
  const { account } = authorized;
  await deps.accounts.install(account);
  const region = authorized.companyCountry === null ? undefined : toRegionCode(authorized.companyCountry);
  if (region !== undefined) {
    await deps.regions.adoptCompanyRegion(account.companyId, region, { userId: account.userId, at: deps.clock.now() });
  }
  deps.logger.info({ companyId: account.companyId, userId: account.userId }, 'app installed');
  return { ok: true, name: account.name, companyName: account.companyName, apiDomain: account.apiDomain };
}
