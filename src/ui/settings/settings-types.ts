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

export interface SettingsView {
  settings: CallSettingsValues;
  /** ISO date of the last save; null while the defaults apply. */
  updatedAt: string | null;
  /** The signed-in user is a Pipedrive admin of the company. */
  canEdit: boolean;
  /** The regions the server accepts. */
  regions: string[];
  ringTimeoutRange: { min: number; max: number };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isNullableString = (value: unknown): value is string | null => value === null || typeof value === 'string';
const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

function parseValues(value: unknown): CallSettingsValues {
  if (
    !isRecord(value) ||
    !isNullableString(value.defaultRegion) ||
    typeof value.createCallbackForMissedCalls !== 'boolean' ||
    !isNullableString(value.companyPhoneNumber) ||
    !isWhole(value.ringTimeoutSeconds)
  ) {
    throw new ResponseShapeError('settings');
  }
  return {
    defaultRegion: value.defaultRegion,
    createCallbackForMissedCalls: value.createCallbackForMissedCalls,
    companyPhoneNumber: value.companyPhoneNumber,
    ringTimeoutSeconds: value.ringTimeoutSeconds,
  };
}

export function parseSettingsView(body: unknown): SettingsView {
  if (!isRecord(body) || typeof body.canEdit !== 'boolean' || !isNullableString(body.updatedAt)) throw new ResponseShapeError('settings');
  const range = body.ringTimeoutRange;
  if (!isRecord(range) || !isWhole(range.min) || !isWhole(range.max)) throw new ResponseShapeError('settings');
  const regions = Array.isArray(body.regions) ? body.regions.filter((region): region is string => typeof region === 'string') : [];
  return {
    settings: parseValues(body.settings),
    updatedAt: body.updatedAt,
    canEdit: body.canEdit,
    regions,
    ringTimeoutRange: { min: range.min, max: range.max },
  };
}
