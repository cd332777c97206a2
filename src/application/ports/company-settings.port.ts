import type { RegionCode } from '@/domain/phone';

export interface CallSettings {
  /** Region numbers without a country code are read in ("020 7946 0958" with GB). */
  readonly defaultRegion?: RegionCode;
  /** Add a "Call back" activity to Pipedrive for every missed call. */
  readonly createCallbackForMissedCalls: boolean;
  /** The company's main line (E.164): caller id for outbound calls, our side of inbound logs. */
  readonly companyPhoneNumber?: string;
  /** How long an inbound call rings before it becomes a missed call. */
  readonly ringTimeoutMs: number;
  /** How long an ended call waits for the agent's wrap-up before the server logs it alone. */
  readonly wrapUpGracePeriodMs: number;
  /** Windows record their SIP calls and the recordings are attached to the call logs. */
  readonly recordCalls: boolean;
}

export const DEFAULT_CALL_SETTINGS: CallSettings = {
  createCallbackForMissedCalls: false,
  ringTimeoutMs: 30_000,
  wrapUpGracePeriodMs: 5 * 60_000,
  recordCalls: false,
};

/** Per-company call settings (admin page); companies that never saved any get the defaults. */
export interface CompanySettings {
  get(companyId: number): Promise<CallSettings>;
}
