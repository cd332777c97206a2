import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleApi } from './api/handle-api';
import { handleControl } from './control/control-routes';
import type { SandboxContext } from './context';
import { apiErrors } from './http/sandbox-api-error';
import { errorBody } from './http/respond';
import { htmlResult, jsonResult, type HttpResult } from './http/result';
import { handlePictureRequest } from './media/person-picture';
import { answerConsent, showConsent } from './oauth/authorize';
import { oauthError } from './oauth/oauth-errors';
import { handleRevoke, handleToken } from './oauth/token';
import type { SandboxRuntime } from './runtime';
import { handleUiRequest } from './ui/index';

function writeResult(res: ServerResponse, result: HttpResult): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(result.status, { ...result.headers, 'content-length': String(Buffer.byteLength(result.body)) });
  res.end(result.body);
}

const notFound = (): HttpResult => jsonResult(404, errorBody(apiErrors.unknownEndpoint()));

/** Routes owned by the core: OAuth, REST API, media. Null when the path belongs to someone else. */
async function routeCore(runtime: SandboxRuntime, req: IncomingMessage, url: URL): Promise<HttpResult | null> {
  const path = url.pathname;
  const method = req.method ?? 'GET';
  if (path.startsWith('/api/') || path.startsWith('/v1/')) {
    if (runtime.settings.latencyMs > 0) await runtime.clock.sleep(runtime.settings.latencyMs);
    return handleApi(runtime, req, url);
  }
  if (path === '/oauth/authorize') {
    if (method === 'GET') return showConsent(runtime, req, url);
    if (method === 'POST') return answerConsent(runtime, req);
    return jsonResult(405, { error: 'invalid_request', error_description: 'Method not allowed' });
  }
  if (path === '/oauth/token' || path === '/oauth/revoke') {
    if (method !== 'POST') return oauthError('invalid_request', 'Method not allowed');
    return path === '/oauth/token' ? handleToken(runtime, req) : handleRevoke(runtime, req);
  }
  if (path.startsWith('/oauth/')) return notFound();
  if (path.startsWith('/media/')) return handlePictureRequest(runtime.store, path) ?? notFound();
  return null;
}

/** What a load balancer in front of Pipedrive answers when its upstream failed: HTML, not Pipedrive's JSON. */
function gatewayErrorPage(status: number): HttpResult {
  const title = status === 504 ? '504 Gateway Time-out' : `${status} Bad Gateway`;
  return htmlResult(status, `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center></body></html>`);
}

/** The request listener: control routes, then injected faults, then core routes, then the UI host. */
export function createRequestListener(runtime: SandboxRuntime, context: SandboxContext) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = runtime.clock.now();
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    res.on('finish', () => runtime.log(`${req.method} ${url.pathname} ${res.statusCode} ${runtime.clock.now() - started}ms`));
    try {
      if (url.pathname.startsWith('/__sandbox/')) {
        writeResult(res, runtime.options.testControls ? await handleControl(runtime, req, url) : notFound());
        return;
      }
      const isCore = /^\/(api|v1|oauth|media)\//.test(url.pathname);
      const fault = isCore ? runtime.faults.take(req.method ?? 'GET', url.pathname) : undefined;
      if (fault?.kind === 'latency') await runtime.clock.sleep(fault.latencyMs ?? 0);
      if (fault?.kind === 'error') {
        writeResult(res, jsonResult(fault.status ?? 500, errorBody(apiErrors.injected(fault.status ?? 500))));
        return;
      }
      if (fault?.kind === 'rate_limit') {
        const headers = { 'x-ratelimit-limit': String(runtime.settings.rateLimits.burstLimit), 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2' };
        writeResult(res, jsonResult(429, errorBody(apiErrors.rateLimited({})), headers));
        return;
      }
      const result = await routeCore(runtime, req, url);
      if (result && fault?.kind === 'slow_after_write') await runtime.clock.sleep(fault.latencyMs ?? 0);
      if (result) {
        // The write happened; the client never learns it (lost response, as on a network cut).
        if (fault?.kind === 'drop_after_write') req.socket.destroy();
        else if (fault?.kind === 'error_page_after_write') writeResult(res, gatewayErrorPage(fault.status ?? 502));
        else writeResult(res, result);
        return;
      }
      const handled = await handleUiRequest(context, req, res);
      if (!handled) writeResult(res, notFound());
    } catch (error) {
      runtime.log(`unhandled error on ${req.method} ${url.pathname}: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) writeResult(res, jsonResult(500, errorBody(apiErrors.internal())));
      else res.destroy();
    }
  };
}
