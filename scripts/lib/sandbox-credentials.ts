import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SandboxCredentials {
  clientId: string;
  clientSecret: string;
}

/**
 * The embedded sandbox plays Pipedrive's Developer Hub: it needs an app registration. We generate
 * one on first start and keep it, so installs and sessions survive restarts.
 */
export function loadOrCreateSandboxCredentials(path: string): SandboxCredentials {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as SandboxCredentials;
  const credentials = { clientId: `sandbox-${randomBytes(6).toString('hex')}`, clientSecret: randomBytes(32).toString('base64url') };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return credentials;
}
