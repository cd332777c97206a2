import { connect, type Socket } from 'node:net';
import { encodeNetstring, NetstringReader } from './netstring';

/** An event as ctrl_tcp sends it, e.g. { type: "CALL_ESTABLISHED", id, peeruri, param }. */
export interface BaresipEvent {
  type: string;
  class?: string;
  accountaor?: string;
  direction?: 'incoming' | 'outgoing';
  peeruri?: string;
  id?: string;
  param?: string;
}

interface BaresipResponse {
  response: true;
  ok: boolean;
  data: string;
  token?: string;
}

/**
 * JSON commands over ctrl_tcp: {"command":"dial","params":"sip:…","token":"7"} answered by
 * {"response":true,"ok":…,"token":"7"}; events arrive on the same connection at any time.
 */
export class BaresipControlConnection {
  private readonly pending = new Map<string, { resolve: (data: string) => void; reject: (error: Error) => void }>();
  private nextToken = 1;
  private closed = false;

  private constructor(
    private readonly socket: Socket,
    private readonly onEvent: (event: BaresipEvent) => void,
  ) {
    const reader = new NetstringReader();
    socket.on('data', (chunk) => {
      for (const payload of reader.push(chunk)) this.dispatch(payload);
    });
    socket.on('close', () => {
      this.closed = true;
      for (const { reject } of this.pending.values()) reject(new Error('baresip control connection closed'));
      this.pending.clear();
    });
    socket.on('error', () => {
      // 'close' follows and rejects what is pending
    });
  }

  static open(port: number, onEvent: (event: BaresipEvent) => void): Promise<BaresipControlConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.removeListener('error', reject);
        resolve(new BaresipControlConnection(socket, onEvent));
      });
      socket.once('error', reject);
    });
  }

  /** Sends a command; resolves with its text output, rejects when baresip says it failed. */
  command(command: string, params = ''): Promise<string> {
    if (this.closed) return Promise.reject(new Error(`baresip control connection closed (command ${command})`));
    const token = String(this.nextToken++);
    return new Promise((resolve, reject) => {
      this.pending.set(token, { resolve, reject });
      this.socket.write(encodeNetstring(JSON.stringify({ command, params, token })));
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private dispatch(payload: string): void {
    let message: unknown;
    try {
      message = JSON.parse(payload);
    } catch {
      return; // baresip only sends JSON here; ignore anything else rather than crash a test
    }
    if (typeof message !== 'object' || message === null) return;
    if ('response' in message) {
      const response = message as BaresipResponse;
      const waiter = response.token ? this.pending.get(response.token) : undefined;
      if (!waiter || !response.token) return;
      this.pending.delete(response.token);
      if (response.ok) waiter.resolve(response.data ?? '');
      else waiter.reject(new Error(`baresip refused the command: ${response.data}`));
      return;
    }
    if ('event' in message && 'type' in message && typeof message.type === 'string') this.onEvent(message as BaresipEvent);
  }
}
