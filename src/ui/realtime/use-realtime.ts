import { useEffect, useState } from 'react';
import { connectRealtime, type RealtimeStatus, type SocketTransports, type WindowSocket } from './realtime-connection';

/** Connects once per window; the Dialer subscribes to call events on the returned socket. */
export function useRealtime(getToken: () => Promise<string>, transports?: SocketTransports): { status: RealtimeStatus; socket: WindowSocket | null } {
  const [status, setStatus] = useState<RealtimeStatus>('connecting');
  const [socket, setSocket] = useState<WindowSocket | null>(null);

  useEffect(() => {
    let isCancelled = false;
    let close: (() => void) | null = null;
    connectRealtime({ getToken, transports, onStatus: (next) => !isCancelled && setStatus(next) }).then(
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

  return { status, socket };
}
