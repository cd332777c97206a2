import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '@/ui/api-client';
import type { TelephonyProvider } from '@/ui/api-types';

const RETRY_MS = [2_000, 5_000, 15_000, 30_000];

export interface TelephonyProviderState {
  /** null until the server said. */
  provider: TelephonyProvider | null;
  /** The company's country for showing numbers, from the same answer; undefined until it came. */
  defaultRegion: string | null | undefined;
  /** Asks again (after an admin saved another provider): the window follows without a reload. */
  refresh: () => void;
}

/** The company's phone provider from `GET /api/me`. */
export function useTelephonyProvider(api: ApiClient): TelephonyProviderState {
  const [provider, setProvider] = useState<TelephonyProvider | null>(null);
  const [defaultRegion, setDefaultRegion] = useState<string | null | undefined>(undefined);
  // Each refresh asks anew; the provider known so far stays until the answer comes.
  const [askCount, setAskCount] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = (attempt: number) => {
      api.me(abort.signal).then(
        (me) => {
          setProvider(me.telephony.provider);
          setDefaultRegion(me.company.defaultRegion);
        },
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
  }, [api, askCount]);
  const refresh = useCallback(() => setAskCount((count) => count + 1), []);
  return { provider, defaultRegion, refresh };
}
