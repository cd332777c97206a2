import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ApiClient } from '@/ui/api-client';
import { startSoftphone } from './start-softphone';
import type { Softphone, SoftphoneState } from './softphone-types';

const noSubscription = () => () => {};
const noState = () => null;

/** Starts this window's softphone (stopped when the window goes away) and follows its state. */
export function useSoftphone(api: ApiClient): { phone: Softphone | null; phoneState: SoftphoneState | null } {
  const [phone, setPhone] = useState<Softphone | null>(null);
  useEffect(() => {
    const started = startSoftphone(api);
    setPhone(started);
    return () => {
      started.stop();
      setPhone(null);
    };
  }, [api]);
  const phoneState = useSyncExternalStore(phone?.subscribe ?? noSubscription, phone?.getState ?? noState, noState);
  return { phone, phoneState };
}
