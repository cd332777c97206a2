/**
 * The window's Socket.IO connection. The window stays open for hours, far longer than a session or
 * a signed token lives, so the handshake `auth` is a callback: every (re)connection asks for a
 * fresh signed token. socket.io-client is loaded lazily, outside the first screen's bundle.
 */
import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from '@/contract/socket-events';
import { currentWindowId } from '@/ui/window-id';

/**
 * The window's socket, typed by the contract (src/contract/socket-events.ts): an event the server
 * does not send, or a payload of another shape, does not compile. Types are not validation: the
 * listeners still read what arrives with their guards (`call-parse.ts`).
 */
export type WindowSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type SocketTransports = 'websocket' | 'polling,websocket';

type Connect = (options: Partial<ManagerOptions & SocketOptions>) => WindowSocket;

export type RealtimeStatus = 'connecting' | 'online' | 'offline';

export interface RealtimeOptions {
  getToken: () => Promise<string>;
  onStatus: (status: RealtimeStatus) => void;
  /** The agent's stored availability: on every (re)connection (`ready`) and when any tab changes it. */
  onAvailability?: (available: boolean) => void;
  /** Delay before retrying after the server refused the handshake (it does not retry by itself). */
  retryDelayMs?: (attempt: number) => number;
  /**
   * `websocket`: never long-poll (several app instances without sticky sessions, SOCKET_TRANSPORTS).
   * Default: long-polling first, upgraded to WebSocket.
   */
  transports?: SocketTransports;
  /** socket.io-client's `io`, injected by tests. */
  io?: Connect;
}

export interface RealtimeConnection {
  socket: WindowSocket;
  close(): void;
}

const defaultRetryDelay = (attempt: number) => Math.min(60_000, 2_000 * 2 ** Math.min(attempt, 5));

export async function connectRealtime(options: RealtimeOptions): Promise<RealtimeConnection> {
  const io: Connect = options.io ?? (await import('socket.io-client')).io;
  const retryDelay = options.retryDelayMs ?? defaultRetryDelay;
  let refusals = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  options.onStatus('connecting');
  const socket = io({
    path: SOCKET_PATH,
    withCredentials: true,
    transports: options.transports === 'websocket' ? ['websocket'] : ['polling', 'websocket'],
    auth: (send) => {
      options.getToken().then(
        (token) => send({ token, windowId: currentWindowId() }),
        // Without a token the server may still accept the session cookie.
        () => send({ windowId: currentWindowId() }),
      );
    },
  });

  // Listened to before the first connection, so the `ready` of any connection cannot be missed.
  const readAvailability = (payload: unknown) => {
    const available = (payload as { available?: unknown } | null)?.available;
    if (typeof available === 'boolean') options.onAvailability?.(available);
  };
  socket.on('ready', readAvailability);
  socket.on('agent:availability', readAvailability);
  socket.on('connect', () => {
    refusals = 0;
    options.onStatus('online');
  });
  // Socket.IO gives up when the server refused the handshake (e.g. an expired token) or closed the
  // socket itself (`socket.active` is false then): retry after a pause, with a fresh token.
  function retryIfAbandoned(): void {
    if (socket.active) return;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => socket.connect(), retryDelay(refusals++));
  }

  socket.on('disconnect', () => {
    options.onStatus(socket.active ? 'connecting' : 'offline');
    retryIfAbandoned();
  });
  socket.on('connect_error', () => {
    options.onStatus('offline');
    retryIfAbandoned();
  });

  return {
    socket,
    close() {
      clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
