import { getCountries } from 'libphonenumber-js';
import { z } from 'zod';
import type { CompanySettingsRecord, CompanySettingsValues } from '@/adapters/db/company-settings-store';
import { TELEPHONY_PROVIDER_NAMES, telephonyProviderNameSchema } from '@/adapters/telephony/provider-names';
import { sipDomainSchema, sipWebSocketUrlSchema } from '@/adapters/telephony/sip/sip-server.schema';
import { normalizePhoneNumber, toRegionCode } from '@/domain/phone';
import type { AppContext } from '@/server/app-context';
import { HttpError } from './http-error';
import type { RequestIdentity } from './identity';

export const RING_TIMEOUT_RANGE = { min: 10, max: 120 } as const;

/** Every region libphonenumber knows: the window names them with Intl.DisplayNames. */
export const SUPPORTED_REGIONS: readonly string[] = [...getCountries()].sort();

const regionSchema = z
  .string()
  .max(8)
  .transform((value, context) => {
    const region = toRegionCode(value);
    if (region === undefined) context.addIssue({ code: 'custom', message: 'not a region we know (ISO 3166 alpha-2, e.g. "GB")' });
    return region ?? z.NEVER;
  });

/** Settings added after the first form: a PUT may leave them out (unchanged). */
type OptionalField = 'telephonyProvider' | 'sipWebSocketUrl' | 'sipDomain' | 'recordCalls';

/** A PUT body: the call settings, and optionally the telephony and recording ones (omitted = unchanged). */
export type SettingsChange = Omit<CompanySettingsValues, OptionalField> & Partial<Pick<CompanySettingsValues, OptionalField>>;

/** Blank text means "none", like the company number. */
const blankAsNull = (value: string | null) => (value === null || value.trim() === '' ? null : value);

/** A PUT body: every setting, validated and normalized (region upper-case, number in E.164). */
export const settingsBodySchema = z
  .object({
    defaultRegion: regionSchema.nullable(),
    createCallbackForMissedCalls: z.boolean(),
    companyPhoneNumber: z
      .string()
      .max(40)
      .nullable()
      .transform((value) => (value === null || value.trim() === '' ? null : value)),
    ringTimeoutSeconds: z.number().int().min(RING_TIMEOUT_RANGE.min).max(RING_TIMEOUT_RANGE.max),
    telephonyProvider: telephonyProviderNameSchema.optional(),
    sipWebSocketUrl: z.string().max(300).nullable().transform(blankAsNull).pipe(sipWebSocketUrlSchema.nullable()).optional(),
    sipDomain: z.string().max(253).nullable().transform(blankAsNull).pipe(sipDomainSchema.nullable()).optional(),
    recordCalls: z.boolean().optional(),
  })
  .strict()
  .transform((body, context): SettingsChange => {
    if (body.companyPhoneNumber === null) return { ...body, companyPhoneNumber: null };
    // A national number is read in the region saved with it ("020 7946 0958" with GB).
    const normalized = normalizePhoneNumber(body.companyPhoneNumber, body.defaultRegion ?? undefined);
    if (!normalized.ok) {
      context.addIssue({ code: 'custom', path: ['companyPhoneNumber'], message: 'not a phone number (give it with its country code, e.g. +44 20 7946 0958)' });
      return z.NEVER;
    }
    return { ...body, companyPhoneNumber: normalized.e164 };
  });

/** The settings a PUT leaves: its values over the stored ones (telephony fields may be omitted). */
export function applySettingsChange(current: CompanySettingsValues, change: SettingsChange): CompanySettingsValues {
  const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
  return { ...current, ...defined };
}

/** GET and PUT answer the same shape. */
export function presentSettings(record: CompanySettingsRecord, canEdit: boolean) {
  return {
    settings: record.values,
    updatedAt: record.updatedAt === null ? null : new Date(record.updatedAt).toISOString(),
    updatedByUserId: record.updatedByUserId,
    canEdit,
    regions: SUPPORTED_REGIONS,
    ringTimeoutRange: RING_TIMEOUT_RANGE,
    telephonyProviders: TELEPHONY_PROVIDER_NAMES,
  };
}

/** Settings change only for Pipedrive admins of the company (asked of Pipedrive, remembered briefly). */
export async function requireCompanyAdmin(identity: RequestIdentity, ctx: AppContext): Promise<void> {
  const isAdmin = await ctx.companySettings.admins.isAdmin({ companyId: identity.companyId, userId: identity.userId });
  if (!isAdmin) throw new HttpError('ADMIN_REQUIRED');
}

/** For showing the form read-only: an unreachable Pipedrive means "not now", not a failed page. */
export async function canEditSettings(identity: RequestIdentity, ctx: AppContext): Promise<boolean> {
  try {
    return await ctx.companySettings.admins.isAdmin({ companyId: identity.companyId, userId: identity.userId });
  } catch (error) {
    ctx.logger.child({ module: 'settings' }).warn({ err: error }, 'could not ask Pipedrive for admin rights');
    return false;
  }
}
