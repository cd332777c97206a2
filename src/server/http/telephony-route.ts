import type { NextApiHandler, NextApiRequest, NextApiResponse } from 'next';
import type { MatchedRoute } from '@/adapters/telephony/plugin-registry';
import type { TelephonyHttpMethod, TelephonyHttpRequest, TelephonyHttpResponse } from '@/adapters/telephony/plugin';
import { getAppContext, type AppContext } from '@/server/app-context';
import { errorBody } from '@/contract/error-catalogue';
import { HttpError } from './http-error';
import { apiRoute, type ApiHandler, type ApiRequestContext } from './api-route';
import { requireAgent, windowIdOf } from './calls';
import { readRawBody } from './request-body';

/** Where a fixed page (the documented `POST /api/telephony/inbound`) sends its requests. */
export interface FixedTelephonyRoute {
  readonly provider: string;
  readonly path: readonly string[];
}

const SEGMENT = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * `/api/telephony/<provider>/<path...>`: every provider plug-in's routes behind one page. The
 * plug-in's route says who calls it: providers (raw signed body, no session, no origin check) or
 * the window (session, CSRF, JSON body), exactly like the other API routes.
 */
export function telephonyRoute(fixed?: FixedTelephonyRoute): NextApiHandler {
  return async (req, res) => {
    const matched = findRoute(req, fixed);
    if (matched === undefined) return notFound(req, res);
    const handlers = Object.fromEntries(
      Object.entries(matched.route.methods).map(([method, handler]) => [method, bind(matched, handler)]),
    ) as Partial<Record<TelephonyHttpMethod, ApiHandler>>;
    const options = matched.route.caller === 'provider' ? { csrf: false, rawBody: true } : { jsonBodyLimitBytes: matched.route.maxBodyBytes };
    return apiRoute(handlers, options)(req, res);
  };
}

function findRoute(req: NextApiRequest, fixed: FixedTelephonyRoute | undefined): MatchedRoute | undefined {
  const provider = fixed?.provider ?? req.query.provider;
  const rawPath = fixed?.path ?? req.query.path ?? [];
  const path = typeof rawPath === 'string' ? [rawPath] : rawPath;
  if (typeof provider !== 'string' || !SEGMENT.test(provider) || !path.every((segment) => SEGMENT.test(segment))) return undefined;
  let ctx: AppContext;
  try {
    ctx = getAppContext();
  } catch {
    return undefined;
  }
  return ctx.calls.telephony.match(provider, path);
}

function bind(matched: MatchedRoute, handler: (request: TelephonyHttpRequest) => Promise<TelephonyHttpResponse>): ApiHandler {
  return async (context) => {
    const request = await toTelephonyRequest(context, matched);
    const answer = await handler(request);
    const { res } = context;
    if (answer.contentType === undefined) {
      res.status(answer.status).json(answer.body);
      return;
    }
    res.status(answer.status).setHeader('Content-Type', answer.contentType).send(answer.body);
  };
}

async function toTelephonyRequest({ req, ctx }: ApiRequestContext, matched: MatchedRoute): Promise<TelephonyHttpRequest> {
  const isProvider = matched.route.caller === 'provider';
  const body = isProvider ? await readProviderBody(req, matched.route.maxBodyBytes) : { rawBody: Buffer.alloc(0), isBodyTooLarge: false };
  return {
    params: matched.params,
    headers: req.headers,
    // Providers sign the URL they were configured with (APP_URL), never the internal host.
    publicUrl: `${ctx.config.appUrl}${req.url ?? ''}`,
    ...body,
    body: isProvider ? undefined : req.body,
    agent: async () => {
      const tabId = windowIdOf(req);
      const agent = await requireAgent(req, ctx);
      return { companyId: agent.companyId, userId: agent.userId, name: agent.identity.account.name, tabId };
    },
  };
}

async function readProviderBody(req: NextApiRequest, maxBytes: number): Promise<{ rawBody: Buffer; isBodyTooLarge: boolean }> {
  try {
    return { rawBody: await readRawBody(req, maxBytes), isBodyTooLarge: false };
  } catch (error) {
    if (error instanceof HttpError && error.status === 413) return { rawBody: Buffer.alloc(0), isBodyTooLarge: true };
    throw error;
  }
}

/** A provider or sub-path no plug-in serves: the JSON error envelope, like any unknown API route. */
async function notFound(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  await readRawBody(req, 1024).catch(() => undefined);
  res.setHeader('Cache-Control', 'no-store');
  res.status(404).json({ error: errorBody('NOT_FOUND', 'There is no such telephony route.') });
}
