import { useEffect, type RefObject } from 'react';
import type { Socket } from 'socket.io-client';
import type { ControlCenterClientToServerEvents, ControlCenterServerToClientEvents } from '@/contract/control-center';
import { describeCallProgress, type ControlCenterStatus } from './inbound-call-status';

/** The page's socket on `/control-center`, typed by the contract. */
export type ControlCenterSocket = Socket<ControlCenterServerToClientEvents, ControlCenterClientToServerEvents>;

/** A simulated call that rang, followed until it is answered or over. */
export interface TrackedCall {
  callId: string;
  companyId: number;
  /** Who rang, by user id (from the INBOUND_CALL answer), to name who answered. */
  names: ReadonlyMap<number, string>;
}

const POLL_EVERY_MS = 1_000;

/**
 * Asks the server how the tracked call is doing every second and updates the status line when it
 * moves on. Polled rather than pushed: any app instance can answer from the shared call store,
 * whichever instance the call rang on. Stops once the call ended, or when another call is tracked.
 */
export function useCallProgress(socketRef: RefObject<ControlCenterSocket | null>, tracked: TrackedCall | null, onStatus: (status: ControlCenterStatus) => void): void {
  useEffect(() => {
    if (tracked === null) return;
    let stopped = false;
    const poll = (): void => {
      socketRef.current?.timeout(5_000).emit('CALL_STATUS', { callId: tracked.callId, companyId: tracked.companyId }, (error, ack) => {
        if (stopped || error || !ack.ok) return;
        const status = describeCallProgress(ack.call, tracked.names);
        if (status !== null) onStatus(status);
        if (ack.call.state === 'ended' || ack.call.state === 'wrapped_up') stop();
      });
    };
    const timer = setInterval(poll, POLL_EVERY_MS);
    const stop = (): void => {
      stopped = true;
      clearInterval(timer);
    };
    return stop;
  }, [socketRef, tracked, onStatus]);
}
