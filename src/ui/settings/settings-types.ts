/** `GET/PUT /api/settings` as the window sees it (hand-written guard, like api-types.ts). */
import { ResponseShapeError } from '@/ui/api-types';

export interface CallSettingsValues {
  /** ISO 3166 alpha-2, or null: numbers without a country code are not read in any country. */
  defaultRegion: string | null;
  createCallbackForMissedCalls: boolean;
  /** E.164, or null. */
  companyPhoneNumber: string | null;
  ringTimeoutSeconds: number;
}

/**
 * The company's phone provider and its SIP server, as in effect (the stored choice, else the
 * server's environment defaults). The provider stays a string: a provider this window does not
 * know yet still shows, by its name.
 */
export interface TelephonySettingsValues {
  telephonyProvider: string;
  /** null: none configured. */
  sipWebSocketUrl: string | null;
  sipDomain: string | null;
  /** SIP windows record their calls; recordings go to the call logs (false when the server says nothing). */
  recordCalls: boolean;
}

export type SettingsValues = CallSettingsValues & TelephonySettingsValues;

/**
 * A PUT body: the call settings, and the telephony ones when the admin sees them. An omitted
 * telephony field stays as stored; null asks for the server's environment default.
 */
export type SettingsChange = CallSettingsValues & Partial<TelephonySettingsValues>;

export interface SettingsView {
  settings: SettingsValues;
  /** ISO date of the last save; null while the defaults apply. */
  updatedAt: string | null;
  /** The signed-in user is a Pipedrive admin of the company. */
  canEdit: boolean;
  /** The regions the server accepts. */
  regions: string[];
  ringTimeoutRange: { min: number; max: number };
  /** The providers the server offers. */
  telephonyProviders: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isNullableString = (value: unknown): value is string | null => value === null || typeof value === 'string';
const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

function parseValues(value: unknown): SettingsValues {
  if (
    !isRecord(value) ||
    !isNullableString(value.defaultRegion) ||
    typeof value.createCallbackForMissedCalls !== 'boolean' ||
    !isNullableString(value.companyPhoneNumber) ||
    !isWhole(value.ringTimeoutSeconds) ||
    typeof value.telephonyProvider !== 'string' ||
    value.telephonyProvider === '' ||
    !isNullableString(value.sipWebSocketUrl) ||
    !isNullableString(value.sipDomain)
  ) {
    throw new ResponseShapeError('settings');
  }
  return {
    defaultRegion: value.defaultRegion,
    createCallbackForMissedCalls: value.createCallbackForMissedCalls,
    companyPhoneNumber: value.companyPhoneNumber,
    ringTimeoutSeconds: value.ringTimeoutSeconds,
    telephonyProvider: value.telephonyProvider,
    sipWebSocketUrl: value.sipWebSocketUrl,
    sipDomain: value.sipDomain,
    recordCalls: value.recordCalls === true,
  };
}

export function parseSettingsView(body: unknown): SettingsView {
  if (!isRecord(body) || typeof body.canEdit !== 'boolean' || !isNullableString(body.updatedAt)) throw new ResponseShapeError('settings');
  const range = body.ringTimeoutRange;
  if (!isRecord(range) || !isWhole(range.min) || !isWhole(range.max)) throw new ResponseShapeError('settings');
  const settings = parseValues(body.settings);
  const providers = strings(body.telephonyProviders);
  return {
    settings,
    updatedAt: body.updatedAt,
    canEdit: body.canEdit,
    regions: strings(body.regions),
    ringTimeoutRange: { min: range.min, max: range.max },
    // The provider in effect is always a choice, even when the list is missing or older.
    telephonyProviders: providers.includes(settings.telephonyProvider) ? providers : [...providers, settings.telephonyProvider],
  };
}
