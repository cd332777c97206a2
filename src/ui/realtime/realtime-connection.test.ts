import { currentWindowId } from '@/ui/window-id';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectRealtime, type RealtimeStatus, type WindowSocket } from './realtime-connection';

type AuthCallback = (send: (data: object) => void) => void;

/** Plays the Socket.IO client: records handlers, lets the test emit events and the handshake. */
function fakeIo() {
  const handlers = new Map<string, (() => void)[]>();
  const socket = {
    active: true,
    connect: vi.fn(),
    disconnect: vi.fn(),
    removeAllListeners: vi.fn(() => handlers.clear()),
    on(event: string, handler: () => void) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      return socket;
    },
  };
  let options: { auth?: unknown; withCredentials?: boolean; path?: string; transports?: unknown } = {};
  const io = vi.fn((opts: typeof options) => {
    options = opts;
    return socket as unknown as WindowSocket;
  });
  return {
    io,
    socket,
    options: () => options,
    emit: (event: string, payload?: unknown) => handlers.get(event)?.forEach((handler) => (handler as (payload?: unknown) => void)(payload)),
    handshake: () =>
      new Promise<object>((resolve) => {
        (options.auth as AuthCallback)(resolve);
      }),
  };
}

describe('connectRealtime', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('authenticates every handshake with a fresh token, with credentials, on /socket.io', async () => {
    const fake = fakeIo();
    let issued = 0;
    await connectRealtime({ getToken: async () => `jwt-${++issued}`, onStatus: () => {}, io: fake.io });
    expect(fake.options()).toMatchObject({ path: '/socket.io', withCredentials: true });
    await expect(fake.handshake()).resolves.toEqual({ token: 'jwt-1', windowId: currentWindowId() });
    await expect(fake.handshake()).resolves.toEqual({ token: 'jwt-2', windowId: currentWindowId() });
  });

  it('connects over WebSocket only when the server says so (several instances without sticky sessions)', async () => {
    const websocketOnly = fakeIo();
    await connectRealtime({ getToken: async () => 'jwt', onStatus: () => {}, io: websocketOnly.io, transports: 'websocket' });
    expect(websocketOnly.options()).toMatchObject({ transports: ['websocket'] });
    const byDefault = fakeIo();
    await connectRealtime({ getToken: async () => 'jwt', onStatus: () => {}, io: byDefault.io });
    expect(byDefault.options()).toMatchObject({ transports: ['polling', 'websocket'] });
  });

  it('reports the agent availability from every ready and every change, ignoring malformed payloads', async () => {
    const fake = fakeIo();
    const seen: boolean[] = [];
    await connectRealtime({ getToken: async () => 'jwt', onStatus: () => {}, onAvailability: (available) => seen.push(available), io: fake.io });
    fake.emit('ready', { user: { id: 1, name: 'A' }, company: { id: 2 }, available: false });
    fake.emit('agent:availability', { available: true });
    fake.emit('agent:availability', { available: 'no' });
    fake.emit('agent:availability', null);
    fake.emit('ready', { user: { id: 1, name: 'A' }, company: { id: 2 } });
    expect(seen).toEqual([false, true]);
  });

  it('still attempts the handshake (cookie only) when no token can be had', async () => {
    const fake = fakeIo();
    await connectRealtime({ getToken: () => Promise.reject(new Error('outside')), onStatus: () => {}, io: fake.io });
    await expect(fake.handshake()).resolves.toEqual({ windowId: currentWindowId() });
  });

  it('reports status and reconnects after the server refused the handshake', async () => {
    const fake = fakeIo();
    const statuses: RealtimeStatus[] = [];
    await connectRealtime({ getToken: async () => 'jwt', onStatus: (s) => statuses.push(s), io: fake.io, retryDelayMs: () => 5000 });
    fake.emit('connect');
    fake.socket.active = false;
    fake.emit('connect_error');
    expect(statuses).toEqual(['connecting', 'online', 'offline']);

    await vi.advanceTimersByTimeAsync(4999);
    expect(fake.socket.connect).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.socket.connect).toHaveBeenCalledTimes(1);
  });

  it('leaves reconnection to Socket.IO while the socket is still active, and stops on close', async () => {
    const fake = fakeIo();
    const connection = await connectRealtime({ getToken: async () => 'jwt', onStatus: () => {}, io: fake.io, retryDelayMs: () => 10 });
    fake.emit('connect_error');
    await vi.advanceTimersByTimeAsync(100);
    expect(fake.socket.connect).not.toHaveBeenCalled();

    fake.socket.active = false;
    fake.emit('disconnect');
    connection.close();
    await vi.advanceTimersByTimeAsync(100);
    expect(fake.socket.connect).not.toHaveBeenCalled();
    expect(fake.socket.disconnect).toHaveBeenCalled();
  });
});

describe('WindowSocket', () => {
  it('is typed by the contract: a wrong event name or payload does not compile (checked by tsc)', () => {
    const misuse = (socket: WindowSocket) => {
      // @ts-expect-error not an event the server sends
      socket.on('call:ring', () => {});
      // @ts-expect-error `missed:count` carries { unseenCount }
      socket.on('missed:count', (payload: { count: number }) => payload);
      // @ts-expect-error `agent:set-availability` takes { available: boolean }
      socket.emit('agent:set-availability', { available: 'yes' });
    };
    expect(misuse).toBeTypeOf('function');
  });
});
