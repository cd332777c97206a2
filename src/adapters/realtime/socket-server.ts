import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server, type Socket } from 'socket.io';
import type { AccountRepository } from '@/adapters/db/account-repository';
import { setAgentAvailability } from '@/application/agents';
import type { AgentAvailability } from '@/application/ports/agent-availability.port';
import type { IframeTokenResult } from '@/adapters/session/iframe-token';
import type { SessionSealer } from '@/adapters/session/session-sealer';
import type { Logger } from 'pino';
import { errorBody } from '@/contract/error-catalogue';
import {
  agentAvailabilityPayloadSchema,
  companyRoom,
  handshakeAuthSchema,
  payloadAndAck,
  windowRoom,
  SOCKET_PATH,
  userRoom,
  type AckResult,
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketAuthError,
  type SocketData,
} from './socket-events';

export type AppSocketServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export type { OnlineAgent } from '@/contract/control-center';
import type { OnlineAgent } from '@/contract/control-center';

export interface RealtimeOptions {
  httpServer: HttpServer;
  appOrigin: string;
  sessions: SessionSealer;
  verifyIframeToken: (token: string) => Promise<IframeTokenResult>;
  accounts: AccountRepository;
  /** Each agent's "Available" / "Do not disturb", shared by every instance (the database). */
  availability: AgentAvailability;
  logger: Logger;
  redisUrl: string | null;
  /** Prefix of the adapter's Redis channels (REDIS_PREFIX): stacks sharing one Redis stay apart. */
  redisPrefix?: string;
  /** `websocket` only (no sticky sessions needed) or long-polling first (SOCKET_TRANSPORTS). */
  transports?: readonly ('polling' | 'websocket')[];
  /** How long start-up waits for Redis before failing (default 10 s). */
  redisConnectTimeoutMs?: number;
  now?: () => number;
}

export interface RealtimeServer {
  readonly io: AppSocketServer;
  /** The store behind "Do not disturb" (call routing reads it through the presence). */
  readonly availability: AgentAvailability;
  /** Agents with an open window in the company, across every app instance (Redis adapter). */
  listOnlineAgents(companyId: number): Promise<OnlineAgent[]>;
  /** Agents online in any company (Control Center), across every app instance. */
  listAllOnlineAgents(): Promise<OnlineAgent[]>;
  /** Runs for every authenticated window once it joined its rooms (e.g. to resume its call). */
  onWindowConnected(listener: (socket: AppSocket) => void): void;
  /** Resolves when Redis answers a PING (or when no Redis is configured); rejects otherwise (readiness). */
  pingRedis(): Promise<void>;
  close(): Promise<void>;
}

class SocketAuthFailure extends Error {
  readonly data: { code: SocketAuthError };
  constructor(code: SocketAuthError) {
    super(code);
    this.data = { code };
  }
}

const TOKEN_SOCKET_LIFETIME_MS = 60 * 60 * 1000;

/** At start-up: the client would otherwise retry forever, leaving an instance that never listens. */
const REDIS_CONNECT_TIMEOUT_MS = 10_000;

interface RedisConnection {
  connect(): Promise<unknown>;
  destroy(): void;
}

/** Connects every client, or gives up after `timeoutMs` with an error saying so (and stops retrying). */
async function connectWithin(clients: RedisConnection[], timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis (REDIS_URL) did not accept a connection within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    await Promise.race([Promise.all(clients.map((client) => client.connect())), timeout]);
  } catch (error) {
    for (const client of clients) client.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Largest delay setTimeout accepts; longer sessions are re-checked when it fires. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * THE socket layer. Each connection proves who it is with the session cookie or a signed iframe
 * token (`handshake.auth.token`), then joins its company room and its own user room. Nothing is
 * relayed between clients: the server decides what each room hears.
 */
export async function attachRealtime(options: RealtimeOptions): Promise<RealtimeServer> {
  const now = options.now ?? Date.now;
  const log = options.logger.child({ module: 'realtime' });
  const io: AppSocketServer = new Server(options.httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    ...(options.transports === undefined ? {} : { transports: [...options.transports] }),
    // Next's dev server handles its own upgrade requests (hot reload) on the same HTTP server.
    destroyUpgrade: false,
    // Browsers always send Origin on WebSocket and polling requests: only the window's own origin may connect.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, origin === undefined || origin === options.appOrigin);
    },
  });

  const redisClients: { quit(): Promise<unknown> }[] = [];
  let pingRedis = async (): Promise<void> => undefined;
  if (options.redisUrl) {
    // Commands queue while Redis is away (the adapter's publishes must not fail and crash the
    // process); readiness gives its PING 2 s (src/server/readiness.ts).
    const pub = createClient({ url: options.redisUrl });
    const sub = pub.duplicate();
    pub.on('error', (error) => log.error({ err: error }, 'redis publisher error'));
    sub.on('error', (error) => log.error({ err: error }, 'redis subscriber error'));
    await connectWithin([pub, sub], options.redisConnectTimeoutMs ?? REDIS_CONNECT_TIMEOUT_MS);
    io.adapter(createAdapter(pub, sub, { key: `${options.redisPrefix ?? 'caller'}:socket.io` }));
    redisClients.push(pub, sub);
    pingRedis = async () => {
      await pub.ping();
    };
  }

  io.use(async (socket, next) => {
    try {
      socket.data = await authenticate(socket);
      next();
    } catch (error) {
      if (error instanceof SocketAuthFailure) next(error);
      else {
        log.error({ err: error }, 'socket authentication failed');
        next(new Error('INTERNAL_ERROR'));
      }
    }
  });

  async function authenticate(socket: AppSocket): Promise<SocketData> {
    const auth = handshakeAuthSchema.safeParse(socket.handshake.auth ?? {});
    if (!auth.success) throw new SocketAuthFailure('HANDSHAKE_INVALID');
    let identity: { companyId: number; userId: number; expiresAt: number | null } | null = null;
    const session = await options.sessions.readSessionCookie(socket.request.headers.cookie);
    if (session.ok) identity = { ...session.session };
    const token = auth.data.token;
    if (!identity && token !== undefined && token !== '') {
      const verified = await options.verifyIframeToken(token);
      if (!verified.ok) throw new SocketAuthFailure(verified.reason === 'expired' ? 'SESSION_EXPIRED' : 'TOKEN_INVALID');
      identity = { companyId: verified.identity.companyId, userId: verified.identity.userId, expiresAt: null };
    }
    if (!identity) throw new SocketAuthFailure(!session.ok && session.reason === 'expired' ? 'SESSION_EXPIRED' : 'SESSION_REQUIRED');
    const account = await options.accounts.find(identity);
    if (!account) throw new SocketAuthFailure('ACCOUNT_NOT_INSTALLED');
    if (account.status !== 'connected') throw new SocketAuthFailure('ACCOUNT_DISCONNECTED');
    return {
      companyId: account.companyId,
      userId: account.userId,
      name: account.name,
      email: account.email,
      // A signed token proves identity only at the handshake; such a socket is re-authenticated
      // (the client reconnects with a fresh token) after a fixed time, which also re-checks the install.
      expiresAt: identity.expiresAt ?? now() + TOKEN_SOCKET_LIFETIME_MS,
      windowId: auth.data.windowId ?? socket.id,
    };
  }

  const connectionListeners: ((socket: AppSocket) => void)[] = [];

  io.on('connection', (socket) => {
    const { companyId, userId, windowId } = socket.data;
    void socket.join([companyRoom(companyId), userRoom(companyId, userId), windowRoom(companyId, userId, windowId)]);
    log.debug({ companyId, userId }, 'window connected');

    const scheduleExpiry = (): NodeJS.Timeout =>
      setTimeout(() => {
        if (socket.data.expiresAt > now()) {
          expiryTimer = scheduleExpiry();
          return;
        }
        socket.emit('session:expired', { reason: 'expired' });
        socket.disconnect(true);
      }, Math.min(MAX_TIMER_MS, Math.max(0, socket.data.expiresAt - now())));
    let expiryTimer = scheduleExpiry();
    socket.on('disconnect', () => clearTimeout(expiryTimer));

    socket.on('agent:set-availability', (...args: unknown[]) => {
      const { payload, reply } = payloadAndAck<AckResult>(args);
      const parsed = agentAvailabilityPayloadSchema.safeParse(payload);
      if (!parsed.success) {
        reply({ ok: false, error: errorBody('INVALID_PAYLOAD', 'Expected { available: boolean }.') });
        return;
      }
      setAgentAvailability(availabilityDeps, { companyId, userId }, parsed.data.available).then(
        () => reply({ ok: true }),
        (error: unknown) => {
          log.error({ err: error, companyId }, 'could not store the agent availability');
          reply({ ok: false, error: errorBody('INTERNAL_ERROR') });
        },
      );
    });

    // The stored value, not one per socket: every tab and instance of the agent agrees.
    void options.availability
      .isAvailable({ companyId, userId })
      .catch((error: unknown) => {
        log.error({ err: error, companyId }, 'could not read the agent availability');
        return true;
      })
      .then((available) => {
        if (!socket.connected) return;
        socket.emit('ready', { user: { id: userId, name: socket.data.name }, company: { id: companyId }, available });
        for (const listener of connectionListeners) listener(socket);
      });
  });

  // Rooms reach every instance through the Redis adapter; routing reads the stored value itself.
  const availabilityDeps = {
    availability: options.availability,
    clock: { now },
    announce: (agent: { companyId: number; userId: number }, available: boolean) => {
      io.to(userRoom(agent.companyId, agent.userId)).emit('agent:availability', { available });
    },
  };

  const mergeAgents = async (sockets: { data: SocketData }[]): Promise<OnlineAgent[]> => {
    const unavailable = await options.availability.listUnavailable(sockets.map(({ data }) => data.companyId));
    const away = new Set(unavailable.map((agent) => `${agent.companyId}:${agent.userId}`));
    const agents = new Map<string, OnlineAgent>();
    for (const { data } of sockets) {
      const key = `${data.companyId}:${data.userId}`;
      agents.set(key, { companyId: data.companyId, userId: data.userId, name: data.name, email: data.email, available: !away.has(key) });
    }
    return [...agents.values()];
  };

  return {
    io,
    availability: options.availability,
    async listOnlineAgents(companyId) {
      return mergeAgents(await io.in(companyRoom(companyId)).fetchSockets());
    },
    async listAllOnlineAgents() {
      return mergeAgents(await io.fetchSockets());
    },
    onWindowConnected(listener) {
      connectionListeners.push(listener);
    },
    pingRedis: () => pingRedis(),
    async close() {
      io.disconnectSockets(true);
      // io.close() would also close the shared HTTP server; the app server closes that itself.
      await new Promise<void>((resolve) => {
        io.engine.close();
        resolve();
      });
      await Promise.all(redisClients.map((client) => client.quit().catch(() => undefined)));
    },
  };
}
