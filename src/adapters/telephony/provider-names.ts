import { z } from 'zod';

/** The providers a company can choose (company setting, default `TELEPHONY_PROVIDER`). */
export const TELEPHONY_PROVIDER_NAMES = ['mock', 'sip', 'twilio'] as const;

export type TelephonyProviderName = (typeof TELEPHONY_PROVIDER_NAMES)[number];

export const telephonyProviderNameSchema = z.enum(TELEPHONY_PROVIDER_NAMES);
