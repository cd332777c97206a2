import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from './clock';
import type { ResolvedSandboxOptions, SandboxContext } from './context';
import { FaultInjector } from './faults/fault-injector';
import { GrantStore } from './oauth/grant-store';
import { uninstallApp } from './oauth/uninstall-notice';
import { persistSandboxState } from './persistence/sandbox-state';
import { RateLimiter } from './rate-limit/rate-limiter';
import type { SandboxRuntime } from './runtime';
import { createRequestListener } from './server';
import { DEFAULT_RATE_LIMITS, DEFAULT_SCOPES, type RuntimeSettings } from './settings';
import { InMemoryStore } from './store/in-memory-store';

export type { SandboxContext, ResolvedSandboxOptions } from './context';
export type { FaultKind, FaultRule } from './faults/fault-injector';
export type { Clock } from './clock';

export interface SandboxAppRegistration {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  floatingWindowUrl: string;
  /** Secret of the floating window's JWT; defaults to clientSecret (as in Pipedrive). */
  jwtSecret?: string;
  name?: string;
  /** Scopes set on the app; defaults to base, deals:full, activities:full, contacts:full, search:read, phone-integration. */
  scopes?: string[];
}

export interface SandboxOptions {
  /** Default 3100; 0 = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  app: SandboxAppRegistration;
  /** Default 3600. */
  accessTokenTtlSeconds?: number;
  /** Default false (Pipedrive documents no rotation). */
  rotateRefreshTokens?: boolean;
  /** Default false: enables /__sandbox/* control routes. */
  testControls?: boolean;
  /** Default 300 (benchmarks use 10 000). */
  personCount?: number;
  /** Default 0: added to every API response. */
  latencyMs?: number;
  /** Access-log sink; default silent. */
  logger?: (line: string) => void;
  /** Time source for token expiry, code expiry and rate windows; tests pass a fake one. */
  clock?: Clock;
  /**
   * JSON file that keeps data and installs across restarts: loaded at start (seeded only when it
   * does not exist), saved shortly after every change and on close. Default none: in memory, as
   * tests want (the CLI, and so `npm start`, defaults to ./data/sandbox-state.json).
   */
  stateFile?: string;
  /** Problems the user must hear about (an unusable state file, a failed save); default console.warn. */
  warn?: (message: string) => void;
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:3100 */
  url: string;
  close(): Promise<void>;
  /**
   * Reseeds data (identically), restores start settings, clears faults and rate counters. OAuth
   * grants survive. With a state file, the file is rewritten with the reseeded data right away.
   */
  reset(): Promise<void>;
  context: SandboxContext;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function initialSettings(opts: SandboxOptions): RuntimeSettings {
  return {
    accessTokenTtlSeconds: opts.accessTokenTtlSeconds ?? 3600,
    rotateRefreshTokens: opts.rotateRefreshTokens ?? false,
    latencyMs: opts.latencyMs ?? 0,
    rateLimits: { ...DEFAULT_RATE_LIMITS },
  };
}

/** Starts the Pipedrive sandbox (OAuth server + REST API + UI host) on one port. */
export async function startSandbox(opts: SandboxOptions): Promise<RunningSandbox> {
  const baseClock = opts.clock ?? systemClock;
  let clockOffsetMs = 0;
  const clock: Clock = { now: () => baseClock.now() + clockOffsetMs, sleep: (ms) => baseClock.sleep(ms) };
  const host = opts.host ?? '127.0.0.1';
  const settings = initialSettings(opts);
  const options: ResolvedSandboxOptions = {
    host,
    port: opts.port ?? 3100,
    baseUrl: '',
    app: {
      clientId: opts.app.clientId,
      clientSecret: opts.app.clientSecret,
      redirectUri: opts.app.redirectUri,
      floatingWindowUrl: opts.app.floatingWindowUrl,
      jwtSecret: opts.app.jwtSecret ?? opts.app.clientSecret,
      name: opts.app.name ?? 'Caller',
    },
    accessTokenTtlSeconds: settings.accessTokenTtlSeconds,
    rotateRefreshTokens: settings.rotateRefreshTokens,
    testControls: opts.testControls ?? false,
    personCount: opts.personCount ?? 300,
    latencyMs: settings.latencyMs,
    scope: (opts.app.scopes ?? [...DEFAULT_SCOPES]).join(','),
  };
  const store = new InMemoryStore(options.personCount, clock, () => options.baseUrl);
  const log = opts.logger ?? (() => {});
  let markGrantsChanged = (): void => {};
  const grants = new GrantStore(clock, () => markGrantsChanged());
  const persisted = opts.stateFile === undefined
    ? undefined
    : persistSandboxState({ path: opts.stateFile, store, grants, warn: opts.warn ?? ((message) => console.warn(message)) });
  if (persisted) markGrantsChanged = persisted.markChanged;

  const runtime: SandboxRuntime = {
    options, settings, store, clock, log, grants,
    rateLimiter: new RateLimiter(() => settings.rateLimits, () => store.listUsers().length),
    faults: new FaultInjector(),
    uninstallApp: ({ userId }) => uninstallApp(runtime, userId),
    reset: () => {
      store.reseed();
      Object.assign(settings, initialSettings(opts));
      options.accessTokenTtlSeconds = settings.accessTokenTtlSeconds;
      options.rotateRefreshTokens = settings.rotateRefreshTokens;
      options.latencyMs = settings.latencyMs;
      runtime.faults.clear();
      runtime.rateLimiter.clear();
    },
    saveState: async () => {
      await persisted?.flush();
    },
    advanceClock: (ms) => {
      clockOffsetMs += ms;
    },
  };

  const context: SandboxContext = {
    options,
    store,
    isAppInstalled: (userId) => runtime.grants.hasLiveGrant(userId),
    uninstallApp: (input) => runtime.uninstallApp(input),
    authorizeUrl: (input = {}) => {
      const url = new URL('/oauth/authorize', options.baseUrl);
      url.searchParams.set('client_id', options.app.clientId);
      url.searchParams.set('redirect_uri', options.app.redirectUri);
      if (input.state !== undefined) url.searchParams.set('state', input.state);
      return url.toString();
    },
  };

  const server = createServer(createRequestListener(runtime, context));
  const address = await listen(server, options.port, host);
  options.port = address.port;
  options.baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;

  return {
    url: options.baseUrl,
    context,
    reset: async () => {
      runtime.reset();
      await runtime.saveState();
    },
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      // After the server stopped: no request can change the state behind the last write.
      await runtime.saveState();
    },
  };
}
