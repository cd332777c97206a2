/**
 * The softphone's lazy chunk: everything that pulls in JsSIP. Only `load-softphone.ts` imports
 * it, with a dynamic `import()`, so windows of companies on other providers never download it.
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
