import type { DrizzleCompanySettings } from '@/adapters/db/company-settings-store';
import type { SipAccountStore } from '@/adapters/db/sip-account-store';
import { createMockPlugin, type MockPlugin } from '@/adapters/telephony/mock/mock-plugin';
import { TelephonyPluginRegistry } from '@/adapters/telephony/plugin-registry';
import { createSipPlugin } from '@/adapters/telephony/sip/sip-plugin';
import { createTwilioPlugin } from '@/adapters/telephony/twilio/twilio-plugin';
import { createWebhookPlugin } from '@/adapters/telephony/webhook/webhook-plugin';
import {
  applyProviderCallUpdate,
  receiveInboundCall,
  receiveReportedInboundCall,
  reportCallEvent,
  type CallDeps,
} from '@/application/calls';
import { resolveCallCompany } from '@/application/companies';
import { systemTimers, type CallHeartbeats, type CallView, type CompanyDirectory, type TelephonyProvider, type TelephonyProviders } from '@/application/ports';
import { systemClock } from '@/application/ports/system';
import type { CallEventSubscriber } from '@/application/ports/call-events.port';
import type { Logger } from '@/application/ports/logger.port';
import type { AppConfig } from '@/server/config';

export interface TelephonyWiringOptions {
  readonly config: AppConfig;
  readonly settings: DrizzleCompanySettings;
  readonly sipAccounts: SipAccountStore;
  readonly heartbeats: CallHeartbeats;
  readonly companies: CompanyDirectory;
  /** The call use cases' ports, built after the providers (they need them): read late. */
  readonly deps: () => CallDeps;
  readonly present: (view: CallView) => Promise<unknown>;
  /** The SIP routes log poor call quality here. */
  readonly logger: Logger;
  readonly callEvents: CallEventSubscriber;
}

export interface TelephonyWiring {
  readonly registry: TelephonyPluginRegistry;
  readonly mock: MockPlugin['provider'];
  /** `CallDeps.providers`: the provider each company chose. */
  readonly providers: TelephonyProviders;
  /** `CallDeps.telephony`: answer, reject and hang up go to the provider that owns the call. */
  readonly owningProvider: TelephonyProvider;
  close(): void;
}

/** Every provider plug-in, configured from the app configuration, and the two ways the use cases reach them. */
export function wireTelephony(options: TelephonyWiringOptions): TelephonyWiring {
  const { config, deps } = options;
  const resolveCompany = (hint: { to?: string | undefined; agent?: string | undefined }) => resolveCallCompany({ companies: options.companies }, hint);
  const receive = (input: Parameters<typeof receiveInboundCall>[1]) => receiveInboundCall(deps(), input);
  const mock = createMockPlugin(config.mockTelephony, systemTimers);
  const registry = new TelephonyPluginRegistry([
    mock,
    createWebhookPlugin({ secret: config.telephonyWebhookSecret }, { resolveCompany, receiveInboundCall: receive }),
    createTwilioPlugin(
      { authToken: config.twilioAuthToken, ringTimeoutSeconds: Math.round(config.ringTimeoutMs / 1000) },
      { resolveCompany, receiveInboundCall: receive, applyProviderCallUpdate: (update) => applyProviderCallUpdate(deps(), update) },
    ),
    createSipPlugin(
      { webSocketUrl: config.sip.webSocketUrl, domain: config.sip.domain },
      {
        accounts: options.sipAccounts,
        heartbeats: options.heartbeats,
        clock: systemClock,
        companyTelephony: async (companyId) => {
          const { values } = await options.settings.read(companyId);
          return { provider: values.telephonyProvider, sipWebSocketUrl: values.sipWebSocketUrl, sipDomain: values.sipDomain, companyPhoneNumber: values.companyPhoneNumber, recordCalls: values.recordCalls };
        },
        receiveReportedInboundCall: (input) => receiveReportedInboundCall(deps(), input),
        reportCallEvent: (input) => reportCallEvent(deps(), input),
        present: options.present,
        logger: options.logger,
        callEvents: options.callEvents,
      },
    ),
  ]);
  const providers: TelephonyProviders = {
    forCompany: async (companyId) => registry.providerNamed((await options.settings.read(companyId)).values.telephonyProvider),
  };
  return { registry, mock: mock.provider, providers, owningProvider: providerOwningTheCall(registry, mock.provider), close: () => mock.provider.close() };
}

/**
 * Operations on a call already going reach the provider that owns its id, whatever the company
 * chose since. Ids no provider recognises (the generic webhook's own ids) go to the mock, which
 * ignores calls it does not know, as before providers were pluggable.
 */
function providerOwningTheCall(registry: TelephonyPluginRegistry, fallback: TelephonyProvider): TelephonyProvider {
  const owner = (providerCallId: string) => registry.providerOwning(providerCallId) ?? fallback;
  return {
    name: 'by-call',
    placeCall: () => Promise.reject(new Error('new calls are placed through CallDeps.providers')),
    hangUp: (id) => owner(id).hangUp(id),
    answer: (id, agent) => owner(id).answer(id, agent),
    reject: (id) => owner(id).reject(id),
    onCallUpdate(listener) {
      const unsubscribes = registry.list().flatMap((plugin) => (plugin.provider === undefined ? [] : [plugin.provider.onCallUpdate(listener)]));
      return () => {
        for (const unsubscribe of unsubscribes) unsubscribe();
      };
    },
  };
}
