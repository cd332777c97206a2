import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ApiClient } from '@/ui/api-client';
import { startSoftphone } from './start-softphone';
import type { CallRecording } from './call-recording';
import type { Softphone, SoftphoneState } from './softphone-types';

const noSubscription = () => () => {};
const noState = () => null;

/** Starts this window's softphone (stopped when the window goes away) and follows its state. */
export function useSoftphone(api: ApiClient): { phone: Softphone | null; phoneState: SoftphoneState | null; recording: CallRecording | null } {
  const [started, setStarted] = useState<ReturnType<typeof startSoftphone> | null>(null);
  const phone = started?.phone ?? null;
  useEffect(() => {
    const running = startSoftphone(api);
    setStarted(running);
    return () => {
      running.phone.stop();
      setStarted(null);
    };
  }, [api]);
  const phoneState = useSyncExternalStore(phone?.subscribe ?? noSubscription, phone?.getState ?? noState, noState);
  return { phone, phoneState, recording: started?.recording ?? null };
}
