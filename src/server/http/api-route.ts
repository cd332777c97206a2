import type { NextApiHandler, NextApiRequest, NextApiResponse } from 'next';
import { getAppContext, type AppContext } from '../app-context';
import { toErrorResponse } from './api-error';
import { assertSameOrigin } from './csrf';

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
}

/**
 * Wraps an API route: method guard (405), same-origin check, one error mapping, no caching.
 * Body size limits are set per route with Next's `config.api.bodyParser.sizeLimit`.
 */
export function apiRoute(handlers: Partial<Record<HttpMethod, ApiHandler>>, options: ApiRouteOptions = {}): NextApiHandler {
  const allowed = Object.keys(handlers) as HttpMethod[];
  return async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const handler = handlers[req.method as HttpMethod];
    if (!handler) {
      res.setHeader('Allow', allowed.join(', '));
      res.status(405).json({ error: { code: 'METHOD_NOT_ALLOWED', message: `Use ${allowed.join(' or ')}.` } });
      return;
    }
    let ctx: AppContext | undefined;
    try {
      ctx = getAppContext();
      if (options.csrf !== false) assertSameOrigin(req, ctx.config.appOrigin);
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
