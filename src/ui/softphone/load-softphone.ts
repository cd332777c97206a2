import type { ApiClient } from '@/ui/api-client';
import type { Softphone } from './softphone-types';

/** Downloads the softphone (JsSIP included) and starts it; only windows on the `sip` provider call this. */
export async function loadSoftphone(api: ApiClient): Promise<Softphone> {
  const { startSoftphone } = await import('./start-softphone');
  return startSoftphone(api);
}
