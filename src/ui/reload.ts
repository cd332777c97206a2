/**
 * Reloads the window after the user installed or reconnected the app elsewhere. The iframe URL's
 * `token` may have expired by then, so a fresh signed token replaces it when Pipedrive answers.
 */
import type { PipedriveSdk } from './sdk/pipedrive-sdk';

export function buildReloadUrl(href: string, token: string | null): string {
  const url = new URL(href);
  if (token) url.searchParams.set('token', token);
  return url.toString();
}

export async function reloadWindow(whenReady: () => Promise<PipedriveSdk>): Promise<void> {
  let token: string | null = null;
  try {
    token = await (await whenReady()).getSignedToken();
  } catch {
    // Outside Pipedrive or no answer: a plain reload is the best we can do.
  }
  window.location.replace(buildReloadUrl(window.location.href, token));
}
