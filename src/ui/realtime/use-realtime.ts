import { useEffect, useState } from 'react';
import { connectRealtime, type RealtimeStatus, type SocketTransports, type WindowSocket } from './realtime-connection';

export interface RealtimeState {
  status: RealtimeStatus;
  socket: WindowSocket | null;
  /** The agent's stored availability (false: "Do not disturb"); null until the server said. */
  available: boolean | null;
}

/** Connects once per window; the Dialer subscribes to call events on the returned socket. */
export function useRealtime(getToken: () => Promise<string>, transports?: SocketTransports): RealtimeState {
  const [status, setStatus] = useState<RealtimeStatus>('connecting');
  const [available, setAvailable] = useState<boolean | null>(null);
  const [socket, setSocket] = useState<WindowSocket | null>(null);

  useEffect(() => {
    let isCancelled = false;
    let close: (() => void) | null = null;
    connectRealtime({ getToken, transports, onStatus: (next) => !isCancelled && setStatus(next), onAvailability: (next) => !isCancelled && setAvailable(next) }).then(
      (connection) => {
        if (isCancelled) return connection.close();
        close = connection.close;
        setSocket(connection.socket);
      },
      () => !isCancelled && setStatus('offline'),
    );
    return () => {
      isCancelled = true;
      close?.();
      setSocket(null);
    };
  }, [getToken, transports]);

  return { status, socket, available };
}
