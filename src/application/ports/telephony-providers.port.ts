import type { TelephonyProvider } from './telephony-provider.port';

/**
 * Which provider serves a company: its choice in Settings (`telephonyProvider`), else the
 * configured default. Calls already going stay with the provider that owns their provider id
 * (`CallDeps.telephony` routes those), so changing the setting never strands a live call.
 */
export interface TelephonyProviders {
  forCompany(companyId: number): Promise<TelephonyProvider>;
}
