/** The accounts slice: installing (OAuth callback), Pipedrive's uninstall notice, the user's disconnect. */
export type { AccountKey, AccountRegistry, AgentSessions, AuthorizationResult, CompanyRegions, InstalledAccount, OAuthRefusal, PipedriveOAuth, RevocationResult } from './account-ports';
export { installAccount, type InstallAccountDeps, type InstallAccountResult } from './install-account';
export { uninstallAccount, type UninstallAccountDeps } from './uninstall-account';
export { disconnectAccount, type DisconnectAccountDeps } from './disconnect-account';
