import { z } from 'zod';
import type { CallHeartbeats } from '@/application/ports/call-heartbeats.port';
import type { Clock } from '@/application/ports/clock.port';
import type { TelephonyPlugin } from '../plugin';
import { sipDomainSchema, sipWebSocketUrlSchema } from './sip-server.schema';
import { createSipRoutes, type SipRouteDeps } from './sip-routes';
import { sipFinalResponseStatus } from './sip-status';
import { SipTelephonyProvider } from './sip-telephony-provider';

/** Defaults of the companies' SIP settings (SIP_WEBSOCKET_URL, SIP_DOMAIN). */
export const sipConfigSchema = z.object({
  webSocketUrl: sipWebSocketUrlSchema.nullable(),
  domain: sipDomainSchema.nullable(),
});

export type SipConfig = z.infer<typeof sipConfigSchema>;

export interface SipPluginDeps extends Omit<SipRouteDeps, 'now'> {
  readonly heartbeats: CallHeartbeats;
  readonly clock: Clock;
}

/**
 * SIP through the browser: the window's JsSIP user agent talks to the company's SIP server and
 * reports to these routes; the server keeps the call record, the state machine and the log.
 */
export function createSipPlugin(config: SipConfig, deps: SipPluginDeps): TelephonyPlugin<SipConfig> {
  return {
    name: 'sip',
    configSchema: sipConfigSchema,
    config: sipConfigSchema.parse(config),
    provider: new SipTelephonyProvider({
      accounts: deps.accounts,
      heartbeats: deps.heartbeats,
      clock: deps.clock,
      isServerConfigured: async (companyId) => {
        const telephony = await deps.companyTelephony(companyId);
        return telephony.sipWebSocketUrl !== null && telephony.sipDomain !== null;
      },
    }),
    ownsProviderCallId: (id) => id.startsWith('sip:') || id.startsWith('sip-pending:'),
    toProviderCallStatus: (status) => (typeof status === 'number' ? sipFinalResponseStatus(status) : undefined),
    routes: createSipRoutes({ ...deps, now: () => deps.clock.now() }),
  };
}
