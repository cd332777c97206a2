import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { errorBody } from '@/contract/error-catalogue';
import { setAppContext } from './app-context';
import { composeApp, type AppServices, type ComposeOptions } from './compose';
import type { AppConfig } from './config';
import { createLogger, wantsPrettyLogs, type Logger } from './logger';
import { applySecurityHeaders } from './http/security-headers';
import { checkReadiness } from './readiness';

export interface StartAppServerOptions {
  /** Defaults to production when NODE_ENV=production and a Next build exists, development otherwise. */
  nextMode?: 'production' | 'development';
  /** Host to bind; by default every interface, IPv6 and IPv4 (so `localhost` works whichever it resolves to). */
  host?: string;
  logger?: Logger;
  pipedriveAdapter?: ComposeOptions['pipedriveAdapter'];
}

export interface AppServer {
  /** Where the server listens, e.g. `http://127.0.0.1:3000` (the public APP_URL may differ). */
  url: string;
  port: number;
  context: AppServices;
  close(): Promise<void>;
}

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function hasNextBuild(root = PROJECT_ROOT): boolean {
  return existsSync(join(root, '.next', 'BUILD_ID'));
}

/**
 * Starts the app: Next (pages), Socket.IO and the health probes on one HTTP server. The services
 * are stored on globalThis for pages and API routes, so one process hosts one app server.
 */
export async function startAppServer(config: AppConfig, options: StartAppServerOptions = {}): Promise<AppServer> {
  const logger = options.logger ?? createLogger({ level: config.logLevel, pretty: wantsPrettyLogs(config, process.stdout.isTTY === true) });
  const mode = options.nextMode ?? (config.isProduction && hasNextBuild() ? 'production' : 'development');
  if (config.isProduction && mode === 'development') logger.warn('no Next build found (.next/BUILD_ID): serving in development mode; run `npx next build`');

  const httpServer = createServer();
  const services = await composeApp({ config, logger, httpServer, pipedriveAdapter: options.pipedriveAdapter });
  setAppContext(services);

  const nextApp = next({ dev: mode === 'development', dir: PROJECT_ROOT, httpServer, customServer: true, quiet: config.nodeEnv === 'test' });
  try {
    await nextApp.prepare();
  } catch (error) {
    await services.close();
    setAppContext(undefined);
    throw error;
  }
  const handle = nextApp.getRequestHandler();
  const log = logger.child({ module: 'http' });
  const security = { development: mode === 'development', sandboxOrigin: config.sandboxMode ? new URL(config.pipedriveOAuthUrl).origin : null };
  let closing: Promise<void> | undefined;

  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    // Engine.IO answers its own path; everything else goes to the probes or Next.
    if (req.url?.startsWith('/socket.io/')) return;
    applySecurityHeaders(req, res, security);
    const path = (req.url ?? '/').split('?')[0];
    // The path only: the window's query string carries Pipedrive's signed token. Credential headers are redacted.
    log.trace({ req: { method: req.method, path, headers: req.headers } }, 'request received');
    if (path === '/api/health') return sendJson(res, 200, { status: 'ok' });
    if (path === '/api/ready') {
      void checkReadiness({ database: services.database, realtime: services.realtime, isClosing: () => closing !== undefined }).then((failure) => {
        if (failure === null) return sendJson(res, 200, { status: 'ready' });
        if (failure.code !== 'SHUTTING_DOWN') log.error({ err: failure.cause, code: failure.code }, 'readiness check failed');
        sendJson(res, 503, { error: { code: failure.code, message: failure.message } });
      });
      return;
    }
    handle(req, res).catch((error: unknown) => {
      log.error({ err: error, path }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: errorBody('INTERNAL_ERROR') });
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  logger.info({ url, appUrl: config.appUrl, mode, sandboxMode: config.sandboxMode, database: services.database.dialect }, 'caller app listening');

  return {
    url,
    port,
    context: services,
    close() {
      closing ??= (async () => {
        // Order matters: sockets keep the HTTP server open, in-flight requests still need the database.
        // Readiness answers 503 from here on; calls.stop() delivers the wrap-ups due now (with a deadline).
        const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await services.calls.stop();
        await services.realtime.close();
        httpServer.closeIdleConnections();
        const forceAfter = setTimeout(() => httpServer.closeAllConnections(), 5_000);
        await closed;
        clearTimeout(forceAfter);
        await services.database.close();
        await nextApp.close().catch(() => undefined);
        setAppContext(undefined);
      })();
      return closing;
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}
