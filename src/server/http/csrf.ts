import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * State-changing requests must come from the app's own origin. The floating window itself is
 * served from APP_URL, so Pipedrive's (or the sandbox's) origin has no business posting here.
 */
export function assertSameOrigin(req: IncomingMessage, appOrigin: string): void {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return;
  const origin = req.headers.origin;
  if (origin !== appOrigin) {
    throw new HttpError('CROSS_ORIGIN_REQUEST');
  }
}
