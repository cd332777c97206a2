import type { SandboxRuntime } from '../runtime';

const NOTICE_TIMEOUT_MS = 5000;

/**
 * What Pipedrive does when a user uninstalls the app in its UI: tokens die, then
 * `DELETE <callback URL>` with HTTP Basic client credentials and a JSON body. The app's answer is ignored.
 * (Pipedrive skips localhost callbacks; the sandbox does not, since that is the whole point here.)
 */
export async function uninstallApp(runtime: SandboxRuntime, userId: number): Promise<void> {
  runtime.grants.revokeUser(userId);
  const { app } = runtime.options;
  const basic = Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64');
  const body = {
    client_id: app.clientId,
    company_id: runtime.store.company.id,
    user_id: userId,
    timestamp: new Date(runtime.clock.now()).toISOString(),
  };
  try {
    const response = await fetch(app.redirectUri, {
      method: 'DELETE',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(NOTICE_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    runtime.log(`uninstall notice for user ${userId} answered ${response.status}`);
  } catch (error) {
    runtime.log(`uninstall notice for user ${userId} failed: ${(error as Error).message}`);
  }
}
