import { useEffect, useState } from 'react';

/**
 * The server's clock as this browser estimates it (its own plus `offsetMs`, measured on the last
 * resume), ticking every second while `isRunning` (the Dialer's timer); frozen otherwise. Counting
 * from the server's `answeredAt` with the browser's own clock would be off by their difference.
 */
export function useNow(isRunning: boolean, offsetMs = 0): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    if (!isRunning) return;
    setNow(Date.now() + offsetMs);
    const timer = setInterval(() => setNow(Date.now() + offsetMs), 1000);
    return () => clearInterval(timer);
  }, [isRunning, offsetMs]);
  return now;
}
