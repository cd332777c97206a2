import type { IncomingMessage } from 'node:http';
import { SandboxApiError, apiErrors } from '../http/sandbox-api-error';
import { BodyTooLargeError, mediaType, parseForm, readBody, readMultipart } from '../http/body';
import { errorBody, successBody } from '../http/respond';
import { jsonResult, type HttpResult } from '../http/result';
import type { Grant } from '../oauth/grant-store';
import type { SandboxRuntime } from '../runtime';
import type { ApiRoute } from './api-route';
import { COST } from './api-route';
import { matchRoute } from './api-routes';
import { retiredReplacement } from './v1/retired';

/** `/v1/...` was an accepted alias of `/api/v1/...` in v1's time. */
function normalisePath(path: string): string {
  return path.startsWith('/v1/') ? `/api${path}` : path;
}

function authenticate(runtime: SandboxRuntime, req: IncomingMessage): Grant {
  const header = req.headers.authorization;
  if (!header) throw apiErrors.unauthorized();
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw apiErrors.malformedAuthorization();
  const grant = runtime.grants.authenticate(match[1]!);
  if (!grant) throw apiErrors.unauthorized();
  return grant;
}

async function readApiBody(req: IncomingMessage, isV1: boolean): Promise<unknown> {
  if (req.method === 'GET' || req.method === 'DELETE' || req.method === 'HEAD') return undefined;
  let text: string;
  try {
    // v1 file uploads (call log recordings) come as multipart: read as bytes, parsed to FormData.
    if (isV1 && mediaType(req) === 'multipart/form-data') return await readMultipart(req).catch(rethrowAsBadMultipart);
    text = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw apiErrors.payloadTooLarge();
    throw error;
  }
  if (text.length === 0) return undefined;
  const type = mediaType(req);
  if (type === 'application/json') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw apiErrors.badRequest('Invalid JSON in request body');
    }
  }
  // v1 also took form bodies; v2 is JSON only.
  if (isV1 && type === 'application/x-www-form-urlencoded') return parseForm(text);
  throw apiErrors.unsupportedMediaType();
}

function rethrowAsBadMultipart(error: unknown): never {
  if (error instanceof BodyTooLargeError) throw error;
  throw apiErrors.badRequest('Invalid multipart/form-data body');
}

/** Everything under /api/ (and the legacy /v1/ prefix). */
export async function handleApi(runtime: SandboxRuntime, req: IncomingMessage, url: URL): Promise<HttpResult> {
  const method = req.method ?? 'GET';
  const path = normalisePath(url.pathname);
  let headers: Record<string, string> = {};
  try {
    const isV1 = path.startsWith('/api/v1/');
    const retired = isV1 ? retiredReplacement(path.slice('/api/v1'.length)) : null;
    const match = retired ? null : matchRoute(method, path);
    if (match?.kind === 'none') throw apiErrors.unknownEndpoint();
    if (match?.kind === 'method_not_allowed') throw apiErrors.methodNotAllowed();

    const grant = authenticate(runtime, req);
    const route: ApiRoute | undefined = match?.kind === 'route' ? match.route : undefined;
    const decision = runtime.rateLimiter.check({
      userKey: `${grant.companyId}:${grant.userId}`,
      isSearch: route?.isSearch ?? false,
      cost: route?.cost ?? COST.v1GetOne,
      now: runtime.clock.now(),
    });
    headers = decision.headers;
    if (!decision.allowed) throw decision.reason === 'daily' ? apiErrors.dailyBudgetExhausted({}) : apiErrors.rateLimited({});
    if (retired) throw apiErrors.retired(retired);
    if (!route || match?.kind !== 'route') throw apiErrors.unknownEndpoint();

    const granted = grant.scope.split(',');
    if (!route.scopes.some((s) => granted.includes(s))) throw apiErrors.scopeMismatch();

    const body = await readApiBody(req, isV1);
    const reply = await route.handler({
      params: match.params, query: url.searchParams, body, grant, store: runtime.store, clock: runtime.clock, options: runtime.options,
    });
    return jsonResult(reply.status ?? 200, successBody(reply.data, reply.additional_data), headers);
  } catch (error) {
    if (error instanceof SandboxApiError) return jsonResult(error.status, errorBody(error), { ...headers, ...error.headers });
    runtime.log(`internal error on ${method} ${path}: ${(error as Error).stack ?? String(error)}`);
    return jsonResult(500, errorBody(apiErrors.internal()), headers);
  }
}
