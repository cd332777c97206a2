import type { AccountKey, AuthorizationResult, PipedriveOAuth, RevocationResult } from '@/application/accounts';
import { PipedriveError } from './pipedrive-error';
import type { PipedriveGateway } from './pipedrive-gateway';

type OAuthGateway = Pick<PipedriveGateway, 'exchangeCode' | 'getUserForGrant' | 'disconnectAccount'>;

/** The accounts slice's `PipedriveOAuth` on top of the gateway: Pipedrive's failures become refusals. */
export function createPipedriveOAuth(gateway: OAuthGateway): PipedriveOAuth {
  return {
    async authorize(code: string): Promise<AuthorizationResult> {
      try {
        const grant = await gateway.exchangeCode(code);
        const user = await gateway.getUserForGrant(grant);
        return {
          ok: true,
          companyCountry: user.companyCountry,
          account: {
            companyId: user.companyId,
            userId: user.id,
            name: user.name,
            email: user.email,
            companyName: user.companyName,
            apiDomain: grant.apiDomain,
            scopes: grant.scopes,
            tokens: { accessToken: grant.accessToken, refreshToken: grant.refreshToken, accessTokenExpiresAt: grant.accessTokenExpiresAt },
          },
        };
      } catch (error) {
        if (!(error instanceof PipedriveError)) throw error;
        // A code Pipedrive refuses (expired, used, forged) is the link's fault; Pipedrive being down is ours.
        const codeRefused = error.code === 'invalid_grant' || error.kind === 'auth' || error.kind === 'validation';
        return { ok: false, reason: codeRefused ? 'code_refused' : 'unavailable', status: error.status };
      }
    },

    async revoke(key: AccountKey): Promise<RevocationResult> {
      const result = await gateway.disconnectAccount(key);
      return result.revoked ? { revoked: true } : { revoked: false, reason: result.reason };
    },
  };
}
