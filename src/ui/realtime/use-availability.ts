import { useCallback, useState } from 'react';
import type { RealtimeState } from './use-realtime';

export interface Availability {
  /** What the header shows: the agent's choice while it is being saved, the stored value otherwise; null until known. */
  available: boolean | null;
  /** A change is on its way to the server. */
  pending: boolean;
  /** The last change failed (the stored value stays). */
  failed: boolean;
  choose(available: boolean): void;
}

const ACK_TIMEOUT_MS = 10_000;

/**
 * "Available" / "Do not disturb" for the agent. The server stores it and tells every tab
 * (`agent:availability`), so this tab's `realtime.available` follows; until then the choice shows.
 */
export function useAvailability(realtime: RealtimeState): Availability {
  const [choice, setChoice] = useState<boolean | null>(null);
  const [failed, setFailed] = useState(false);
  const { socket } = realtime;

  const choose = useCallback(
    (available: boolean) => {
      if (!socket) return;
      setChoice(available);
      setFailed(false);
      socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('agent:set-availability', { available })
        .then(
          (result) => setFailed(!result.ok),
          () => setFailed(true),
        )
        .finally(() => setChoice(null));
    },
    [socket],
  );

  return { available: choice ?? realtime.available, pending: choice !== null, failed, choose };
}
