import { useEffect, useState } from 'react';
import type { ApiClient } from '@/ui/api-client';
import type { TelephonyProvider } from '@/ui/api-types';

const RETRY_MS = [2_000, 5_000, 15_000, 30_000];

/** The company's phone provider from `GET /api/me`; null until the server said. */
export function useTelephonyProvider(api: ApiClient): TelephonyProvider | null {
  const [provider, setProvider] = useState<TelephonyProvider | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = (attempt: number) => {
      api.me(abort.signal).then(
        (me) => setProvider(me.telephony.provider),
        () => {
          // Without an answer the window still works with the provider's own phones; keep asking.
          if (abort.signal.aborted) return;
          timer = setTimeout(() => ask(attempt + 1), RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
        },
      );
    };
    ask(0);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [api]);
  return provider;
}
