/**
 * Starts the softphone with its real parts (JsSIP, the browser microphone, the server routes).
 * It ships in the lazy `softphone-layer` chunk, never in the window's first load.
 */
import type { ApiClient } from '@/ui/api-client';
import { createJsSipUserAgent } from './jssip-user-agent';
import { openMicrophone } from './microphone';
import { createSoftphone } from './softphone';
import { createSoftphoneServer } from './softphone-server';
import type { Softphone } from './softphone-types';

export function startSoftphone(api: ApiClient): Softphone {
  const phone = createSoftphone({ server: createSoftphoneServer(api), createUserAgent: createJsSipUserAgent, openMicrophone });
  phone.register();
  return phone;
}
