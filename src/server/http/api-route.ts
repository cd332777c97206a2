import type { NextApiHandler, NextApiRequest, NextApiResponse } from 'next';
import { getAppContext, type AppContext } from '@/server/app-context';
import { errorBody } from '@/contract/error-catalogue';
import { toErrorResponse } from './http-error';
import { assertSameOrigin } from './csrf';
import { parseJsonBody, readRawBody } from './request-body';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequestContext {
  req: NextApiRequest;
  res: NextApiResponse;
  ctx: AppContext;
}

/** Return a value to answer 200 JSON; return undefined to answer 204 (unless the handler already answered). */
export type ApiHandler = (request: ApiRequestContext) => Promise<unknown> | unknown;

export interface ApiRouteOptions {
  /** Origin check for state-changing methods; off only for server-to-server callers (e.g. Pipedrive's uninstall notice). */
  csrf?: boolean;
  /**
   * The largest JSON body the route accepts, read into `req.body`. Every route's page exports
   * `config = { api: { bodyParser: false } }`: Next's own parser answers bad bodies in plain text.
   * Routes without a limit ignore the body (up to IGNORED_BODY_LIMIT_BYTES).
   */
  jsonBodyLimitBytes?: number;
  /**
   * Reads the body as JSON whatever its Content-Type: for server-to-server callers whose header is
   * not documented (Pipedrive's uninstall notice), authenticated otherwise.
   */
  anyContentType?: boolean;
  /** The handler reads the raw body itself (signed webhooks): the wrapper leaves the stream alone. */
  rawBody?: boolean;
}

const BODYLESS_METHODS = new Set(['GET', 'HEAD']);

/** What a route without a body still accepts (the window posts `{}`) and drains. */
const IGNORED_BODY_LIMIT_BYTES = 1024;

/**
 * Wraps an API route: method guard (405), same-origin check, one error mapping, no caching.
 * Bodies are read here (`jsonBodyLimitBytes`), not by Next.
 */
export function apiRoute(handlers: Partial<Record<HttpMethod, ApiHandler>>, options: ApiRouteOptions = {}): NextApiHandler {
  const allowed = Object.keys(handlers) as HttpMethod[];
  return async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const handler = handlers[req.method as HttpMethod];
    let ctx: AppContext | undefined;
    try {
      // The body is read before answering anything: a client still uploading when the answer
      // comes may see the connection reset instead of the answer.
      const readsOwnBody = handler !== undefined && options.rawBody === true;
      const limit = handler === undefined ? IGNORED_BODY_LIMIT_BYTES : (options.jsonBodyLimitBytes ?? IGNORED_BODY_LIMIT_BYTES);
      const raw = BODYLESS_METHODS.has(req.method ?? 'GET') || readsOwnBody ? undefined : await readRawBody(req, limit);
      if (!handler) {
        res.setHeader('Allow', allowed.join(', '));
        res.status(405).json({ error: errorBody('METHOD_NOT_ALLOWED', `Use ${allowed.join(' or ')}.`) });
        return;
      }
      ctx = getAppContext();
      if (options.csrf !== false) assertSameOrigin(req, ctx.config.appOrigin);
      req.body = options.jsonBodyLimitBytes === undefined || raw === undefined ? undefined : parseJsonBody(raw, req.headers['content-type'], { anyContentType: options.anyContentType });
      const result = await handler({ req, res, ctx });
      if (res.headersSent || res.writableEnded) return;
      if (result === undefined) res.status(204).end();
      else res.status(200).json(result);
    } catch (error) {
      const response = toErrorResponse(error);
      const log = ctx?.logger.child({ module: 'api', route: req.url?.split('?')[0], method: req.method });
      if (response.status >= 500) log?.error({ err: error }, 'API request failed');
      else log?.debug({ code: response.code }, 'API request refused');
      if (res.headersSent) return;
      for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
      res.status(response.status).json({ error: { code: response.code, message: response.message } });
    }
  };
}
