import { AccountUnavailableError } from '@/adapters/pipedrive/pipedrive-error';
import { isControlCenterAllowed } from '@/adapters/realtime/control-center';
import type { AppConfig } from './config';

/**
 * What the pages' `getServerSideProps` ask of the server's adapters, so that pages import
 * src/server only (the dependency rules in .dependency-cruiser.cjs).
 */

/** Why the account cannot be used, when `error` says so (uninstalled or revoked); null for any other error. */
export function accountUnavailableReason(error: unknown): 'not_installed' | 'disconnected' | null {
  return error instanceof AccountUnavailableError ? error.reason : null;
}

/** Whether the Control Center opens with this token: always in sandbox mode, otherwise with CONTROL_CENTER_TOKEN. */
export function controlCenterAllowed(config: Pick<AppConfig, 'sandboxMode' | 'controlCenterToken'>, token: string | null): boolean {
  return isControlCenterAllowed({ sandboxMode: config.sandboxMode, token: config.controlCenterToken }, token);
}
